// 居民点单: a resident orders a service, reports a hazard or makes a micro-wish.
import type { z } from 'zod'
import type { CreateOrderInput } from '@shared/orders'
import type { Actor } from '../../domain/access'
import { hasRole } from '../../domain/access'
import { AppError, invalid } from '../../domain/errors'
import type { Order } from '../../domain/model'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { requireRole } from './shared'
import { screenPhotos } from '../photos/screen'

export async function createOrder(ctx: Ctx, actor: Actor, input: z.output<typeof CreateOrderInput>) {
  requireRole(hasRole(actor, 'resident'), '只有居民可以点单')
  if (input.kind === 'hazard' && input.photos.length === 0) throw invalid('photos', '随手拍需要至少一张照片')
  const resident = await ctx.repos.users.get(actor.userId)
  if (!resident) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  await ctx.guard.check(input.title, 'title', actor)
  await ctx.guard.check(input.description, 'description', actor)
  if (input.preferredTime) await ctx.guard.check(input.preferredTime, 'preferredTime', actor)
  await ctx.files.assertOwned(input.photos, actor.userId, 'photos')

  const now = ctx.clock.now()
  const order: Order = {
    id: ctx.ids.next('o'),
    communityId: actor.communityId,
    residentId: actor.userId,
    kind: input.kind,
    category: input.category,
    title: input.title,
    description: input.description,
    urgency: input.urgency ?? (input.kind === 'hazard' ? 'urgent' : 'normal'),
    photos: input.photos,
    preferredTime: input.preferredTime || null,
    status: 'submitted',
    points: null,
    assigneeId: null,
    claimerId: null,
    gridId: resident.gridId,
    buildingId: resident.buildingId,
    summary: null,
    completionPhotos: [],
    rating: null,
    comment: null,
    rejectReason: null,
    releaseCount: 0,
    disputeCount: 0,
    awardedPoints: null,
    level: 'grid',
    escalations: [],
    dueAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }
  await ctx.repos.orders.insert(order)
  await ctx.repos.orders.appendEvent({
    orderId: order.id,
    seq: 1,
    at: now,
    actorId: actor.userId,
    action: 'create',
    from: null,
    to: 'submitted',
    note: null,
  })
  screenPhotos(ctx, actor, { kind: 'order', id: order.id, field: 'photos' }, order.photos)
  return presentDetail(ctx, order, actor)
}
