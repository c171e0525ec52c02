// Order lists by scope: a resident's own, the members' hall, the staff review queue, a member's tasks.
import type { z } from 'zod'
import type { ListOrdersInput, OrderPage } from '@shared/orders'
import { type Actor, hasRole, isStaff } from '../../domain/access'
import type { Ctx, OrderQuery } from '../../ports'
import { presentSummaries } from './present'
import { requireRole } from './shared'

export async function listOrders(ctx: Ctx, actor: Actor, input: z.output<typeof ListOrdersInput>): Promise<OrderPage> {
  const base = {
    communityId: actor.communityId,
    category: input.category,
    gridId: input.gridId,
    cursor: input.cursor,
    limit: input.limit ?? 20,
  }
  const statuses = input.status ? [input.status] : undefined
  let query: OrderQuery
  switch (input.scope) {
    case 'mine':
      query = { ...base, residentId: actor.userId, statuses }
      break
    case 'hall':
      requireRole(hasRole(actor, 'member'), '接单大厅只对党员开放')
      query = { ...base, statuses: ['open'], takeableBy: actor.userId }
      break
    case 'assigned':
      requireRole(hasRole(actor, 'member'), '只有党员有任务')
      query = { ...base, memberId: actor.userId, statuses }
      break
    case 'review':
      requireRole(isStaff(actor), '只有社区工作人员可以审核')
      query = { ...base, statuses: statuses ?? ['submitted'] }
      break
  }
  const page = await ctx.repos.orders.list(query)
  return { items: await presentSummaries(ctx, page.items), nextCursor: page.nextCursor }
}
