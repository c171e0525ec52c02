// Activity lists and the detail: upcoming (this weekend first, then by start time), the member's own
// sign-ups, and past ones; `get` shows the roster to staff and only their own place to a member.
import type { z } from 'zod'
import type { ActivityPage, ActivitySummary, ListActivitiesInput } from '@shared/activities'
import type { Actor } from '../../domain/access'
import { weekendOf } from '../../domain/activity'
import type { Activity } from '../../domain/model'
import type { ActivityQuery, Ctx } from '../../ports'
import { presentDetail, presentSummary } from './present'
import { loadActivity } from './shared'

export async function getActivity(ctx: Ctx, actor: Actor, input: { activityId: string }) {
  return presentDetail(ctx, await loadActivity(ctx, actor, input.activityId), actor)
}

export async function listActivities(ctx: Ctx, actor: Actor, input: z.output<typeof ListActivitiesInput>): Promise<ActivityPage> {
  const limit = input.limit ?? 20
  switch (input.scope) {
    case 'mine':
      return mine(ctx, actor, input.cursor, limit)
    case 'past': {
      const page = await ctx.repos.activities.list({
        communityId: actor.communityId,
        endedBy: ctx.clock.now(),
        order: 'desc',
        cursor: input.cursor,
        limit,
      })
      return { items: await summaries(ctx, actor, page.items), nextCursor: page.nextCursor }
    }
    case 'upcoming':
      return upcoming(ctx, actor, input.cursor, limit)
  }
}

async function summaries(ctx: Ctx, actor: Actor, items: Activity[]): Promise<ActivitySummary[]> {
  const out: ActivitySummary[] = []
  for (const a of items) out.push(await presentSummary(ctx, a, actor))
  return out
}

/**
 * Published activities not yet over, in three runs: starting this weekend, then the rest by start time
 * (those before the weekend — under way or on a weekday — then those after it). The cursor carries the
 * run and the store's cursor within it.
 */
async function upcoming(ctx: Ctx, actor: Actor, cursor: string | undefined, limit: number): Promise<ActivityPage> {
  const now = ctx.clock.now()
  const weekend = weekendOf(now)
  const base: ActivityQuery = { communityId: actor.communityId, statuses: ['published'], endsAfter: now, order: 'asc', limit }
  const runs: Array<Partial<ActivityQuery>> = [
    { startsFrom: weekend.start, startsBefore: weekend.end },
    { startsBefore: weekend.start },
    { startsFrom: weekend.end },
  ]
  let { run, inner } = readCursor(cursor)
  const items: ActivitySummary[] = []
  while (run < runs.length && items.length < limit) {
    const page = await ctx.repos.activities.list({ ...base, ...runs[run], cursor: inner, limit: limit - items.length })
    items.push(...(await summaries(ctx, actor, page.items)))
    if (page.nextCursor) {
      inner = page.nextCursor
      break
    }
    run += 1
    inner = undefined
  }
  return { items, nextCursor: run < runs.length ? `${run}.${inner ?? ''}` : undefined }
}

function readCursor(cursor: string | undefined): { run: number; inner: string | undefined } {
  const match = cursor ? /^([0-2])\.([A-Za-z0-9_-]*)$/.exec(cursor) : null
  return match ? { run: Number(match[1]), inner: match[2] || undefined } : { run: 0, inner: undefined }
}

/** The member's own sign-ups (signed or waiting), latest first, with their place in each. */
async function mine(ctx: Ctx, actor: Actor, cursor: string | undefined, limit: number): Promise<ActivityPage> {
  const page = await ctx.repos.activities.signupsOf(actor.userId, cursor, limit)
  const items: ActivitySummary[] = []
  for (const s of page.items) {
    const a = await ctx.repos.activities.get(s.activityId)
    if (a && a.communityId === actor.communityId) items.push(await presentSummary(ctx, a, actor, s))
  }
  return { items, nextCursor: page.nextCursor }
}
