// Where an order is: 待审核 → 待接单 → 服务中 → 待确认 → 已完成 (or a banner when it stopped).
import { View } from '@tarojs/components'
import type { OrderStatus } from '@shared/enums'
import { STATUS_LABEL } from '@/constants/labels'
import { cls } from '@/utils/cls'
import './index.scss'

// each step is a status, worded as the status tag words it (待审核 on the bar where the tag says 待审核)
const FLOW: OrderStatus[] = ['submitted', 'open', 'claimed', 'completed', 'closed']
const STEPS = FLOW.map((s) => STATUS_LABEL[s])
const INDEX: Partial<Record<OrderStatus, number>> = Object.fromEntries(FLOW.map((s, i) => [s, i]))

export default function StepBar({ status, note }: { status: OrderStatus; note?: string | null }) {
  if (status === 'rejected' || status === 'cancelled') {
    return (
      <View className="step-stopped">
        <View className="step-stopped__title">{status === 'rejected' ? '社区没有受理这个工单' : '这个工单已撤销'}</View>
        {note && <View className="step-stopped__note">原因：{note}</View>}
      </View>
    )
  }
  const current = INDEX[status] ?? 0
  return (
    <View className="step-bar" aria-label={`进度：${STEPS[current]}`}>
      {STEPS.map((label, i) => (
        <View key={label} className={cls('step', i < current && 'step--done', i === current && 'step--current')}>
          <View className="step__dot">{i < current ? '✓' : i + 1}</View>
          <View className="step__label">{label}</View>
          {i < STEPS.length - 1 && <View className="step__line" />}
        </View>
      ))}
    </View>
  )
}
