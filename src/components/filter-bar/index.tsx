// A horizontal row of filter chips ("全部", "待接单"…) that scrolls sideways on small screens.
import { ScrollView, View } from '@tarojs/components'
import { cls } from '@/utils/cls'
import './index.scss'
import Tap from '@/components/tap'

export interface FilterOption<T extends string> {
  value: T | ''
  label: string
}

export default function FilterBar<T extends string>({
  options,
  value,
  onChange,
  className,
}: {
  options: Array<FilterOption<T>>
  value: T | ''
  onChange: (v: T | '') => void
  className?: string
}) {
  return (
    <ScrollView scrollX className={cls('filter-bar', className)} enhanced showScrollbar={false}>
      <View className="filter-bar__inner">
        {options.map((o) => (
          <Tap
            key={o.value || 'all'}
            className={cls('filter-chip', `filter-chip--${o.value || 'all'}`, o.value === value && 'filter-chip--on')}
            role="radio"
            on={o.value === value}
            onTap={() => onChange(o.value)}
          >
            {o.label}
          </Tap>
        ))}
      </View>
    </ScrollView>
  )
}
