// 党员接单: first come, first served — the version check makes two racing claims end with one winner.
import type { Actor } from '../../domain/access'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function claimOrder(ctx: Ctx, actor: Actor, input: { orderId: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  const saved = await transition(ctx, order, 'claim', actor, { claimerId: actor.userId })
  return presentDetail(ctx, saved, actor)
}
