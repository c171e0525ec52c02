// points.* — balance and ledger.
import type { Balance, LedgerPage } from '@shared/points'
import { call } from './transport'

export const pointsApi = {
  balance: () => call<Balance>('points', 'balance'),
  ledger: (cursor?: string, limit = 20) => call<LedgerPage>('points', 'ledger', { ...(cursor ? { cursor } : {}), limit }),
}
