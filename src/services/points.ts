// points.* — balance, ledger, the rules in words and the rankings.
import type { InputOf } from '@shared/api'
import { call } from './transport'

export const pointsApi = {
  balance: () => call('points', 'balance'),
  ledger: (cursor?: string, limit = 20) => call('points', 'ledger', { ...(cursor ? { cursor } : {}), limit }),
  rules: () => call('points', 'rules'),
  ranking: (by: InputOf<'points', 'ranking'>['by']) => call('points', 'ranking', { by }),
}
