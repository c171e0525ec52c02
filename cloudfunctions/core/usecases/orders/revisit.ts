// 回访: after a low rating the grid's 网格员 (or a community worker) visits the resident and records what
// they found; the order's flag clears.
import type { Actor } from '../../domain/access'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function revisitOrder(ctx: Ctx, actor: Actor, input: { orderId: string; note: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'revisit', actor) // who and when first
  await ctx.guard.check(input.note, 'note', actor)
  const saved = await transition(ctx, order, 'revisit', actor, { revisitDue: false }, `回访：${input.note}`)
  return presentDetail(ctx, saved, actor)
}
