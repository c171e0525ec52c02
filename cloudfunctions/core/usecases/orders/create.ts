// 居民点单: a resident orders a service, reports a hazard or makes a micro-wish — or a 网格员 or 社区工作者
// orders for a registered resident (代办), who then sees it as theirs and rates it.
import type { z } from 'zod'
import type { CreateOrderInput } from '@shared/orders'
import { CHANNEL_LABELS } from '@shared/labels'
import type { Actor } from '../../domain/access'
import { hasRole, managesGrid } from '../../domain/access'
import { AppError, invalid } from '../../domain/errors'
import type { Order, User } from '../../domain/model'
import type { Ctx } from '../../ports'
import { noticeProxied } from './notices'
import { presentDetail } from './present'
import { requireRole } from './shared'
import { screenPhotos } from '../photos/screen'

export async function createOrder(ctx: Ctx, actor: Actor, input: z.output<typeof CreateOrderInput>) {
  const resident = input.onBehalfOf ? await residentFor(ctx, actor, input.onBehalfOf.residentId) : await self(ctx, actor)
  if (input.kind === 'hazard' && input.photos.length === 0) throw invalid('photos', '随手拍需要至少一张照片')
  await ctx.guard.check(input.title, 'title', actor)
  await ctx.guard.check(input.description, 'description', actor)
  if (input.preferredTime) await ctx.guard.check(input.preferredTime, 'preferredTime', actor)
  // whoever fills the form uploads the photos: on a visit, the 网格员's own
  await ctx.files.assertOwned(input.photos, actor.userId, 'photos')

  const now = ctx.clock.now()
  const channel = input.onBehalfOf?.channel ?? null
  const order: Order = {
    id: ctx.ids.next('o'),
    communityId: resident.communityId,
    residentId: resident.id,
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
    severity: 'general',
    agentId: channel ? actor.userId : null,
    channel,
    referralId: null,
    revisitDue: false,
    awardNote: null,
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
    note: channel ? `${CHANNEL_LABELS[channel]}代办` : null,
  })
  screenPhotos(ctx, actor, { kind: 'order', id: order.id, field: 'photos' }, order.photos)
  if (channel) await noticeProxied(ctx, order, actor.name)
  return presentDetail(ctx, order, actor)
}

async function self(ctx: Ctx, actor: Actor): Promise<User> {
  requireRole(hasRole(actor, 'resident'), '只有居民可以点单')
  const me = await ctx.repos.users.get(actor.userId)
  if (!me) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  return me
}

/** 代办 is for a registered resident of a grid the caller looks after (another's does not exist for them). */
async function residentFor(ctx: Ctx, actor: Actor, residentId: string): Promise<User> {
  const r = await ctx.repos.users.get(residentId)
  const known = r && hasRole(r, 'resident') && r.communityId === actor.communityId
  if (!known || !managesGrid(actor, r.communityId, r.gridId)) throw invalid('onBehalfOf.residentId', '请选择本网格登记过的居民')
  if (r.id === actor.userId) throw invalid('onBehalfOf.residentId', '为自己下单请直接点单')
  return r
}
