// 接龙报名 and 取消报名: places in arrival order, then the waitlist; a withdrawal hands the place to
// the first waiting member. A sign-up takes its place with one atomic step on the activity
// (`takePlace`: the counters and the arrival number), then writes only the member's own sign-up, so
// a Saturday-morning burst never queues on the activity; a withdrawal saves the activity by its
// version.
import type { SignupResult, WithdrawResult } from '@shared/activities'
import type { Actor } from '../../domain/access'
import { assertSignupOpen, assertWithdrawOpen } from '../../domain/activity'
import { conflict } from '../../domain/errors'
import type { Signup } from '../../domain/model'
import type { Ctx } from '../../ports'
import { fillPlaces, loadActivity, notifyPromoted, requireMember, saveActivity } from './shared'

export async function signupActivity(ctx: Ctx, actor: Actor, input: { activityId: string }): Promise<SignupResult> {
  requireMember(actor)
  const a = await loadActivity(ctx, actor, input.activityId)
  const current = await ctx.repos.activities.signup(a.id, actor.userId)
  // signing up twice keeps the first place: the answer is the place already held
  if (current && current.status !== 'withdrawn' && a.status === 'published') {
    if (current.status === 'signed') return { status: 'signed' }
    return { status: 'waitlisted', position: (await ctx.repos.activities.waitingBefore(a.id, current.seq)) + 1 }
  }
  const now = ctx.clock.now()
  assertSignupOpen(a, now)

  const place = await ctx.repos.activities.takePlace(a, actor.userId)
  if (!place) throw conflict('活动刚有变动，请刷新后再报名')
  const { status } = place
  const fields = {
    status,
    seq: place.seq,
    signedUpAt: now,
    updatedAt: now,
    checkedInAt: null,
    checkinMethod: null,
    attendance: null,
    awardedPoints: null,
  } satisfies Partial<Signup>
  if (current) await ctx.repos.activities.updateSignup({ ...current, ...fields, version: current.version + 1 })
  else
    await ctx.repos.activities.insertSignup({ activityId: a.id, memberId: actor.userId, communityId: a.communityId, ...fields, version: 1 })
  // the newest arrival is last in line: its position is the length of the waitlist
  return status === 'signed' ? { status } : { status, position: place.waitingCount }
}

export async function withdrawActivity(ctx: Ctx, actor: Actor, input: { activityId: string }): Promise<WithdrawResult> {
  requireMember(actor)
  const a = await loadActivity(ctx, actor, input.activityId)
  const current = await ctx.repos.activities.signup(a.id, actor.userId)
  if (!current || current.status === 'withdrawn') throw conflict('你没有报名这个活动')
  assertWithdrawOpen(a, ctx.clock.now())

  const now = ctx.clock.now()
  await ctx.repos.activities.updateSignup({ ...current, status: 'withdrawn', updatedAt: now, version: current.version + 1 })
  await ctx.repos.activities.releasePlace(a.id, actor.userId)
  const freed = {
    ...a,
    signedCount: a.signedCount - (current.status === 'signed' ? 1 : 0),
    waitingCount: a.waitingCount - (current.status === 'waitlisted' ? 1 : 0),
  }
  const { activity, promoted } = await fillPlaces(ctx, freed)
  const saved = await saveActivity(ctx, a, activity)
  await notifyPromoted(ctx, saved, promoted)
  return { status: 'withdrawn' }
}
