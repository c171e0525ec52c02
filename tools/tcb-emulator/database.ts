// The emulator's document database: collections with snapshot-isolated transactions, unique
// indexes and optional persistence. Matching, sorting, projection and update operators are mingo's;
// this file only decides which documents a request sees and when writes conflict.
import { randomBytes } from 'node:crypto'
import { find } from 'mingo'
import { update as applyModifier } from 'mingo/updater'
import { TcbError } from './errors'

export type Doc = Record<string, unknown> & { _id: string | number }

export interface IndexSpec {
  name: string
  keys: Array<[string, number]>
  unique?: boolean
}

export interface FindSpec {
  query?: Record<string, unknown>
  order?: Record<string, number>
  offset?: number
  limit?: number
  projection?: Record<string, unknown>
}

export interface ModifySpec {
  query: Record<string, unknown>
  /** A modifier (`{ $set, $inc, … }`) when `merge`, else the whole replacement document. */
  data: Record<string, unknown>
  multi: boolean
  merge: boolean
  upsert: boolean
}

export interface DatabaseOptions {
  envId: string
  /** Writes and reads of unknown collections create them instead of failing. */
  autoCreateCollections?: boolean
  /** A transaction older than this is aborted (CLOUDBASE.md: 30 s limit). */
  txLifetimeMs?: number
  /** The server's cap on one page (server SDKs 1,000; client SDKs 100). */
  maxLimit?: number
  /** Called after every committed change, for persistence. */
  onChange?: (collection: string) => void
}

interface Version {
  seq: number
  doc: Doc | null
}

interface Collection {
  name: string
  /** Every version a running transaction may still read, oldest first, by `_id` key. */
  versions: Map<string, Version[]>
  indexes: IndexSpec[]
  /** Unique index name → tuple of its fields → `_id` key of the committed holder. */
  unique: Map<string, Map<string, string>>
}

interface TxWrite {
  collection: string
  key: string
  doc: Doc | null
}

interface Transaction {
  id: string
  snapshot: number
  startedAt: number
  /** By `collection\0key`. */
  writes: Map<string, TxWrite>
}

export interface DbStats {
  started: number
  committed: number
  aborted: number
  conflicts: number
  injectedConflicts: number
  duplicates: number
}

/** The key a document is stored under: `_id` may be a string or a number, and '1' is not 1. */
export const idKey = (id: unknown) => (typeof id === 'number' ? `#${id}` : String(id))

const lockKey = (collection: string, key: string) => `${collection}\u0000${key}`

function getPath(doc: unknown, path: string): unknown {
  let v: unknown = doc
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[part]
  }
  return v
}

/** The tuple a unique index holds for a document; a missing field indexes as null (CLOUDBASE.md). */
function tupleOf(doc: Doc, index: IndexSpec): string {
  return JSON.stringify(index.keys.map(([f]) => getPath(doc, f) ?? null))
}

const isModifier = (data: Record<string, unknown>) => Object.keys(data).length > 0 && Object.keys(data).every((k) => k.startsWith('$'))

export const conflictError = () =>
  new TcbError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict: write conflict, please retry')

export class Database {
  private readonly collections = new Map<string, Collection>()
  private readonly txs = new Map<string, Transaction>()
  /** Transactions the server ended itself, with the error every later call on them gets. */
  private readonly ended = new Map<string, TcbError>()
  /** `collection\0key` → id of the open transaction that wrote it first. */
  private readonly locks = new Map<string, string>()
  private seq = 0
  private injected: { count: number; collection?: string } = { count: 0 }
  readonly stats: DbStats = { started: 0, committed: 0, aborted: 0, conflicts: 0, injectedConflicts: 0, duplicates: 0 }

  constructor(private readonly options: DatabaseOptions) {}

  // ---- collections and indexes ----

  createCollection(name: string, indexes: IndexSpec[] = []): boolean {
    if (!name || typeof name !== 'string') throw new TcbError('INVALID_PARAM', 'collectionName is required')
    const existing = this.collections.get(name)
    if (existing) {
      for (const index of indexes) this.addIndex(existing, index)
      return false
    }
    const c: Collection = { name, versions: new Map(), indexes: [], unique: new Map() }
    this.collections.set(name, c)
    for (const index of indexes) this.addIndex(c, index)
    return true
  }

  /** Drops a collection with its documents and indexes; false when there was none. */
  dropCollection(name: string): boolean {
    const c = this.collections.get(name)
    if (!c) return false
    this.collections.delete(name)
    this.options.onChange?.(name)
    return true
  }

  hasCollection(name: string) {
    return this.collections.has(name)
  }

  collectionNames() {
    return [...this.collections.keys()].sort()
  }

  indexesOf(name: string): IndexSpec[] {
    return this.collections.get(name)?.indexes ?? []
  }

  private addIndex(c: Collection, index: IndexSpec) {
    if (c.indexes.some((i) => i.name === index.name)) return
    c.indexes.push(index)
    if (!index.unique) return
    const holders = new Map<string, string>()
    for (const [key, versions] of c.versions) {
      const doc = versions[versions.length - 1].doc
      if (!doc) continue
      const tuple = tupleOf(doc, index)
      if (holders.has(tuple)) throw this.duplicate(c, index.name, tuple)
      holders.set(tuple, key)
    }
    c.unique.set(index.name, holders)
  }

  private collection(name: string): Collection {
    const c = this.collections.get(name)
    if (c) return c
    if (this.options.autoCreateCollections) {
      this.createCollection(name)
      return this.collections.get(name) as Collection
    }
    // [U] the real service's wording; the code is the one wx-server-sdk's error table names
    throw new TcbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)
  }

  // ---- test controls ----

  /** Empties every collection (declared collections and their indexes stay) and ends every transaction. */
  reset() {
    for (const c of this.collections.values()) {
      c.versions.clear()
      for (const holders of c.unique.values()) holders.clear()
      this.options.onChange?.(c.name)
    }
    this.txs.clear()
    this.ended.clear()
    this.locks.clear()
    this.injected = { count: 0 }
    this.resetStats()
  }

  resetStats() {
    for (const k of Object.keys(this.stats) as Array<keyof DbStats>) this.stats[k] = 0
  }

  /** The next `count` transactional writes (in `collection`, if given) fail with a conflict. */
  injectConflicts(count: number, collection?: string) {
    this.injected = { count, collection }
  }

  openTransactions(): Array<{ id: string; ageMs: number; writes: number }> {
    return [...this.txs.values()].map((t) => ({ id: t.id, ageMs: Date.now() - t.startedAt, writes: t.writes.size }))
  }

  /** Committed documents of a collection, in `_id` order (for persistence and test assertions). */
  dump(name: string): Doc[] {
    const c = this.collections.get(name)
    if (!c) return []
    const out: Doc[] = []
    for (const versions of c.versions.values()) {
      const doc = versions[versions.length - 1].doc
      if (doc) out.push(structuredClone(doc))
    }
    return find(out, {}).sort({ _id: 1 }).all() as Doc[]
  }

  /** Loads documents as committed (persistence, seeding); existing ones with the same `_id` are replaced. */
  load(name: string, docs: Doc[]) {
    const c = this.collection(name)
    const seq = ++this.seq
    for (const doc of docs) {
      if (doc._id === undefined) throw new TcbError('INVALID_PARAM', 'every loaded document needs an _id')
      this.checkUnique(c, idKey(doc._id), doc, null)
      this.commitDoc(c, idKey(doc._id), structuredClone(doc), seq)
    }
  }

  // ---- transactions ----

  startTransaction(): string {
    this.expireTransactions()
    const id = `tx_${randomBytes(12).toString('hex')}`
    this.txs.set(id, { id, snapshot: this.seq, startedAt: Date.now(), writes: new Map() })
    this.stats.started++
    return id
  }

  commitTransaction(id: string) {
    const tx = this.tx(id)
    // a write outside any transaction does not wait for this one's locks: it lands, and this commit
    // conflicts instead ([U] MongoDB would make that write wait; CLOUDBASE.md records neither)
    for (const w of tx.writes.values()) {
      if (this.latestSeq(this.collection(w.collection), w.key) > tx.snapshot) throw this.conflict(tx)
    }
    try {
      for (const w of tx.writes.values()) if (w.doc) this.checkUnique(this.collection(w.collection), w.key, w.doc, tx)
    } catch (e) {
      this.endWith(tx, e as TcbError)
      this.stats.aborted++
      throw e
    }
    const seq = ++this.seq
    for (const w of tx.writes.values()) this.commitDoc(this.collection(w.collection), w.key, w.doc, seq)
    this.end(tx)
    this.stats.committed++
  }

  abortTransaction(id: string) {
    const tx = this.txs.get(id)
    if (!tx) {
      // the SDK rolls back after any failure, also after the server already ended the transaction
      if (this.ended.has(id)) return
      throw new TcbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} not found`)
    }
    this.end(tx)
    this.stats.aborted++
  }

  private tx(id: string | undefined): Transaction {
    const tx = id ? this.txs.get(id) : undefined
    if (tx) {
      const lifetime = this.options.txLifetimeMs ?? 30_000
      if (Date.now() - tx.startedAt > lifetime) {
        // [U] the real service's code for an expired transaction
        this.endWith(tx, new TcbError('DATABASE_TRANSACTION_FAIL', `transaction ${tx.id} expired after ${lifetime} ms`))
        this.stats.aborted++
        throw this.ended.get(tx.id)
      }
      return tx
    }
    const ended = id ? this.ended.get(id) : undefined
    if (ended) throw ended
    throw new TcbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} not found`)
  }

  /** Aborts transactions past their lifetime, so abandoned ones do not hold their locks forever. */
  expireTransactions() {
    const lifetime = this.options.txLifetimeMs ?? 30_000
    for (const tx of [...this.txs.values()]) {
      if (Date.now() - tx.startedAt <= lifetime) continue
      this.endWith(tx, new TcbError('DATABASE_TRANSACTION_FAIL', `transaction ${tx.id} expired after ${lifetime} ms`))
      this.stats.aborted++
    }
  }

  private end(tx: Transaction) {
    for (const w of tx.writes.values()) {
      const k = lockKey(w.collection, w.key)
      if (this.locks.get(k) === tx.id) this.locks.delete(k)
    }
    this.txs.delete(tx.id)
    // older versions kept for this transaction's snapshot can go
    for (const w of tx.writes.values()) {
      const c = this.collections.get(w.collection)
      if (c) this.prune(c, w.key)
    }
  }

  /** Ends a transaction on the server's side; later calls on it (commit included) get `error`. */
  private endWith(tx: Transaction, error: TcbError) {
    this.end(tx)
    this.ended.set(tx.id, error)
    if (this.ended.size > 10_000) this.ended.delete(this.ended.keys().next().value as string)
  }

  private conflict(tx: Transaction): TcbError {
    const error = conflictError()
    this.endWith(tx, error)
    this.stats.conflicts++
    return error
  }

  private duplicate(c: Collection, index: string, tuple: string): TcbError {
    this.stats.duplicates++
    // the code node-sdk surfaces for a duplicate key, with MongoDB's E11000 text (CLOUDBASE.md: match both)
    return new TcbError(
      'DATABASE_DUPLICATE_WRITE',
      `E11000 duplicate key error collection: ${this.options.envId}.${c.name} index: ${index} dup key: ${tuple}`,
    )
  }

  // ---- versions ----

  private latestSeq(c: Collection, key: string): number {
    const versions = c.versions.get(key)
    return versions ? versions[versions.length - 1].seq : 0
  }

  private committed(c: Collection, key: string, at = Number.POSITIVE_INFINITY): Doc | null {
    const versions = c.versions.get(key)
    if (!versions) return null
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= at) return versions[i].doc
    return null
  }

  /** What `tx` sees of one document: its own write, else the committed version at its snapshot. */
  private visible(c: Collection, key: string, tx: Transaction | null): Doc | null {
    if (tx) {
      const own = tx.writes.get(lockKey(c.name, key))
      if (own) return own.doc
      return this.committed(c, key, tx.snapshot)
    }
    return this.committed(c, key)
  }

  private view(c: Collection, tx: Transaction | null): Doc[] {
    const out: Doc[] = []
    for (const key of c.versions.keys()) {
      if (tx?.writes.has(lockKey(c.name, key))) continue
      const doc = this.visible(c, key, tx)
      if (doc) out.push(doc)
    }
    if (tx) for (const w of tx.writes.values()) if (w.collection === c.name && w.doc) out.push(w.doc)
    return out
  }

  private commitDoc(c: Collection, key: string, doc: Doc | null, seq: number) {
    const before = this.committed(c, key)
    for (const index of c.indexes) {
      if (!index.unique) continue
      const holders = c.unique.get(index.name) as Map<string, string>
      if (before) {
        const t = tupleOf(before, index)
        if (holders.get(t) === key) holders.delete(t)
      }
      if (doc) holders.set(tupleOf(doc, index), key)
    }
    const versions = c.versions.get(key) ?? []
    versions.push({ seq, doc })
    c.versions.set(key, versions)
    this.prune(c, key)
    this.options.onChange?.(c.name)
  }

  /** Drops versions no open transaction can read any more. */
  private prune(c: Collection, key: string) {
    const versions = c.versions.get(key)
    if (!versions) return
    let oldest = Number.POSITIVE_INFINITY
    for (const tx of this.txs.values()) oldest = Math.min(oldest, tx.snapshot)
    let keepFrom = versions.length - 1
    for (let i = versions.length - 1; i >= 0; i--) {
      keepFrom = i
      if (versions[i].seq <= oldest) break
    }
    if (keepFrom > 0) versions.splice(0, keepFrom)
    if (versions.length === 1 && versions[0].doc === null && this.txs.size === 0) c.versions.delete(key)
  }

  // ---- writes ----

  /** Unique indexes against committed documents (less those `tx` rewrote) and `tx`'s own writes. */
  private checkUnique(c: Collection, key: string, doc: Doc, tx: Transaction | null) {
    for (const index of c.indexes) {
      if (!index.unique) continue
      const tuple = tupleOf(doc, index)
      const holder = c.unique.get(index.name)?.get(tuple)
      if (holder !== undefined && holder !== key && !tx?.writes.has(lockKey(c.name, holder))) throw this.duplicate(c, index.name, tuple)
      if (!tx) continue
      for (const w of tx.writes.values()) {
        if (w.collection === c.name && w.key !== key && w.doc && tupleOf(w.doc, index) === tuple) throw this.duplicate(c, index.name, tuple)
      }
    }
  }

  /** One document written, in `tx` or committed at once. */
  private write(c: Collection, key: string, doc: Doc | null, tx: Transaction | null, insert = false) {
    if (!tx) {
      if (insert && this.committed(c, key)) throw this.duplicate(c, '_id_', JSON.stringify([doc?._id]))
      if (doc) this.checkUnique(c, key, doc, null)
      this.commitDoc(c, key, doc, ++this.seq)
      return
    }
    const lock = lockKey(c.name, key)
    const holder = this.locks.get(lock)
    // first writer wins: another open transaction wrote it, or a commit landed after our snapshot
    if ((holder && holder !== tx.id) || this.latestSeq(c, key) > tx.snapshot) throw this.conflict(tx)
    if (this.injected.count > 0 && (!this.injected.collection || this.injected.collection === c.name)) {
      this.injected.count--
      this.stats.injectedConflicts++
      throw this.conflict(tx)
    }
    try {
      if (insert && this.visible(c, key, tx)) throw this.duplicate(c, '_id_', JSON.stringify([doc?._id]))
      if (doc) this.checkUnique(c, key, doc, tx)
    } catch (e) {
      // [U] as in MongoDB, an error inside a transaction aborts it
      this.endWith(tx, e as TcbError)
      this.stats.aborted++
      throw e
    }
    tx.writes.set(lock, { collection: c.name, key, doc })
    this.locks.set(lock, tx.id)
  }

  insert(name: string, docs: Array<Record<string, unknown>>, txId?: string): Array<string | number> {
    const tx = txId ? this.tx(txId) : null
    const c = this.collection(name)
    const prepared = docs.map((d) => {
      if (d === null || typeof d !== 'object' || Array.isArray(d)) throw new TcbError('INVALID_PARAM', 'a document must be an object')
      // [U] real ids are 32 hex characters too; their exact scheme does not matter to callers
      const _id = (d._id ?? randomBytes(16).toString('hex')) as string | number
      return { ...structuredClone(d), _id } as Doc
    })
    for (const doc of prepared) this.write(c, idKey(doc._id), doc, tx, true)
    return prepared.map((d) => d._id)
  }

  find(name: string, spec: FindSpec, txId?: string): Doc[] {
    const tx = txId ? this.tx(txId) : null
    const c = this.collection(name)
    const max = this.options.maxLimit ?? 1000
    const limit = Math.min(spec.limit && spec.limit > 0 ? spec.limit : 100, max)
    let cursor = find(this.candidates(c, spec.query ?? {}, tx), spec.query ?? {}, spec.projection as never)
    if (spec.order && Object.keys(spec.order).length) cursor = cursor.sort(spec.order as never)
    if (spec.offset) cursor = cursor.skip(spec.offset)
    return (cursor.limit(limit).all() as Doc[]).map((d) => structuredClone(d))
  }

  count(name: string, query: Record<string, unknown>): number {
    const c = this.collection(name)
    return find(this.candidates(c, query, null), query).all().length
  }

  /** A lookup by `_id` skips the scan; any other query reads every visible document. */
  private candidates(c: Collection, query: Record<string, unknown>, tx: Transaction | null): Doc[] {
    const id = query._id
    if ((typeof id === 'string' || typeof id === 'number') && Object.keys(query).length === 1) {
      const doc = this.visible(c, idKey(id), tx)
      return doc ? [doc] : []
    }
    return this.view(c, tx)
  }

  modify(name: string, spec: ModifySpec, txId?: string): { updated: number; upsertId?: string | number } {
    const tx = txId ? this.tx(txId) : null
    const c = this.collection(name)
    let matched = find(this.candidates(c, spec.query, tx), spec.query).all() as Doc[]
    if (!spec.multi) matched = matched.slice(0, 1)
    if (matched.length === 0) {
      const id = spec.query._id
      if (!spec.upsert || (typeof id !== 'string' && typeof id !== 'number')) return { updated: 0 }
      const doc = { ...this.nextDoc({ _id: id } as Doc, spec), _id: id } as Doc
      this.write(c, idKey(id), doc, tx, true)
      // [U] the real service's counts for an upsert that inserted
      return { updated: 0, upsertId: id }
    }
    let updated = 0
    for (const current of matched) {
      const next = this.nextDoc(current, spec)
      if (next === null) continue
      this.write(c, idKey(current._id), next, tx)
      updated++
    }
    return { updated }
  }

  /** The document after the update, or null when nothing changes ([U] `updated` counts modified documents, as MongoDB's nModified). */
  private nextDoc(current: Doc, spec: ModifySpec): Doc | null {
    if (!spec.merge) {
      if (isModifier(spec.data)) throw new TcbError('INVALID_PARAM', 'a replacement document cannot hold update operators')
      const next = { ...structuredClone(spec.data), _id: current._id } as Doc
      return JSON.stringify(next) === JSON.stringify(current) ? null : next
    }
    const modifier = isModifier(spec.data) ? spec.data : { $set: spec.data }
    for (const fields of Object.values(modifier)) {
      if (fields && typeof fields === 'object' && '_id' in (fields as object)) throw new TcbError('INVALID_PARAM', '不能更新_id的值')
    }
    const next = structuredClone(current)
    let changed: string[]
    try {
      changed = applyModifier(next, modifier as never)
    } catch (e) {
      throw new TcbError('DATABASE_REQUEST_FAILED', `invalid update: ${(e as Error).message}`)
    }
    return changed.length ? next : null
  }

  remove(name: string, query: Record<string, unknown>, multi: boolean, txId?: string): number {
    const tx = txId ? this.tx(txId) : null
    const c = this.collection(name)
    let matched = find(this.candidates(c, query, tx), query).all() as Doc[]
    if (!multi) matched = matched.slice(0, 1)
    for (const doc of matched) this.write(c, idKey(doc._id), null, tx)
    return matched.length
  }
}
