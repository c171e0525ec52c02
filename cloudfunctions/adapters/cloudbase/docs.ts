// What every CloudBase repository file shares: records to documents and back, one document by id,
// versioned saves, and one page of a query with the SQLite adapter's cursor contract.
import { type Cond, type Sort, decodeCursor, encodeCursor, sortValues, totalOrder } from './query'
import type { Doc, Scope } from './scope'
import type { Fields } from './sdk'

export const str = (v: unknown) => (v === undefined || v === null ? null : String(v))
export const num = (v: unknown) => (typeof v === 'number' ? v : null)

/** A document's fields without its `_id` (and the `_openid` the platform may add). */
export const fieldsOf = (d: Fields): Fields => {
  const { _id, _openid, ...rest } = d
  return rest
}

/** A record stored under `_id`, its other fields as they are in the model (less `drop`, the field the id repeats). */
export const toDoc = <T extends object>(id: string, record: T, drop?: keyof T): Doc => {
  const copy = structuredClone(record) as Record<string, unknown>
  if (drop !== undefined) delete copy[drop as string]
  return { ...copy, _id: id }
}

/** A record read back: the document's fields, its `_id` as `idField` (none: the id is a field too). */
export const fromDoc = <T>(d: Doc, idField?: string): T => (idField ? { ...fieldsOf(d), [idField]: d._id } : fieldsOf(d)) as T

/** One document mapped, or null. */
export async function byId<T>(scope: Scope, collection: string, id: string, map: (d: Doc) => T): Promise<T | null> {
  const d = await scope.get(collection, id)
  return d ? map(d) : null
}

/** Version 1 creates (an existing id is a lost race); later versions replace `version - 1`. */
export async function saveVersioned(scope: Scope, collection: string, doc: Doc, version: number, what: string) {
  if (version === 1) await scope.insert(collection, doc, what)
  else await scope.replaceVersioned(collection, doc, what)
}

export const NEWEST: Sort = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
]

/** One page in `sort` order, with the SQLite adapter's cursor contract: opaque, no gaps. */
export async function paged<T>(
  scope: Scope,
  collection: string,
  where: Cond[],
  sort: Sort,
  cursor: string | undefined,
  limit: number,
  map: (d: Doc) => T,
) {
  const total = totalOrder(sort)
  const after = decodeCursor(cursor, total) ?? undefined
  const docs = await scope.query(collection, { where, sort: total }, limit + 1, after)
  const items = docs.slice(0, limit)
  const last = items[items.length - 1]
  return { items: items.map(map), nextCursor: docs.length > limit && last ? encodeCursor(sortValues(total, last)) : undefined }
}
