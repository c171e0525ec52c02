// Points accounts and the ledger on CloudBase: an account is a versioned document at the member id
// (holding oldestLotYear for the expiry sweep's query); a ledger entry lives at its source key.
import { sumsOf } from '../../core/domain/dashboard'
import { oldestLotYear } from '../../core/domain/ledger'
import type { LedgerRecord, PointAccount } from '../../core/domain/model'
import type { PointsRepo } from '../../core/ports'
import { byId, paged, saveVersioned, toDoc } from './docs'
import { type Cond, type Sort, eq } from './query'
import type { Doc, Scope } from './scope'

function toAccount(d: Doc): PointAccount {
  return {
    memberId: d._id,
    communityId: d.communityId as string,
    balance: d.balance as number,
    earned: d.earned as number,
    spent: d.spent as number,
    lots: (d.lots as PointAccount['lots']) ?? {},
    years: (d.years as PointAccount['years']) ?? {},
    day: (d.day as PointAccount['day']) ?? null,
    version: d.version as number,
  }
}

function toLedger(d: Doc): LedgerRecord {
  return {
    sourceKey: d._id,
    memberId: d.memberId as string,
    communityId: d.communityId as string,
    delta: d.delta as number,
    reason: d.reason as LedgerRecord['reason'],
    note: d.note as string,
    ...(d.parts ? { parts: d.parts as LedgerRecord['parts'] } : {}),
    balanceAfter: d.balanceAfter as number,
    at: d.at as number,
  }
}

const LATEST: Sort = [
  ['at', 'desc'],
  ['_id', 'desc'],
]

export function createPointsRepo(scope: Scope): PointsRepo {
  return {
    account: (memberId) => byId(scope, 'point_accounts', memberId, toAccount),
    async saveAccount(account) {
      // oldestLotYear is stored for the yearly expiry sweep's query
      const doc: Doc = { ...toDoc(account.memberId, account, 'memberId'), oldestLotYear: oldestLotYear(account) }
      await saveVersioned(scope, 'point_accounts', doc, account.version, `account ${account.memberId}`)
    },
    entry: (sourceKey) => byId(scope, 'ledger', sourceKey, toLedger),
    async append(record) {
      await scope.insert('ledger', toDoc(record.sourceKey, record, 'sourceKey'), `ledger entry ${record.sourceKey}`)
    },
    ledger(memberId, cursor, limit) {
      return paged(scope, 'ledger', [eq('memberId', memberId)], LATEST, cursor, limit, toLedger)
    },
    async accounts(communityId) {
      return (await scope.queryAll('point_accounts', { where: [eq('communityId', communityId)], sort: [] })).map(toAccount)
    },
    async withLotsFrom(year, limit) {
      const docs = await scope.queryAll('point_accounts', { where: [{ f: 'oldestLotYear', op: 'lte', v: year }], sort: [] }, limit)
      return docs.map((d) => d._id)
    },
    async entriesBetween(communityId, from, to, memberId) {
      const where: Cond[] = [eq('communityId', communityId), { f: 'at', op: 'gte', v: from }, { f: 'at', op: 'lt', v: to }]
      if (memberId) where.push(eq('memberId', memberId))
      return (await scope.queryAll('ledger', { where, sort: [['at', 'asc']] })).map(toLedger)
    },
    async sumsBetween(communityId, from, to) {
      const where: Cond[] = [eq('communityId', communityId), { f: 'at', op: 'gte', v: from }, { f: 'at', op: 'lt', v: to }]
      return sumsOf((await scope.queryAll('ledger', { where, sort: [['at', 'asc']] })).map(toLedger))
    },
  }
}
