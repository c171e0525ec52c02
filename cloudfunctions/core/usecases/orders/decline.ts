// 退回 (once 婉拒): a member an order was directed to hands it back; it goes to the hall for everyone.
import type { Actor } from '../../domain/access'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function declineOrder(ctx: Ctx, actor: Actor, input: { orderId: string; reason?: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'decline', actor) // who and when first
  if (input.reason) await ctx.guard.check(input.reason, 'reason', actor)
  const saved = await transition(ctx, order, 'decline', actor, { assigneeId: null }, input.reason ?? null)
  return presentDetail(ctx, saved, actor)
}
