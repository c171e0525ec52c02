// 兑换: enough points, stock left, limit not reached → a unit taken (stock −1, one atomic step), the
// ledger debit, a redemption with an 8-digit pickup code, in one unit of work. Never oversold, never
// below zero.
import { type Actor, hasRole } from '../../domain/access'
import { AppError, notFound } from '../../domain/errors'
import { sourceKeys } from '../../domain/ledger'
import { PICKUP_WINDOW_MS, assertRedeemable, pickupCode } from '../../domain/mall'
import type { Redemption } from '../../domain/model'
import type { Ctx } from '../../ports'
import { loadAccount, postEntry } from '../points/post'
import { presentRedemption } from './present'

export async function redeemGoods(ctx: Ctx, actor: Actor, input: { goodsId: string }) {
  if (!hasRole(actor, 'member')) throw new AppError('FORBIDDEN', '只有党员可以兑换')
  const goods = await ctx.repos.mall.goods(input.goodsId)
  if (!goods || goods.communityId !== actor.communityId) throw notFound('没有找到这件商品')
  const held = await ctx.repos.mall.holding(goods.id, actor.userId)
  const account = await loadAccount(ctx, actor.userId, actor.communityId)
  assertRedeemable(goods, held, account.balance)

  const now = ctx.clock.now()
  const id = ctx.ids.next('r')
  const code = await freeCode(ctx, actor.communityId)
  // the unit is taken in one atomic step, so a burst of members never queues on the good (ports.ts)
  if (!(await ctx.repos.mall.takeUnit(goods.id))) throw new AppError('SOLD_OUT', '已经兑完了')
  await ctx.repos.mall.setHolding(goods.id, actor.userId, held + 1)
  const debit = {
    sourceKey: sourceKeys.redemption(id),
    delta: -goods.price,
    reason: 'redemption' as const,
    note: `兑换「${goods.name}」`,
    at: now,
  }
  // the redemption's id was made just now: its debit cannot have been posted before (fresh)
  const posted = await postEntry(ctx, actor.userId, actor.communityId, debit, true)
  const redemption: Redemption = {
    id,
    communityId: actor.communityId,
    memberId: actor.userId,
    goodsId: goods.id,
    goodsName: goods.name,
    goodsImage: goods.image,
    price: goods.price,
    code,
    status: 'pending',
    consumed: posted?.consumed ?? {},
    createdAt: now,
    expiresAt: now + PICKUP_WINDOW_MS,
    pickedAt: null,
    verifiedBy: null,
    remindedAt: null,
    version: 1,
  }
  await ctx.repos.mall.insertRedemption(redemption)
  await ctx.repos.mall.claimCode(actor.communityId, code, id)
  return presentRedemption(ctx, redemption)
}

/** A pickup code not yet used in the community (a clash is one in a hundred million: try again). */
async function freeCode(ctx: Ctx, communityId: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = pickupCode(ctx.ids.randomBytes(8))
    if (!(await ctx.repos.mall.redemptionByCode(communityId, code))) return code
  }
  throw new AppError('CONFLICT', '系统繁忙，请再试一次')
}
