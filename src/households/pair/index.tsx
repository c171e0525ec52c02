// 安排结对: one or two of the community's members (一对一 / 二对一) for this household, what they do and
// how often — the care task then shows in their task lists.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CARE_CADENCES, CARE_KINDS, type CareCadence, type CareKind } from '@shared/enums'
import { CARE_CADENCE_LABELS, CARE_KIND_LABELS, POST_TYPE_LABELS } from '@shared/labels'
import { CARE_LIMITS } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { Chips, Field } from '@/components/field'
import Screen from '@/components/screen'
import { DetailPending, EmptyState, StateSwitch, isGone } from '@/components/state'
import Tap from '@/components/tap'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { listMembers } from '@/services/accounts'
import { toast } from '@/services/feedback'
import { householdsApi } from '@/services/households'
import { cls } from '@/utils/cls'
import { back } from '@/utils/nav'
import './index.scss'

export default function Pair() {
  const id = useRouter().params.id ?? ''
  const household = useRemote(() => householdsApi.get(id), [id], { refreshOnShow: false })
  const members = useRemote(() => listMembers(), [], { refreshOnShow: false })
  const [chosen, setChosen] = useState<string[]>([])
  const [kind, setKind] = useState<CareKind>('visit')
  const [cadence, setCadence] = useState<CareCadence>('weekly')
  const save = useAction((rid: string) => householdsApi.pair({ householdId: id, memberIds: chosen, kind, cadence }, rid))

  const h = household.data
  if (!h) return <DetailPending of={household} gone={isGone(household.error)} title="没有找到这户" hint="可能不在您负责的网格里。" />
  const residents = new Set(h.members.map((m) => m.residentId).filter(Boolean))
  const options = (members.data ?? []).filter((m) => !residents.has(m.id))

  const toggle = (memberId: string) => {
    if (chosen.includes(memberId)) return setChosen(chosen.filter((x) => x !== memberId))
    if (chosen.length >= CARE_LIMITS.maxMembers) return toast(`一户最多结对 ${CARE_LIMITS.maxMembers} 位党员`)
    setChosen([...chosen, memberId])
  }
  const submit = async () => {
    if (chosen.length === 0) return toast('请选择结对的党员')
    const names = options.filter((m) => chosen.includes(m.id)).map((m) => m.name)
    const done = await save.exec({
      ask: `安排${names.join('、')}和${h.head}家结对，${CARE_CADENCE_LABELS[cadence]}${CARE_KIND_LABELS[kind]}？`,
      confirmText: '安排',
      done: '已安排结对',
    })
    if (done) back()
  }

  return (
    <Screen className="pair">
      <Card title={`${h.buildingName} ${h.room} · ${h.head}`}>
        <Field label="帮扶什么">
          <Chips
            className="care-kind-chips"
            options={CARE_KINDS.map((k) => ({ value: k, label: CARE_KIND_LABELS[k] }))}
            value={kind}
            onChange={setKind}
          />
        </Field>
        <Field label="多久一次">
          <Chips
            className="care-cadence-chips"
            options={CARE_CADENCES.map((c) => ({ value: c, label: CARE_CADENCE_LABELS[c] }))}
            value={cadence}
            onChange={setCadence}
          />
        </Field>
      </Card>

      <Card title={`结对党员（已选 ${chosen.length} / ${CARE_LIMITS.maxMembers}）`}>
        <View className="pair__hint">选一位是一对一，选两位是二对一：两人中一人完成即可。</View>
        <StateSwitch of={members} empty={options.length === 0} rows={3} emptyNode={<EmptyState title="社区还没有党员" />}>
          {options.map((m) => (
            <Tap
              key={m.id}
              role="checkbox"
              on={chosen.includes(m.id)}
              className={cls('pair-member', chosen.includes(m.id) && 'pair-member--on')}
              onTap={() => toggle(m.id)}
            >
              <Text className="pair-member__name">{m.name}</Text>
              <Text className="pair-member__meta">
                {[m.gridName, ...m.posts.map((p) => POST_TYPE_LABELS[p])].filter(Boolean).join(' · ')}
              </Text>
            </Tap>
          ))}
        </StateSwitch>
      </Card>

      <Btn block type="primary" size="large" className="btn-pair-submit" loading={save.busy} onClick={() => void submit()}>
        安排结对
      </Btn>
    </Screen>
  )
}
