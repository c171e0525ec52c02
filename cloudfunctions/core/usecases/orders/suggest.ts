// 推荐人选: for staff, the best members for an order with the reasons in words.
import type { Suggestion } from '@shared/orders'
import { type Actor, isStaff } from '../../domain/access'
import { AppError } from '../../domain/errors'
import { NO_STATS, rankMembers } from '../../domain/routing'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'
import { loadOrder } from './shared'

/** Ratings and releases count from the last 90 days. */
export const RECENT_MS = 90 * 86400_000

export async function suggestMembers(ctx: Ctx, actor: Actor, input: { orderId: string; limit?: number }): Promise<{ items: Suggestion[] }> {
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', '只有社区工作人员可以派单')
  const order = await loadOrder(ctx, actor, input.orderId)
  const rules = (await ctx.repos.places.rules(order.communityId)) ?? DEFAULT_RULES
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
