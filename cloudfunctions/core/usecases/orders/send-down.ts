// 街道发回: the street account sends an order that reached 街道 back to 社区 with its instruction; the
// community gets a fresh period and hears of it.
import { sendDown } from '../../domain/escalation'
import type { Actor } from '../../domain/access'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, rulesOf, transition } from './shared'

export async function sendOrderDown(ctx: Ctx, actor: Actor, input: { orderId: string; note: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'sendDown', actor) // who and when first
  await ctx.guard.check(input.note, 'note', actor)
  const changes = sendDown(order, await rulesOf(ctx, order.communityId), ctx.clock.now(), input.note)
  const saved = await transition(ctx, order, 'sendDown', actor, changes, `街道发回社区：${input.note}`)
  return presentDetail(ctx, saved, actor)
}
