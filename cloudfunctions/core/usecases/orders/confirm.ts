// 评价打分: the resident confirms with 1–5 stars — or staff confirm for them with the resident's own
// words — the order closes and the member is paid once, by the rule for that rating.
import type { Caller } from '../../domain/access'
import { SYSTEM } from '../../domain/access'
import { invalid } from '../../domain/errors'
import { allowedByDailyCap, sourceKeys } from '../../domain/ledger'
import type { Order } from '../../domain/model'
import { award, awardParts } from '../../domain/rules'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { loadAccount, postEntry } from '../points/post'
import { settleReferral } from './answer'
import { presentDetail } from './present'
import { loadOrder, rulesOf, transition } from './shared'

export async function confirmOrder(
  ctx: Ctx,
  actor: Exclude<Caller, typeof SYSTEM>,
  input: { orderId: string; rating: number; comment?: string; residentWords?: string },
) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'confirm', actor) // who and when first: a refused caller learns nothing from the checks below
  const forResident = actor.userId !== order.residentId
  if (forResident && !input.residentWords) throw invalid('residentWords', '代居民确认，请记下居民的原话')
  if (!forResident && input.residentWords) throw invalid('residentWords', '您本人确认，不需要代记原话')
  if (input.comment) await ctx.guard.check(input.comment, 'comment', actor)
  if (input.residentWords) await ctx.guard.check(input.residentWords, 'residentWords', actor)
  // the resident's words are recorded as theirs: the comment, and in the timeline as said to this person
  const comment = input.residentWords ?? input.comment ?? null
  const note = input.residentWords ? `居民原话：「${input.residentWords}」（${actor.name}代为确认）` : comment
  const saved = await closeOrder(ctx, order, actor, input.rating, comment, note)
  return presentDetail(ctx, saved, actor)
}

/** Closes a completed order (by its resident, staff for them, or the system after 72 h) and awards the points. */
export async function closeOrder(ctx: Ctx, order: Order, caller: Caller, rating: number | null, comment: string | null, note = comment) {
  const rules = await rulesOf(ctx, order.communityId)
  const earned = award(rules, order.points ?? 0, rating)
  const memberId = order.claimerId
  const at = ctx.clock.now()
  const paid = memberId ? allowedByDailyCap(await loadAccount(ctx, memberId, order.communityId), rules, earned.points, at) : 0
  const awardNote = memberId ? `${earned.note}${paid < earned.points ? `（已达每日上限，计 ${paid} 分）` : ''}` : null
  const changes = { rating, comment, awardedPoints: paid, awardNote, revisitDue: earned.revisit }
  const saved = await transition(ctx, order, 'confirm', caller, changes, caller === SYSTEM ? '超过 72 小时未评价，系统自动确认' : note)
  await settleReferral(ctx, saved)
  if (memberId && paid > 0) {
    await postEntry(ctx, memberId, order.communityId, {
      sourceKey: sourceKeys.orderAward(order.id),
      delta: paid,
      reason: 'order_award',
      note: `完成工单「${order.title}」：${awardNote}`,
      parts: [
        ...awardParts(rules, order.category, order.points ?? 0, rating),
        ...(paid < earned.points ? [{ kind: 'cap' as const, points: paid - earned.points }] : []),
      ],
      at,
    })
  }
  return saved
}
