// 转办的答复: staff (or the street account, once the order stands at 街道) record what the unit
// answered; the resident sees 已反馈 and confirms it as they would a member's work.
import type { Actor } from '../../domain/access'
import { notFound } from '../../domain/errors'
import type { Order } from '../../domain/model'
import { nextStatus } from '../../domain/order-machine'
import { nextReferralStatus } from '../../domain/referral-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function recordReferralAnswer(ctx: Ctx, actor: Actor, input: { orderId: string; answer: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'answer', actor) // who and when first
  await ctx.guard.check(input.answer, 'answer', actor)
  const referral = order.referralId ? await ctx.repos.referrals.referral(order.referralId) : null
  if (!referral) throw notFound('没有找到这次转办')
  const at = ctx.clock.now()
  const status = nextReferralStatus(referral, 'answer')
  await ctx.repos.referrals.saveReferral({
    ...referral,
    status,
    answer: input.answer,
    answeredBy: actor.userId,
    answeredAt: at,
    version: referral.version + 1,
  })
  const saved = await transition(ctx, order, 'answer', actor, {}, `${referral.unitName}答复：${input.answer}`)
  return presentDetail(ctx, saved, actor)
}

/** The order of an answered referral closed: the referral is done (已办结). */
export async function settleReferral(ctx: Ctx, order: Order) {
  const referral = order.referralId ? await ctx.repos.referrals.referral(order.referralId) : null
  if (referral?.status !== 'answered') return
  await ctx.repos.referrals.saveReferral({ ...referral, status: nextReferralStatus(referral, 'settle'), version: referral.version + 1 })
}
