// 居民点单: a resident orders a service, reports a hazard or makes a micro-wish — or a 网格员 or 社区工作者
// orders for someone (代办): a registered resident, who then sees it as theirs and rates it, or a person of
// a household's file (一户一档), with an account or without one.
import type { z } from 'zod'
import type { CreateOrderInput, OnBehalfOf } from '@shared/orders'
import { CHANNEL_LABELS } from '@shared/labels'
import type { Actor } from '../../domain/access'
import { hasRole, managesGrid } from '../../domain/access'
import { AppError, invalid } from '../../domain/errors'
import { keepsHousehold } from '../../domain/households'
import type { Order, User } from '../../domain/model'
import type { Ctx } from '../../ports'
import { noticeProxied } from './notices'
import { presentDetail } from './present'
import { requireRole } from './shared'
import { screenPhotos } from '../photos/screen'

export async function createOrder(ctx: Ctx, actor: Actor, input: z.output<typeof CreateOrderInput>) {
  const resident = input.onBehalfOf ? await holderFor(ctx, actor, input.onBehalfOf) : { ...(await self(ctx, actor)), household: null }
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
    householdId: resident.household?.id ?? null,
    householdMemberId: resident.household?.memberId ?? null,
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

/** Who an order is for and where they live: the resident's own record, and the household's when filed. */
type Holder = Pick<User, 'id' | 'communityId' | 'gridId' | 'buildingId'> & { household: { id: string; memberId: string } | null }

/**
 * 代办 is for a registered resident of a grid the caller looks after (another's does not exist for them),
 * or for a person of a household the caller keeps: with an account they hold it as their own; without one
 * the order's resident is that person of the file, at the household's address.
 */
async function holderFor(ctx: Ctx, actor: Actor, on: z.output<typeof OnBehalfOf>): Promise<Holder> {
  if (!on.householdId || !on.memberId)
    return { ...(await residentFor(ctx, actor, on.residentId ?? '', 'onBehalfOf.residentId')), household: null }
  const h = await ctx.repos.households.get(on.householdId)
  if (!h || h.communityId !== actor.communityId || !keepsHousehold(actor, h)) throw invalid('onBehalfOf.householdId', '请选择您负责的住户')
  const member = h.members.find((m) => m.id === on.memberId)
  if (!member) throw invalid('onBehalfOf.memberId', '请选择这户的家庭成员')
  const household = { id: h.id, memberId: member.id }
  if (member.residentId) return { ...(await residentFor(ctx, actor, member.residentId, 'onBehalfOf.memberId')), household }
  return { id: member.id, communityId: h.communityId, gridId: h.gridId, buildingId: h.buildingId, household }
}

async function residentFor(ctx: Ctx, actor: Actor, residentId: string, field: string): Promise<User> {
  const r = await ctx.repos.users.get(residentId)
  const known = r && hasRole(r, 'resident') && r.communityId === actor.communityId
  if (!known || !managesGrid(actor, r.communityId, r.gridId)) throw invalid(field, '请选择本网格登记过的居民')
  if (r.id === actor.userId) throw invalid(field, '为自己下单请直接点单')
  return r
}
