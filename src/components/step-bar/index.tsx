// Where an order is — 点单 · 下单 · 接单 · 结单 side by side, each ✓ once done; the step it waits for says
// so in the status tag's words (下单 · 待审核), so the bar and the tag never disagree. One referred to a
// unit (转办): 点单 → 转办 → 反馈 → 办结. A banner instead when it stopped.
import { View } from '@tarojs/components'
import type { OrderStatus } from '@shared/enums'
import { statusWords } from '@/constants/labels'
import { cls } from '@/utils/cls'
import './index.scss'

/** The steps, and for each status how many are done (all of them: closed). */
const SERVED = {
  steps: ['点单', '下单', '接单', '结单', '完成'],
  done: { submitted: 1, open: 2, claimed: 3, completed: 4, closed: 5 } as Partial<Record<OrderStatus, number>>,
}
const REFERRED = {
  steps: ['点单', '转办', '反馈', '办结'],
  done: { submitted: 1, referred: 2, completed: 3, closed: 4 } as Partial<Record<OrderStatus, number>>,
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
  const { steps, done } = referred ? REFERRED : SERVED
  const count = done[status] ?? 1
  const words = statusWords(status, referred)
  return (
    <View className="step-bar" aria-label={`进度：${words}`}>
      {steps.map((label, i) => (
        <View key={label} className={cls('step', i < count && 'step--done', i === count && 'step--current')}>
          <View className="step__dot">{i < count ? '✓' : i + 1}</View>
          <View className="step__label">{label}</View>
          {i === count && <View className="step__now">{words}</View>}
          {i < steps.length - 1 && <View className="step__line" />}
        </View>
      ))}
    </View>
  )
}
