// 还没解决: once per order, the resident sends it back to the member who did it.
import type { Actor } from '../../domain/access'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function disputeOrder(ctx: Ctx, actor: Actor, input: { orderId: string; reason: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'dispute', actor) // who and when first: a refused caller learns nothing from the checks below
  await ctx.guard.check(input.reason, 'reason', actor)
  const saved = await transition(ctx, order, 'dispute', actor, { disputeCount: order.disputeCount + 1 }, input.reason)
  return presentDetail(ctx, saved, actor)
}
