// 数据看板: the community's figures over a period, for staff; a 网格员's hold their grids' orders only.
// 街道数据看板: the same figures per community of a street and over the street.
import type { z } from 'zod'
import type { CommunityFigures, Dashboard, PeriodInput, StreetDashboard } from '@shared/workbench'
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
    ctx.repos.points.sumsBetween(actor.communityId, p.start, p.end),
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

/**
 * 街道数据看板: the street's communities over a period, each read as its own dashboard is (facts, ledger,
 * activities), counted per community and over them all. Only the street's accounts call it (registry).
 */
export async function getStreetDashboard(ctx: Ctx, actor: Actor, input: z.output<typeof PeriodInput>): Promise<StreetDashboard> {
  const p = period(input.from, input.to)
  const [street, communities] = await Promise.all([
    ctx.repos.places.street(actor.communityId),
    ctx.repos.places.streetCommunities(actor.communityId),
  ])
  const inputs = await Promise.all(
    communities.map(async (c): Promise<DashboardInput> => {
      const [orders, entries, activities] = await Promise.all([
        ctx.repos.orders.dashboardFacts(c.id, p.start, p.end),
        ctx.repos.points.sumsBetween(c.id, p.start, p.end),
        activitiesIn(ctx, c.id, p),
      ])
      return { period: p, orders, grids: [], entries, activities: await withSignups(ctx, activities) }
    }),
  )
  const rows = communities.map((c, i): CommunityFigures => {
    const f = computeDashboard(inputs[i])
    return {
      communityId: c.id,
      name: c.name,
      orders: f.orders.total,
      closed: f.orders.byStatus.find((s) => s.status === 'closed')?.count ?? 0,
      medianClaimMinutes: f.medianClaimMinutes,
      medianCloseMinutes: f.medianCloseMinutes,
      slaBreaches: f.slaBreaches,
      satisfaction: f.satisfaction,
      referrals: f.referrals,
      activeMembers: f.activeMembers,
      points: f.points,
      activities: f.activities,
    }
  })
  const { from, to, orders, ...figures } = computeDashboard({
    period: p,
    orders: inputs.flatMap((i) => i.orders),
    grids: [],
    entries: inputs.flatMap((i) => i.entries),
    activities: inputs.flatMap((i) => i.activities),
  })
  const { byGrid: _byGrid, ...streetOrders } = orders
  return { from, to, streetName: street?.name ?? '', total: { ...figures, orders: streetOrders }, communities: rows }
}
