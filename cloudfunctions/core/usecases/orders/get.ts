import type { Actor } from '../../domain/access'
import { notFound } from '../../domain/errors'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { canView, loadOrder } from './shared'

export async function getOrder(ctx: Ctx, actor: Actor, input: { orderId: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  if (!canView(order, actor)) throw notFound('没有找到这张工单')
  return presentDetail(ctx, order, actor)
}
