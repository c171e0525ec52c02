// Order lists by scope: a resident's own, the members' hall (为你推荐 first, then nearest and newest),
// the review queue and the 逾期/升级 queue (a 网格员's hold their grids only), a member's tasks, the
// orders one placed for residents (代办), what reached 街道, and low ratings waiting for a 回访.
import type { z } from 'zod'
import type { ListOrdersInput, OrderPage, OrderSummary } from '@shared/orders'
import { type Actor, hasRole, isStaff, managesOrders } from '../../domain/access'
import { AppError } from '../../domain/errors'
import type { Order } from '../../domain/model'
import { RECOMMEND_AT, scoreMember } from '../../domain/routing'
import type { Ctx, OrderQuery } from '../../ports'
import { presentSummaries } from './present'
import { requireRole } from './shared'
import { RECENT_MS } from './suggest'

/** How many orders 为你推荐 puts at the top of the hall's first page. */
const RECOMMENDED = 3

export async function listOrders(ctx: Ctx, actor: Actor, input: z.output<typeof ListOrdersInput>): Promise<OrderPage> {
  const limit = input.limit ?? 20
  if (input.scope === 'hall') return hall(ctx, actor, input, limit)
  // a 网格员 looks after their grids; community staff after all of them
  const gridIds = isStaff(actor) ? undefined : [...(actor.grids ?? [])]
  if (input.scope === 'overdue') {
    requireRole(managesOrders(actor), '只有社区工作者和网格员可以查看逾期工单')
    const page = await ctx.repos.orders.overdue({
      communityId: actor.communityId,
      gridIds,
      now: ctx.clock.now(),
      cursor: input.cursor,
      limit,
    })
    return { items: await presentSummaries(ctx, page.items), nextCursor: page.nextCursor }
  }
  if (input.scope === 'street') {
    requireRole(hasRole(actor, 'street'), '只有街道可以查看')
    const page = await ctx.repos.orders.atStreet([...(actor.streetCommunities ?? [])], input.cursor, limit)
    return { items: await presentSummaries(ctx, page.items), nextCursor: page.nextCursor }
  }
  const base = {
    communityId: actor.communityId,
    category: input.category,
    kind: input.kind,
    gridId: input.gridId,
    cursor: input.cursor,
    limit,
  }
  const statuses = input.status ? [input.status] : undefined
  let query: OrderQuery
  if (input.scope === 'mine') query = { ...base, residentId: actor.userId, statuses }
  else if (input.scope === 'proxied') query = { ...base, agentId: actor.userId, statuses }
  else if (input.scope === 'assigned') {
    requireRole(hasRole(actor, 'member'), '只有党员有任务')
    query = { ...base, memberId: actor.userId, statuses }
  } else if (input.scope === 'revisit') {
    requireRole(managesOrders(actor), '只有社区工作者和网格员可以回访')
    query = { ...base, gridIds, statuses: ['closed'], revisitDue: true }
  } else {
    requireRole(managesOrders(actor), '只有社区工作者和网格员可以审核')
    query = { ...base, gridIds, statuses: statuses ?? ['submitted'] }
  }
  const page = await ctx.repos.orders.list(query)
  return { items: await presentSummaries(ctx, page.items), nextCursor: page.nextCursor }
}

async function hall(ctx: Ctx, actor: Actor, input: z.output<typeof ListOrdersInput>, limit: number): Promise<OrderPage> {
  requireRole(hasRole(actor, 'member'), '接单大厅只对党员开放')
  const me = await ctx.repos.users.get(actor.userId)
  if (!me) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  const query = {
    communityId: actor.communityId,
    memberId: me.id,
    buildingId: me.buildingId,
    gridId: me.gridId,
    category: input.category,
    kind: input.kind,
    cursor: input.cursor,
    limit,
  }
  const stats = (await ctx.repos.orders.memberStats(actor.communityId, ctx.clock.now() - RECENT_MS, me.id))[me.id]
  const score = (o: Order) => scoreMember(o, me, stats ?? { open: 0, ratingSum: 0, ratingCount: 0, releases: 0, noShows: 0 })

  // 为你推荐 leads the first page: the best-fitting recent orders by their score for this member
  let top: Order[] = []
  if (!input.cursor) {
    const fitting = await ctx.repos.orders.fitting({ ...query, posts: me.member?.posts ?? [], limit: 100 })
    top = fitting
      .map((o) => ({ o, s: score(o).score }))
      .filter((x) => x.s >= RECOMMEND_AT)
      .sort((a, b) => b.s - a.s || b.o.createdAt - a.o.createdAt)
      .slice(0, RECOMMENDED)
      .map((x) => x.o)
  }
  const page = await ctx.repos.orders.hall(query)
  const topIds = new Set(top.map((o) => o.id))
  const orders = [...top, ...page.items.filter((o) => !topIds.has(o.id))]
  const items: OrderSummary[] = await presentSummaries(ctx, orders)
  for (const [i, item] of items.entries()) {
    const s = score(orders[i])
    item.recommendation = { score: s.score, parts: s.parts, recommended: topIds.has(item.id) }
  }
  return { items, nextCursor: page.nextCursor }
}
