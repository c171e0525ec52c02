// 工单详情 (resident): progress, who is helping, the report, and what I can do now — from `actions`.
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderAction } from '@shared/enums'
import type { OrderDetail } from '@shared/orders'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { AreaField } from '@/components/field'
import OrderActions from '@/components/order-actions'
import OrderFacts, { OrderHistory, OrderPending, OrderReferral, OrderReport } from '@/components/order-facts'
import ShowcaseConsent from '@/components/showcase-consent'
import Screen from '@/components/screen'
import Stars from '@/components/stars'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { ROUTES } from '@/constants/routes'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'
import './index.scss'
import { ORDER_LIMITS } from '@shared/limits'

/** Just sent (?submitted=1): what happens next, and where to go from here. */
function Sent() {
  return (
    <View className="sent">
      <View className="sent__title">已提交，社区会尽快处理</View>
      <View className="sent__hint">有进展会在「消息」里告诉您。</View>
      <View className="sent__buttons">
        <Btn className="btn-my-orders" onClick={() => void Taro.redirectTo({ url: ROUTES.myOrders })}>
          查看我的需求
        </Btn>
        <Btn type="primary" className="btn-home" onClick={() => go(ROUTES.home)}>
          回首页
        </Btn>
      </View>
    </View>
  )
}

export default function ResidentOrderDetail() {
  const params = useRouter().params
  const id = params.id ?? ''
  const order = useRemote(() => ordersApi.get(id), [id], { skip: !id })
  const [open, setOpen] = useState<OrderAction | null>(null)
  const [rating, setRating] = useState(0)
  const [comment, setComment] = useState('')

  const onDone = (o: OrderDetail | undefined) => {
    if (o) {
      order.setData(o)
      setOpen(null)
    }
  }
  const confirmAct = useAction((rid: string) => ordersApi.confirm(id, rating, comment.trim() || undefined, rid))

  if (!order.data) return <OrderPending id={id} order={order} />
  const o = order.data
  const helper = o.claimer ?? o.assignee

  return (
    <Screen className="order-detail">
      {params.submitted === '1' && o.status === 'submitted' && <Sent />}
      <OrderFacts order={o} />

      {helper && (o.status === 'claimed' || o.status === 'completed' || o.status === 'closed') && (
        <Card title="帮忙的党员" className="helper-card">
          <InfoRow label="姓名" value={helper.name} />
        </Card>
      )}
      {helper && o.status === 'open' && o.assignee && (
        <Card title={`已请党员 ${o.assignee.name} 帮忙，等待对方接单`} className="helper-card" />
      )}

      <OrderReferral order={o} />
      <OrderReport order={o} />

      {o.rating !== null && (
        <Card title="我的评价">
          <Stars value={o.rating} />
          {o.comment && <View className="report-card__text">{o.comment}</View>}
        </Card>
      )}
      {o.status === 'closed' && <ShowcaseConsent orderId={o.id} />}

      {o.actions.includes('confirm') && (
        <Card title={o.referral ? '有了答复，问题解决了吗？打个分' : '服务完成了吗？满意就打个分'} className="confirm-form">
          <Stars value={rating} onChange={setRating} />
          <AreaField
            label="说几句（可以不写）"
            value={comment}
            onChange={setComment}
            placeholder="例：小王很耐心，谢谢！"
            maxLength={ORDER_LIMITS.comment.max}
            className="input-comment"
          />
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
        </Card>
      )}

      <OrderActions order={o} offer={['dispute', 'cancel']} open={open} onOpen={setOpen} onDone={onDone} />
      <OrderHistory order={o} updated />
    </Screen>
  )
}
