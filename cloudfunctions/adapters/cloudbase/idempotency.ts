// Stored replies of mutating requests on CloudBase, at the key itself. The reply is kept as JSON text:
// any shape, no field-name limits, never merged; the people it names beside it, for account deletion.
import type { IdempotencyRecord, IdempotencyRepo } from '../../core/ports'
import { eq, type Cond } from './query'
import type { Doc, Scope } from './scope'

const toRecord = (d: Doc): IdempotencyRecord => ({
  key: d._id,
  hash: d.hash as string,
  response: JSON.parse(d.response as string),
  at: d.at as number,
  mentions: Array.isArray(d.mentions) ? (d.mentions as string[]) : [],
})

const toFields = (rec: IdempotencyRecord) => ({
  hash: rec.hash,
  response: JSON.stringify(rec.response),
  at: rec.at,
  mentions: rec.mentions,
})

export function createIdempotencyRepo(scope: Scope): IdempotencyRepo {
  return {
    async get(key) {
      const d = await scope.get('idempotency', key)
      return d ? toRecord(d) : null
    },
    async put(rec) {
      await scope.insert('idempotency', { _id: rec.key, ...toFields(rec) }, `request ${rec.key}`)
    },
    async replace(rec) {
      await scope.put('idempotency', { _id: rec.key, ...toFields(rec) })
    },
    async remove(key) {
      await scope.remove('idempotency', key)
    },
    async storedBefore(before, limit) {
      const docs = await scope.query('idempotency', { where: [{ f: 'at', op: 'lt', v: before }], sort: [['at', 'asc']] }, limit)
      return docs.map((d) => d._id)
    },
    async mentioning(userId) {
      return (await scope.queryAll('idempotency', { where: [eq('mentions', userId)], sort: [] })).map(toRecord)
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
