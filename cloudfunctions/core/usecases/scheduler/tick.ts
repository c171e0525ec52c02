// The scheduled job (DESIGN.md §4): time-based rules, each item in its own transaction, safe to repeat
// and safe to run twice at once — every step re-checks the state it acts on inside its transaction.
import { yearOf } from '../../domain/time'
import type { Ctx, Repos } from '../../ports'
import { WriteConflict } from '../../ports'
import { type Runtime, runWrite } from '../../runner'
import { autoConfirmOrder } from './auto-confirm-order'
import { escalateOrder } from './escalate-order'
import { expireRedemption } from './expire-redemption'
import { lapsePoints } from './lapse-points'
import { remindActivity } from './remind-activity'
import { remindPickup } from './remind-pickup'
import { PICKUP_REMIND_BEFORE_MS } from '../../domain/mall'
import { REPLY_TTL_MS } from '../../edge'
import { endIdleSession, idleBefore } from '../accounts/sessions'

const BATCH = 200

export interface TickReport {
  escalated: number
  autoConfirmed: number
  redemptionsExpired: number
  pointsLapsed: number
  /** Activities whose evening-before reminder went out. */
  activityReminders: number
  /** Redemptions whose 领取提醒 went out. */
  pickupReminders: number
  /** Stored replies past their day (REPLY_TTL_MS), removed. */
  repliesRemoved: number
  /** Sessions idle past SESSION_IDLE_MS (or older than SESSION_MAX_MS), ended. */
  sessionsEnded: number
}

interface SchedulerStep {
  /** The ids that may be due at `now` (read outside any transaction; the step checks again inside its own). */
  due: (repos: Repos, now: number) => Promise<string[]>
  /** Acts on one id; true when it changed something. */
  run: (ctx: Ctx, id: string) => Promise<boolean>
}

/** The steps in the order they run, each counted under its name in the report. */
const STEPS: Record<keyof TickReport, SchedulerStep> = {
  escalated: { due: (r, now) => r.orders.dueForEscalation(now, BATCH), run: escalateOrder },
  autoConfirmed: { due: (r, now) => r.orders.dueForAutoConfirm(now, BATCH), run: autoConfirmOrder },
  redemptionsExpired: { due: (r, now) => r.mall.dueForExpiry(now, BATCH), run: expireRedemption },
  pointsLapsed: { due: (r, now) => r.points.withLotsFrom(yearOf(now) - 2, BATCH), run: lapsePoints },
  activityReminders: { due: (r, now) => r.activities.dueForReminder(now, BATCH), run: remindActivity },
  pickupReminders: { due: (r, now) => r.mall.dueForPickupReminder(now + PICKUP_REMIND_BEFORE_MS, BATCH), run: remindPickup },
  repliesRemoved: { due: (r, now) => r.idempotency.storedBefore(now - REPLY_TTL_MS, BATCH), run: removeStoredReply },
  sessionsEnded: { due: (r, now) => r.identity.idleSessions(idleBefore(now), BATCH), run: endIdleSession },
}

/** A stored reply past its day goes (re-read in the transaction: the edge may have replaced it just now). */
async function removeStoredReply(ctx: Ctx, key: string): Promise<boolean> {
  const rec = await ctx.repos.idempotency.get(key)
  if (!rec || rec.at >= ctx.clock.now() - REPLY_TTL_MS) return false
  await ctx.repos.idempotency.remove(key)
  return true
}

export async function tick(runtime: Runtime): Promise<TickReport> {
  const now = runtime.deps.clock.now()
  const report = {} as TickReport
  for (const [name, step] of Object.entries(STEPS) as Array<[keyof TickReport, SchedulerStep]>) {
    let changed = 0
    for (const id of await runtime.uow.read((repos) => step.due(repos, now))) {
      if (await runWrite(runtime, (ctx) => step.run(ctx, id)).catch(lostRace)) changed++
    }
    report[name] = changed
  }
  return report
}

/** Another tick got to the item first: nothing changed here, nothing to report. */
function lostRace(e: unknown): false {
  if (e instanceof WriteConflict) return false
  throw e
}
