// What the CloudBase adapter does beyond the repository contract, through the real node-sdk on the
// emulator: writes only as single-document operations of the transaction, lost races turned into
// WriteConflict after the SDK's retries, keyset paging past the 100-document page, the identities
// layout the console setup writes by hand.
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import type { CbDb } from '../../cloudfunctions/adapters/cloudbase/sdk'
import { type Repos, WriteConflict } from '../../cloudfunctions/core/ports'
import { activity, goods, order } from '../contract/repos.contract'
import { emulatorForFile, nodeSdk } from '../emulator/helpers'

const emulator = emulatorForFile()
let db: CbDb

beforeAll(() => {
  db = nodeSdk(emulator()).database() as CbDb
})

beforeEach(() => emulator().control.reset())

const entry = (sourceKey: string) => ({
  sourceKey,
  memberId: 'm',
  communityId: 'c',
  delta: 1,
  reason: 'order_award' as const,
  note: '',
  balanceAfter: 1,
  at: 1,
})

describe('writes in a transaction', () => {
  it('go only as single-document operations carrying the transaction', async () => {
    const store = cloudbaseStore(db)
    const o = order()
    await emulator().control.resetStats()
    await store.write(async (r) => {
      await r.orders.insert(o)
      await r.orders.update({ ...o, status: 'open', version: 2 })
      await r.points.append(entry('k'))
    })
    const { requests, inTransaction, transactions } = await emulator().control.stats()
    // two adds (order, ledger entry) and one set (the order's new version), all inside the transaction
    expect(inTransaction['database.insertDocument']).toBe(2)
    expect(inTransaction['database.modifyDocument']).toBe(1)
    for (const write of ['database.insertDocument', 'database.modifyDocument', 'database.removeDocument'])
      expect(requests[write] ?? 0).toBe(inTransaction[write] ?? 0)
    expect(transactions).toMatchObject({ started: 1, committed: 1 })
  })

  it('all roll back together when the unit of work fails', async () => {
    const store = cloudbaseStore(db)
    const o = order()
    await expect(
      store.write(async (r) => {
        await r.orders.insert(o)
        await r.points.append(entry('k'))
        throw new Error('refused after writing')
      }),
    ).rejects.toThrow('refused after writing')
    expect(await emulator().control.docs('orders')).toEqual([])
    expect(await emulator().control.docs('ledger')).toEqual([])
  })
})

describe('reads in a transaction', () => {
  it('read one snapshot: a document read again costs no round trip, and what was written or taken at once since is what is read', async () => {
    const store = cloudbaseStore(db)
    const o = order()
    const g = goods('g_read', { stock: 2 })
    await store.write(async (r) => {
      await r.orders.insert(o)
      await r.mall.insertGoods(g)
    })
    await emulator().control.resetStats()
    const seen = await store.write(async (r) => {
      const first = await r.orders.get(o.id)
      const again = await r.orders.get(o.id)
      if (first) first.title = 'changed by the caller' // a caller's copy: the next read is not changed by it
      const third = await r.orders.get(o.id)
      await r.orders.update({ ...o, status: 'open', version: 2 })
      const written = await r.orders.get(o.id)
      const before = await r.mall.goods(g.id)
      await r.mall.takeUnit(g.id)
      const taken = await r.mall.goods(g.id)
      return { again, third, written, before, taken }
    })
    expect(seen.again).toEqual(o)
    expect(seen.third).toEqual(o)
    expect(seen.written?.status).toBe('open')
    expect([seen.before?.stock, seen.taken?.stock]).toEqual([2, 1])
    const { requests } = await emulator().control.stats()
    // the order read once (the update's version check included), the good once: after the take, the
    // database's answer to it is what is read
    expect(requests['database.getDocument']).toBe(2)
  })
})

describe('lost races', () => {
  it('are retried by the SDK, then turned into WriteConflict: retries + 1 attempts in all', async () => {
    const store = cloudbaseStore(db, { retries: 1 })
    const o = order()
    await store.write((r) => r.orders.insert(o))
    let runs = 0
    // another writer commits the same order between this transaction's read and its write, the first time
    await store.write(async (r) => {
      runs += 1
      const current = await r.orders.get(o.id)
      if (!current) throw new Error('missing')
      if (runs === 1) await db.collection('orders').doc(o.id).update({ title: '别人先改了', version: 2 })
      await r.orders.update({ ...current, status: 'cancelled', version: current.version + 1 })
    })
    // the first run conflicted; the SDK ran it again on the new version
    expect(runs).toBe(2)
    expect(await store.read((r) => r.orders.get(o.id))).toMatchObject({ title: '别人先改了', status: 'cancelled', version: 3 })

    // another writer every time: two attempts, then the port's conflict
    runs = 0
    const lost = store.write(async (r) => {
      runs += 1
      const current = await r.orders.get(o.id)
      await db
        .collection('orders')
        .doc(o.id)
        .update({ version: 90 + runs })
      await r.orders.update({ ...(current as NonNullable<typeof current>), version: 4 })
    })
    await expect(lost).rejects.toBeInstanceOf(WriteConflict)
    expect(runs).toBe(2)
  })

  it('maps a duplicate id to WriteConflict: one there before, and one written meanwhile', async () => {
    const store = cloudbaseStore(db)
    await db.collection('ledger').add({ _id: 'k:before', memberId: 'someone' })
    await expect(store.write((r) => r.points.append(entry('k:before')))).rejects.toBeInstanceOf(WriteConflict)
    expect((await emulator().control.stats()).errors).toMatchObject({ DATABASE_DUPLICATE_WRITE: 1 })

    await emulator().control.resetStats()
    let runs = 0
    const raced = store.write(async (r) => {
      runs += 1
      if (runs === 1) await db.collection('ledger').add({ _id: 'k:race', memberId: 'someone' })
      await r.points.append(entry('k:race'))
    })
    await expect(raced).rejects.toBeInstanceOf(WriteConflict)
    // the add conflicted with the newer commit; the SDK's retry then met the duplicate
    expect(runs).toBe(2)
    expect((await emulator().control.stats()).errors).toMatchObject({ DATABASE_TRANSACTION_CONFLICT: 1, DATABASE_DUPLICATE_WRITE: 1 })
    expect((await emulator().control.docs('ledger')).map((d) => d.memberId)).toEqual(['someone', 'someone'])
  })
})

it('refuses writes in a read', async () => {
  await expect(cloudbaseStore(db).read((r) => r.orders.insert(order()))).rejects.toThrow(/read-only/)
})

it('pages past the 100-document default without gaps', async () => {
  const store = cloudbaseStore(db)
  await emulator().control.seed(
    'order_events',
    Array.from({ length: 250 }, (_, i) => ({
      _id: `o_1:${i + 1}`,
      orderId: 'o_1',
      seq: i + 1,
      at: i,
      actorId: null,
      action: 'x',
      from: null,
      to: 'open',
      note: null,
    })),
  )
  const events = await store.read((r) => r.orders.events('o_1'))
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1))
  expect(await store.read((r) => r.orders.dueForAutoConfirm(Date.now(), 500))).toEqual([])
})

it('reads the identities collection as the console setup writes it: _id = OPENID, { userId }', async () => {
  await emulator().control.createCollection('p_identities')
  const store = cloudbaseStore(db, { prefix: 'p_' })
  await db.collection('p_identities').doc('openid-1').set({ userId: 'u_1' })
  const identity = <T>(fn: (r: Repos['identity']) => Promise<T>) => store.read((r) => fn(r.identity))
  expect(await identity((i) => i.userForOpenId('openid-1'))).toBe('u_1')
  expect(await identity((i) => i.userForOpenId('openid-2'))).toBeNull()
  expect(await identity((i) => i.userForOpenId(''))).toBeNull()
  expect(await identity((i) => i.openIdOf('u_1'))).toBe('openid-1')
  expect(await identity((i) => i.openIdOf('u_2'))).toBeNull()
  await store.write((r) => r.identity.bindOpenId('openid-3', 'u_3'))
  expect((await emulator().control.docs('p_identities')).find((d) => d._id === 'openid-3')).toMatchObject({ userId: 'u_3' })
})

describe('what a unit of work takes at once, outside its transaction', () => {
  // the Saturday burst (bench/README.md): a place in line and a unit of stock are one atomic update each
  it('is taken once however often the SDK runs the transaction again, and a unit goes back when it fails in the end', async () => {
    const store = cloudbaseStore(db, { retries: 1 })
    const o = order()
    await store.write(async (r) => {
      await r.orders.insert(o)
      await r.mall.insertGoods(goods('gd_1', { stock: 5 }))
      await r.activities.insert(activity('a_1', { quota: 1 }))
    })
    let runs = 0
    await store.write(async (r) => {
      runs += 1
      expect(await r.mall.takeUnit('gd_1')).toBe(true)
      expect(await r.activities.takePlace(activity('a_1', { quota: 1 }), 'u_m1')).toEqual({ status: 'signed', seq: 1, waitingCount: 0 })
      const current = await r.orders.get(o.id)
      // another writer commits the order between this transaction's read and its write, the first time
      if (runs === 1) await db.collection('orders').doc(o.id).update({ title: '别人先改了', version: 2 })
      await r.orders.update({ ...(current as NonNullable<typeof current>), status: 'cancelled', version: current!.version + 1 })
    })
    expect(runs).toBe(2)
    expect(await store.read((r) => r.mall.goods('gd_1'))).toMatchObject({ stock: 4 })
    expect(await store.read((r) => r.activities.get('a_1'))).toMatchObject({ signedCount: 1, waitingCount: 0, nextSeq: 2 })

    // lost every time: the unit goes back; the place stays with its member, whose next tap finds it
    const lost = store.write(async (r) => {
      await r.mall.takeUnit('gd_1')
      await r.activities.takePlace(activity('a_1', { quota: 1 }), 'u_m2')
      const current = await r.orders.get(o.id)
      await db
        .collection('orders')
        .doc(o.id)
        .update({ version: 90 + Math.random() })
      await r.orders.update({ ...(current as NonNullable<typeof current>), version: 9 })
    })
    await expect(lost).rejects.toBeInstanceOf(WriteConflict)
    expect(await store.read((r) => r.mall.goods('gd_1'))).toMatchObject({ stock: 4 })
    expect(await store.read((r) => r.activities.get('a_1'))).toMatchObject({ signedCount: 1, waitingCount: 1, nextSeq: 3 })
    const again = await store.write((r) => r.activities.takePlace(activity('a_1', { quota: 1 }), 'u_m2'))
    expect(again).toMatchObject({ status: 'waitlisted' })
    expect(await store.read((r) => r.activities.get('a_1'))).toMatchObject({ signedCount: 1, waitingCount: 1 })
  })
})
