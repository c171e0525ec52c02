// One order in a list: colour tile + category, title, where (building only), when, urgency, points/status.
import { Text, View } from '@tarojs/components'
import type { OrderSummary } from '@shared/orders'
import { KIND_LABEL, POST_TYPE_COLOR, POST_TYPE_GLYPH, POST_TYPE_LABEL } from '@/constants/labels'
import { timeAgo } from '@/utils/time'
import { StatusTag, UrgencyTag } from '../tags'
import './index.scss'

export interface OrderCardProps {
  order: OrderSummary
  /** Show the points the order pays (hall) instead of only the status. */
  showPoints?: boolean
  showStatus?: boolean
  onClick: () => void
}

export default function OrderCard({ order, showPoints, showStatus = true, onClick }: OrderCardProps) {
  const place = [order.gridName, order.buildingName].filter(Boolean).join(' · ')
  return (
    <View className={`order-card order-card--${order.status}`} hoverClass="order-card--pressed" onClick={onClick}>
      <View className="order-card__tile" style={{ background: POST_TYPE_COLOR[order.category] }}>
        <Text className="order-card__glyph">{POST_TYPE_GLYPH[order.category]}</Text>
      </View>
      <View className="order-card__body">
        <View className="order-card__top">
          <Text className="order-card__category">{POST_TYPE_LABEL[order.category]}</Text>
          {order.kind !== 'service' && <Text className="order-card__kind">{KIND_LABEL[order.kind]}</Text>}
          <UrgencyTag urgency={order.urgency} />
          <View className="order-card__spacer" />
          {showStatus && <StatusTag status={order.status} />}
        </View>
        <View className="order-card__title">{order.title}</View>
        {order.recommendation?.recommended && (
          <View className="order-card__why">
            为你推荐{order.recommendation.parts.length > 0 ? ` · ${order.recommendation.parts.map((p) => p.label).join(' · ')}` : ''}
          </View>
        )}
        <View className="order-card__meta">
          <Text>{[place, timeAgo(order.createdAt)].filter(Boolean).join(' · ')}</Text>
          {showPoints && order.points !== null && <Text className="order-card__points">{order.points} 分</Text>}
        </View>
      </View>
    </View>
  )
}
