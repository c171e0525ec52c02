// 数据看板: the community's figures over a period, for staff; a 网格员's hold their grids' orders only.
import type { z } from 'zod'
import type { Dashboard, PeriodInput } from '@shared/workbench'
import { type Actor, isStaff } from '../../domain/access'
import { type DashboardInput, computeDashboard } from '../../domain/dashboard'
import type { Activity, Signup } from '../../domain/model'
import { byPlaceName } from '../../domain/onboarding'
import { period } from '../../domain/period'
import type { Ctx } from '../../ports'
import { activitiesIn } from './figures'

export async function getDashboard(ctx: Ctx, actor: Actor, input: z.output<typeof PeriodInput>): Promise<Dashboard> {
  const p = period(input.from, input.to)
  const [all, allGrids, entries, activities] = await Promise.all([
    ctx.repos.orders.dashboardFacts(actor.communityId, p.start, p.end),
    ctx.repos.places.grids(actor.communityId),
    ctx.repos.points.entriesBetween(actor.communityId, p.start, p.end),
    activitiesIn(ctx, actor.communityId, p),
  ])
  const mine = isStaff(actor) ? null : new Set(actor.grids ?? [])
  const orders = mine ? all.filter((o) => o.gridId !== null && mine.has(o.gridId)) : all
  const grids = mine ? allGrids.filter((g) => mine.has(g.id)) : allGrids
  const figures = computeDashboard({
    period: p,
    orders,
    grids: [...grids].sort(byPlaceName),
    entries,
    activities: await withSignups(ctx, activities),
  })
  return { ...figures, gridNames: mine ? [...grids].sort(byPlaceName).map((g) => g.name) : null }
}

/** The activities with their sign-ups, read in one go (not one read per activity). */
export async function withSignups(ctx: Ctx, activities: Activity[]): Promise<DashboardInput['activities']> {
  const signups = await ctx.repos.activities.signupsFor(activities.map((a) => a.id))
  const of = new Map<string, Signup[]>(activities.map((a) => [a.id, []]))
  for (const s of signups) of.get(s.activityId)?.push(s)
  return activities.map((activity) => ({ activity, signups: of.get(activity.id) ?? [] }))
}
