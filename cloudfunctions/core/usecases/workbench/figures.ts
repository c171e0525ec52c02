// 工作台账: what a member did over a period — orders served, activities attended (and their hours),
// 结对帮扶 care tasks closed, ratings, points earned and spent — read from the orders, the sign-ups, the
// care records and the ledger.
import type { GridTaskLedgerRow } from '@shared/grid-tasks'
import type { LedgerFigures, MemberLedger } from '@shared/workbench'
import { careTitle } from '../../domain/care'
import { pointsFlow } from '../../domain/dashboard'
import type { Activity, Pair, Signup, User } from '../../domain/model'
import { type Period, inPeriod } from '../../domain/period'
import type { Ctx } from '../../ports'

const PAGE = 50
const HOUR = 3600_000

/** Hours to one decimal. */
const hoursOf = (ms: number) => Math.round((ms / HOUR) * 10) / 10

/** Every activity of a community starting in the period, oldest first. */
export async function activitiesIn(ctx: Ctx, communityId: string, p: Period): Promise<Activity[]> {
  const out: Activity[] = []
  let cursor: string | undefined
  do {
    const page = await ctx.repos.activities.list({
      communityId,
      startsFrom: p.start,
      startsBefore: p.end,
      order: 'asc',
      cursor,
      limit: PAGE,
    })
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/**
 * Activities and care pairs read once for a whole 台账 (every member's record reads the same few): each
 * id's read, shared by whoever asks next.
 */
export interface LedgerCache {
  activities: Map<string, Promise<Activity | null>>
  pairs: Map<string, Promise<Pair | null>>
}
export const ledgerCache = (): LedgerCache => ({ activities: new Map(), pairs: new Map() })

/** The id's read from `cache`, or `read` now (kept for the next caller). */
function once<T>(cache: Map<string, Promise<T>>, id: string, read: (id: string) => Promise<T>): Promise<T> {
  let found = cache.get(id)
  if (!found) {
    found = read(id)
    cache.set(id, found)
  }
  return found
}

/** The member's attended sign-ups of activities (not cancelled) that started in the period. */
async function attendedIn(ctx: Ctx, member: User, p: Period, cache: LedgerCache): Promise<Array<{ activity: Activity; signup: Signup }>> {
  const activityOf = (id: string) => once(cache.activities, id, (i) => ctx.repos.activities.get(i))
  const out: Array<{ activity: Activity; signup: Signup }> = []
  let cursor: string | undefined
  do {
    const page = await ctx.repos.activities.signupsOf(member.id, cursor, PAGE)
    for (const signup of page.items) {
      if (signup.status !== 'signed' || signup.attendance !== 'attended') continue
      const activity = await activityOf(signup.activityId)
      if (activity && activity.communityId === member.communityId && activity.status !== 'cancelled' && inPeriod(p, activity.startAt))
        out.push({ activity, signup })
    }
    cursor = page.nextCursor
  } while (cursor)
  return out.sort((a, b) => a.activity.startAt - b.activity.startAt || (a.activity.id < b.activity.id ? -1 : 1))
}

export async function memberLedger(ctx: Ctx, member: User, p: Period, cache = ledgerCache()): Promise<MemberLedger> {
  const [orders, attended, care, entries] = await Promise.all([
    ctx.repos.orders.closedBy(member.id, p.start, p.end),
    attendedIn(ctx, member, p, cache),
    careIn(ctx, member, p, cache),
    ctx.repos.points.entriesBetween(member.communityId, p.start, p.end, member.id),
  ])
  const served = orders.filter((o) => o.communityId === member.communityId)
  const rated = served.filter((o) => o.rating !== null)
  const flow = pointsFlow(entries)
  const activities = attended.map(({ activity, signup }) => ({
    activityId: activity.id,
    startAt: new Date(activity.startAt).toISOString(),
    title: activity.title,
    category: activity.category,
    hours: hoursOf(activity.endAt - activity.startAt),
    points: signup.awardedPoints ?? 0,
  }))
  const figures: LedgerFigures = {
    ordersServed: served.length,
    activitiesAttended: activities.length,
    hours: Math.round(activities.reduce((s, a) => s + a.hours, 0) * 10) / 10,
    careTasksDone: care.length,
    averageRating: rated.length ? Math.round((rated.reduce((s, o) => s + (o.rating ?? 0), 0) / rated.length) * 100) / 100 : null,
    pointsEarned: flow.issued,
    pointsSpent: flow.redeemed,
  }
  return {
    memberId: member.id,
    name: member.name,
    branch: member.member?.branch ?? null,
    workUnit: member.member?.workUnit ?? null,
    ...figures,
    orders: served.map((o) => ({
      orderId: o.id,
      closedAt: new Date(o.updatedAt).toISOString(),
      title: o.title,
      category: o.category,
      rating: o.rating,
      points: o.awardedPoints ?? 0,
    })),
    activities,
    care,
    entries: entries.map((e) => ({ at: new Date(e.at).toISOString(), note: e.note, delta: e.delta, balanceAfter: e.balanceAfter })),
  }
}

/** The care tasks the member closed in the period, oldest first, each named by its pair (每周探望). */
async function careIn(ctx: Ctx, member: User, p: Period, cache: LedgerCache): Promise<MemberLedger['care']> {
  const records = (await ctx.repos.care.recordsOfMember(member.communityId, member.id)).filter((r) => inPeriod(p, r.at)).reverse()
  const pairs = await Promise.all(records.map((r) => once(cache.pairs, r.pairId, (id) => ctx.repos.care.pair(id))))
  return records.map((r, i) => {
    const pair = pairs[i]
    return { recordId: r.id, at: new Date(r.at).toISOString(), title: pair ? careTitle(pair) : '结对帮扶', points: r.points }
  })
}

export const figuresOf = (l: MemberLedger): LedgerFigures => ({
  ordersServed: l.ordersServed,
  activitiesAttended: l.activitiesAttended,
  hours: l.hours,
  careTasksDone: l.careTasksDone,
  averageRating: l.averageRating,
  pointsEarned: l.pointsEarned,
  pointsSpent: l.pointsSpent,
})

/**
 * 网格员台账: the community's grid tasks published or confirmed in the period, oldest published first —
 * who, which grid, what, how many progress reports, when submitted, who confirmed it and when, points.
 */
export async function gridTaskLedger(ctx: Ctx, communityId: string, p: Period): Promise<GridTaskLedgerRow[]> {
  const tasks = (await ctx.repos.gridTasks.ofCommunity(communityId))
    .filter((t) => inPeriod(p, t.publishedAt) || (t.confirmedAt !== null && inPeriod(p, t.confirmedAt)))
    .sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1))
  if (tasks.length === 0) return []
  const ids = [...new Set(tasks.flatMap((t) => (t.confirmedBy ? [t.workerId, t.confirmedBy] : [t.workerId])))]
  const [grids, people] = await Promise.all([ctx.repos.places.grids(communityId), ctx.repos.users.getMany(ids)])
  const grid = new Map(grids.map((g) => [g.id, g.name]))
  const name = new Map(people.map((u) => [u.id, u.name]))
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
  return tasks.map((t) => ({
    taskId: t.id,
    worker: name.get(t.workerId) ?? '',
    grid: grid.get(t.gridId) ?? '',
    title: t.title,
    publishedAt: new Date(t.publishedAt).toISOString(),
    progressCount: t.progress.length,
    submittedAt: iso(t.submittedAt),
    confirmedBy: t.confirmedBy ? (name.get(t.confirmedBy) ?? '') : null,
    confirmedAt: iso(t.confirmedAt),
    points: t.points,
    status: t.status,
  }))
}
