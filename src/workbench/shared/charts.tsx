// Charts drawn with Views — the same in WeChat and H5, no chart library, no canvas: horizontal bars
// with the number beside each, and day columns for a period. Every value is also written as text, so
// nothing is carried by colour or length alone (长辈模式).
import { Text, View } from '@tarojs/components'
import type { LedgerFigures } from '@shared/workbench'
import { cls } from '@/utils/cls'
import './shared.scss'

export interface Bar {
  key: string
  label: string
  value: number
  /** A CSS colour; the default is the app's red. */
  color?: string
}

export function Bars({ bars, unit = '', className }: { bars: Bar[]; unit?: string; className?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <View className={cls('bars', className)}>
      {bars.map((b) => (
        <View key={b.key} className="bars__row">
          <Text className="bars__label">{b.label}</Text>
          <View className="bars__track">
            <View className="bars__fill" style={{ width: `${(b.value / max) * 100}%`, background: b.color ?? '#c62f2f' }} />
          </View>
          <Text className="bars__value">
            {b.value}
            {unit}
          </Text>
        </View>
      ))}
    </View>
  )
}

export interface Column {
  key: string
  /** Under the column: "3/4". */
  label: string
  a: number
  b: number
}

/** Two series per day side by side (提交 / 完成), with a legend; the totals are listed below for reading. */
export function DayColumns({ columns, aLabel, bLabel }: { columns: Column[]; aLabel: string; bLabel: string }) {
  const max = Math.max(1, ...columns.flatMap((c) => [c.a, c.b]))
  // a month or a year is too many columns for a phone: group into at most 12
  const size = Math.ceil(columns.length / 12)
  const groups: Column[] = []
  for (let i = 0; i < columns.length; i += size) {
    const part = columns.slice(i, i + size)
    groups.push({ key: part[0].key, label: part[0].label, a: part.reduce((s, c) => s + c.a, 0), b: part.reduce((s, c) => s + c.b, 0) })
  }
  const top = size === 1 ? max : Math.max(1, ...groups.flatMap((g) => [g.a, g.b]))
  // a label under every column while they fit, else under every other one
  const every = groups.length > 7 ? 2 : 1
  const numbers = groups.length <= 8
  return (
    <View className="day-cols">
      <View className="day-cols__legend">
        <Text className="day-cols__key day-cols__key--a">■ {aLabel}</Text>
        <Text className="day-cols__key day-cols__key--b">■ {bLabel}</Text>
        {size > 1 && <Text className="day-cols__note">每列 {size} 天</Text>}
      </View>
      <View className="day-cols__plot">
        {groups.map((g, i) => (
          <View key={g.key} className="day-cols__col">
            {numbers && (g.a > 0 || g.b > 0) && (
              <Text className="day-cols__num">
                {g.a}/{g.b}
              </Text>
            )}
            <View className="day-cols__pair">
              <View className="day-cols__bar day-cols__bar--a" style={{ height: `${(g.a / top) * 100}%` }} />
              <View className="day-cols__bar day-cols__bar--b" style={{ height: `${(g.b / top) * 100}%` }} />
            </View>
            {i % every === 0 && <Text className="day-cols__label">{g.label}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}

/** The 工作台账 figures as tiles; `only` picks some of them, in this order. */
export function Figures({ f, only }: { f: LedgerFigures; only?: Array<keyof LedgerFigures> }) {
  const all: Array<[keyof LedgerFigures, string, string]> = [
    ['ordersServed', '服务工单', `${f.ordersServed} 件`],
    ['activitiesAttended', '参加活动', `${f.activitiesAttended} 次`],
    ['hours', '志愿时长', `${f.hours} 小时`],
    ['careTasksDone', '结对帮扶', `${f.careTasksDone} 次`],
    ['averageRating', '平均评分', f.averageRating === null ? '暂无' : `${f.averageRating} 星`],
    ['pointsEarned', '获得积分', String(f.pointsEarned)],
    ['pointsSpent', '使用积分', String(f.pointsSpent)],
  ]
  return (
    <View className="stats">
      {all
        .filter(([k]) => !only || only.includes(k))
        .map(([k, label, value]) => (
          <Stat key={k} className={`stat-${k}`} label={label} value={value} />
        ))}
    </View>
  )
}

export function Stat({ label, value, hint, className }: { label: string; value: string; hint?: string; className?: string }) {
  return (
    <View className={cls('stat', className)}>
      <View className="stat__value">{value}</View>
      <View className="stat__label">{label}</View>
      {hint && <View className="stat__hint">{hint}</View>}
    </View>
  )
}
