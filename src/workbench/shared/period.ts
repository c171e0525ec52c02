// Periods the workbench screens offer, as Beijing days: this week (Monday on), this month, this year.
import type { InputOf } from '@shared/api'
import { addDays, beijingDate, clockNow } from '@/utils/time'

/** Two Beijing days, both included: what the dashboard and the 工作台账 take. */
export type Period = InputOf<'workbench', 'dashboard'>

export type PeriodKey = 'week' | 'month' | 'year' | 'lastMonth'

export const PERIOD_LABEL: Record<PeriodKey, string> = { week: '本周', month: '本月', lastMonth: '上月', year: '今年' }

export function periodOf(key: PeriodKey, now: number = clockNow()): Period {
  const today = beijingDate(now)
  const [y, m] = today.split('-')
  switch (key) {
    case 'week': {
      const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() // 0 Sunday
      return { from: addDays(today, -((weekday + 6) % 7)), to: today }
    }
    case 'month':
      return { from: `${y}-${m}-01`, to: today }
    case 'lastMonth': {
      const first = `${y}-${m}-01`
      const last = addDays(first, -1)
      return { from: `${last.slice(0, 7)}-01`, to: last }
    }
    case 'year':
      return { from: `${y}-01-01`, to: today }
  }
}

/** "3月4日 – 3月10日" (the year shown when it is not this one). */
export function periodText(p: Period, now: number = clockNow()): string {
  const year = beijingDate(now).slice(0, 4)
  const day = (d: string) => `${d.slice(0, 4) === year ? '' : `${d.slice(0, 4)}年`}${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
  return p.from === p.to ? day(p.from) : `${day(p.from)} – ${day(p.to)}`
}

export const thisYear = (now: number = clockNow()) => Number(beijingDate(now).slice(0, 4))
