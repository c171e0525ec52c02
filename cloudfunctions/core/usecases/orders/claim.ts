// 党员接单: first come, first served — the version check makes two racing claims end with one winner.
import { type Actor, assertNotSelf } from '../../domain/access'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function claimOrder(ctx: Ctx, actor: Actor, input: { orderId: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  // whoever dispatched it (and set its points) may not take it: the latest dispatch is the one that counts
  const dispatch = (await ctx.repos.orders.events(order.id)).filter((e) => e.action === 'dispatch').pop()
  assertNotSelf(actor, dispatch?.actorId, '不能接自己派出的工单')
  const saved = await transition(ctx, order, 'claim', actor, { claimerId: actor.userId })
  return presentDetail(ctx, saved, actor)
}
