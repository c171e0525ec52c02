// points.* — balance and ledger (DESIGN.md §5).
import { z } from 'zod'
import type { LedgerReason } from './enums'
import { page } from './common'
import type { Page } from './common'

export const LedgerInput = z.strictObject({ ...page })

export interface Balance {
  balance: number
  earned: number
  spent: number
}

export interface LedgerEntry {
  id: string
  delta: number
  reason: LedgerReason
  /** Chinese line for the list: 完成工单「帮老人取药」 */
  note: string
  balanceAfter: number
  at: string
}

export type LedgerPage = Page<LedgerEntry>
