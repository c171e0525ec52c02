// 撤销: the resident withdraws an order nobody has taken yet.
import type { Actor } from '../../domain/access'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function cancelOrder(ctx: Ctx, actor: Actor, input: { orderId: string; reason?: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'cancel', actor) // who and when first: a refused caller learns nothing from the checks below
  if (input.reason) await ctx.guard.check(input.reason, 'reason', actor)
  const saved = await transition(ctx, order, 'cancel', actor, {}, input.reason || null)
  return presentDetail(ctx, saved, actor)
}
