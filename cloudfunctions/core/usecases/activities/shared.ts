// Steps the activity use cases share: load within the caller's community, role checks, saving the
// activity (its version guards the counters), filling freed places from the waitlist.
import { type Caller, SYSTEM, hasRole, isStaff } from '../../domain/access'
import type { Actor } from '../../domain/access'
import { activityLink } from '../../domain/activity'
import { formatBeijing } from '../../domain/time'
import { forbidden, notFound } from '../../domain/errors'
import type { Activity } from '../../domain/model'
import type { Ctx } from '../../ports'
import { notify } from '../notify'

/** Activities of another community do not exist for the caller (no hint that the id is real). */
export async function loadActivity(ctx: Ctx, caller: Caller, activityId: string): Promise<Activity> {
  const a = await ctx.repos.activities.get(activityId)
  if (!a || (caller !== SYSTEM && a.communityId !== caller.communityId)) throw notFound('没有找到这个活动')
  return a
}

export function requireStaff(actor: Actor) {
  if (!isStaff(actor)) throw forbidden('只有社区工作者可以管理活动')
}

export function requireMember(actor: Actor) {
  if (!hasRole(actor, 'member')) throw forbidden('只有党员可以报名参加活动')
}

/** Saves `a` with `changes`, checking and bumping its version: a concurrent change makes this fail. */
export async function saveActivity(ctx: Ctx, a: Activity, changes: Partial<Activity>): Promise<Activity> {
  const saved: Activity = { ...a, ...changes, updatedAt: ctx.clock.now(), version: a.version + 1 }
  await ctx.repos.activities.update(saved)
  return saved
}

/**
 * Moves waiting members into free places, first come first served (候补递补). Returns the activity
 * with its counts moved — not yet saved: the caller saves it once — and who moved up.
 */
export async function fillPlaces(ctx: Ctx, a: Activity): Promise<{ activity: Activity; promoted: string[] }> {
  const free = a.quota - a.signedCount
  if (free <= 0 || a.waitingCount === 0) return { activity: a, promoted: [] }
  const now = ctx.clock.now()
  const next = await ctx.repos.activities.waiting(a.id, free)
  for (const s of next) await ctx.repos.activities.updateSignup({ ...s, status: 'signed', updatedAt: now, version: s.version + 1 })
  return {
    activity: { ...a, signedCount: a.signedCount + next.length, waitingCount: a.waitingCount - next.length },
    promoted: next.map((s) => s.memberId),
  }
}

export async function notifyPromoted(ctx: Ctx, a: Activity, memberIds: string[]) {
  await notify(ctx, a.communityId, memberIds, {
    kind: 'activity_promoted',
    title: '候补成功，已为你报上名',
    body: `「${a.title}」有人退出，你已从候补转为正式报名。${formatBeijing(a.startAt)}，${a.place.name}。`,
    link: activityLink(a.id),
  })
}

export const iso = (ms: number) => new Date(ms).toISOString()
