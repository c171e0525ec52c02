// Quick periods (本周 / 本月 / 上月 / 今年) and a custom range from two date pickers.
import { Picker, Text, View } from '@tarojs/components'
import { cls } from '@/utils/cls'
import { PERIOD_LABEL, type Period, type PeriodKey, periodOf, periodText } from './period'
import './shared.scss'
import Tap from '@/components/tap'

const KEYS: PeriodKey[] = ['week', 'month', 'lastMonth', 'year']

export default function PeriodBar({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const active = KEYS.find((k) => {
    const p = periodOf(k)
    return p.from === value.from && p.to === value.to
  })
  return (
    <View className="period-bar">
      <View className="period-bar__chips">
        {KEYS.map((k) => (
          <Tap
            key={k}
            className={cls('period-chip', `period-chip--${k}`, active === k && 'period-chip--on')}
            role="radio"
            on={active === k}
            onTap={() => onChange(periodOf(k))}
          >
            {PERIOD_LABEL[k]}
          </Tap>
        ))}
      </View>
      <View className="period-bar__range">
        <Picker mode="date" value={value.from} end={value.to} onChange={(e) => onChange({ ...value, from: String(e.detail.value) })}>
          <View className="period-bar__date period-from">{periodText({ from: value.from, to: value.from })}</View>
        </Picker>
        <Text className="period-bar__dash">至</Text>
        <Picker mode="date" value={value.to} start={value.from} onChange={(e) => onChange({ ...value, to: String(e.detail.value) })}>
          <View className="period-bar__date period-to">{periodText({ from: value.to, to: value.to })}</View>
        </Picker>
      </View>
    </View>
  )
}
