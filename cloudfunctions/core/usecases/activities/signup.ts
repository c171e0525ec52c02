// 接龙报名 and 取消报名: places in arrival order, then the waitlist; a withdrawal hands the place to
// the first waiting member. Every status change saves the activity, so concurrent sign-ups serialize
// on its version.
import type { SignupResult, WithdrawResult } from '@shared/activities'
import type { Actor } from '../../domain/access'
import { assertSignupOpen, assertWithdrawOpen, placeFor } from '../../domain/activity'
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

  const status = placeFor(a)
  const fields = {
    status,
    seq: a.nextSeq,
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
  const saved = await saveActivity(ctx, a, {
    nextSeq: a.nextSeq + 1,
    signedCount: a.signedCount + (status === 'signed' ? 1 : 0),
    waitingCount: a.waitingCount + (status === 'waitlisted' ? 1 : 0),
  })
  // the newest arrival is last in line: its position is the length of the waitlist
  return status === 'signed' ? { status } : { status, position: saved.waitingCount }
}

export async function withdrawActivity(ctx: Ctx, actor: Actor, input: { activityId: string }): Promise<WithdrawResult> {
  requireMember(actor)
  const a = await loadActivity(ctx, actor, input.activityId)
  const current = await ctx.repos.activities.signup(a.id, actor.userId)
  if (!current || current.status === 'withdrawn') throw conflict('你没有报名这个活动')
  assertWithdrawOpen(a, ctx.clock.now())

  const now = ctx.clock.now()
  await ctx.repos.activities.updateSignup({ ...current, status: 'withdrawn', updatedAt: now, version: current.version + 1 })
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
