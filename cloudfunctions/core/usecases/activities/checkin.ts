// 签到: staff show a QR that rotates every 30 s (computed from the activity's secret, nothing written
// per rotation); members scan it on site within the window; staff mark those who could not scan.
import type { CheckinCode, MySignup } from '@shared/activities'
import { type Actor, assertNotSelf } from '../../domain/access'
import { TOKEN_PERIOD_MS, assertCheckinWindow, checkinOpensAt, checkinToken, judgeToken, slotOf } from '../../domain/activity'
import { formatBeijing } from '../../domain/time'
import { conflict, invalid } from '../../domain/errors'
import type { Signup } from '../../domain/model'
import type { Ctx } from '../../ports'
import { presentDetail, presentMine } from './present'
import { iso, loadActivity, requireMember, requireStaff } from './shared'

export async function checkinCode(ctx: Ctx, actor: Actor, input: { activityId: string }): Promise<CheckinCode> {
  requireStaff(actor)
  const a = await loadActivity(ctx, actor, input.activityId)
  const now = ctx.clock.now()
  assertCheckinWindow(a, now)
  const slot = slotOf(now)
  return { token: checkinToken(a, slot), expiresAt: iso((slot + 1) * TOKEN_PERIOD_MS), periodSeconds: TOKEN_PERIOD_MS / 1000 }
}

export async function checkin(ctx: Ctx, actor: Actor, input: { activityId: string; token: string }): Promise<MySignup> {
  requireMember(actor)
  const key = `checkin:${actor.userId}`
  await ctx.limiter.assertAllowed(key)
  const a = await loadActivity(ctx, actor, input.activityId)
  const s = await ctx.repos.activities.signup(a.id, actor.userId)
  if (!s || s.status === 'withdrawn') throw conflict('你没有报名这个活动，不能签到')
  if (s.status === 'waitlisted') throw conflict('你还在候补名单上，没有报上名，不能签到')
  const now = ctx.clock.now()
  assertCheckinWindow(a, now)
  const verdict = judgeToken(a, input.token, now)
  if (verdict === 'foreign') {
    // another activity's code or a made-up one: counted, as wrong pickup codes are
    await ctx.limiter.recordFailure(key)
    throw invalid('token', '这不是本活动的签到码，请扫描活动现场的二维码')
  }
  if (verdict === 'stale') throw conflict('签到码已过期，请扫描现场屏幕上最新的二维码')
  if (s.attendance === 'attended') return (await presentMine(ctx, s))!
  const saved: Signup = { ...s, attendance: 'attended', checkedInAt: now, checkinMethod: 'scan', updatedAt: now, version: s.version + 1 }
  await ctx.repos.activities.updateSignup(saved)
  return (await presentMine(ctx, saved))!
}

export async function markAttendance(ctx: Ctx, actor: Actor, input: { activityId: string; memberIds: string[]; attended: boolean }) {
  requireStaff(actor)
  for (const memberId of input.memberIds) assertNotSelf(actor, memberId, '不能登记自己的到场情况，请其他工作人员登记')
  const a = await loadActivity(ctx, actor, input.activityId)
  const now = ctx.clock.now()
  if (a.status === 'cancelled') throw conflict('活动已取消')
  if (a.status === 'finished') throw conflict('活动已经结束，积分已发放，不能再改到场情况')
  if (now < checkinOpensAt(a)) throw conflict(`${formatBeijing(checkinOpensAt(a))} 起才能登记到场`)
  const seen = new Set<string>()
  for (const [i, memberId] of input.memberIds.entries()) {
    if (seen.has(memberId)) continue
    seen.add(memberId)
    const s = await ctx.repos.activities.signup(a.id, memberId)
    if (s?.status !== 'signed') throw invalid(`memberIds.${i}`, '这位党员没有报上这个活动（未报名或还在候补）')
    const next: Signup = input.attended
      ? { ...s, attendance: 'attended', checkedInAt: s.checkedInAt ?? now, checkinMethod: s.checkinMethod ?? 'staff' }
      : { ...s, attendance: 'absent', checkedInAt: null, checkinMethod: null }
    if (next.attendance === s.attendance && next.checkedInAt === s.checkedInAt) continue
    await ctx.repos.activities.updateSignup({ ...next, updatedAt: now, version: s.version + 1 })
  }
  return presentDetail(ctx, a, actor)
}
