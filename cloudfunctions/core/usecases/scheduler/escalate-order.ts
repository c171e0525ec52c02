// 分级响应, a step of the scheduler tick: an order past its deadline rises one level through the order
// machine, so its timeline event and the notice to staff come the way every other step's do.
import { SYSTEM } from '../../domain/access'
import { LEVEL_LABELS, escalate } from '../../domain/escalation'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'
import { transition } from '../orders/shared'

export async function escalateOrder(ctx: Ctx, orderId: string): Promise<boolean> {
  const order = await ctx.repos.orders.get(orderId)
  if (!order) return false
  const rules = (await ctx.repos.places.rules(order.communityId)) ?? DEFAULT_RULES
  const changes = escalate(order, rules, ctx.clock.now())
  if (!changes) return false // claimed, completed or raised meanwhile
  const step = changes.escalations[changes.escalations.length - 1]
  await transition(ctx, order, 'escalate', SYSTEM, changes, `${step.reason}，由${LEVEL_LABELS[step.from]}升级到${LEVEL_LABELS[step.to]}`)
  return true
}
