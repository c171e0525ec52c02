// An order in a queue (逾期/升级, what reached 街道): its card, and under it a bar saying where it stands.
import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import type { OrderSummary } from '@shared/orders'
import { cls } from '@/utils/cls'
import OrderCard from '../order-card'
import './index.scss'

export interface QueueItemProps {
  order: OrderSummary
  /** The tag at the start of the bar ("社区处理", "青山社区"). */
  tag: string
  /** Colours the tag: the ladder's level, or none. */
  tone?: 'grid' | 'community' | 'street'
  className?: string
  onClick: () => void
}

export default function QueueItem({ order, tag, tone = 'community', className, onClick, children }: PropsWithChildren<QueueItemProps>) {
  return (
    <View className={cls('queue-item', className)}>
      <OrderCard order={order} onClick={onClick} />
      <View className="queue-item__bar">
        <Text className={cls('queue-item__tag', `queue-item__tag--${tone}`)}>{tag}</Text>
        <Text>{children}</Text>
      </View>
    </View>
  )
}
