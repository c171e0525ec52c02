// A tiny in-memory stand-in for node-sdk's database, for offline unit tests of the CloudBase adapter.
// It models what CLOUDBASE.md records (doc().get() shapes, snapshot transactions that conflict on
// write-write, duplicate _id errors, 100/1000 limits, where() on a transaction running outside it);
// it is NOT evidence of live behaviour — only the live contract run is.
import type { CbCollection, CbCommand, CbDb, CbDocRef, CbQuery, CbTransaction, Fields } from '../../cloudfunctions/adapters/cloudbase/sdk'

type Op = { $op: 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'inc'; v: unknown }
const isOp = (v: unknown): v is Op => typeof v === 'object' && v !== null && '$op' in v
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isOp(v)

export const fakeCommand: CbCommand = {
  eq: (v) => ({ $op: 'eq', v }),
  neq: (v) => ({ $op: 'neq', v }),
  lt: (v) => ({ $op: 'lt', v }),
  lte: (v) => ({ $op: 'lte', v }),
  gt: (v) => ({ $op: 'gt', v }),
  gte: (v) => ({ $op: 'gte', v }),
  in: (v) => ({ $op: 'in', v }),
  inc: (v) => ({ $op: 'inc', v }),
  and: (c) => ({ $and: c }),
  or: (c) => ({ $or: c }),
}

const rank = (v: unknown) =>
  v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : typeof v === 'boolean' ? 3 : 4
function cmp(a: unknown, b: unknown) {
  if (rank(a) !== rank(b)) return rank(a) - rank(b)
  if (rank(a) === 0) return 0
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
}
const eqv = (field: unknown, v: unknown) => (Array.isArray(field) ? field.includes(v) : (field ?? null) === (v ?? null))

function test(doc: Fields, cond: unknown): boolean {
  if (!isPlain(cond)) throw new Error(`fake: bad condition ${JSON.stringify(cond)}`)
  if ('$and' in cond) return (cond.$and as unknown[]).every((c) => test(doc, c))
  if ('$or' in cond) return (cond.$or as unknown[]).some((c) => test(doc, c))
  return Object.entries(cond).every(([f, want]) => {
    const x = doc[f] ?? null
    if (!isOp(want)) return eqv(x, want)
    switch (want.$op) {
      case 'eq':
        return eqv(x, want.v)
      case 'neq':
        return !eqv(x, want.v)
      case 'in':
        return (want.v as unknown[]).some((v) => eqv(x, v))
      case 'inc':
        throw new Error('fake: inc in a condition')
      default: {
        if (x === null || rank(x) !== rank(want.v)) return false
        const d = cmp(x, want.v)
        return want.$op === 'lt' ? d < 0 : want.$op === 'lte' ? d <= 0 : want.$op === 'gt' ? d > 0 : d >= 0
      }
    }
  })
}

function applyUpdate(doc: Fields, fields: Fields): Fields {
  const out: Fields = structuredClone(doc)
  for (const [k, v] of Object.entries(fields)) {
    if (isOp(v) && v.$op === 'inc') out[k] = ((out[k] as number) ?? 0) + (v.v as number)
    else if (isPlain(v) && isPlain(out[k]))
      out[k] = applyUpdate(out[k] as Fields, v) // node-sdk merges nested objects
    else out[k] = structuredClone(v)
  }
  return out
}

const err = (code: string, message: string) => Object.assign(new Error(message), { code })

interface Version {
  seq: number
  doc: Fields | null
}

export class FakeCloudbase implements CbDb {
  readonly command = fakeCommand
  /** Every committed version of every document, by `collection/id`. */
  private readonly history = new Map<string, Version[]>()
  private seq = 0
  private autoId = 0
  /** Counts by operation, for tests that check what ran where. */
  readonly calls: string[] = []
  /** Called before each transactional commit: lets a test interleave another writer. */
  beforeCommit?: () => Promise<void>

  private key = (coll: string, id: string) => `${coll}/${id}`

  docAt(coll: string, id: string, seq = Number.POSITIVE_INFINITY): Fields | null {
    const versions = this.history.get(this.key(coll, id)) ?? []
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= seq) return versions[i].doc
    return null
  }

  lastSeq(coll: string, id: string) {
    const versions = this.history.get(this.key(coll, id))
    return versions?.length ? versions[versions.length - 1].seq : 0
  }

  commitDoc(coll: string, id: string, doc: Fields | null, seq = ++this.seq) {
    const k = this.key(coll, id)
    const versions = this.history.get(k) ?? []
    versions.push({ seq, doc: doc ? structuredClone({ ...doc, _id: id }) : null })
    this.history.set(k, versions)
  }

  nextSeq() {
    return ++this.seq
  }

  get currentSeq() {
    return this.seq
  }

  newId() {
    return `auto_${++this.autoId}`
  }

  /** Committed documents of a collection, at a sequence number. */
  docs(coll: string, seq = Number.POSITIVE_INFINITY): Fields[] {
    const out: Fields[] = []
    for (const k of this.history.keys()) {
      if (!k.startsWith(`${coll}/`)) continue
      const d = this.docAt(coll, k.slice(coll.length + 1), seq)
      if (d) out.push(structuredClone(d))
    }
    return out
  }

  collection(name: string): CbCollection {
    return new FakeCollection(this, name)
  }

  async runTransaction<T>(fn: (tx: CbTransaction) => Promise<T>, times = 3): Promise<T> {
    // the SDK's loop: re-run on DATABASE_TRANSACTION_CONFLICT, roll back and rethrow anything else
    for (let attempt = 0; ; attempt++) {
      const tx = new FakeTx(this)
      try {
        const result = await fn(tx)
        await this.beforeCommit?.()
        tx.commit()
        return result
      } catch (e) {
        this.calls.push('rollback')
        if ((e as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT' && attempt + 1 < times) continue
        throw e
      }
    }
  }
}

class FakeTx implements CbTransaction {
  readonly start: number
  readonly writes = new Map<string, { coll: string; id: string; doc: Fields | null; insert: boolean }>()
  constructor(readonly db: FakeCloudbase) {
    this.start = db.currentSeq
  }

  read(coll: string, id: string): Fields | null {
    const w = this.writes.get(`${coll}/${id}`)
    if (w) return w.doc ? structuredClone(w.doc) : null
    const d = this.db.docAt(coll, id, this.start)
    return d ? structuredClone(d) : null
  }

  write(coll: string, id: string, doc: Fields | null, insert = false) {
    const prior = this.writes.get(`${coll}/${id}`)
    this.writes.set(`${coll}/${id}`, { coll, id, doc: doc ? { ...doc, _id: id } : null, insert: insert || (prior?.insert ?? false) })
  }

  commit() {
    for (const w of this.writes.values()) {
      if (this.db.lastSeq(w.coll, w.id) > this.start) {
        if (w.insert && this.db.docAt(w.coll, w.id)) throw err('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error')
        throw err('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict')
      }
    }
    const seq = this.db.nextSeq()
    for (const w of this.writes.values()) this.db.commitDoc(w.coll, w.id, w.doc, seq)
  }

  collection(name: string) {
    const tx = this
    return {
      doc: (id: string) => new FakeDoc(tx.db, name, id, tx),
      async add(data: Fields) {
        tx.db.calls.push(`tx.add ${name}`)
        const id = (data._id as string | undefined) ?? tx.db.newId()
        if (tx.read(name, id)) throw err('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error')
        const { _id, ...rest } = data
        tx.write(name, id, rest, true)
        return { id, inserted: 1, ok: 1 }
      },
      /** As in node-sdk: a query on a transaction's collection is not part of the transaction. */
      where: (cond: object) => new FakeCollection(tx.db, name).where(cond),
    }
  }
}

class FakeDoc implements CbDocRef {
  constructor(
    private db: FakeCloudbase,
    private coll: string,
    private id: string,
    private tx: FakeTx | null,
  ) {}

  async get() {
    this.db.calls.push(`${this.tx ? 'tx.' : ''}doc.get ${this.coll}`)
    if (this.tx) return { data: this.tx.read(this.coll, this.id) }
    const d = this.db.docAt(this.coll, this.id)
    return { data: d ? [structuredClone(d)] : [] }
  }

  async set(data: Fields) {
    if ('_id' in data) throw err('INVALID_PARAM', '不能更新_id的值')
    this.db.calls.push(`${this.tx ? 'tx.' : ''}doc.set ${this.coll}`)
    if (this.tx) this.tx.write(this.coll, this.id, structuredClone(data))
    else this.db.commitDoc(this.coll, this.id, structuredClone(data))
    return { updated: 1 }
  }

  async update(data: Fields) {
    if ('_id' in data) throw err('INVALID_PARAM', '不能更新_id的值')
    this.db.calls.push(`${this.tx ? 'tx.' : ''}doc.update ${this.coll}`)
    const current = this.tx ? this.tx.read(this.coll, this.id) : this.db.docAt(this.coll, this.id)
    if (!current) return { updated: 0 }
    const next = applyUpdate(current, data)
    if (this.tx) this.tx.write(this.coll, this.id, next)
    else this.db.commitDoc(this.coll, this.id, next)
    return { updated: 1 }
  }

  async remove() {
    if (this.tx) this.tx.write(this.coll, this.id, null)
    else this.db.commitDoc(this.coll, this.id, null)
    return { deleted: 1 }
  }
}

class FakeCollection implements CbCollection {
  constructor(
    private db: FakeCloudbase,
    private name: string,
    private cond: object | null = null,
    private order: Array<[string, 'asc' | 'desc']> = [],
    private max?: number,
  ) {}

  doc(id: string) {
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error('docId必须为字符串或数字')
    return new FakeDoc(this.db, this.name, id, null)
  }

  async add(data: Fields) {
    this.db.calls.push(`add ${this.name}`)
    const id = (data._id as string | undefined) ?? this.db.newId()
    if (this.db.docAt(this.name, id)) throw err('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error')
    const { _id, ...rest } = data
    this.db.commitDoc(this.name, id, rest)
    return { id }
  }

  where(cond: object): CbQuery {
    return new FakeCollection(this.db, this.name, cond, this.order, this.max)
  }

  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery {
    return new FakeCollection(this.db, this.name, this.cond, [...this.order, [field, direction]], this.max)
  }

  limit(n: number): CbQuery {
    return new FakeCollection(this.db, this.name, this.cond, this.order, n)
  }

  private matching() {
    return this.db.docs(this.name).filter((d) => (this.cond ? test(d, this.cond) : true))
  }

  async get() {
    this.db.calls.push(`query ${this.name}`)
    const docs = this.matching().sort((a, b) => {
      for (const [f, dir] of this.order) {
        const d = cmp(a[f] ?? null, b[f] ?? null)
        if (d) return dir === 'asc' ? d : -d
      }
      return 0
    })
    // the SDK's caps: 100 by default, at most 1000
    return { data: docs.slice(0, Math.min(this.max ?? 100, 1000)) }
  }

  async update(data: Fields) {
    this.db.calls.push(`query.update ${this.name}`)
    const docs = this.matching()
    for (const d of docs) this.db.commitDoc(this.name, d._id as string, applyUpdate(d, data))
    return { updated: docs.length }
  }
}
