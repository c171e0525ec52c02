// 代办: a 网格员 or 社区工作者 orders for a registered resident who phoned, was visited or came in — or for
// a person of a household's file without an account (一户一档) — pick the person (by name, building or the
// end of their phone), say how the need came in, then the kind of help; the order form follows on their
// behalf.
import { View } from '@tarojs/components'
import Tap from '@/components/tap'
import { useState } from 'react'
import { CHANNELS, type Channel, type OrderKind } from '@shared/enums'
import type { ResidentItem } from '@shared/accounts'
import { CHANNEL_LABELS } from '@shared/labels'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { Chips, Field } from '@/components/field'
import Screen from '@/components/screen'
import { ResidentOption, ResidentOptions, ResidentSearchBox } from '@/components/resident-search'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { householdsApi } from '@/services/households'
import { ordersApi } from '@/services/orders'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import './index.scss'

/** Whom for: a registered resident, or a person of a household's file (`householdId`) without an account. */
type Picked = ResidentItem & { householdId?: string; relation?: string }

const KINDS: Array<{ kind: OrderKind; title: string; hint: string }> = [
  { kind: 'service', title: '要人帮忙', hint: '陪诊、取药、修东西……' },
  { kind: 'hazard', title: '报个隐患', hint: '拍下楼道、管线、路面的问题' },
  { kind: 'wish', title: '一个微心愿', hint: '想要的小东西、想学的本事' },
]

export default function ProxyOrder() {
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<Picked | null>(null)
  const [channel, setChannel] = useState<Channel>('phone')
  const residents = useRemote(() => ordersApi.residents(search || undefined), [search], { refreshOnShow: false })
  const households = useRemote(() => householdsApi.list(search ? { q: search } : {}), [search], { refreshOnShow: false })
  const items = residents.data ?? []
  // the people of the caller's households known only from the file
  const unregistered: Picked[] = (households.data ?? []).flatMap((h) =>
    h.unregistered.map((m) => ({
      id: m.id,
      name: m.name,
      gridName: h.gridName,
      address: `${h.buildingName} ${h.room}`,
      phone: null,
      householdId: h.id,
      relation: m.relation,
    })),
  )

  const start = (kind: OrderKind) => {
    if (!picked) return
    go(
      withQuery(ROUTES.orderNew, {
        kind,
        for: picked.id,
        forName: picked.name,
        forAddress: picked.address ?? '',
        channel,
        ...(picked.householdId ? { household: picked.householdId } : {}),
      }),
    )
  }

  return (
    <Screen className="proxy">
      <Card title="1. 替谁下单">
        {picked ? (
          <View className="proxy__picked">
            <InfoRow label="居民" value={picked.name} />
            <InfoRow label="住址" value={[picked.gridName, picked.address].filter(Boolean).join(' ')} />
            {picked.householdId ? <InfoRow label="账号" value="没有注册（一户一档）" /> : <InfoRow label="电话" value={picked.phone} />}
            <Btn className="btn-change-resident" onClick={() => setPicked(null)}>
              换一位
            </Btn>
          </View>
        ) : (
          <>
            <ResidentSearchBox onSearch={setSearch} />
            <ResidentOptions of={residents} items={items} emptyHint="只能替您负责的网格里登记过的居民下单。" onPick={setPicked} />
            {unregistered.length > 0 && (
              <>
                <View className="proxy__section">一户一档里没有注册的</View>
                {unregistered.map((m) => (
                  <ResidentOption
                    key={m.id}
                    className="household-person-option"
                    name={`${m.name}（${m.relation}）`}
                    where={[m.gridName, m.address].filter(Boolean).join(' ')}
                    onTap={() => setPicked(m)}
                  />
                ))}
              </>
            )}
          </>
        )}
      </Card>

      <Card title="2. 怎么知道的">
        <Field label="居民是怎么说的">
          <Chips
            className="channel-chips"
            options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={channel}
            onChange={setChannel}
          />
        </Field>
      </Card>

      <Card title="3. 什么事">
        <View className={cls('proxy__kinds', !picked && 'proxy__kinds--off')}>
          {KINDS.map((k) => (
            <Tap key={k.kind} className={`proxy-kind btn-proxy-${k.kind}`} hoverClass="proxy-kind--pressed" onTap={() => start(k.kind)}>
              <View className="proxy-kind__title">{k.title}</View>
              <View className="proxy-kind__hint">{k.hint}</View>
            </Tap>
          ))}
        </View>
        {!picked && <View className="proxy__hint">先在上面选好居民。</View>}
      </Card>
    </Screen>
  )
}
