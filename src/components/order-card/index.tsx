// One order in a list: colour tile + category, title, where (building only), when, urgency, points/status.
import { Text, View } from '@tarojs/components'
import type { OrderSummary } from '@shared/orders'
import { KIND_LABEL } from '@/constants/labels'
import { timeAgo } from '@/utils/time'
import ListCard from '../list-card'
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
    <ListCard
      className={`order-card order-card--${order.status}`}
      category={order.category}
      title={order.title}
      tags={
        <>
          {order.kind !== 'service' && <Text className="order-card__kind">{KIND_LABEL[order.kind]}</Text>}
          <UrgencyTag urgency={order.urgency} />
        </>
      }
      badge={showStatus && <StatusTag status={order.status} referred={!!order.referral} />}
      onClick={onClick}
    >
      {order.recommendation?.recommended && (
        <View className="order-card__why">
          为你推荐{order.recommendation.parts.length > 0 ? ` · ${order.recommendation.parts.map((p) => p.label).join(' · ')}` : ''}
        </View>
      )}
      <View className="order-card__meta">
        <Text>{[place, timeAgo(order.createdAt)].filter(Boolean).join(' · ')}</Text>
        {showPoints && order.points !== null && <Text className="list-card__points">{order.points} 分</Text>}
      </View>
    </ListCard>
  )
}
