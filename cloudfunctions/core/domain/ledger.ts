// The points ledger core (DESIGN.md §5): append-only entries with a unique source key and the
// balance after. The cached account moves in the same transaction: balance == Σ ledger == Σ lots ≥ 0.
import type { LedgerReason } from '@shared/enums'
import type { AwardPart } from '@shared/points'
import { AppError } from './errors'
import type { LedgerRecord, Lots, PointAccount } from './model'
import type { PointsRules } from './rules'
import { dayOf, yearOf } from './time'

export const sourceKeys = {
  orderAward: (orderId: string) => `order:${orderId}:award`,
  activityAward: (activityId: string, memberId: string) => `activity:${activityId}:${memberId}:award`,
  redemption: (redemptionId: string) => `redemption:${redemptionId}`,
  /** One refund per redemption, whether it was cancelled or expired. */
  refund: (redemptionId: string) => `redemption:${redemptionId}:refund`,
  adjustment: (adjustmentId: string) => `adjust:${adjustmentId}`,
  expiry: (memberId: string, year: number, version: number) => `expiry:${memberId}:${year}:${version}`,
  /** One award per care task: the pair and the time the task was due (二对一: whoever closes it, once). */
  careAward: (pairId: string, dueAt: number) => `care:${pairId}:${dueAt}:award`,
  /** 网格台账: a confirmed task pays its worker once. */
  gridTaskAward: (taskId: string) => `gridtask:${taskId}:award`,
}

const AWARDS: readonly LedgerReason[] = ['order_award', 'activity_award', 'care_award']

export function emptyAccount(memberId: string, communityId: string): PointAccount {
  return { memberId, communityId, balance: 0, earned: 0, spent: 0, lots: {}, years: {}, day: null, version: 0 }
}

export interface Posting {
  sourceKey: string
  delta: number
  reason: LedgerReason
  note: string
  /** An order's award, part by part (助老扶幼 20 + 五星 5). */
  parts?: AwardPart[]
  at: number
  /** Refunds: the lots the redemption took, put back where they came from. */
  restore?: Lots
  /** Expiry: the year whose lot lapses. */
  lotYear?: number
}

/**
 * Applies one entry to an account: returns the new account, the entry to append and, for debits,
 * the lots it consumed (oldest first). A debit larger than the balance is refused with
 * INSUFFICIENT_POINTS, so the balance never goes below zero.
 */
export function post(account: PointAccount, p: Posting): { account: PointAccount; record: LedgerRecord; consumed: Lots } {
  if (!Number.isInteger(p.delta) || p.delta === 0) throw new Error(`bad ledger delta ${p.delta}`)
  const balance = account.balance + p.delta
  if (balance < 0) throw new AppError('INSUFFICIENT_POINTS', '积分不足')
  const year = String(yearOf(p.at))
  const lots = { ...account.lots }
  let consumed: Lots = {}
  if (p.delta > 0) {
    const back = p.restore && sum(p.restore) === p.delta ? p.restore : { [year]: p.delta }
    for (const [y, n] of Object.entries(back)) lots[y] = (lots[y] ?? 0) + n
  } else if (p.lotYear !== undefined) {
    const y = String(p.lotYear)
    if ((lots[y] ?? 0) < -p.delta) throw new Error(`lot ${y} holds less than ${-p.delta}`)
    consumed = { [y]: -p.delta }
    lots[y] -= -p.delta
  } else {
    consumed = takeOldest(lots, -p.delta)
  }
  for (const y of Object.keys(lots)) if (lots[y] === 0) delete lots[y]

  const earnedDelta = p.reason === 'refund' ? 0 : Math.max(p.delta, 0)
  const spentDelta = p.reason === 'redemption' ? -p.delta : p.reason === 'refund' ? -p.delta : 0
  const thisYear = account.years[year] ?? { earned: 0, spent: 0 }
  const today = dayOf(p.at)
  const next: PointAccount = {
    ...account,
    balance,
    earned: account.earned + earnedDelta,
    spent: account.spent + spentDelta,
    lots,
    years: { ...account.years, [year]: { earned: thisYear.earned + earnedDelta, spent: thisYear.spent + spentDelta } },
    day: AWARDS.includes(p.reason)
      ? { key: today, awarded: (account.day?.key === today ? account.day.awarded : 0) + p.delta }
      : account.day,
    version: account.version + 1,
  }
  const record: LedgerRecord = {
    sourceKey: p.sourceKey,
    memberId: account.memberId,
    communityId: account.communityId,
    delta: p.delta,
    reason: p.reason,
    note: p.note,
    ...(p.parts ? { parts: p.parts } : {}),
    balanceAfter: balance,
    at: p.at,
  }
  return { account: next, record, consumed }
}

/** How much of an award the daily cap still allows today (Beijing day). */
export function allowedByDailyCap(account: PointAccount, rules: PointsRules, amount: number, at: number): number {
  if (rules.dailyCap === 0) return amount
  const awardedToday = account.day?.key === dayOf(at) ? account.day.awarded : 0
  return Math.max(0, Math.min(amount, rules.dailyCap - awardedToday))
}

/** Years whose points have lapsed at `now`: earned in year Y, they last until the end of Y + 1. */
export function lapsedLots(account: PointAccount, now: number): Array<{ year: number; points: number }> {
  const current = yearOf(now)
  return Object.entries(account.lots)
    .map(([y, points]) => ({ year: Number(y), points }))
    .filter((l) => l.points > 0 && l.year <= current - 2)
    .sort((a, b) => a.year - b.year)
}

/**
 * The entry that lapses one year's lot. Its key carries the account's version: a refund can put points
 * back into a year that has lapsed once, and those must lapse again.
 */
export function expiryPosting(account: PointAccount, lot: { year: number; points: number }, at: number): Posting {
  return {
    sourceKey: sourceKeys.expiry(account.memberId, lot.year, account.version),
    delta: -lot.points,
    reason: 'expiry',
    note: `${lot.year} 年获得的积分已到期`,
    at,
    lotYear: lot.year,
  }
}

/**
 * With expiry off, lapsed lots carry over into this year's lot: the balance stays, no entry is
 * written, and the expiry sweep stops finding the account. Null when nothing has lapsed.
 */
export function carryOver(account: PointAccount, now: number): PointAccount | null {
  const lapsed = lapsedLots(account, now)
  if (lapsed.length === 0) return null
  const lots = { ...account.lots }
  for (const l of lapsed) delete lots[String(l.year)]
  const year = String(yearOf(now))
  lots[year] = (lots[year] ?? 0) + lapsed.reduce((n, l) => n + l.points, 0)
  return { ...account, lots, version: account.version + 1 }
}

/** The oldest year that still holds points, or null: lets the store find accounts with lapsed points. */
export function oldestLotYear(account: PointAccount): number | null {
  const years = Object.keys(account.lots).map(Number)
  return years.length ? Math.min(...years) : null
}

function takeOldest(lots: Lots, amount: number): Lots {
  const taken: Lots = {}
  let left = amount
  for (const y of Object.keys(lots).sort()) {
    if (left === 0) break
    const n = Math.min(lots[y], left)
    if (n > 0) {
      taken[y] = n
      lots[y] -= n
      left -= n
    }
  }
  if (left > 0) throw new Error('lots do not cover the balance')
  return taken
}

const sum = (lots: Lots) => Object.values(lots).reduce((a, b) => a + b, 0)
