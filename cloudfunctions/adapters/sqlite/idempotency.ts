// Stored replies of mutating requests on better-sqlite3, keyed `${userId}:${requestId}` (guests: their payload hash too).
import type { IdempotencyRecord, IdempotencyRepo } from '../../core/ports'
import { type Statements, insertInto, int, jsonOf, rowMapper, text, uniquely } from './sql'

const RECORD = rowMapper<IdempotencyRecord>({ key: text, hash: text, response: jsonOf<unknown>(null), at: int })

export function createIdempotencyRepo(q: Statements): IdempotencyRepo {
  return {
    async get(key) {
      return RECORD.one(q('SELECT * FROM idempotency WHERE key = ?').get(key))
    },
    async put(record) {
      uniquely(`request ${record.key} exists`, () => q(insertInto('idempotency', RECORD.columns)).run(RECORD.params(record)))
    },
    async forget(userId) {
      // user ids never hold ':' so ';' (the next character) ends the range of `${userId}:…`
      q("DELETE FROM idempotency WHERE key >= ? || ':' AND key < ? || ';'").run(userId, userId)
    },
  }
}
