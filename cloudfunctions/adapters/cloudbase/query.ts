// One small condition language with two readings: the SDK's `where` (run by the database) and a
// JS predicate (to merge a transaction's own uncommitted writes into query results).
import type { CbCommand, Fields } from './sdk'

export type Scalar = string | number | boolean | null

export type Cond =
  | { f: string; op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte'; v: Scalar }
  | { f: string; op: 'in'; v: Scalar[] }
  /** Any of the conjunctions. */
  | { or: Cond[][] }

/** Sort keys, each with its direction; queries end with `_id` so the order is total. */
export type Sort = Array<[field: string, direction: 'asc' | 'desc']>

export const eq = (f: string, v: Scalar): Cond => ({ f, op: 'eq', v })

/** The SDK condition for a conjunction of conds. */
export function toWhere(conds: Cond[], _: CbCommand): object {
  const one = (c: Cond): object => {
    if ('or' in c) return _.or(c.or.map((conj) => (conj.length === 1 ? one(conj[0]) : _.and(conj.map(one)))))
    // `{ f: null }` matches null and missing fields alike, as the JS reading does
    if (c.op === 'eq') return { [c.f]: c.v }
    if (c.op === 'in') return { [c.f]: _.in(c.v) }
    return { [c.f]: _[c.op](c.v) }
  }
  if (conds.length === 0) return {}
  if (conds.length === 1) return one(conds[0])
  return _.and(conds.map(one))
}

const fieldOf = (doc: Fields, f: string): unknown => doc[f] ?? null

/** BSON-like order between types: null < numbers < strings < booleans. */
function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 0
  if (typeof v === 'number') return 1
  if (typeof v === 'string') return 2
  if (typeof v === 'boolean') return 3
  return 4
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  if (ra === 0) return 0
  const x = a as number | string | boolean
  const y = b as number | string | boolean
  return x < y ? -1 : x > y ? 1 : 0
}

/** Mongo's equality: an array field matches when it contains the value. */
function equals(field: unknown, v: Scalar): boolean {
  if (Array.isArray(field)) return field.some((x) => (x ?? null) === v)
  return field === v
}

export function matches(conds: Cond[], doc: Fields): boolean {
  return conds.every((c) => {
    if ('or' in c) return c.or.some((conj) => matches(conj, doc))
    const x = fieldOf(doc, c.f)
    switch (c.op) {
      case 'eq':
        return equals(x, c.v)
      case 'neq':
        return !equals(x, c.v)
      case 'in':
        return c.v.some((v) => equals(x, v))
      default: {
        // range operators compare within one type only, and never match null
        if (x === null || c.v === null || typeRank(x) !== typeRank(c.v)) return false
        const d = compareValues(x, c.v)
        return c.op === 'lt' ? d < 0 : c.op === 'lte' ? d <= 0 : c.op === 'gt' ? d > 0 : d >= 0
      }
    }
  })
}

export function compareDocs(sort: Sort, a: Fields, b: Fields): number {
  for (const [f, dir] of sort) {
    const d = compareValues(fieldOf(a, f), fieldOf(b, f))
    if (d !== 0) return dir === 'asc' ? d : -d
  }
  return 0
}

/** Adds `_id` as the last sort key unless it is there. */
export const totalOrder = (sort: Sort): Sort => (sort.some(([f]) => f === '_id') ? sort : [...sort, ['_id', 'asc']])

/** Keyset paging: documents strictly after the one whose sort values are `after`. */
export function afterCond(sort: Sort, after: Scalar[]): Cond {
  const or: Cond[][] = sort.map(([f, dir], i) => [
    ...sort.slice(0, i).map(([g], j) => eq(g, after[j])),
    { f, op: dir === 'asc' ? 'gt' : 'lt', v: after[i] } as Cond,
  ])
  return { or }
}

export const sortValues = (sort: Sort, doc: Fields): Scalar[] => sort.map(([f]) => fieldOf(doc, f) as Scalar)

/** Cursors are opaque to callers: the last item's sort values, base64url JSON. */
export const encodeCursor = (values: Scalar[]) => Buffer.from(JSON.stringify(values)).toString('base64url')

/** The values back, or null for a missing or malformed cursor (treated as "from the start", as SQLite does). */
export function decodeCursor(cursor: string | undefined, sort: Sort): Scalar[] | null {
  if (!cursor) return null
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (!Array.isArray(values) || values.length !== sort.length) return null
    return values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)) ? values : null
  } catch {
    return null
  }
}
