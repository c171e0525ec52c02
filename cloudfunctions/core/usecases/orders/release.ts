// 退单: the member hands the order back to the hall with a reason; it is counted on the order.
import type { Actor } from '../../domain/access'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function releaseOrder(ctx: Ctx, actor: Actor, input: { orderId: string; reason: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'release', actor) // who and when first: a refused caller learns nothing from the checks below
  await ctx.guard.check(input.reason, 'reason', actor)
  const changes = { claimerId: null, assigneeId: null, releaseCount: order.releaseCount + 1 }
  const saved = await transition(ctx, order, 'release', actor, changes, input.reason)
  return presentDetail(ctx, saved, actor)
}
