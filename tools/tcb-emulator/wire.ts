// The database wire encoding: @cloudbase/database (utils/utils.ts stringifyByEJSON) sends queries,
// documents, orders and projections as canonical Extended JSON strings, and query.ts / document.ts
// parse each listed document with EJSON.parse. Decoded here into plain values mingo understands.
import { BSONRegExp, EJSON } from 'bson'
import { TcbError } from './errors'

/** Plain JS values: BSON regular expressions become RegExp, for mingo's $regex and literal matching. */
function plain(v: unknown): unknown {
  if (v instanceof BSONRegExp) return new RegExp(v.pattern, v.options.replace(/[^gimsuy]/g, ''))
  if (Array.isArray(v)) return v.map(plain)
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = plain(x)
    return out
  }
  return v
}

/** One EJSON string from the SDK (a query, a document, an order), as plain values. */
export function decode(text: unknown, what: string): any {
  if (text === undefined || text === null || text === '') return undefined
  if (typeof text !== 'string') throw new TcbError('INVALID_PARAM', `${what} must be an EJSON string`)
  try {
    return plain(EJSON.parse(text, { relaxed: true }))
  } catch (e) {
    throw new TcbError('INVALID_PARAM', `${what} is not valid EJSON: ${(e as Error).message}`)
  }
}

/** A document as the SDK expects each item of `data.list`: canonical EJSON, so dates stay dates. */
export const encode = (doc: unknown): string => EJSON.stringify(doc as never, { relaxed: false })

/** Documents for a file: canonical EJSON keeps numbers, dates and ids exact across a restart. */
export const encodeMany = (docs: unknown[]): string => EJSON.stringify(docs as never, { relaxed: false })

export const decodeMany = (text: string): Array<Record<string, unknown>> => plain(EJSON.parse(text, { relaxed: true })) as never
