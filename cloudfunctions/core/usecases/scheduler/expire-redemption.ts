// 逾期未领, a step of the scheduler tick: a redemption still pending 30 days on is refunded and
// restocked, once (the refund's source key and the status check make a second run a no-op).
import type { Ctx } from '../../ports'
import { undo } from '../mall/redemptions'

export async function expireRedemption(ctx: Ctx, redemptionId: string): Promise<boolean> {
  const r = await ctx.repos.mall.redemption(redemptionId)
  if (r?.status !== 'pending' || r.expiresAt > ctx.clock.now()) return false
  await undo(ctx, r, 'expired')
  return true
}
