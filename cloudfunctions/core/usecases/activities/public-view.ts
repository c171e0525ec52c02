// A shared activity card opens here for someone not signed in, or not of its community yet: the
// activity as its poster shows it (when, where, places left, what to bring) and the community to
// register with — never who signed up.
import type { PublicActivity } from '@shared/activities'
import { notFound } from '../../domain/errors'
import type { Ctx } from '../../ports'
import { presentFacts } from './present'

export async function publicActivity(ctx: Ctx, _actor: unknown, input: { activityId: string }): Promise<PublicActivity> {
  const a = await ctx.repos.activities.get(input.activityId)
  if (!a) throw notFound('没有找到这个活动')
  const [facts, community] = await Promise.all([presentFacts(ctx, a), ctx.repos.places.community(a.communityId)])
  return {
    ...facts,
    description: a.description,
    cancelReason: a.cancelReason,
    communityId: a.communityId,
    communityName: community?.name ?? '',
  }
}
