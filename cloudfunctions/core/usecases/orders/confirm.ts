// 评价打分: the resident confirms with 1–5 stars; the order closes and the member is paid once.
import type { Caller } from '../../domain/access'
import { SYSTEM } from '../../domain/access'
import { emptyAccount, post, sourceKeys } from '../../domain/ledger'
import type { Order } from '../../domain/model'
import { DEFAULT_RULES, awardPoints } from '../../domain/rules'
import { nextStatus } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, transition } from './shared'

export async function confirmOrder(ctx: Ctx, actor: Exclude<Caller, typeof SYSTEM>, input: { orderId: string; rating: number; comment?: string }) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'confirm', actor) // who and when first: a refused caller learns nothing from the checks below
  if (input.comment) await ctx.guard.check(input.comment, 'comment', actor)
  const saved = await closeOrder(ctx, order, actor, input.rating, input.comment ?? null)
  return presentDetail(ctx, saved, actor)
}

/** Closes a completed order (by its resident, or by the system after 72 h) and awards the points. */
export async function closeOrder(ctx: Ctx, order: Order, caller: Caller, rating: number | null, comment: string | null) {
  const rules = (await ctx.repos.places.rules(order.communityId)) ?? DEFAULT_RULES
  const award = awardPoints(rules, order.points ?? 0, rating)
  const note = caller === SYSTEM ? '超过 72 小时未评价，系统自动确认' : comment
  const saved = await transition(ctx, order, 'confirm', caller, { rating, comment, awardedPoints: award }, note)
  if (order.claimerId && award > 0) await awardForOrder(ctx, saved, award)
  return saved
}

async function awardForOrder(ctx: Ctx, order: Order, award: number) {
  const memberId = order.claimerId as string
  const key = sourceKeys.orderAward(order.id)
  if (await ctx.repos.points.entry(key)) return // paid already: a retry never pays twice
  const account = (await ctx.repos.points.account(memberId)) ?? emptyAccount(memberId, order.communityId)
  const { account: next, record } = post(account, {
    sourceKey: key,
    delta: award,
    reason: 'order_award',
    note: `完成工单「${order.title}」`,
    at: ctx.clock.now(),
  })
  await ctx.repos.points.append(record)
  await ctx.repos.points.saveAccount(next)
}
