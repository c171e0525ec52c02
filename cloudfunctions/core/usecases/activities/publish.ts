// 发布活动: staff publish a weekend activity, optionally the same slot every week for N weeks.
import type { z } from 'zod'
import type { PublishActivityInput } from '@shared/activities'
import type { Actor } from '../../domain/access'
import { checkSchedule, publishedActivity, weeklyRepeat } from '../../domain/activity'
import type { Activity } from '../../domain/model'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { requireStaff } from './shared'
import { screenPhotos } from '../photos/screen'

export async function publishActivity(ctx: Ctx, actor: Actor, input: z.output<typeof PublishActivityInput>) {
  requireStaff(actor)
  const now = ctx.clock.now()
  const first = { startAt: Date.parse(input.startAt), endAt: Date.parse(input.endAt), signupDeadline: Date.parse(input.signupDeadline) }
  checkSchedule(first, now)
  await checkTexts(ctx, actor, input)
  if (input.cover) await ctx.files.assertOwned([input.cover], actor.userId, 'cover')
  const rules = (await ctx.repos.places.rules(actor.communityId)) ?? DEFAULT_RULES

  const weeks = input.repeatWeeks ?? 1
  const seriesId = weeks > 1 ? ctx.ids.next('as') : null
  const created: Activity[] = []
  for (const schedule of weeklyRepeat(first, weeks)) {
    const activity = publishedActivity(
      {
        id: ctx.ids.next('a'),
        communityId: actor.communityId,
        seriesId,
        title: input.title,
        description: input.description,
        category: input.category,
        ...schedule,
        place: {
          name: input.place.name,
          address: input.place.address || null,
          lat: input.place.lat ?? null,
          lng: input.place.lng ?? null,
        },
        quota: input.quota,
        points: input.points ?? rules.activityPoints,
        cover: input.cover ?? null,
        checkinSecret: Buffer.from(ctx.ids.randomBytes(32)).toString('base64url'),
        createdBy: actor.userId,
      },
      now,
    )
    await ctx.repos.activities.insert(activity)
    screenPhotos(ctx, actor, { kind: 'activity', id: activity.id }, [activity.cover])
    created.push(activity)
  }
  return presentDetail(ctx, created[0], actor)
}

/** Every text others will read passes the content check, each naming its own field. */
export async function checkTexts(
  ctx: Ctx,
  actor: Actor,
  input: { title?: string; description?: string; place?: { name: string; address?: string } },
) {
  if (input.title) await ctx.guard.check(input.title, 'title', actor)
  if (input.description) await ctx.guard.check(input.description, 'description', actor)
  if (input.place) await ctx.guard.check(input.place.name, 'place.name', actor)
  if (input.place?.address) await ctx.guard.check(input.place.address, 'place.address', actor)
}
