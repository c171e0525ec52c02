// The evening-before reminder (活动提醒), a step of the scheduler tick: once per activity, to the
// members holding a place. Marking the activity reminded in the same transaction makes it run once.
import { activityLink } from '../../domain/activity'
import { formatBeijing } from '../../domain/time'
import type { Ctx } from '../../ports'
import { saveActivity } from '../activities/shared'
import { notify } from '../notify'

export async function remindActivity(ctx: Ctx, activityId: string): Promise<boolean> {
  const a = await ctx.repos.activities.get(activityId)
  const now = ctx.clock.now()
  if (a?.status !== 'published' || a.remindedAt !== null || a.remindAt > now || a.startAt <= now) return false
  const signed = await ctx.repos.activities.signups(a.id, ['signed'])
  await saveActivity(ctx, a, { remindedAt: now })
  await notify(
    ctx,
    a.communityId,
    signed.map((s) => s.memberId),
    {
      kind: 'activity_reminder',
      title: '活动提醒',
      body: `你报名的「${a.title}」将于 ${formatBeijing(a.startAt)} 开始，地点：${a.place.name}。开始前 30 分钟可以扫码签到。`,
      link: activityLink(a.id),
    },
  )
  return true
}
