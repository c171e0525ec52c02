// 超时自动确认, a step of the scheduler tick: a completed order its resident leaves unconfirmed for
// 72 hours closes by itself and pays its member, as the resident's confirmation would (no rating).
import { SYSTEM } from '../../domain/access'
import type { Ctx } from '../../ports'
import { closeOrder } from '../orders/confirm'

export async function autoConfirmOrder(ctx: Ctx, orderId: string): Promise<boolean> {
  const order = await ctx.repos.orders.get(orderId)
  if (order?.status !== 'completed' || order.dueAt === null || order.dueAt > ctx.clock.now()) return false
  await closeOrder(ctx, order, SYSTEM, null, null)
  return true
}
