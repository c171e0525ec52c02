// The scheduled job (DESIGN.md §4): time-based rules, each item in its own transaction, safe to repeat.
import { SYSTEM } from '../../domain/access'
import type { Deps, Repos, UnitOfWork } from '../../ports'
import { WriteConflict } from '../../ports'
import { closeOrder } from '../orders/confirm'

export const AUTO_CONFIRM_AFTER_MS = 72 * 3600 * 1000

export interface TickReport {
  autoConfirmed: number
}

/** Runs every time-based rule once. Two ticks at once, or one after another, change things once. */
export async function tick(uow: UnitOfWork, deps: Deps): Promise<TickReport> {
  const now = deps.clock.now()
  const due = await uow.read((repos) => repos.orders.dueForAutoConfirm(now - AUTO_CONFIRM_AFTER_MS, 200))
  let autoConfirmed = 0
  for (const id of due) {
    const done = await uow
      .write(async (repos: Repos) => {
        const order = await repos.orders.get(id)
        // another tick, or the resident, got there first
        if (order?.status !== 'completed' || order.updatedAt > now - AUTO_CONFIRM_AFTER_MS) return false
        await closeOrder({ ...deps, repos, after: () => undefined }, order, SYSTEM, null, null)
        return true
      })
      .catch((e) => {
        if (e instanceof WriteConflict) return false
        throw e
      })
    if (done) autoConfirmed++
  }
  return { autoConfirmed }
}
