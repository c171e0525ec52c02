// 审核 / 工单详情 for those who look after an order — 社区工作者, the grid's 网格员, and 街道 once it has
// climbed there: the order with photos (the resident's contact only where the server sends it);
// 下单 (派单: points prefilled by the rules, how serious it is, optionally to one member from 推荐人选),
// 转办 or 不受理; the referral's answer, 街道 sending it down, confirming for the resident, the 回访 after
// a low rating; the escalation history once it has climbed. Each form shows when the order's actions allow it.
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { OrderAction, Severity } from '@shared/enums'
import type { OrderDetail } from '@shared/orders'
import Btn from '@/components/btn'
import Card from '@/components/card'
import Escalations from '@/components/escalations'
import { InputField } from '@/components/field'
import OrderActions from '@/components/order-actions'
import OrderFacts, { OrderHistory, OrderPending, OrderReferral, OrderReport } from '@/components/order-facts'
import Screen from '@/components/screen'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { ordersApi } from '@/services/orders'
import { pointsApi } from '@/services/points'
import { back } from '@/utils/nav'
import { ORDER_LIMITS as L } from '@shared/limits'
import { ConfirmForResident, ReferForm, SeverityChips, TextForm } from './panels'
import SuggestPicker from './SuggestPicker'
import './index.scss'

export default function ReviewDetail() {
  const id = useRouter().params.id ?? ''
  const order = useRemote(() => ordersApi.get(id), [id], { skip: !id })
  const [open, setOpen] = useState<OrderAction | null>(null)
  // the box shows the rules' points until staff change them (null: untouched, the server applies the rules)
  const [edited, setPoints] = useState<string | null>(null)
  const rules = useRemote(() => pointsApi.rules(), [], { refreshOnShow: false })
  const [assigneeId, setAssigneeId] = useState('')
  const [assigneeName, setAssigneeName] = useState('')
  const [severity, setSeverity] = useState<Severity>('general')
  const [referring, setReferring] = useState(false)

  const dispatchAct = useAction((rid: string, pts: number | undefined) =>
    ordersApi.dispatch(id, rid, { ...(pts !== undefined ? { points: pts } : {}), ...(assigneeId ? { assigneeId } : {}), severity }),
  )
  const status = order.data?.status

  // the same page shows any order to staff (from 逾期/升级 too): title it by what it is for now
  useEffect(() => {
    if (status) void Taro.setNavigationBarTitle({ title: status === 'submitted' ? '审核' : '需求详情' }).catch(() => undefined)
  }, [status])

  if (!order.data) return <OrderPending id={id} order={order} />

  const o = order.data
  // what the rules give this order (base points of its post type × urgency factor), as the server computes it
  const byRules = rules.data ? Math.round(rules.data.rules.basePoints[o.category] * rules.data.rules.urgencyFactor[o.urgency]) : undefined
  const points = edited ?? (byRules === undefined ? '' : String(byRules))
  const after = (next: OrderDetail | undefined) => {
    if (!next) {
      // refused (say the resident cancelled meanwhile) or not confirmed: show the order as it is now
      void order.reload()
      return
    }
    order.setData(next)
    setOpen(null)
    setReferring(false)
    setTimeout(back, 1200) // back to the queue for the next one
  }
  // a step that keeps the order on this page (an answer, a confirmation): show it as it is now
  const stay = (next: OrderDetail | undefined) => (next ? order.setData(next) : void order.reload())

  const dispatch = () => {
    const text = points.trim()
    const pts = edited === null || text === '' ? undefined : Number(text)
    if (pts !== undefined && (!Number.isInteger(pts) || pts < 0 || pts > 500)) {
      toast('积分请填 0 到 500 的整数，或留空按规则')
      return
    }
    const who = assigneeId ? `派给 ${assigneeName}` : '放进接单大厅'
    const worth = pts ?? byRules
    void dispatchAct
      .exec(
        { ask: `确认下单？将${who}，${worth === undefined ? '积分按规则' : `${worth} 积分`}。`, confirmText: '下单', done: '已下单' },
        pts,
      )
      .then(after)
  }

  return (
    <Screen className="review-detail">
      <OrderFacts order={o} contact />
      <Escalations level={o.level} escalations={o.escalations} />
      <OrderReferral order={o} />
      <OrderReport order={o} />

      {o.actions.includes('refer') && open !== 'reject' && !referring && (
        <Btn block className="btn-refer" onClick={() => setReferring(true)}>
          转办给部门、物业或共建单位
        </Btn>
      )}
      {referring && <ReferForm order={o} rules={rules.data?.rules} onCancel={() => setReferring(false)} onDone={after} />}

      {o.actions.includes('answer') && (
        <TextForm
          title={`记录${o.referral?.unitName ?? '单位'}的答复`}
          label="答复内容"
          placeholder="例：物业已于今天下午更换水管，试水不漏"
          span={L.answer}
          submit="记录答复"
          className="answer-form"
          ask="确认记录这条答复？居民会收到通知。"
          done="已记录，等居民确认"
          run={(text, rid) => ordersApi.answer(o.id, text, rid)}
          onDone={stay}
        />
      )}
      {o.actions.includes('sendDown') && (
        <TextForm
          title="发回社区办理"
          label="街道的意见"
          placeholder="例：请社区先拉警戒线，督促住建局三日内处理"
          span={L.reason}
          submit="发回社区"
          className="send-down-form"
          ask="确认发回社区？社区会收到您的意见。"
          done="已发回社区"
          run={(text, rid) => ordersApi.sendDown(o.id, text, rid)}
          onDone={after}
        />
      )}
      {o.actions.includes('confirm') && <ConfirmForResident order={o} onDone={stay} />}
      {o.actions.includes('revisit') && (
        <TextForm
          title={`回访：居民评了 ${o.rating ?? ''} 星`}
          label="回访情况"
          placeholder="例：上门看过，老人嫌去得晚了，已致歉，下次提前联系"
          span={L.revisitNote}
          submit="记录回访"
          className="revisit-form"
          ask="确认已回访？"
          done="已记录回访"
          run={(text, rid) => ordersApi.revisit(o.id, text, rid)}
          onDone={stay}
        />
      )}

      {o.actions.includes('dispatch') && open !== 'reject' && !referring && (
        <Card title="下单" className="dispatch-form">
          <InputField
            label="积分"
            hint={byRules === undefined ? '留空则按社区规则计算' : `按社区规则是 ${byRules} 分，可以改`}
            className="input-points"
            type="number"
            value={points}
            onChange={setPoints}
            placeholder="按规则"
            maxLength={3}
          />
          <SeverityChips rules={rules.data?.rules} value={severity} onChange={setSeverity} />
          <SuggestPicker
            orderId={o.id}
            value={assigneeId}
            onChange={(mid, name) => {
              setAssigneeId(mid)
              setAssigneeName(name)
            }}
          />
          <Btn block type="primary" size="large" className="btn-dispatch" loading={dispatchAct.busy} onClick={dispatch}>
            {assigneeId ? `下单给${assigneeName}` : '下单'}
          </Btn>
        </Card>
      )}

      {!referring && <OrderActions order={o} offer={['reject']} open={open} onOpen={setOpen} onDone={after} />}
      <OrderHistory order={o} />
    </Screen>
  )
}
