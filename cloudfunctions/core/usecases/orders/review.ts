// 社区下单: staff or the grid's 网格员 dispatch an order (points, optionally to one member; how serious
// it is decides where it starts) or turn it down with a reason.
import type { z } from 'zod'
import type { ReviewOrderInput } from '@shared/orders'
import { type Actor, assertNotSelf, hasRole } from '../../domain/access'
import { invalid } from '../../domain/errors'
import { startOf } from '../../domain/escalation'
import { dispatchPoints } from '../../domain/rules'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, rulesOf, transition } from './shared'

export async function reviewOrder(ctx: Ctx, actor: Actor, input: z.output<typeof ReviewOrderInput>) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, input.decision, actor) // who and when first
  if (input.decision === 'reject') {
    const reason = input.reason ?? ''
    await ctx.guard.check(reason, 'reason', actor)
    const saved = await transition(ctx, order, 'reject', actor, { rejectReason: reason }, reason)
    return presentDetail(ctx, saved, actor)
  }
  assertNotSelf(actor, input.assigneeId, '不能把工单指派给自己')
  const assignee = input.assigneeId === undefined ? null : await ctx.repos.users.get(input.assigneeId)
  if (input.assigneeId !== undefined) {
    const eligible = assignee && assignee.communityId === order.communityId && hasRole(assignee, 'member')
    if (!eligible || assignee.id === order.residentId) throw invalid('assigneeId', '只能指派给本社区的其他党员')
  }
  const rules = await rulesOf(ctx, order.communityId)
  const points = input.points ?? dispatchPoints(rules, order.category, order.urgency)
  const severity = input.severity ?? order.severity
  const start = startOf(rules, severity)
  const note = [assignee ? `指派给${assignee.name}` : null, start.note].filter(Boolean).join('；') || null
  const changes = { points, assigneeId: assignee?.id ?? null, severity, level: start.level }
  const saved = await transition(ctx, order, 'dispatch', actor, changes, note)
  return presentDetail(ctx, saved, actor)
}
