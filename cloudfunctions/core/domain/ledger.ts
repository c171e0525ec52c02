// The points ledger core (DESIGN.md §5): append-only entries with a unique source key and the
// balance after; the cached balance moves in the same transaction and never goes below zero.
import type { LedgerReason } from '@shared/enums'
import { AppError } from './errors'
import type { LedgerRecord, PointAccount } from './model'

export const sourceKeys = {
  orderAward: (orderId: string) => `order:${orderId}:award`,
}

export function emptyAccount(memberId: string, communityId: string): PointAccount {
  return { memberId, communityId, balance: 0, earned: 0, spent: 0, version: 0 }
}

/**
 * Applies one entry to an account: returns the new account and the entry to append.
 * A debit larger than the balance is refused (INSUFFICIENT_POINTS), so the balance never goes negative.
 */
export function post(
  account: PointAccount,
  entry: { sourceKey: string; delta: number; reason: LedgerReason; note: string; at: number },
): { account: PointAccount; record: LedgerRecord } {
  if (!Number.isInteger(entry.delta) || entry.delta === 0) throw new Error(`bad ledger delta ${entry.delta}`)
  const balance = account.balance + entry.delta
  if (balance < 0) throw new AppError('INSUFFICIENT_POINTS', '积分不足')
  const next: PointAccount = {
    ...account,
    balance,
    earned: account.earned + Math.max(entry.delta, 0),
    spent: account.spent + Math.max(-entry.delta, 0),
    version: account.version + 1,
  }
  const record: LedgerRecord = {
    sourceKey: entry.sourceKey,
    memberId: account.memberId,
    communityId: account.communityId,
    delta: entry.delta,
    reason: entry.reason,
    note: entry.note,
    balanceAfter: balance,
    at: entry.at,
  }
  return { account: next, record }
}
