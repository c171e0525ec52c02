// Calendar rules run in Beijing time while functions run in UTC: every "day" and "year" goes through here.
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

export const ZONE = 'Asia/Shanghai'

export const inZone = (ms: number) => dayjs(ms).tz(ZONE)

/**
 * Beijing has kept UTC+8 without daylight saving since 1991, so the hot paths (every ledger posting)
 * shift by the fixed offset instead of asking Intl through dayjs' timezone plugin, which costs about
 * 0.3 ms a call. A test checks both agree across years, days and the midnight boundary.
 */
const OFFSET_MS = 8 * 3600_000
const shifted = (ms: number) => new Date(ms + OFFSET_MS)

/** The calendar year in Beijing, e.g. 2026. */
export const yearOf = (ms: number) => shifted(ms).getUTCFullYear()

/** The calendar day in Beijing, e.g. "2026-11-25". */
export const dayOf = (ms: number) => shifted(ms).toISOString().slice(0, 10)

/** The instant a Beijing calendar year begins. */
export const startOfYear = (year: number) => dayjs.tz(`${year}-01-01 00:00`, ZONE).valueOf()

const WEEKDAYS = '日一二三四五六'

/** "11月28日 周六 09:00" in Beijing time, for messages, notices and timeline notes. */
export function formatBeijing(ms: number): string {
  const t = inZone(ms)
  return `${t.format('M月D日')} 周${WEEKDAYS[t.day()]} ${t.format('HH:mm')}`
}
