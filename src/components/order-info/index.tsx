// The order itself, as every role sees it: what, where, when, how urgent, photos.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { OrderDetail } from '@shared/orders'
import { KIND_LABEL, LEVEL_LABEL, URGENCY_LABEL } from '@/constants/labels'
import { formatTime } from '@/utils/time'
import PhotoGrid from '../photo-grid'
import { CategoryTag, StatusTag, UrgencyTag } from '../tags'
import './index.scss'

export function InfoRow({ label, value, children }: { label: string; value?: string | null; children?: ReactNode }) {
  if (!children && !value) return null
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <View className="info-row__value">{children ?? value}</View>
    </View>
  )
}

export default function OrderInfo({ order, showStatus = true }: { order: OrderDetail; showStatus?: boolean }) {
  const place = [order.gridName, order.buildingName].filter(Boolean).join(' · ')
  return (
    <View className="order-info">
      <View className="order-info__tags">
        <CategoryTag category={order.category} />
        {order.kind !== 'service' && <Text className="tag order-info__kind">{KIND_LABEL[order.kind]}</Text>}
        <UrgencyTag urgency={order.urgency} />
        <View className="order-info__spacer" />
        {showStatus && <StatusTag status={order.status} />}
      </View>
      <View className="order-info__title">{order.title}</View>
      {order.description && <View className="order-info__desc">{order.description}</View>}
      <PhotoGrid photos={order.photos} />
      <View className="order-info__rows">
        <InfoRow label="地点" value={place} />
        <InfoRow label="急不急" value={URGENCY_LABEL[order.urgency]} />
        <InfoRow label="希望时间" value={order.preferredTime} />
        <InfoRow label="提交时间" value={formatTime(order.createdAt)} />
        {order.level && order.level !== 'grid' && <InfoRow label="处理层级" value={`已升级到${LEVEL_LABEL[order.level]}处理`} />}
        {order.points !== null && <InfoRow label="积分" value={`${order.points} 分`} />}
      </View>
    </View>
  )
}
