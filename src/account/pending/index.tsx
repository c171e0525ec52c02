// 成员审核 (staff): residents waiting to have their home verified and members' 双报到, oldest first;
// 通过 grants the role, 不通过 says why (the person reads it in 消息 and can submit again).
import { MANAGEMENT_LABELS, MEMBER_STATUS_LABELS } from '@shared/labels'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RegistrationKind, RegistrationView } from '@shared/accounts'
import Btn from '@/components/btn'
import FilterBar from '@/components/filter-bar'
import ReasonForm from '@/components/reason-form'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { POST_TYPE_LABEL } from '@/constants/labels'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { peopleApi } from '@/services/workbench'
import { timeAgo } from '@/utils/time'
import '@/styles/blocks.scss'
import './index.scss'
import { ACCOUNT_LIMITS } from '@shared/limits'

const KIND_LABEL: Record<RegistrationKind, string> = { resident: '居民登记', member: '党员报到' }
const TEMPLATES = ['住址信息与登记不符', '请补充工作单位全称', '该党员已在其他社区报到']

function Line({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null
  return (
    <View className="wb-line">
      <Text className="wb-line__label">{label}</Text>
      <Text className="wb-line__value">{value}</Text>
    </View>
  )
}

function Item({ r, onDone }: { r: RegistrationView; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false)
  const decide = useAction((requestId: string, approve: boolean, reason?: string) =>
    peopleApi.decide(r.kind, r.userId, approve, reason, requestId),
  )
  const approve = async () => {
    const done = await decide.exec({ ask: `确认通过${r.name}的${KIND_LABEL[r.kind]}？`, confirmText: '通过', done: '已通过' }, true)
    if (done) onDone()
  }
  const reject = async (reason: string) => {
    const done = await decide.exec({ done: '已退回' }, false, reason)
    if (done) {
      setRejecting(false)
      onDone()
    }
  }
  return (
    <View className={`pending-item pending-item--${r.kind}`}>
      <View className="pending-item__top">
        <Text className="pending-item__kind">{KIND_LABEL[r.kind]}</Text>
        <Text className="pending-item__when">{timeAgo(r.submittedAt)}提交</Text>
      </View>
      <View className="pending-item__name">{r.name}</View>
      <Line label="电话" value={r.phone} />
      <Line label="住址" value={r.address} />
      <Line label={r.kind === 'member' ? '报到网格' : '所在网格'} value={r.gridName} />
      {r.member && (
        <>
          <Line label="身份" value={`${MEMBER_STATUS_LABELS[r.member.status]}党员 · ${MANAGEMENT_LABELS[r.member.management]}`} />
          <Line label="工作单位" value={r.member.workUnit} />
          <Line label="党支部" value={r.member.branch} />
          <View className="wb-line">
            <Text className="wb-line__label">认领岗位</Text>
            <View className="wb-tags">
              {r.member.posts.map((p) => (
                <Text key={p} className="wb-tag">
                  {POST_TYPE_LABEL[p]}
                </Text>
              ))}
            </View>
          </View>
          <Line label="技能" value={r.member.skills.join('、')} />
        </>
      )}
      {rejecting ? (
        <ReasonForm
          title="不通过的原因"
          span={ACCOUNT_LIMITS.reason}
          templates={TEMPLATES}
          submitText="不通过"
          submitClassName="btn-reject-submit"
          busy={decide.busy}
          onSubmit={(reason) => void reject(reason)}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <View className="wb-row">
          <Btn className="btn-reject" onClick={() => setRejecting(true)}>
            不通过
          </Btn>
          <Btn type="primary" className="btn-approve" loading={decide.busy} onClick={() => void approve()}>
            通过
          </Btn>
        </View>
      )}
    </View>
  )
}

export default function Pending() {
  const [kind, setKind] = useState<RegistrationKind | ''>('')
  const list = useRemote(() => peopleApi.pending(kind || undefined), [kind])
  const items = list.data ?? []
  return (
    <Screen className="wb pending">
      <View className="wb-head">成员审核 {list.data ? `${items.length} 份` : ''}</View>
      <View className="wb-hint">通过后，居民可以点单，党员可以接单；不通过请写明原因，对方会在消息里看到。</View>
      <FilterBar
        options={[
          { value: '', label: '全部' },
          { value: 'resident', label: '居民登记' },
          { value: 'member', label: '党员报到' },
        ]}
        value={kind}
        onChange={setKind}
      />
      <StateSwitch
        of={list}
        empty={items.length === 0}
        emptyNode={<EmptyState title="没有待审核的登记" hint="居民登记住址、党员报到后会出现在这里。" />}
      >
        {items.map((r) => (
          <Item key={`${r.userId}:${r.kind}`} r={r} onDone={() => void list.reload()} />
        ))}
      </StateSwitch>
    </Screen>
  )
}
