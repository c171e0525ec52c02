// 审核 / 工单详情 (staff): the order with photos and the resident's contact; 派单 (points prefilled by the
// rules, optionally to one member from 推荐人选) or 不受理; the escalation history once it has climbed.
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { OrderAction } from '@shared/enums'
import type { OrderDetail } from '@shared/orders'
import Btn from '@/components/btn'
import Card from '@/components/card'
import Escalations from '@/components/escalations'
import { InputField } from '@/components/field'
import OrderActions from '@/components/order-actions'
import OrderFacts, { OrderHistory, OrderPending } from '@/components/order-facts'
import Screen from '@/components/screen'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { ordersApi } from '@/services/orders'
import { pointsApi } from '@/services/points'
import { back } from '@/utils/nav'
import SuggestPicker from './SuggestPicker'
import './index.scss'

export default function ReviewDetail() {
  const id = useRouter().params.id ?? ''
  const order = useRemote(() => ordersApi.get(id), [id], { skip: !id })
  const [open, setOpen] = useState<OrderAction | null>(null)
  const [points, setPoints] = useState('')
  const rules = useRemote(() => pointsApi.rules(), [], { refreshOnShow: false })
  const [assigneeId, setAssigneeId] = useState('')
  const [assigneeName, setAssigneeName] = useState('')

  const dispatchAct = useAction((rid: string, pts: number | undefined) =>
    ordersApi.dispatch(id, rid, { ...(pts !== undefined ? { points: pts } : {}), ...(assigneeId ? { assigneeId } : {}) }),
  )
  const status = order.data?.status

  // the same page shows any order to staff (from 逾期/升级 too): title it by what it is for now
  useEffect(() => {
    if (status) void Taro.setNavigationBarTitle({ title: status === 'submitted' ? '审核' : '工单详情' }).catch(() => undefined)
  }, [status])

  if (!order.data) return <OrderPending id={id} order={order} />

  const o = order.data
  // what the rules give this order (base points of its post type × urgency factor), as the server computes it
  const byRules = rules.data ? Math.round(rules.data.rules.basePoints[o.category] * rules.data.rules.urgencyFactor[o.urgency]) : undefined
  const after = (next: OrderDetail | undefined) => {
    if (!next) {
      // refused (say the resident cancelled meanwhile) or not confirmed: show the order as it is now
      void order.reload()
      return
    }
    order.setData(next)
    setOpen(null)
    setTimeout(back, 1200) // back to the queue for the next one
  }

  const dispatch = () => {
    const text = points.trim()
    const pts = text === '' ? undefined : Number(text)
    if (pts !== undefined && (!Number.isInteger(pts) || pts < 0 || pts > 500)) {
      toast('积分请填 0 到 500 的整数，或留空按规则')
      return
    }
    const who = assigneeId ? `派给 ${assigneeName}` : '放进接单大厅'
    const worth = pts ?? byRules
    void dispatchAct
      .exec(
        { ask: `确认派单？将${who}，${worth === undefined ? '积分按规则' : `${worth} 积分`}。`, confirmText: '派单', done: '已派单' },
        pts,
      )
      .then(after)
  }

  return (
    <Screen className="review-detail">
      <OrderFacts order={o} contact />
      <Escalations level={o.level} escalations={o.escalations} />

      {o.actions.includes('dispatch') && open !== 'reject' && (
        <Card title="派单" className="dispatch-form">
          <InputField
            label="积分"
            hint={byRules === undefined ? '留空则按社区规则计算' : `留空则按社区规则给 ${byRules} 分`}
            className="input-points"
            type="number"
            value={points}
            onChange={setPoints}
            placeholder={byRules === undefined ? '按规则' : `按规则 ${byRules} 分`}
            maxLength={3}
          />
          <SuggestPicker
            orderId={o.id}
            value={assigneeId}
            onChange={(mid, name) => {
              setAssigneeId(mid)
              setAssigneeName(name)
            }}
          />
          <Btn block type="primary" size="large" className="btn-dispatch" loading={dispatchAct.busy} onClick={dispatch}>
            {assigneeId ? `派单给${assigneeName}` : '派单'}
          </Btn>
        </Card>
      )}

      <OrderActions order={o} offer={['reject']} open={open} onOpen={setOpen} onDone={after} />
      <OrderHistory order={o} />
    </Screen>
  )
}
