// Document access for one unit of work. Inside a transaction every write is a single-document
// operation on `tx`: it is where() *writes* that cannot join a transaction (node-sdk sends a
// `tx.collection(c).where(...).update()` without its transactionId: it runs at once and is never
// rolled back). A where().get() on `tx` would carry it, but the adapter keeps one rule that a test can
// check (no where() on `tx` at all, test/cloud/tx-where.test.ts): queries read committed data from
// `db`, and the scope merges in the transaction's own writes.
import { WriteConflict } from '../../core/ports'
import { type Cond, type Sort, compareDocs, matches, toWhere, totalOrder, afterCond, type Scalar, sortValues } from './query'
import { type CbCommand, type CbDb, type CbTransaction, type Fields, isDuplicateWrite, oneDoc } from './sdk'

export type Doc = Fields & { _id: string }

/** Documents per query round trip: the SDK's default page, which every runtime honours. */
export const PAGE = 100

export interface QuerySpec {
  where: Cond[]
  sort: Sort
}

/**
 * A unit of work's writes made at once, outside its transaction, kept across the SDK's re-runs of the
 * transaction after a conflict: a re-run finds in `done` what an earlier attempt did instead of doing
 * it twice; `undo` gives back what should not stay if the unit of work fails in the end.
 */
export interface OutsideWrites {
  done: Map<string, unknown>
  undo: Array<() => Promise<unknown>>
}
export const newOutsideWrites = (): OutsideWrites => ({ done: new Map(), undo: [] })

export class Scope {
  /** This transaction's writes by collection and id, for read-your-writes. */
  private readonly pending = new Map<string, Map<string, Doc>>()
  /** This transaction's removals by collection: ids that read as missing. */
  private readonly removed = new Map<string, Set<string>>()
  /**
   * Documents this unit of work has read, by collection and id (null: missing). A transaction reads
   * one snapshot, so a second read of a document gives what the first did: it is answered from here
   * instead of costing another round trip (a redemption read the member's account twice, a save of an
   * activity read it twice). Its own writes are in `pending`, which comes first.
   */
  private readonly seen = new Map<string, Map<string, Doc | null>>()

  constructor(
    private readonly db: CbDb,
    private readonly tx: CbTransaction | null,
    private readonly name: (collection: string) => string,
    /** What this unit of work did at once, outside its transaction (`updateNow`). */
    readonly outside: OutsideWrites = newOutsideWrites(),
  ) {}

  private writer(): CbTransaction {
    if (!this.tx) throw new Error('read-only unit of work: writes need uow.write')
    return this.tx
  }

  private remember(collection: string, doc: Doc) {
    let docs = this.pending.get(collection)
    if (!docs) {
      docs = new Map()
      this.pending.set(collection, docs)
    }
    docs.set(doc._id, structuredClone(doc))
    this.removed.get(collection)?.delete(doc._id)
  }

  async get(collection: string, id: string): Promise<Doc | null> {
    if (this.removed.get(collection)?.has(id)) return null
    const mine = this.pending.get(collection)?.get(id)
    if (mine) return structuredClone(mine)
    const read = this.readIn(collection)
    if (read.has(id)) {
      const doc = read.get(id)
      return doc ? structuredClone(doc) : null
    }
    const ref = this.tx ? this.tx.collection(this.name(collection)).doc(id) : this.db.collection(this.name(collection)).doc(id)
    const found = oneDoc((await ref.get()).data)
    const doc = found ? ({ ...found, _id: id } as Doc) : null
    read.set(id, doc ? structuredClone(doc) : null)
    return doc
  }

  private readIn(collection: string): Map<string, Doc | null> {
    let read = this.seen.get(collection)
    if (!read) {
      read = new Map()
      this.seen.set(collection, read)
    }
    return read
  }

  /** The document as committed now, outside the transaction (its snapshot may be older). */
  async getNow(collection: string, id: string): Promise<Doc | null> {
    const doc = oneDoc((await this.db.collection(this.name(collection)).doc(id).get()).data)
    return doc ? ({ ...doc, _id: id } as Doc) : null
  }

  /** Inserts a new document; an existing `_id` throws WriteConflict. */
  async insert(collection: string, doc: Doc, what = `${collection} ${doc._id}`): Promise<void> {
    const tx = this.writer()
    if (this.pending.get(collection)?.has(doc._id)) throw new WriteConflict(`${what} exists`)
    try {
      await tx.collection(this.name(collection)).add({ ...doc })
    } catch (e) {
      // a transaction conflict goes up unchanged: the SDK re-runs the transaction for it
      throw isDuplicateWrite(e) ? new WriteConflict(`${what} exists`) : e
    }
    this.remember(collection, doc)
  }

  /** Writes the whole document, creating or replacing it. */
  async put(collection: string, doc: Doc): Promise<void> {
    const { _id, ...fields } = doc
    await this.writer().collection(this.name(collection)).doc(_id).set(fields)
    this.remember(collection, doc)
  }

  /**
   * Replaces a versioned document if the stored version is `doc.version - 1`, else WriteConflict.
   * The read is inside the transaction, so a concurrent commit makes this transaction conflict.
   */
  async replaceVersioned(collection: string, doc: Doc, what: string): Promise<void> {
    const current = await this.get(collection, doc._id)
    if (!current || current.version !== (doc.version as number) - 1) throw new WriteConflict(`${what} changed`)
    await this.put(collection, doc)
  }

  /** Sets some scalar fields of an existing document; a missing document is left alone. */
  async patch(collection: string, id: string, fields: Fields): Promise<boolean> {
    for (const [k, v] of Object.entries(fields)) {
      // update() merges nested objects field by field; replace those with put()
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) throw new Error(`patch ${collection}.${k}: objects need put()`)
    }
    const current = await this.get(collection, id)
    if (!current) return false
    await this.writer().collection(this.name(collection)).doc(id).update(fields)
    this.remember(collection, { ...current, ...fields, _id: id })
    return true
  }

  /**
   * One conditional update of one document that the database applies at once, in turn with every
   * other, outside the transaction: it is not rolled back with this unit of work, and a transaction
   * that read the document before it conflicts. `where` and `data` are in the SDK's terms
   * (`db.command`). The document as it is afterwards, or null when `where` matched nothing; a later read
   * in this unit of work gives that, so a versioned save of the document after it would conflict (none does).
   */
  async updateNow(collection: string, where: (_: CbCommand) => Fields, data: (_: CbCommand) => Fields): Promise<Doc | null> {
    const _ = this.db.command
    const { doc } = await this.db.collection(this.name(collection)).where(where(_)).updateAndReturn(data(_))
    if (!doc) return null
    const after = { ...doc, _id: String(doc._id) } as Doc
    // what this scope wrote or read of it before is older than what the database now holds: read this
    this.pending.get(collection)?.delete(after._id)
    this.readIn(collection).set(after._id, structuredClone(after))
    return after
  }

  /** Deletes one document by id (a missing one is no error). */
  async remove(collection: string, id: string): Promise<void> {
    await this.writer().collection(this.name(collection)).doc(id).remove()
    this.pending.get(collection)?.delete(id)
    let gone = this.removed.get(collection)
    if (!gone) {
      gone = new Set()
      this.removed.set(collection, gone)
    }
    gone.add(id)
  }

  /**
   * One page of a query, in `sort` order (made total with `_id`), at most `limit` (≤ PAGE)
   * documents. Runs on `db`, outside any transaction: committed data plus this scope's own writes.
   */
  async query(collection: string, spec: QuerySpec, limit: number, after?: Scalar[]): Promise<Doc[]> {
    return (await this.page(collection, spec, limit, after)).docs
  }

  /** Every matching document (or the first `max`), page by page with a keyset: no skip, no gaps. */
  async queryAll(collection: string, spec: QuerySpec, max = Number.POSITIVE_INFINITY): Promise<Doc[]> {
    const sort = totalOrder(spec.sort)
    const out: Doc[] = []
    let after: Scalar[] | undefined
    while (out.length < max) {
      const { docs, more } = await this.page(collection, { where: spec.where, sort }, Math.min(PAGE, max - out.length), after)
      out.push(...docs)
      if (!more || docs.length === 0) break
      after = sortValues(sort, docs[docs.length - 1])
    }
    return out
  }

  private async page(collection: string, spec: QuerySpec, limit: number, after?: Scalar[]): Promise<{ docs: Doc[]; more: boolean }> {
    const sort = totalOrder(spec.sort)
    const where = after ? [...spec.where, afterCond(sort, after)] : spec.where
    const mine = this.pending.get(collection)
    const gone = this.removed.get(collection)
    // fetch enough that dropping our own (rewritten or removed) documents cannot starve the page
    const fetch = Math.min(PAGE, limit + (mine?.size ?? 0) + (gone?.size ?? 0))
    let q = this.db.collection(this.name(collection)).where(toWhere(where, this.db.command))
    for (const [f, dir] of sort) q = q.orderBy(f, dir)
    const { data } = await q.limit(fetch).get()
    let docs = data.map((d) => ({ ...d, _id: String(d._id) }) as Doc)
    if (gone?.size) docs = docs.filter((d) => !gone.has(d._id))
    if (mine?.size) {
      docs = docs.filter((d) => !mine.has(d._id))
      for (const d of mine.values()) if (matches(where, d)) docs.push(structuredClone(d))
      docs.sort((a, b) => compareDocs(sort, a, b))
    }
    return { docs: docs.slice(0, limit), more: data.length === fetch || docs.length > limit }
  }
}
