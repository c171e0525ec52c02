// Stored replies of mutating requests on better-sqlite3, keyed `${userId}:${requestId}` (guests: their
// payload hash too), with the people each names and when it was stored.
import type { IdempotencyRecord, IdempotencyRepo } from '../../core/ports'
import { type Statements, insertInto, int, jsonOf, pluck, rowMapper, text, uniquely } from './sql'

const RECORD = rowMapper<IdempotencyRecord>({
  key: text,
  hash: text,
  response: jsonOf<unknown>(null),
  at: int,
  mentions: jsonOf<string[]>([]),
})

export function createIdempotencyRepo(q: Statements): IdempotencyRepo {
  return {
    async get(key) {
      return RECORD.one(q('SELECT * FROM idempotency WHERE key = ?').get(key))
    },
    async put(record) {
      uniquely(`request ${record.key} exists`, () => q(insertInto('idempotency', RECORD.columns)).run(RECORD.params(record)))
    },
    async replace(record) {
      q('UPDATE idempotency SET response = @response, mentions = @mentions WHERE key = @key').run(RECORD.params(record))
    },
    async remove(key) {
      q('DELETE FROM idempotency WHERE key = ?').run(key)
    },
    async storedBefore(before, limit) {
      return pluck(q('SELECT key FROM idempotency WHERE at < ? ORDER BY at, key LIMIT ?').all(before, limit), 'key')
    },
    async mentioning(userId) {
      // the table holds a day of requests: a scan of it is small
      const sql = 'SELECT * FROM idempotency WHERE EXISTS (SELECT 1 FROM json_each(idempotency.mentions) WHERE value = ?) ORDER BY key'
      return RECORD.all(q(sql).all(userId))
    },
    async forget(userId) {
      // user ids never hold ':' so ';' (the next character) ends the range of `${userId}:…`
      q("DELETE FROM idempotency WHERE key >= ? || ':' AND key < ? || ';'").run(userId, userId)
    },
  }
}
