// Where an order is: 已提交 → 已派单 → 已接单 → 待确认 → 已完成 (or a banner when it stopped).
import { View } from '@tarojs/components'
import type { OrderStatus } from '@shared/enums'
import { cls } from '@/utils/cls'
import './index.scss'

const STEPS = ['已提交', '已派单', '已接单', '待确认', '已完成']
const INDEX: Partial<Record<OrderStatus, number>> = { submitted: 0, open: 1, claimed: 2, completed: 3, closed: 4 }

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
