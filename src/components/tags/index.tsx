// Small labelled tags: status, urgency, category. Always text, colour only adds to it.
import { Text, View } from '@tarojs/components'
import type { OrderStatus, PostType, Urgency } from '@shared/enums'
import { POST_TYPE_COLOR, POST_TYPE_LABEL, URGENCY_LABEL, statusWords } from '@/constants/labels'
import './index.scss'

/** `referred`: the order went to a unit (转办), so its later steps read 已反馈 / 已办结. */
export function StatusTag({ status, referred }: { status: OrderStatus; referred?: boolean }) {
  return <Text className={`tag tag-status tag-status--${status}`}>{statusWords(status, referred)}</Text>
}

export function UrgencyTag({ urgency, showNormal }: { urgency: Urgency; showNormal?: boolean }) {
  if (urgency === 'normal' && !showNormal) return null
  return (
    <Text className={`tag tag-urgency tag-urgency--${urgency}`}>
      {urgency === 'urgent' ? '⚡' : ''}
      {URGENCY_LABEL[urgency]}
    </Text>
  )
}

export function CategoryTag({ category }: { category: PostType }) {
  return (
    <View className="tag tag-category">
      <View className="tag-category__dot" style={{ background: POST_TYPE_COLOR[category] }} />
      <Text>{POST_TYPE_LABEL[category]}</Text>
    </View>
  )
}
