// The order itself, as every role sees it on its detail page: where it stands (step bar), what, where,
// when, how urgent, photos; the resident's contact where the server sends it; the service report; the
// history. What the person can do with it lives beside it, in components/order-actions.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import type { OrderDetail } from '@shared/orders'
import { KIND_LABEL, LEVEL_LABEL, URGENCY_LABEL } from '@/constants/labels'
import type { Remote } from '@/hooks/useRemote'
import { formatTime } from '@/utils/time'
import Btn from '../btn'
import Card, { InfoRow } from '../card'
import PhotoGrid from '../photo-grid'
import { DetailPending, isGone } from '../state'
import StepBar from '../step-bar'
import { CategoryTag, StatusTag, UrgencyTag } from '../tags'
import Timeline from '../timeline'
import './index.scss'

/** What a detail page shows until its order is there. */
export function OrderPending({ id, order }: { id: string; order: Remote<OrderDetail> }) {
  return <DetailPending of={order} gone={!id || isGone(order.error)} title="没有找到这个工单" hint="它可能已被撤销，或者您没有权限查看。" />
}

export interface OrderFactsProps {
  order: OrderDetail
  /** A line above the order, for this person ("社区请您帮忙处理这个工单…"). */
  notice?: ReactNode
  /** Show the resident's contact (staff, the member holding it) when the server sent it. */
  contact?: boolean
}

export default function OrderFacts({ order, notice, contact }: OrderFactsProps) {
  const place = [order.gridName, order.buildingName].filter(Boolean).join(' · ')
  return (
    <>
      <StepBar status={order.status} note={order.status === 'rejected' ? order.rejectReason : undefined} />
      {notice}
      <View className="order-info">
        <View className="order-info__tags">
          <CategoryTag category={order.category} />
          {order.kind !== 'service' && <Text className="tag order-info__kind">{KIND_LABEL[order.kind]}</Text>}
          <UrgencyTag urgency={order.urgency} />
          <View className="order-info__spacer" />
          <StatusTag status={order.status} />
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
      {contact && order.contact && (
        <Card title="居民联系方式" className="contact-card">
          <InfoRow label="姓名" value={order.contact.name} />
          <InfoRow label="地址" value={order.contact.address} />
          <InfoRow label="电话" value={order.contact.phone} />
          {order.contact.phone && (
            <Btn
              block
              type="primary"
              className="btn-call"
              onClick={() => void Taro.makePhoneCall({ phoneNumber: order.contact?.phone ?? '' }).catch(() => undefined)}
            >
              打电话给{order.contact.name}
            </Btn>
          )}
        </Card>
      )}
    </>
  )
}

/** 服务情况: what the member wrote and photographed when finishing (nothing before that). */
export function OrderReport({ order, children }: PropsWithChildren<{ order: OrderDetail }>) {
  if (!order.summary) return null
  return (
    <Card title="服务情况" className="report-card">
      <View className="report-card__text">{order.summary}</View>
      <PhotoGrid photos={order.completionPhotos} />
      {children}
    </Card>
  )
}

/** 办理经过: who did what, when (newest first), and when the order last changed. */
export function OrderHistory({ order, updated }: { order: OrderDetail; updated?: boolean }) {
  return (
    <Card title="办理经过">
      <Timeline events={order.timeline} />
      {updated && <Text className="order-history__updated">更新于 {formatTime(order.updatedAt)}</Text>}
    </Card>
  )
}
