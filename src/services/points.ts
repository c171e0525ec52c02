// points.* — balance, ledger, the rules in words and the rankings.
import type { Balance, LedgerPage, Ranking, RulesView } from '@shared/points'
import { call } from './transport'

export type RankingBy = Ranking['by']

export const pointsApi = {
  balance: () => call<Balance>('points', 'balance'),
  ledger: (cursor?: string, limit = 20) => call<LedgerPage>('points', 'ledger', { ...(cursor ? { cursor } : {}), limit }),
  rules: () => call<RulesView>('points', 'rules'),
  ranking: (by: RankingBy) => call<Ranking>('points', 'ranking', { by }),
}
