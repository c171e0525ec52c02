// The scheduled job (DESIGN.md §4): time-based rules, each item in its own transaction, safe to repeat
// and safe to run twice at once — every step re-checks the state it acts on inside its transaction.
import { SYSTEM } from '../../domain/access'
import { LEVEL_LABELS, escalate } from '../../domain/escalation'
import { lapsedLots, sourceKeys } from '../../domain/ledger'
import { DEFAULT_RULES } from '../../domain/rules'
import { yearOf } from '../../domain/time'
import type { Ctx, Deps, UnitOfWork } from '../../ports'
import { WriteConflict } from '../../ports'
import { remindActivity } from '../activities/remind'
import { expireRedemption } from '../mall/redemptions'
import { closeOrder } from '../orders/confirm'
import { noticeEscalation } from '../orders/notices'
import { postEntry } from '../points/post'

const BATCH = 200

export interface TickReport {
  escalated: number
  autoConfirmed: number
  redemptionsExpired: number
  pointsLapsed: number
  /** Activities whose evening-before reminder went out. */
  activityReminders: number
}

export async function tick(uow: UnitOfWork, deps: Deps): Promise<TickReport> {
  const now = deps.clock.now()
  /** Runs `step` for each id in its own transaction; counts the ones that changed something. */
  const each = async (ids: string[], step: (ctx: Ctx, id: string) => Promise<boolean>) => {
    let changed = 0
    for (const id of ids) {
      let effects: Array<() => Promise<void>> = []
      const done = await uow
        .write((repos) => {
          effects = [] // a retried transaction starts its effects afresh
          return step({ ...deps, repos, after: (effect) => effects.push(effect) }, id)
        })
        .catch((e) => {
          if (e instanceof WriteConflict) {
            effects = []
            return false // another tick got there first
          }
          throw e
        })
      if (done) changed++
      // pushes (subscribe messages) go out once the step has committed; one that fails loses nothing, the inbox has it
      for (const effect of effects) await effect().catch(() => undefined)
    }
    return changed
  }

  const escalated = await each(await uow.read((r) => r.orders.dueForEscalation(now, BATCH)), async (ctx, id) => {
    const order = await ctx.repos.orders.get(id)
    if (!order) return false
    const rules = (await ctx.repos.places.rules(order.communityId)) ?? DEFAULT_RULES
    const changes = escalate(order, rules, now)
    if (!changes) return false // claimed, completed or raised meanwhile
    const saved = { ...order, ...changes, updatedAt: now, version: order.version + 1 }
    await ctx.repos.orders.update(saved)
    const step = saved.escalations[saved.escalations.length - 1]
    await ctx.repos.orders.appendEvent({
      orderId: order.id,
      seq: saved.version,
      at: now,
      actorId: null,
      action: 'escalate',
      from: order.status,
      to: order.status,
      note: `${step.reason}，由${LEVEL_LABELS[step.from]}升级到${LEVEL_LABELS[step.to]}`,
    })
    await noticeEscalation(ctx, saved)
    return true
  })

  const autoConfirmed = await each(await uow.read((r) => r.orders.dueForAutoConfirm(now, BATCH)), async (ctx, id) => {
    const order = await ctx.repos.orders.get(id)
    if (order?.status !== 'completed' || order.dueAt === null || order.dueAt > now) return false
    await closeOrder(ctx, order, SYSTEM, null, null)
    return true
  })

  const redemptionsExpired = await each(await uow.read((r) => r.mall.dueForExpiry(now, BATCH)), expireRedemption)

  const pointsLapsed = await each(await uow.read((r) => r.points.withLotsFrom(yearOf(now) - 2, BATCH)), async (ctx, memberId) => {
    const account = await ctx.repos.points.account(memberId)
    if (!account) return false
    const rules = (await ctx.repos.places.rules(account.communityId)) ?? DEFAULT_RULES
    const lapsed = lapsedLots(account, now)
    if (lapsed.length === 0) return false
    if (!rules.expiryEnabled) {
      // expiry is off: old points carry over into this year, so the sweep stops finding them
      const lots = { ...account.lots }
      const carried = lapsed.reduce((n, l) => n + l.points, 0)
      for (const l of lapsed) delete lots[String(l.year)]
      const year = String(yearOf(now))
      lots[year] = (lots[year] ?? 0) + carried
      await ctx.repos.points.saveAccount({ ...account, lots, version: account.version + 1 })
      return false
    }
    for (const { year, points } of lapsed) {
      const current = await ctx.repos.points.account(memberId)
      await postEntry(ctx, memberId, account.communityId, {
        sourceKey: sourceKeys.expiry(memberId, year, current?.version ?? 0),
        delta: -points,
        reason: 'expiry',
        note: `${year} 年获得的积分已到期`,
        at: now,
        lotYear: year,
      })
    }
    return true
  })

  const activityReminders = await each(await uow.read((r) => r.activities.dueForReminder(now, BATCH)), remindActivity)

  return { escalated, autoConfirmed, redemptionsExpired, pointsLapsed, activityReminders }
}
