// After a redemption: the member's list, cancelling before pickup, staff verifying the code.
import type { Redemption as RedemptionView } from '@shared/mall'
import { type Actor, assertNotSelf } from '../../domain/access'
import { AppError, notFound } from '../../domain/errors'
import { sourceKeys } from '../../domain/ledger'
import type { Redemption } from '../../domain/model'
import type { Ctx } from '../../ports'
import { postEntry } from '../points/post'
import { presentRedemption } from './present'

export async function myRedemptions(ctx: Ctx, actor: Actor, input: { cursor?: string; limit?: number }) {
  const page = await ctx.repos.mall.redemptions(actor.userId, input.cursor, input.limit ?? 20)
  const items: RedemptionView[] = []
  for (const r of page.items) items.push(await presentRedemption(ctx, r))
  return { items, nextCursor: page.nextCursor }
}

export async function cancelRedemption(ctx: Ctx, actor: Actor, input: { redemptionId: string }) {
  const r = await ctx.repos.mall.redemption(input.redemptionId)
  if (!r || r.memberId !== actor.userId) throw notFound('没有找到这条兑换记录')
  if (r.status !== 'pending') throw new AppError('CONFLICT', r.status === 'picked' ? '已经领取，不能取消' : '这条兑换已经结束')
  if (r.expiresAt <= ctx.clock.now()) throw new AppError('CONFLICT', '已过领取期限，积分会自动退回')
  return presentRedemption(ctx, await undo(ctx, r, 'cancelled'))
}

/** Ends a pending redemption: refund (once, by source key), restock, free the member's limit. */
export async function undo(ctx: Ctx, r: Redemption, status: 'cancelled' | 'expired'): Promise<Redemption> {
  const now = ctx.clock.now()
  const saved: Redemption = { ...r, status, version: r.version + 1 }
  await ctx.repos.mall.updateRedemption(saved)
  await postEntry(ctx, r.memberId, r.communityId, {
    sourceKey: sourceKeys.refund(r.id),
    delta: r.price,
    reason: 'refund',
    note: status === 'cancelled' ? `取消兑换「${r.goodsName}」，积分退回` : `「${r.goodsName}」超过 30 天未领取，积分退回`,
    at: now,
    restore: r.consumed,
  })
  const goods = await ctx.repos.mall.goods(r.goodsId)
  if (goods) await ctx.repos.mall.updateGoods({ ...goods, stock: goods.stock + 1, updatedAt: now, version: goods.version + 1 })
  const held = await ctx.repos.mall.holding(r.goodsId, r.memberId)
  await ctx.repos.mall.setHolding(r.goodsId, r.memberId, Math.max(0, held - 1))
  return saved
}

/** Finds a pending pickup by its code for staff of the same community; wrong codes count toward a limit. */
async function findPickup(ctx: Ctx, actor: Actor, code: string): Promise<Redemption> {
  const key = `verify:${actor.userId}`
  await ctx.limiter.assertAllowed(key)
  const id = await ctx.repos.mall.redemptionByCode(actor.communityId, code)
  const r = id ? await ctx.repos.mall.redemption(id) : null
  if (!r || r.communityId !== actor.communityId) {
    await ctx.limiter.recordFailure(key)
    throw notFound('核销码不对，请核对后重新输入')
  }
  if (r.status === 'picked') throw new AppError('CONFLICT', '这件商品已经领取过了')
  if (r.status !== 'pending' || r.expiresAt <= ctx.clock.now()) throw new AppError('CONFLICT', '这条兑换已取消或过期')
  return r
}

export async function lookupPickup(ctx: Ctx, actor: Actor, input: { code: string }) {
  const r = await findPickup(ctx, actor, input.code)
  const member = await ctx.repos.users.get(r.memberId)
  return { ...(await presentRedemption(ctx, r)), member: { id: r.memberId, name: member?.name ?? '' } }
}

export async function verifyPickup(ctx: Ctx, actor: Actor, input: { code: string }) {
  const r = await findPickup(ctx, actor, input.code)
  assertNotSelf(actor, r.memberId, '不能核销自己的兑换，请其他工作人员核销')
  const saved: Redemption = { ...r, status: 'picked', pickedAt: ctx.clock.now(), verifiedBy: actor.userId, version: r.version + 1 }
  await ctx.repos.mall.updateRedemption(saved)
  const member = await ctx.repos.users.get(r.memberId)
  return { ...(await presentRedemption(ctx, saved)), member: { id: r.memberId, name: member?.name ?? '' } }
}
