// Stored replies of mutating requests on CloudBase, at the key itself. The reply is kept as JSON text:
// any shape, no field-name limits, never merged.
import type { IdempotencyRepo } from '../../core/ports'
import type { Cond } from './query'
import type { Scope } from './scope'

export function createIdempotencyRepo(scope: Scope): IdempotencyRepo {
  return {
    async get(key) {
      const d = await scope.get('idempotency', key)
      return d ? { key, hash: d.hash as string, response: JSON.parse(d.response as string), at: d.at as number } : null
    },
    async put(rec) {
      const doc = { _id: rec.key, hash: rec.hash, response: JSON.stringify(rec.response), at: rec.at }
      await scope.insert('idempotency', doc, `request ${rec.key}`)
    },
    async forget(userId) {
      // keys are `${userId}:${requestId}`; user ids never hold ':' so ';' (the next character) ends the range
      const where: Cond[] = [
        { f: '_id', op: 'gte', v: `${userId}:` },
        { f: '_id', op: 'lt', v: `${userId};` },
      ]
      for (const d of await scope.queryAll('idempotency', { where, sort: [] })) await scope.remove('idempotency', d._id)
    },
  }
}
