// Documents through the real @cloudbase/node-sdk against the emulator: CRUD, queries and commands,
// the result limits, duplicate ids and unique indexes.
import { nodeSdk, rejection, emulatorForFile } from './helpers'

const emulator = emulatorForFile()
let db: any
let _: any

beforeAll(async () => {
  db = nodeSdk(emulator()).database()
  _ = db.command
  await db.createCollection('things')
})

beforeEach(() => emulator().control.reset())

describe('documents', () => {
  it('adds, reads, replaces, updates and removes one document', async () => {
    const added = await db.collection('things').add({ _id: 't1', n: 1, at: new Date(5), o: { a: 1, b: 2 }, tags: ['x'] })
    expect(added.id).toBe('t1')

    // outside a transaction doc().get() answers an array
    const got = await db.collection('things').doc('t1').get()
    expect(got.data).toEqual([{ _id: 't1', n: 1, at: new Date(5), o: { a: 1, b: 2 }, tags: ['x'] }])
    expect((await db.collection('things').doc('missing').get()).data).toEqual([])

    // node-sdk update() takes the fields themselves and merges nested objects
    const updated = await db
      .collection('things')
      .doc('t1')
      .update({ n: _.inc(2), o: { b: 3 } })
    expect(updated.updated).toBe(1)
    expect((await db.collection('things').doc('t1').get()).data[0]).toMatchObject({ n: 3, o: { a: 1, b: 3 } })

    // set() replaces the whole document
    await db.collection('things').doc('t1').set({ only: true })
    expect((await db.collection('things').doc('t1').get()).data).toEqual([{ _id: 't1', only: true }])

    // set() on a missing id creates it
    const upsert = await db.collection('things').doc('t2').set({ made: 1 })
    expect(upsert.upsertedId).toBe('t2')

    expect((await db.collection('things').doc('t1').remove()).deleted).toBe(1)
    expect((await db.collection('things').doc('t1').get()).data).toEqual([])
    expect(await emulator().control.docs('things')).toEqual([{ _id: 't2', made: 1 }])
  })

  it('generates an id when the document has none', async () => {
    const { id } = await db.collection('things').add({ n: 1 })
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect((await db.collection('things').doc(id).get()).data[0].n).toBe(1)
  })

  it('update() of a missing document changes nothing; the wx-server-sdk `{ data }` wrapper writes a field named data', async () => {
    expect((await db.collection('things').doc('nope').update({ n: 1 })).updated).toBe(0)
    await db.collection('things').add({ _id: 'w', n: 1 })
    await db
      .collection('things')
      .doc('w')
      .update({ data: { n: 2 } })
    expect((await db.collection('things').doc('w').get()).data[0]).toEqual({ _id: 'w', n: 1, data: { n: 2 } })
  })

  it('refuses to change _id', async () => {
    await db.collection('things').add({ _id: 'i' })
    expect((await rejection(db.collection('things').doc('i').update({ _id: 'j' }))).code).toBe('INVALID_PARAM')
  })

  it('answers a missing collection with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const e = await rejection(db.collection('never_created').where({}).get())
    expect(e.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
  })
})

describe('queries and commands', () => {
  beforeEach(async () => {
    const rows = [
      { _id: 'a', n: 1, s: 'x', k: 'p' },
      { _id: 'b', n: 2, s: 'y', k: 'p' },
      { _id: 'c', n: 3, s: 'z', k: 'q' },
      { _id: 'd', n: 4, s: null, k: 'q' },
      { _id: 'e', k: 'r' },
    ]
    for (const r of rows) await db.collection('things').add(r)
  })

  const ids = async (q: any) => (await q.get()).data.map((d: any) => d._id)

  it.each([
    ['eq', () => ({ n: _.eq(2) }), ['b']],
    ['neq', () => ({ n: _.neq(2) }), ['a', 'c', 'd', 'e']],
    ['lt', () => ({ n: _.lt(2) }), ['a']],
    ['lte', () => ({ n: _.lte(2) }), ['a', 'b']],
    ['gt', () => ({ n: _.gt(2) }), ['c', 'd']],
    ['gte', () => ({ n: _.gte(2) }), ['b', 'c', 'd']],
    ['in', () => ({ s: _.in(['x', 'z']) }), ['a', 'c']],
    ['and', () => _.and([{ k: 'q' }, { n: _.gt(3) }]), ['d']],
    ['or', () => _.or([{ n: 1 }, { k: 'r' }]), ['a', 'e']],
    ['plain fields', () => ({ k: 'p', n: 2 }), ['b']],
    ['null matches null and missing', () => ({ s: null }), ['d', 'e']],
    ['a range never matches another type', () => ({ s: _.gt(1) }), []],
  ])('%s', async (_name, where, expected) => {
    expect(await ids(db.collection('things').where(where()).orderBy('_id', 'asc'))).toEqual(expected)
  })

  it('orders by several fields, skips, limits and projects', async () => {
    const res = await db.collection('things').where({}).orderBy('k', 'desc').orderBy('n', 'asc').skip(1).limit(3).field({ n: true }).get()
    expect(res.data).toEqual([
      { _id: 'c', n: 3 },
      { _id: 'd', n: 4 },
      { _id: 'a', n: 1 },
    ])
  })

  it('counts', async () => {
    expect((await db.collection('things').where({ k: 'q' }).count()).total).toBe(2)
    expect((await db.collection('things').count()).total).toBe(5)
  })

  it('updates and removes by query', async () => {
    const res = await db
      .collection('things')
      .where({ n: _.gte(3) })
      .update({ n: _.inc(10), flag: true })
    expect(res.updated).toBe(2)
    expect((await db.collection('things').where({ flag: true }).orderBy('n', 'asc').get()).data.map((d: any) => d.n)).toEqual([13, 14])
    // the conditional update CLOUDBASE.md describes: updated says whether the condition held
    const taken = await db
      .collection('things')
      .where({ _id: 'a', n: _.gt(0) })
      .update({ n: _.inc(-1) })
    const refused = await db
      .collection('things')
      .where({ _id: 'a', n: _.gt(0) })
      .update({ n: _.inc(-1) })
    expect([taken.updated, refused.updated]).toEqual([1, 0])
    expect((await db.collection('things').where({ k: 'p' }).remove()).deleted).toBe(2)
    expect((await db.collection('things').count()).total).toBe(3)
  })
})

describe('result limits', () => {
  beforeEach(async () => {
    const docs = Array.from({ length: 1200 }, (_x, i) => ({ _id: `r${String(i).padStart(4, '0')}`, i }))
    await emulator().control.seed('things', docs)
  })

  it('answers 100 documents by default', async () => {
    expect((await db.collection('things').get()).data).toHaveLength(100)
  })

  it('answers at most 1,000 however high the limit', async () => {
    const { data } = await db.collection('things').orderBy('i', 'asc').limit(5000).get()
    expect(data).toHaveLength(1000)
    expect(data[999].i).toBe(999)
    const rest = await db.collection('things').orderBy('i', 'asc').skip(1000).limit(1000).get()
    expect(rest.data).toHaveLength(200)
  })
})

describe('uniqueness', () => {
  it('answers a duplicate _id with DATABASE_DUPLICATE_WRITE and the E11000 text', async () => {
    await db.collection('things').add({ _id: 'dup' })
    const e = await rejection(db.collection('things').add({ _id: 'dup', again: true }))
    expect(e.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(e.message).toMatch(/E11000 duplicate key/)
    expect(e.requestId).toBeTruthy()
  })

  it('enforces the unique indexes provision declares', async () => {
    // order_events: unique (orderId, seq) in collections.json
    await db.collection('order_events').add({ _id: 'o1:1', orderId: 'o1', seq: 1 })
    await db.collection('order_events').add({ _id: 'o1:2', orderId: 'o1', seq: 2 })
    const e = await rejection(db.collection('order_events').add({ _id: 'other', orderId: 'o1', seq: 2 }))
    expect(e.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(e.message).toContain('order_seq')
    // an update into an existing key is refused too
    const u = await rejection(db.collection('order_events').doc('o1:1').update({ seq: 2 }))
    expect(u.code).toBe('DATABASE_DUPLICATE_WRITE')
    // freeing the key lets it be taken
    await db.collection('order_events').doc('o1:2').remove()
    await db.collection('order_events').add({ _id: 'other', orderId: 'o1', seq: 2 })
  })

  it('declares every collection and index of collections.json', async () => {
    const collections = await emulator().control.collections()
    const plan = require('../../cloudfunctions/adapters/cloudbase/collections.json').collections
    for (const name of Object.keys(plan)) expect(collections.map((c) => c.name)).toContain(name)
    const events = collections.find((c) => c.name === 'order_events')
    expect(events?.indexes).toContainEqual({
      name: 'order_seq',
      keys: [
        ['orderId', 1],
        ['seq', 1],
      ],
      unique: true,
    })
  })
})
