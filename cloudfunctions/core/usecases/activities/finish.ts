// 结束活动: once it has ended, staff finish it — each attendee is paid once (source key per activity
// and member, within the daily cap), signed-up members who did not come are marked absent.
import type { Actor } from '../../domain/access'
import { activityLink } from '../../domain/activity'
import { formatBeijing } from '../../domain/time'
import { conflict } from '../../domain/errors'
import { allowedByDailyCap, sourceKeys } from '../../domain/ledger'
import type { Activity } from '../../domain/model'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'
import { notify } from '../notify'
import { loadAccount, postEntry } from '../points/post'
import { presentDetail } from './present'
import { loadActivity, requireStaff, saveActivity } from './shared'

export async function finishActivity(ctx: Ctx, actor: Actor, input: { activityId: string }) {
  requireStaff(actor)
  const a = await loadActivity(ctx, actor, input.activityId)
  const now = ctx.clock.now()
  if (a.status === 'finished') throw conflict('活动已经结束过了，积分已发放')
  if (a.status === 'cancelled') throw conflict('活动已取消')
  if (now < a.endAt) throw conflict(`活动 ${formatBeijing(a.endAt)} 结束后才能结束并发放积分`)

  const rules = (await ctx.repos.places.rules(a.communityId)) ?? DEFAULT_RULES
  for (const s of await ctx.repos.activities.signups(a.id, ['signed'])) {
    if (s.attendance !== 'attended') {
      await ctx.repos.activities.updateSignup({ ...s, attendance: 'absent', awardedPoints: 0, updatedAt: now, version: s.version + 1 })
      continue
    }
    const award = await awardAttendee(ctx, a, s.memberId, rules, now)
    await ctx.repos.activities.updateSignup({ ...s, awardedPoints: award, updatedAt: now, version: s.version + 1 })
  }
  const saved = await saveActivity(ctx, a, { status: 'finished', finishedAt: now })
  return presentDetail(ctx, saved, actor)
}

async function awardAttendee(ctx: Ctx, a: Activity, memberId: string, rules: typeof DEFAULT_RULES, now: number): Promise<number> {
  if (a.points === 0) return 0
  const award = allowedByDailyCap(await loadAccount(ctx, memberId, a.communityId), rules, a.points, now)
  if (award === 0) return 0
  const posted = await postEntry(ctx, memberId, a.communityId, {
    sourceKey: sourceKeys.activityAward(a.id, memberId),
    delta: award,
    reason: 'activity_award',
    note: `参加活动「${a.title}」${award < a.points ? `（已达每日上限，计 ${award} 分）` : ''}`,
    at: now,
  })
  if (!posted) return 0 // paid before: a source key is paid once
  await notify(ctx, a.communityId, [memberId], {
    kind: 'activity_points',
    title: '活动积分到账',
    body: `感谢参加「${a.title}」，获得 ${award} 积分。`,
    link: activityLink(a.id),
  })
  return award
}
