// A shared activity card opens here for someone not signed in, or not of its community yet: the
// activity as its poster shows it (when, where, places left, what to bring) and the community to
// register with — never who signed up.
import type { PublicActivity } from '@shared/activities'
import { isThisWeekend } from '../../domain/activity'
import { notFound } from '../../domain/errors'
import type { Ctx } from '../../ports'
import { shownPhoto } from '../photos/screen'
import { iso } from './shared'

export async function publicActivity(ctx: Ctx, _actor: unknown, input: { activityId: string }): Promise<PublicActivity> {
  const a = await ctx.repos.activities.get(input.activityId)
  if (!a) throw notFound('没有找到这个活动')
  const now = ctx.clock.now()
  const [community, cover] = await Promise.all([ctx.repos.places.community(a.communityId), shownPhoto(ctx, a.cover)])
  return {
    id: a.id,
    seriesId: a.seriesId,
    title: a.title,
    category: a.category,
    status: a.status,
    startAt: iso(a.startAt),
    endAt: iso(a.endAt),
    signupDeadline: iso(a.signupDeadline),
    place: a.place,
    cover,
    quota: a.quota,
    points: a.points,
    signedCount: a.signedCount,
    waitingCount: a.waitingCount,
    placesLeft: Math.max(0, a.quota - a.signedCount),
    thisWeekend: isThisWeekend(a.startAt, now),
    signupOpen: a.status === 'published' && now < a.signupDeadline,
    description: a.description,
    cancelReason: a.cancelReason,
    communityId: a.communityId,
    communityName: community?.name ?? '',
  }
}
