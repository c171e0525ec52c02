// 工单详情 (resident): progress, who is helping, the report, and what I can do now — from `actions`.
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderDetail } from '@shared/orders'
import Btn from '@/components/btn'
import { Field, TextArea } from '@/components/field'
import OrderInfo, { InfoRow } from '@/components/order-info'
import PhotoGrid from '@/components/photo-grid'
import ReasonForm from '@/components/reason-form'
import ShowcaseConsent from '@/components/showcase-consent'
import Screen from '@/components/screen'
import { ErrorState, MissingOrder, Skeleton } from '@/components/state'
import Stars from '@/components/stars'
import StepBar from '@/components/step-bar'
import Timeline from '@/components/timeline'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { formatTime } from '@/utils/time'
import './index.scss'

export default function ResidentOrderDetail() {
  const id = useRouter().params.id ?? ''
  const order = useRemote(() => ordersApi.get(id), [id], { skip: !id })
  const [open, setOpen] = useState<'dispute' | 'cancel' | null>(null)
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')

  const onDone = (o: OrderDetail | undefined) => {
    if (o) {
      order.setData(o)
      setOpen(null)
    }
  }
  const confirmAct = useAction((rid: string) => ordersApi.confirm(id, rating, comment.trim() || undefined, rid))
  const disputeAct = useAction((rid: string, reason: string) => ordersApi.dispute(id, reason, rid))
  const cancelAct = useAction((rid: string, reason: string) => ordersApi.cancel(id, reason || undefined, rid))

  if (!id) return <MissingOrder />
  if (order.loading)
    return (
      <Screen>
        <Skeleton rows={3} />
      </Screen>
    )
  if (!order.data) {
    if (order.error?.code === 'NOT_FOUND' || order.error?.code === 'FORBIDDEN') return <MissingOrder />
    return <Screen>{order.error && <ErrorState error={order.error} onRetry={() => void order.reload()} />}</Screen>
  }

  const o = order.data
  const can = (a: OrderDetail['actions'][number]) => o.actions.includes(a)
  const helper = o.claimer ?? o.assignee

  return (
    <Screen className="order-detail">
      <StepBar status={o.status} note={o.status === 'rejected' ? o.rejectReason : undefined} />
      <OrderInfo order={o} />

      {helper && (o.status === 'claimed' || o.status === 'completed' || o.status === 'closed') && (
        <View className="card helper-card">
          <View className="card__title">帮忙的党员</View>
          <InfoRow label="姓名" value={helper.name} />
        </View>
      )}
      {helper && o.status === 'open' && o.assignee && (
        <View className="card helper-card">
          <View className="card__title">已请党员 {o.assignee.name} 帮忙，等待对方接单</View>
        </View>
      )}

      {o.summary && (
        <View className="card report-card">
          <View className="card__title">服务情况</View>
          <View className="report-card__text">{o.summary}</View>
          <PhotoGrid photos={o.completionPhotos} />
        </View>
      )}

      {o.rating !== null && (
        <View className="card">
          <View className="card__title">我的评价</View>
          <Stars value={o.rating} />
          {o.comment && <View className="report-card__text">{o.comment}</View>}
        </View>
      )}
      {o.status === 'closed' && <ShowcaseConsent orderId={o.id} />}

      {can('confirm') && (
        <View className="card confirm-form">
          <View className="card__title">服务完成了吗？满意就打个分</View>
          <Stars value={rating} onChange={setRating} />
          <Field label="说几句（可以不写）">
            <TextArea
              value={comment}
              onChange={setComment}
              placeholder="例：小王很耐心，谢谢！"
              maxLength={300}
              className="input-comment"
            />
          </Field>
          <Btn
            block
            type="primary"
            size="large"
            className="btn-confirm"
            disabled={rating === 0}
            loading={confirmAct.busy}
            onClick={() =>
              void confirmAct.exec({ ask: `确认服务已完成，评 ${rating} 星？`, confirmText: '确认', done: '谢谢您的评价' }).then(onDone)
            }
          >
            确认完成
          </Btn>
        </View>
      )}

      {open === 'dispute' && (
        <ReasonForm
          title="哪里还没解决？"
          templates={['问题还在，没有修好', '党员没有上门', '只做了一部分']}
          max={300}
          submitText="提交"
          submitClassName="btn-dispute-submit"
          busy={disputeAct.busy}
          onCancel={() => setOpen(null)}
          onSubmit={(reason) =>
            void disputeAct.exec({ ask: '确认告诉党员还没解决？', done: '已告诉党员，请等待处理' }, reason).then(onDone)
          }
        />
      )}
      {open === 'cancel' && (
        <ReasonForm
          title="为什么撤销？"
          templates={['已经自己解决了', '不需要了', '填错了，重新提交']}
          min={0}
          submitText="确认撤销"
          submitClassName="btn-cancel-submit"
          busy={cancelAct.busy}
          onCancel={() => setOpen(null)}
          onSubmit={(reason) =>
            void cancelAct.exec({ ask: '确定撤销这个工单吗？', confirmText: '撤销', done: '已撤销' }, reason).then(onDone)
          }
        />
      )}

      {!open && (can('dispute') || can('cancel')) && (
        <View className="action-bar">
          {can('dispute') && (
            <Btn block type="danger" className="btn-dispute" onClick={() => setOpen('dispute')}>
              还没解决
            </Btn>
          )}
          {can('cancel') && (
            <Btn block type="danger" className="btn-cancel" onClick={() => setOpen('cancel')}>
              撤销
            </Btn>
          )}
        </View>
      )}

      <View className="card">
        <View className="card__title">办理经过</View>
        <Timeline events={o.timeline} />
        <Text className="order-detail__updated">更新于 {formatTime(o.updatedAt)}</Text>
      </View>
    </Screen>
  )
}
