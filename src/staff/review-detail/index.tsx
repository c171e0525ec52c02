// 审核 (staff): the order with photos and the resident's contact; 派单 (points, optional member) or 不受理.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderDetail } from '@shared/orders'
import Btn from '@/components/btn'
import ContactCard from '@/components/contact-card'
import { Field, TextInput } from '@/components/field'
import OrderInfo from '@/components/order-info'
import ReasonForm from '@/components/reason-form'
import Screen from '@/components/screen'
import { ErrorState, MissingOrder, Skeleton } from '@/components/state'
import StepBar from '@/components/step-bar'
import Timeline from '@/components/timeline'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { ordersApi } from '@/services/orders'
import { back } from '@/utils/nav'
import MemberPicker from './MemberPicker'
import './index.scss'

const REJECT_TEMPLATES = ['不属于社区服务范围', '信息不全，请补充后重新提交', '已由其他部门处理']

export default function ReviewDetail() {
  const id = useRouter().params.id ?? ''
  const order = useRemote(() => ordersApi.get(id), [id], { skip: !id })
  const [rejecting, setRejecting] = useState(false)
  const [points, setPoints] = useState('')
  const [assigneeId, setAssigneeId] = useState('')
  const [assigneeName, setAssigneeName] = useState('')

  const dispatchAct = useAction((rid: string, pts: number | undefined) =>
    ordersApi.dispatch(id, rid, { ...(pts !== undefined ? { points: pts } : {}), ...(assigneeId ? { assigneeId } : {}) }),
  )
  const rejectAct = useAction((rid: string, reason: string) => ordersApi.reject(id, reason, rid))

  if (!id) return <MissingOrder />
  if (order.loading) return <Screen><Skeleton rows={3} /></Screen>
  if (!order.data) {
    if (order.error?.code === 'NOT_FOUND' || order.error?.code === 'FORBIDDEN') return <MissingOrder />
    return <Screen>{order.error && <ErrorState error={order.error} onRetry={() => void order.reload()} />}</Screen>
  }

  const o = order.data
  const can = (a: OrderDetail['actions'][number]) => o.actions.includes(a)
  const after = (next: OrderDetail | undefined) => {
    if (!next) return
    order.setData(next)
    setRejecting(false)
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
    void dispatchAct.exec({ ask: `确认派单？将${who}${pts !== undefined ? `，${pts} 积分` : '，积分按规则'}。`, confirmText: '派单', done: '已派单' }, pts).then(after)
  }

  return (
    <Screen className='review-detail'>
      <StepBar status={o.status} note={o.status === 'rejected' ? o.rejectReason : undefined} />
      <OrderInfo order={o} />
      {o.contact && <ContactCard contact={o.contact} />}

      {can('dispatch') && !rejecting && (
        <View className='card dispatch-form'>
          <View className='card__title'>派单</View>
          <Field label='积分' hint='留空则按社区规则自动计算'>
            <TextInput className='input-points' type='number' value={points} onChange={setPoints} placeholder='按规则' maxLength={3} />
          </Field>
          <MemberPicker
            category={o.category}
            value={assigneeId}
            onChange={(mid, name) => {
              setAssigneeId(mid)
              setAssigneeName(name)
            }}
          />
          <Btn block type='primary' size='large' className='btn-dispatch' loading={dispatchAct.busy} onClick={dispatch}>
            派单
          </Btn>
        </View>
      )}

      {rejecting && (
        <ReasonForm
          title='不受理的原因（居民会看到）'
          templates={REJECT_TEMPLATES}
          submitText='确认不受理'
          submitClassName='btn-reject-submit'
          busy={rejectAct.busy}
          onCancel={() => setRejecting(false)}
          onSubmit={(reason) => void rejectAct.exec({ ask: '确定不受理这个工单吗？', confirmText: '不受理', done: '已处理' }, reason).then(after)}
        />
      )}
      {can('reject') && !rejecting && (
        <Btn block type='danger' className='btn-reject' onClick={() => setRejecting(true)}>
          不受理
        </Btn>
      )}

      <View className='card review-detail__timeline'>
        <View className='card__title'>办理经过</View>
        <Timeline events={o.timeline} />
      </View>
    </Screen>
  )
}
