// 逾期未领, a step of the scheduler tick: a redemption still pending 30 days on is refunded and
// restocked, once (the refund's source key and the status check make a second run a no-op), and the
// member hears of it.
import { PICKUP_DAYS, redemptionLink } from '../../domain/mall'
import type { Ctx } from '../../ports'
import { undo } from '../mall/redemptions'
import { notify } from '../notify'

export async function expireRedemption(ctx: Ctx, redemptionId: string): Promise<boolean> {
  const r = await ctx.repos.mall.redemption(redemptionId)
  if (r?.status !== 'pending' || r.expiresAt > ctx.clock.now()) return false
  await undo(ctx, r, 'expired')
  await notify(ctx, r.communityId, [r.memberId], {
    kind: 'redemption_expired',
    title: '兑换已过期',
    body: `「${r.goodsName}」超过 ${PICKUP_DAYS} 天没有领取，${r.price} 积分已退回`,
    link: redemptionLink(r.id),
  })
  return true
}
