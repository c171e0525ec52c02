// 推荐人选: for staff, the best members for an order with the reasons in words.
import type { Suggestion } from '@shared/orders'
import { type Actor, managesGrid } from '../../domain/access'
import { AppError } from '../../domain/errors'
import { NO_STATS, rankMembers } from '../../domain/routing'
import type { Ctx } from '../../ports'
import { loadOrder, rulesOf } from './shared'

/** Ratings and releases count from the last 90 days. */
export const RECENT_MS = 90 * 86400_000

export async function suggestMembers(ctx: Ctx, actor: Actor, input: { orderId: string; limit?: number }): Promise<{ items: Suggestion[] }> {
  const order = await loadOrder(ctx, actor, input.orderId)
  if (!managesGrid(actor, order.communityId, order.gridId)) throw new AppError('FORBIDDEN', '只有社区工作者和本网格的网格员可以下单')
  const rules = await rulesOf(ctx, order.communityId)
  const [members, stats] = await Promise.all([
    ctx.repos.users.listMembers(order.communityId),
    ctx.repos.orders.memberStats(order.communityId, ctx.clock.now() - RECENT_MS),
  ])
  const ranked = rankMembers(order, members, (id) => stats[id] ?? NO_STATS, rules.memberLoadCap, input.limit ?? 5)
  const gridNames = new Map<string, string | null>()
  const items: Suggestion[] = []
  for (const r of ranked) {
    const gridId = r.member.gridId
    if (gridId && !gridNames.has(gridId)) gridNames.set(gridId, (await ctx.repos.places.grid(gridId))?.name ?? null)
    items.push({
      member: {
        id: r.member.id,
        name: r.member.name,
        gridName: gridId ? (gridNames.get(gridId) ?? null) : null,
        posts: r.member.member?.posts ?? [],
        skills: r.member.member?.skills ?? [],
      },
      score: r.score,
      parts: r.parts,
    })
  }
  return { items }
}
