// Dates on screen: always Asia/Shanghai, always words a resident reads at a glance.
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

const ZONE = 'Asia/Shanghai'
const OFFSET_MIN = 8 * 60 // China has no daylight saving: the fallback when Intl lacks time zones

function inShanghai(d: dayjs.ConfigType): Dayjs {
  try {
    return dayjs(d).tz(ZONE)
  } catch {
    return dayjs(d).utcOffset(OFFSET_MIN)
  }
}

/** "今天 14:30" · "昨天 09:10" · "3 天前" · "11月2日" · "2023年11月2日" */
export function formatTime(iso: string | number | Date | null | undefined, now: dayjs.ConfigType = Date.now()): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const t = inShanghai(iso)
  if (!t.isValid()) return ''
  const n = inShanghai(now)
  const days = n.startOf('day').diff(t.startOf('day'), 'day')
  if (days === 0) return `今天 ${t.format('HH:mm')}`
  if (days === 1) return `昨天 ${t.format('HH:mm')}`
  if (days > 1 && days < 7) return `${days} 天前`
  if (days === -1) return `明天 ${t.format('HH:mm')}`
  if (t.year() === n.year()) return `${t.month() + 1}月${t.date()}日`
  return `${t.year()}年${t.month() + 1}月${t.date()}日`
}

/** How long ago, for cards: "刚刚" · "5 分钟前" · "2 小时前", then as formatTime. */
export function timeAgo(iso: string | number | Date | null | undefined, now: dayjs.ConfigType = Date.now()): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const t = inShanghai(iso)
  if (!t.isValid()) return ''
  const minutes = inShanghai(now).diff(t, 'minute')
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  if (minutes < 6 * 60) return `${Math.floor(minutes / 60)} 小时前`
  return formatTime(iso, now)
}

/** "11月2日" for a ledger row (date only). */
export function formatDate(iso: string | number | Date | null | undefined, now: dayjs.ConfigType = Date.now()): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const t = inShanghai(iso)
  if (!t.isValid()) return ''
  const n = inShanghai(now)
  return t.year() === n.year() ? `${t.month() + 1}月${t.date()}日` : `${t.year()}年${t.month() + 1}月${t.date()}日`
}
