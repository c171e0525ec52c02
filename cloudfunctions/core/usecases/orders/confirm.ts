// 评价打分: the resident confirms with 1–5 stars; the order closes and the member is paid once.
import type { Caller } from '../../domain/access'
import { SYSTEM } from '../../domain/access'
import { allowedByDailyCap, sourceKeys } from '../../domain/ledger'
import type { Order } from '../../domain/model'
import { DEFAULT_RULES, awardParts, awardPoints } from '../../domain/rules'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { loadAccount, postEntry } from '../points/post'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function confirmOrder(
  ctx: Ctx,
  actor: Exclude<Caller, typeof SYSTEM>,
  input: { orderId: string; rating: number; comment?: string },
) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'confirm', actor) // who and when first: a refused caller learns nothing from the checks below
  if (input.comment) await ctx.guard.check(input.comment, 'comment', actor)
  const saved = await closeOrder(ctx, order, actor, input.rating, input.comment ?? null)
  return presentDetail(ctx, saved, actor)
}

/** Closes a completed order (by its resident, or by the system after 72 h) and awards the points. */
export async function closeOrder(ctx: Ctx, order: Order, caller: Caller, rating: number | null, comment: string | null) {
  const rules = (await ctx.repos.places.rules(order.communityId)) ?? DEFAULT_RULES
  const earned = awardPoints(rules, order.points ?? 0, rating)
  const memberId = order.claimerId
  const at = ctx.clock.now()
  const award = memberId ? allowedByDailyCap(await loadAccount(ctx, memberId, order.communityId), rules, earned, at) : 0
  const note = caller === SYSTEM ? '超过 72 小时未评价，系统自动确认' : comment
  const saved = await transition(ctx, order, 'confirm', caller, { rating, comment, awardedPoints: award }, note)
  if (memberId && award > 0) {
    await postEntry(ctx, memberId, order.communityId, {
      sourceKey: sourceKeys.orderAward(order.id),
      delta: award,
      reason: 'order_award',
      note: `完成工单「${order.title}」${award < earned ? `（已达每日上限，计 ${award} 分）` : ''}`,
      parts: [
        ...awardParts(rules, order.category, order.points ?? 0, rating),
        ...(award < earned ? [{ kind: 'cap' as const, points: award - earned }] : []),
      ],
      at,
    })
  }
  return saved
}
