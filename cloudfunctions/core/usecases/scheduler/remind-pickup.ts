// 领取提醒, a step of the scheduler tick: a few days before a redemption's pickup window closes, its
// member is reminded to collect it, once (marked on the redemption in the same transaction).
import { formatBeijing } from '../../domain/time'
import { PICKUP_REMIND_BEFORE_MS, redemptionLink } from '../../domain/mall'
import type { Ctx } from '../../ports'
import { notify } from '../notify'

export async function remindPickup(ctx: Ctx, redemptionId: string): Promise<boolean> {
  const r = await ctx.repos.mall.redemption(redemptionId)
  const now = ctx.clock.now()
  if (r?.status !== 'pending' || r.remindedAt !== null || r.expiresAt - PICKUP_REMIND_BEFORE_MS > now || r.expiresAt <= now) return false
  await ctx.repos.mall.updateRedemption({ ...r, remindedAt: now, version: r.version + 1 })
  await notify(ctx, r.communityId, [r.memberId], {
    kind: 'pickup_reminder',
    title: '记得领取兑换的商品',
    body: `「${r.goodsName}」请在 ${formatBeijing(r.expiresAt)} 前到社区服务站领取，过期积分退回`,
    link: redemptionLink(r.id),
  })
  return true
}
