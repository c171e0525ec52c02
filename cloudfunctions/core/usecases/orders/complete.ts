// 申请结单: the member closes their part with a short report and at least one photo (拍照纪实).
import type { Actor } from '../../domain/access'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'
import { screenPhotos } from '../photos/screen'

export async function completeOrder(ctx: Ctx, actor: Actor, input: { orderId: string; summary: string; photos: string[] }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'complete', actor) // who and when first: a refused caller learns nothing from the checks below
  await ctx.guard.check(input.summary, 'summary', actor)
  await ctx.files.assertOwned(input.photos, actor.userId, 'photos')
  const saved = await transition(ctx, order, 'complete', actor, { summary: input.summary, completionPhotos: input.photos })
  screenPhotos(ctx, actor, { kind: 'order', id: saved.id, field: 'completionPhotos' }, input.photos)
  return presentDetail(ctx, saved, actor)
}
