// Points accounts and the append-only ledger on better-sqlite3. An account's update checks its
// version; a ledger entry's source key is its primary key, so a retry never pays twice.
import type { LedgerReason } from '@shared/enums'
import type { AwardPart } from '@shared/points'
import { oldestLotYear } from '../../core/domain/ledger'
import type { LedgerRecord, Lots, PointAccount } from '../../core/domain/model'
import type { PointsRepo } from '../../core/ports'
import {
  type Column,
  type Statements,
  decodeCursor,
  insertInto,
  int,
  jsonOf,
  jsonOrNull,
  oneOf,
  pageOf,
  pluck,
  rowMapper,
  text,
} from './sql'
import { uniquely, versioned } from './sql'

const ACCOUNT = rowMapper<PointAccount>({
  memberId: text,
  communityId: text,
  balance: int,
  earned: int,
  spent: int,
  lots: jsonOf<Lots>({}),
  years: jsonOf<PointAccount['years']>({}),
  day: jsonOrNull<NonNullable<PointAccount['day']>>(),
  version: int,
})

/** JSON or NULL, read back as absent (entries that are not an order's award have no parts). */
const parts: Column<AwardPart[] | undefined> = {
  read: (v) => (typeof v === 'string' ? (JSON.parse(v) as AwardPart[]) : undefined),
  write: (v) => (v ? JSON.stringify(v) : null),
}

const ENTRY = rowMapper<LedgerRecord>({
  sourceKey: text,
  memberId: text,
  communityId: text,
  delta: int,
  reason: oneOf<LedgerReason>(),
  note: text,
  parts,
  balanceAfter: int,
  at: int,
})

/** The account's columns, and the year of its oldest unspent points for the yearly expiry sweep. */
const accountParams = (a: PointAccount) => ({ ...ACCOUNT.params(a), oldest_lot_year: oldestLotYear(a) })

export function createPointsRepo(q: Statements): PointsRepo {
  return {
    async account(memberId) {
      return ACCOUNT.one(q('SELECT * FROM point_accounts WHERE member_id = ?').get(memberId))
    },
    async saveAccount(account) {
      const params = accountParams(account)
      if (account.version === 1) {
        const insert = insertInto('point_accounts', [...ACCOUNT.columns, 'oldest_lot_year'])
        return uniquely(`account ${account.memberId} exists`, () => q(insert).run(params))
      }
      versioned(`account ${account.memberId} changed`, () =>
        q(
          `UPDATE point_accounts SET balance = @balance, earned = @earned, spent = @spent, lots = @lots, years = @years, day = @day,
           oldest_lot_year = @oldest_lot_year, version = @version WHERE member_id = @member_id AND version = @version - 1`,
        ).run(params),
      )
    },
    async entry(sourceKey) {
      return ENTRY.one(q('SELECT * FROM ledger WHERE source_key = ?').get(sourceKey))
    },
    async append(record) {
      uniquely(`ledger entry ${record.sourceKey} exists`, () => q(insertInto('ledger', ENTRY.columns)).run(ENTRY.params(record)))
    },
    async ledger(memberId, cursor, limit) {
      const before = Number(decodeCursor(cursor)?.[0] ?? Number.MAX_SAFE_INTEGER)
      const rows = q('SELECT rowid AS rid, * FROM ledger WHERE member_id = ? AND rowid < ? ORDER BY rowid DESC LIMIT ?').all(
        memberId,
        Number.isFinite(before) ? before : 0,
        limit + 1,
      )
      return pageOf(rows, limit, ENTRY.read, (_, row) => [row.rid as number])
    },
    async accounts(communityId) {
      return ACCOUNT.all(q('SELECT * FROM point_accounts WHERE community_id = ?').all(communityId))
    },
    async withLotsFrom(year, limit) {
      return pluck(q('SELECT member_id FROM point_accounts WHERE oldest_lot_year <= ? LIMIT ?').all(year, limit), 'member_id')
    },
    async entriesBetween(communityId, from, to, memberId) {
      const sql =
        'SELECT * FROM ledger WHERE community_id = @community AND at >= @from AND at < @to AND (@member IS NULL OR member_id = @member) ORDER BY at, rowid'
      return ENTRY.all(q(sql).all({ community: communityId, from, to, member: memberId ?? null }))
    },
    async sumsBetween(communityId, from, to) {
      const sql = `SELECT reason, SUM(delta) AS delta FROM ledger WHERE community_id = ? AND at >= ? AND at < ?
        GROUP BY reason, delta > 0`
      return (q(sql).all(communityId, from, to) as Array<{ reason: LedgerReason; delta: number }>).map((r) => ({
        reason: r.reason,
        delta: r.delta,
      }))
    },
  }
}
