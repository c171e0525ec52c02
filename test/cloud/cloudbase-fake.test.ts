// The repository contract against the CloudBase adapter over the in-memory fake of node-sdk's
// database: checks the adapter's own logic offline (ids, version checks, keyset paging, overlay of
// a transaction's writes, error mapping). The fake is no evidence of live behaviour.
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { type Repos, WriteConflict } from '../../cloudfunctions/core/ports'
import { order, repositoryContract } from '../contract/repos.contract'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { FakeCloudbase } from './fake-cloudbase'

repositoryContract({
  name: 'CloudBase adapter on the in-memory fake (offline)',
  async open() {
    const db = new FakeCloudbase()
    const store = cloudbaseStore(db, { prefix: 'fake_' })
    return { uow: store, seed: (f) => seedCloudbase(db, store, f), close: async () => undefined }
  },
})

describe('CloudBase adapter specifics (fake database)', () => {
  it('writes inside a transaction only with single-document operations on the transaction', async () => {
    const db = new FakeCloudbase()
    const store = cloudbaseStore(db)
    const o = order()
    await store.write(async (r) => {
      await r.orders.insert(o)
      await r.orders.update({ ...o, status: 'open', version: 2 })
      await r.points.append({
        sourceKey: 'k',
        memberId: 'm',
        communityId: 'c',
        delta: 1,
        reason: 'order_award',
        note: '',
        balanceAfter: 1,
        at: 1,
      })
    })
    const writes = db.calls.filter((c) => /\b(add|set|update|remove)\b/.test(c))
    expect(writes).toEqual(['tx.add orders', 'tx.doc.set orders', 'tx.add ledger'])
  })

  it('turns a lost race into WriteConflict after the SDK has retried', async () => {
    const db = new FakeCloudbase()
    const store = cloudbaseStore(db, { attempts: 2 })
    const o = order()
    await store.write((r) => r.orders.insert(o))
    let runs = 0
    // another writer commits the same order between this transaction's read and its commit, every time
    db.beforeCommit = async () => {
      db.beforeCommit = undefined
      await store.write((r) => r.orders.update({ ...o, title: '别人先改了', version: 2 }))
    }
    await expect(
      store.write(async (r) => {
        runs += 1
        const current = await r.orders.get(o.id)
        if (!current) throw new Error('missing')
        await r.orders.update({ ...current, status: 'cancelled', version: current.version + 1 })
      }),
    ).resolves.toBeUndefined()
    // first run conflicted at commit; the SDK re-ran it on the new version
    expect(runs).toBe(2)
    expect(await store.read((r) => r.orders.get(o.id))).toMatchObject({ title: '别人先改了', status: 'cancelled', version: 3 })

    db.beforeCommit = async () => {
      await db
        .collection('orders')
        .doc(o.id)
        .set({ ...o, id: undefined, version: 99 })
    }
    await expect(store.write((r) => r.orders.update({ ...o, version: 4 }))).rejects.toBeInstanceOf(WriteConflict)
  })

  it('maps a duplicate found only at commit to WriteConflict', async () => {
    const db = new FakeCloudbase()
    const store = cloudbaseStore(db)
    db.beforeCommit = async () => {
      db.beforeCommit = undefined
      await db.collection('ledger').add({ _id: 'k:race', memberId: 'someone' })
    }
    await expect(
      store.write((r) =>
        r.points.append({
          sourceKey: 'k:race',
          memberId: 'm',
          communityId: 'c',
          delta: 1,
          reason: 'order_award',
          note: '',
          balanceAfter: 1,
          at: 1,
        }),
      ),
    ).rejects.toBeInstanceOf(WriteConflict)
  })

  it('refuses writes in a read', async () => {
    const store = cloudbaseStore(new FakeCloudbase())
    await expect(store.read((r) => r.orders.insert(order()))).rejects.toThrow(/read-only/)
  })

  it('pages past the 100-document default without gaps', async () => {
    const db = new FakeCloudbase()
    const store = cloudbaseStore(db)
    for (let i = 0; i < 250; i++) {
      await db
        .collection('order_events')
        .doc(`o_1:${i + 1}`)
        .set({ orderId: 'o_1', seq: i + 1, at: i, actorId: null, action: 'x', from: null, to: 'open', note: null })
    }
    const events = await store.read((r) => r.orders.events('o_1'))
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1))
    expect(await store.read((r) => r.orders.dueForAutoConfirm(Date.now(), 500))).toEqual([])
  })

  it('reads the identities collection as the console setup writes it: _id = OPENID, { userId }', async () => {
    const db = new FakeCloudbase()
    const store = cloudbaseStore(db, { prefix: 'p_' })
    await db.collection('p_identities').doc('openid-1').set({ userId: 'u_1' })
    const identity = <T>(fn: (r: Repos['identity']) => Promise<T>) => store.read((r) => fn(r.identity))
    expect(await identity((i) => i.userForOpenId('openid-1'))).toBe('u_1')
    expect(await identity((i) => i.userForOpenId('openid-2'))).toBeNull()
    expect(await identity((i) => i.userForOpenId(''))).toBeNull()
    expect(await identity((i) => i.openIdOf('u_1'))).toBe('openid-1')
    expect(await identity((i) => i.openIdOf('u_2'))).toBeNull()
    await store.write((r) => r.identity.bindOpenId('openid-3', 'u_3'))
    expect(db.docAt('p_identities', 'openid-3')).toMatchObject({ userId: 'u_3' })
  })
})
