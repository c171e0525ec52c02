// Dates on screen: always Asia/Shanghai, always words a resident reads at a glance.
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

const ZONE = 'Asia/Shanghai'

/** The server's clock minus ours (the local demo's test clock can run ahead); 0 in WeChat. */
let offsetMs = 0
export function setClockOffset(ms: number) {
  offsetMs = Number.isFinite(ms) ? ms : 0
}
/** "Now" as the server sees it: every relative time on screen counts from here. */
export function clockNow(): number {
  return Date.now() + offsetMs
}
const OFFSET_MIN = 8 * 60 // China has no daylight saving: the fallback when Intl lacks time zones

function inShanghai(d: dayjs.ConfigType): Dayjs {
  try {
    return dayjs(d).tz(ZONE)
  } catch {
    return dayjs(d).utcOffset(OFFSET_MIN)
  }
}

/** "今天 14:30" · "昨天 09:10" · "3 天前" · "11月2日" · "2023年11月2日" */
export function formatTime(iso: string | number | Date | null | undefined, now: dayjs.ConfigType = clockNow()): string {
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
export function timeAgo(iso: string | number | Date | null | undefined, now: dayjs.ConfigType = clockNow()): string {
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
export function formatDate(iso: string | number | Date | null | undefined, now: dayjs.ConfigType = clockNow()): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const t = inShanghai(iso)
  if (!t.isValid()) return ''
  const n = inShanghai(now)
  return t.year() === n.year() ? `${t.month() + 1}月${t.date()}日` : `${t.year()}年${t.month() + 1}月${t.date()}日`
}

const WEEKDAY = '日一二三四五六'

/** "6月13日 周六 18:00" (year added when not this year): deadlines, expiry dates. */
export function formatDateTime(iso: string | number | Date | null | undefined, now: dayjs.ConfigType = clockNow()): string {
  if (iso === null || iso === undefined || iso === '') return ''
  const t = inShanghai(iso)
  if (!t.isValid()) return ''
  const year = t.year() === inShanghai(now).year() ? '' : `${t.year()}年`
  return `${year}${t.month() + 1}月${t.date()}日 周${WEEKDAY[t.day()]} ${t.format('HH:mm')}`
}

/** The day of an instant in words: "今天 周四" · "明天 周五" · "11月28日 周六". */
export function formatDay(iso: string | number | Date, now: dayjs.ConfigType = clockNow()): string {
  const t = inShanghai(iso)
  const days = t.startOf('day').diff(inShanghai(now).startOf('day'), 'day')
  const week = `周${WEEKDAY[t.day()]}`
  if (days === 0) return `今天 ${week}`
  if (days === 1) return `明天 ${week}`
  const year = t.year() === inShanghai(now).year() ? '' : `${t.year()}年`
  return `${year}${t.month() + 1}月${t.date()}日 ${week}`
}

/** A date for a picker: "11月28日 周六（后天）", the relative day only when it is close. */
export function formatDayLong(iso: string | number | Date, now: dayjs.ConfigType = clockNow()): string {
  const t = inShanghai(iso)
  const days = t.startOf('day').diff(inShanghai(now).startOf('day'), 'day')
  const year = t.year() === inShanghai(now).year() ? '' : `${t.year()}年`
  const near = ['今天', '明天', '后天'][days] ?? ''
  return `${year}${t.month() + 1}月${t.date()}日 周${WEEKDAY[t.day()]}${near ? `（${near}）` : ''}`
}

/** An activity's time: "明天 周六 09:00–11:00"; across days both ends get their day. */
export function formatSpan(startIso: string, endIso: string, now: dayjs.ConfigType = clockNow()): string {
  const s = inShanghai(startIso)
  const e = inShanghai(endIso)
  if (!s.isValid() || !e.isValid()) return ''
  if (s.isSame(e, 'day')) return `${formatDay(startIso, now)} ${s.format('HH:mm')}–${e.format('HH:mm')}`
  return `${formatDay(startIso, now)} ${s.format('HH:mm')} 至 ${formatDay(endIso, now)} ${e.format('HH:mm')}`
}

/** A length of time in words: "45 分钟" · "3 小时 20 分钟" · "2 天 4 小时". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 1) return '不到 1 分钟'
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分钟` : `${hours} 小时`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} 天 ${hours % 24} 小时` : `${days} 天`
}

/** Same Beijing calendar day. */
export function isSameDay(a: string | number | Date, b: dayjs.ConfigType = clockNow()): boolean {
  return inShanghai(a).isSame(inShanghai(b), 'day')
}

/** "YYYY-MM-DD" and "HH:mm" in Beijing, as pickers show them. */
export function beijingDate(at: dayjs.ConfigType): string {
  return inShanghai(at).format('YYYY-MM-DD')
}

/** A Beijing wall-clock date and time as an instant with its offset: "2026-06-13T09:00:00+08:00". */
export function beijingInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`
}

/** Milliseconds of a Beijing date + time (NaN when either is malformed). */
export function beijingMs(date: string, time: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return Number.NaN
  return Date.parse(beijingInstant(date, time))
}

/** Add days to a "YYYY-MM-DD" (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  return dayjs(`${date}T00:00:00Z`).utc().add(days, 'day').format('YYYY-MM-DD')
}

/**
 * The publish form's defaults: the next Saturday 09:00–11:00 in Beijing whose sign-up deadline — the
 * Friday before at 18:00 — is still ahead (so late on a Friday it is the Saturday after).
 */
export function weekendDefaults(now: number = clockNow()): {
  date: string
  start: string
  end: string
  deadlineDate: string
  deadlineTime: string
} {
  const today = inShanghai(now)
  let saturday = beijingDate(today.add((6 - today.day() + 7) % 7, 'day'))
  while (beijingMs(addDays(saturday, -1), '18:00') <= now) saturday = addDays(saturday, 7)
  return { date: saturday, start: '09:00', end: '11:00', deadlineDate: addDays(saturday, -1), deadlineTime: '18:00' }
}
