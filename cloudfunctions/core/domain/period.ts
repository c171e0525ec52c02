// Periods the workbench reports over: Beijing calendar days, both ends included, as instants [start, end).
const DAY_MS = 86400_000

/** The instant a Beijing day ("2026-06-13") begins. Beijing keeps UTC+8 all year (see time.ts). */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`)

export interface Period {
  from: string
  to: string
  start: number
  /** Exclusive: the start of the day after `to`. */
  end: number
}

export function period(from: string, to: string): Period {
  return { from, to, start: dayStart(from), end: dayStart(to) + DAY_MS }
}

/** The Beijing day of an instant. */
export const beijingDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)

/** Every day of the period, in order. */
export function daysOf(p: Period): string[] {
  const out: string[] = []
  for (let t = p.start; t < p.end; t += DAY_MS) out.push(beijingDay(t))
  return out
}

/** A Beijing calendar year as a period. */
export const yearPeriod = (year: number) => period(`${year}-01-01`, `${year}-12-31`)

export const inPeriod = (p: Pick<Period, 'start' | 'end'>, at: number) => at >= p.start && at < p.end
