// Weekend activities (DESIGN.md §7): the Beijing calendar they run on, their schedule rules, the
// 接龙 placement and the rotating check-in token. Pure: the clock and the secret come in as arguments.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { ActivityAction } from '@shared/activities'
import { type Actor, hasRole, isStaff } from './access'
import { conflict, invalid } from './errors'
import type { Activity, Signup } from './model'
import { formatBeijing, inZone } from './time'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Check-in opens this long before the start and closes at the end. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * MINUTE
/** The check-in token rotates this often; the previous one is still taken (scanning at the boundary). */
export const TOKEN_PERIOD_MS = 30_000
/** The reminder goes out at this Beijing hour on the day before. */
export const REMINDER_HOUR = 18
export const MAX_DURATION_MS = 2 * DAY
export const MAX_AHEAD_MS = 366 * DAY

/** The Beijing weekday of an instant: 0 Sunday … 6 Saturday. */
export const weekdayOf = (ms: number) => inZone(ms).day()

/**
 * "This weekend" at `now`: Beijing Saturday 00:00 to Monday 00:00 — the one under way on a Saturday or
 * Sunday, otherwise the coming one. 23:30 on a Friday in Beijing is 15:30 UTC Friday, and 00:30 on a
 * Monday is still Sunday in UTC: only the Beijing calendar gets either right.
 */
export function weekendOf(now: number): { start: number; end: number } {
  const today = inZone(now).startOf('day')
  const d = today.day()
  const saturday = d === 6 ? today : d === 0 ? today.subtract(1, 'day') : today.add(6 - d, 'day')
  return { start: saturday.valueOf(), end: saturday.add(2, 'day').valueOf() }
}

export function isThisWeekend(startAt: number, now: number): boolean {
  const { start, end } = weekendOf(now)
  return startAt >= start && startAt < end
}

/** The first instant after `now` that falls on a Beijing weekday at hour:minute (e.g. next Saturday 09:00). */
export function nextOccurrence(now: number, weekday: number, hour: number, minute = 0): number {
  const today = inZone(now).startOf('day')
  let at = today
    .add((weekday - today.day() + 7) % 7, 'day')
    .add(hour, 'hour')
    .add(minute, 'minute')
  if (at.valueOf() <= now) at = at.add(7, 'day')
  return at.valueOf()
}

/** 18:00 Beijing on the calendar day before the start: when signed-up members are reminded. */
export function reminderAt(startAt: number): number {
  return inZone(startAt).startOf('day').subtract(1, 'day').add(REMINDER_HOUR, 'hour').valueOf()
}

export interface Schedule {
  startAt: number
  endAt: number
  signupDeadline: number
}

/** What a publisher decides about an activity; the rest of a new one follows from it. */
export type ActivityPlan = Pick<
  Activity,
  | 'id'
  | 'communityId'
  | 'seriesId'
  | 'title'
  | 'description'
  | 'category'
  | 'place'
  | 'quota'
  | 'points'
  | 'cover'
  | 'checkinSecret'
  | 'createdBy'
> &
  Schedule

/** A freshly published activity: nobody signed up yet, its reminder due the evening before, version 1. */
export function publishedActivity(plan: ActivityPlan, now: number): Activity {
  return {
    ...plan,
    status: 'published',
    cancelReason: null,
    signedCount: 0,
    waitingCount: 0,
    nextSeq: 1,
    remindAt: reminderAt(plan.startAt),
    remindedAt: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
    version: 1,
  }
}

/** The same schedule `weeks` times, a Beijing calendar week apart (the first unchanged). */
export function weeklyRepeat(s: Schedule, weeks: number): Schedule[] {
  const shift = (ms: number, k: number) =>
    inZone(ms)
      .add(7 * k, 'day')
      .valueOf()
  return Array.from({ length: weeks }, (_, k) => ({
    startAt: shift(s.startAt, k),
    endAt: shift(s.endAt, k),
    signupDeadline: shift(s.signupDeadline, k),
  }))
}

/** Refuses a schedule that cannot work, naming the field at fault. */
export function checkSchedule(s: Schedule, now: number): void {
  if (s.startAt <= now) throw invalid('startAt', '开始时间已经过去了')
  if (s.startAt > now + MAX_AHEAD_MS) throw invalid('startAt', '只能发布一年以内的活动')
  if (s.endAt <= s.startAt) throw invalid('endAt', '结束时间要晚于开始时间')
  if (s.endAt - s.startAt > MAX_DURATION_MS) throw invalid('endAt', '一次活动最长 48 小时')
  if (s.signupDeadline > s.startAt) throw invalid('signupDeadline', '报名截止时间不能晚于活动开始时间')
  if (s.signupDeadline <= now) throw invalid('signupDeadline', '报名截止时间已经过去了')
}

/** 接龙: a sign-up takes a place while any is left, otherwise joins the end of the waitlist. */
export function placeFor(a: Activity): 'signed' | 'waitlisted' {
  return a.signedCount < a.quota ? 'signed' : 'waitlisted'
}

function assertLive(a: Activity) {
  if (a.status === 'cancelled') throw conflict('活动已取消')
  if (a.status === 'finished') throw conflict('活动已经结束')
}

export function assertSignupOpen(a: Activity, now: number): void {
  assertLive(a)
  if (now >= a.signupDeadline) throw conflict(`报名已于 ${formatBeijing(a.signupDeadline)} 截止`)
}

export function assertWithdrawOpen(a: Activity, now: number): void {
  assertLive(a)
  if (now >= a.signupDeadline) throw conflict('报名已截止，不能在线取消，如不能参加请联系社区')
}

export const checkinOpensAt = (a: Activity) => a.startAt - CHECKIN_OPENS_BEFORE_MS
export const inCheckinWindow = (a: Activity, now: number) => now >= checkinOpensAt(a) && now <= a.endAt

export function assertCheckinWindow(a: Activity, now: number): void {
  assertLive(a)
  if (now < checkinOpensAt(a)) throw conflict(`还没到签到时间，${formatBeijing(checkinOpensAt(a))} 起可以签到`)
  if (now > a.endAt) throw conflict('活动已结束，不能再签到')
}

/** The token's time slot: it changes every 30 seconds. */
export const slotOf = (ms: number) => Math.floor(ms / TOKEN_PERIOD_MS)

const mac = (secret: string, activityId: string, slot: number) =>
  createHmac('sha256', secret).update(`${activityId}:${slot}`).digest('base64url').slice(0, 22)

/** The check-in token for a slot: `<slot in base 36>.<HMAC of activity and slot>`. Computed, never stored. */
export function checkinToken(a: Pick<Activity, 'id' | 'checkinSecret'>, slot: number): string {
  return `${slot.toString(36)}.${mac(a.checkinSecret, a.id, slot)}`
}

/**
 * Judges a scanned token at `now`: `ok` for this slot's or the previous slot's token of this activity,
 * `stale` for a real token of this activity that has rotated away (a photo passed around a group),
 * `foreign` for anything else (another activity's code, a forgery).
 */
export function judgeToken(a: Pick<Activity, 'id' | 'checkinSecret'>, token: string, now: number): 'ok' | 'stale' | 'foreign' {
  const [slotText, given] = token.split('.')
  const slot = Number.parseInt(slotText, 36)
  if (!Number.isSafeInteger(slot) || slot < 0 || slot.toString(36) !== slotText || !given) return 'foreign'
  const expected = Buffer.from(mac(a.checkinSecret, a.id, slot))
  const actual = Buffer.from(given)
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return 'foreign'
  const current = slotOf(now)
  return slot === current || slot === current - 1 ? 'ok' : 'stale'
}

/** What `actor` may do with the activity now; the app shows these buttons and no others. */
export function actionsFor(a: Activity, mine: Signup | null, actor: Actor, now: number): ActivityAction[] {
  const out: ActivityAction[] = []
  const live = a.status === 'published' && a.communityId === actor.communityId
  if (!live) return out
  if (isStaff(actor)) {
    if (now < a.endAt) out.push('update', 'cancel')
    if (inCheckinWindow(a, now)) out.push('checkinCode')
    if (now >= checkinOpensAt(a)) out.push('markAttendance')
    if (now >= a.endAt) out.push('finish')
  }
  if (hasRole(actor, 'member')) {
    const holding = mine !== null && mine.status !== 'withdrawn'
    if (now < a.signupDeadline) out.push(holding ? 'withdraw' : 'signup')
    if (mine?.status === 'signed' && mine.attendance !== 'attended' && inCheckinWindow(a, now)) out.push('checkin')
  }
  return out
}

/** The app page a notice about the activity opens. */
export const activityLink = (activityId: string) => `/activity/detail/index?id=${activityId}`

/** Where a sign-up is stored in a document database: one record per activity and member. */
export const signupId = (activityId: string, memberId: string) => `${activityId}:${memberId}`
