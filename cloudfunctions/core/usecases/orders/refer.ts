// 转办: staff or the grid's 网格员 refer an order (a hazard, mostly) to a department, the 物业 or a 共建单位
// of the community's directory, with a deadline; past it, the order climbs the ladder like any other.
import type { z } from 'zod'
import type { ReferOrderInput } from '@shared/orders'
import type { Actor } from '../../domain/access'
import { invalid } from '../../domain/errors'
import { referralHours, startOf } from '../../domain/escalation'
import type { Referral } from '../../domain/model'
import { nextStatus } from '../../domain/order-machine'
import { nextReferralStatus } from '../../domain/referral-machine'
import { formatBeijing } from '../../domain/time'
import type { Ctx } from '../../ports'
import { presentDetail } from './present'
import { loadOrder, rulesOf, transition } from './shared'

const HOUR = 3600_000

export async function referOrder(ctx: Ctx, actor: Actor, input: z.output<typeof ReferOrderInput>) {
  const order = await loadOrder(ctx, actor, input.orderId)
  nextStatus(order, 'refer', actor) // who and when first
  const unit = await ctx.repos.referrals.unit(input.unitId)
  if (!unit || unit.communityId !== order.communityId || !unit.active) throw invalid('unitId', '请选择本社区名录里的单位')
  if (input.note) await ctx.guard.check(input.note, 'note', actor)
  const now = ctx.clock.now()
  const rules = await rulesOf(ctx, order.communityId)
  // how serious it is is judged when the order is taken in: here, if it comes straight from 待审核
  const severity = order.status === 'submitted' ? (input.severity ?? order.severity) : order.severity
  const deadline = input.deadline ? Date.parse(input.deadline) : now + referralHours(rules, severity) * HOUR
  if (deadline <= now) throw invalid('deadline', '办理时限要晚于现在')
  if (deadline > now + 90 * 24 * HOUR) throw invalid('deadline', '办理时限最长 90 天')
  const referral: Referral = {
    id: ctx.ids.next('rf'),
    orderId: order.id,
    communityId: order.communityId,
    unitId: unit.id,
    unitName: unit.name,
    status: nextReferralStatus(null, 'refer'),
    note: input.note ?? null,
    deadline,
    referredBy: actor.userId,
    referredAt: now,
    answer: null,
    answeredBy: null,
    answeredAt: null,
    version: 1,
  }
  await ctx.repos.referrals.saveReferral(referral)
  const start = order.status === 'submitted' ? startOf(rules, severity) : { level: order.level, note: null }
  const changes = { referralId: referral.id, assigneeId: null, severity, level: start.level, dueAt: deadline }
  const note = [`转办给${unit.name}，请于 ${formatBeijing(deadline)} 前答复`, input.note, start.note].filter(Boolean).join('；')
  const saved = await transition(ctx, order, 'refer', actor, changes, note)
  return presentDetail(ctx, saved, actor)
}
