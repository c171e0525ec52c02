// Where an order is — 点单 · 下单 · 接单 · 结单 side by side: 已点单 → 已下单 → 已接单 → 已结单 → 已完成, or
// for one referred to a unit (转办) 已点单 → 已转办 → 已反馈 → 已办结 (or a banner when it stopped).
import { View } from '@tarojs/components'
import type { OrderStatus } from '@shared/enums'
import { cls } from '@/utils/cls'
import './index.scss'

const SERVED = {
  steps: ['已点单', '已下单', '已接单', '已结单', '已完成'],
  index: { submitted: 0, open: 1, claimed: 2, completed: 3, closed: 4 } as Partial<Record<OrderStatus, number>>,
}
const REFERRED = {
  steps: ['已点单', '已转办', '已反馈', '已办结'],
  index: { submitted: 0, referred: 1, completed: 2, closed: 3 } as Partial<Record<OrderStatus, number>>,
}

export default function StepBar({ status, note, referred }: { status: OrderStatus; note?: string | null; referred?: boolean }) {
  if (status === 'rejected' || status === 'cancelled') {
    return (
      <View className="step-stopped">
        <View className="step-stopped__title">{status === 'rejected' ? '社区没有受理这个需求' : '这个需求已撤销'}</View>
        {note && <View className="step-stopped__note">原因：{note}</View>}
      </View>
    )
  }
  const { steps, index } = referred ? REFERRED : SERVED
  const current = index[status] ?? 0
  return (
    <View className="step-bar" aria-label={`进度：${steps[current]}`}>
      {steps.map((label, i) => (
        <View key={label} className={cls('step', i < current && 'step--done', i === current && 'step--current')}>
          <View className="step__dot">{i < current ? '✓' : i + 1}</View>
          <View className="step__label">{label}</View>
          {i < steps.length - 1 && <View className="step__line" />}
        </View>
      ))}
    </View>
  )
}
