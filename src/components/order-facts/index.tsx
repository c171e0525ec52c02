// The order itself, as every role sees it on its detail page: where it stands (step bar), what, where,
// when, how urgent, photos, who ordered it for the resident (代办); the resident's contact where the
// server sends it; the service report, the referral (转办) and its answer; the history. What the person
// can do with it lives beside it, in components/order-actions.
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import type { OrderDetail } from '@shared/orders'
import { CHANNEL_LABELS, REFERRAL_STATUS_LABELS, SEVERITY_LABELS, UNIT_KIND_LABELS } from '@shared/labels'
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
  return <DetailPending of={order} gone={!id || isGone(order.error)} title="没有找到这条需求" hint="它可能已被撤销，或者您没有权限查看。" />
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
      <StepBar status={order.status} referred={!!order.referral} note={order.status === 'rejected' ? order.rejectReason : undefined} />
      {notice}
      <View className="order-info">
        <View className="order-info__tags">
          <CategoryTag category={order.category} />
          {order.kind !== 'service' && <Text className="tag order-info__kind">{KIND_LABEL[order.kind]}</Text>}
          <UrgencyTag urgency={order.urgency} />
          <View className="order-info__spacer" />
          <StatusTag status={order.status} referred={!!order.referral} />
        </View>
        <View className="order-info__title">{order.title}</View>
        {order.description && <View className="order-info__desc">{order.description}</View>}
        <PhotoGrid photos={order.photos} />
        <View className="order-info__rows">
          <InfoRow label="地点" value={place} />
          <InfoRow label="急不急" value={URGENCY_LABEL[order.urgency]} />
          <InfoRow label="希望时间" value={order.preferredTime} />
          <InfoRow label="提交时间" value={formatTime(order.createdAt)} />
          {order.onBehalf && (
            <InfoRow label="代办" value={`${order.onBehalf.agent.name}（${CHANNEL_LABELS[order.onBehalf.channel]}）替居民提交`} />
          )}
          {order.severity !== 'general' && <InfoRow label="情况轻重" value={SEVERITY_LABELS[order.severity]} />}
          {order.level && order.level !== 'grid' && <InfoRow label="处理层级" value={`由${LEVEL_LABEL[order.level]}办理`} />}
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

/** 转办: to which unit, by when, and the answer once recorded — the latest referral, as the resident follows it. */
export function OrderReferral({ order }: { order: OrderDetail }) {
  const r = order.referrals.at(-1)
  if (!r) return null
  return (
    <Card title={`转办情况：${REFERRAL_STATUS_LABELS[r.status]}`} className="referral-card">
      <InfoRow label="转给" value={`${r.unit.name}（${UNIT_KIND_LABELS[r.unit.kind]}）`} />
      <InfoRow label="答复时限" value={`${formatTime(r.deadline)}${r.late ? (r.answer ? '（超时答复）' : '（已超时）') : ''}`} />
      {r.note && <InfoRow label="交代" value={r.note} />}
      {r.answer && (
        <View className="referral-card__answer">
          <View className="report-card__text">{r.answer}</View>
          <Text className="referral-card__who">
            {r.answeredBy ? `${r.answeredBy.name} 记录于 ` : ''}
            {r.answeredAt ? formatTime(r.answeredAt) : ''}
          </Text>
        </View>
      )}
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
