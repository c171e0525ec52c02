// Transactions through the real @cloudbase/node-sdk: commit, rollback, snapshot reads, write-write
// conflicts that db.runTransaction really retries, and the where()-in-a-transaction trap.
import { nodeSdk, rejection, sleep, emulatorForFile } from './helpers'

const emulator = emulatorForFile()
let db: any
let _: any

beforeAll(async () => {
  db = nodeSdk(emulator()).database()
  _ = db.command
  await db.createCollection('accounts')
})

beforeEach(async () => {
  await emulator().control.reset()
  await db.collection('accounts').add({ _id: 'acc', balance: 100 })
  await db.collection('accounts').add({ _id: 'other', balance: 0 })
})

const balance = async (id = 'acc') => (await db.collection('accounts').doc(id).get()).data[0]?.balance

describe('commit and rollback', () => {
  it('commits every write of the callback at once, and returns its value', async () => {
    const out = await db.runTransaction(async (tx: any) => {
      // inside a transaction doc().get() answers the object itself
      const { data } = await tx.collection('accounts').doc('acc').get()
      expect(data).toEqual({ _id: 'acc', balance: 100 })
      expect((await tx.collection('accounts').doc('none').get()).data).toBeNull()
      await tx
        .collection('accounts')
        .doc('acc')
        .update({ balance: _.inc(-30) })
      await tx.collection('accounts').doc('other').set({ balance: 30 })
      await tx.collection('accounts').add({ _id: 'log1', amount: 30 })
      // uncommitted: invisible outside
      expect(await balance()).toBe(100)
      // visible inside (read your writes)
      expect((await tx.collection('accounts').doc('acc').get()).data.balance).toBe(70)
      return 'done'
    })
    expect(out).toBe('done')
    expect([await balance('acc'), await balance('other')]).toEqual([70, 30])
    expect((await db.collection('accounts').doc('log1').get()).data).toHaveLength(1)
    expect((await emulator().control.stats()).transactions).toMatchObject({ started: 1, committed: 1, open: 0 })
  })

  it('rolls everything back when the callback throws', async () => {
    const e = await rejection(
      db.runTransaction(async (tx: any) => {
        await tx
          .collection('accounts')
          .doc('acc')
          .update({ balance: _.inc(-30) })
        await tx.collection('accounts').doc('other').remove()
        throw new Error('sold out')
      }),
    )
    expect(e.message).toBe('sold out')
    expect([await balance('acc'), await balance('other')]).toEqual([100, 0])
    expect((await emulator().control.stats()).transactions).toMatchObject({ aborted: 1, committed: 0, open: 0 })
  })

  it('rolls back on transaction.rollback(reason) and rejects with the reason', async () => {
    const e = await rejection(
      db.runTransaction(async (tx: any) => {
        await tx.collection('accounts').doc('acc').update({ balance: 0 })
        await tx.rollback('not enough')
      }),
    )
    expect(e).toBe('not enough')
    expect(await balance()).toBe(100)
  })

  it('a duplicate add inside a transaction fails it with DATABASE_DUPLICATE_WRITE', async () => {
    const e = await rejection(db.runTransaction((tx: any) => tx.collection('accounts').add({ _id: 'acc' })))
    expect(e.code).toBe('DATABASE_DUPLICATE_WRITE')
  })
})

describe('snapshot isolation', () => {
  it('reads the snapshot taken at start, whatever commits later', async () => {
    const tx = await db.startTransaction()
    await db.collection('accounts').doc('other').update({ balance: 55 })
    expect((await tx.collection('accounts').doc('other').get()).data.balance).toBe(0)
    await tx.commit()
  })

  it('a write to a document changed since the snapshot conflicts', async () => {
    const tx = await db.startTransaction()
    await tx.collection('accounts').doc('acc').get()
    await db.collection('accounts').doc('acc').update({ balance: 1 })
    const e = await rejection(tx.collection('accounts').doc('acc').update({ balance: 2 }))
    expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(await balance()).toBe(1)
  })

  it('two open transactions writing one document: the second writer conflicts', async () => {
    const first = await db.startTransaction()
    const second = await db.startTransaction()
    await first
      .collection('accounts')
      .doc('acc')
      .update({ balance: _.inc(1) })
    const e = await rejection(
      second
        .collection('accounts')
        .doc('acc')
        .update({ balance: _.inc(1) }),
    )
    expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    await first.commit()
    expect(await balance()).toBe(101)
  })
})

describe('conflict and retry', () => {
  it('two concurrent runTransactions on one document both finish, one retried, the total right', async () => {
    let attempts = 0
    const spend = (amount: number) =>
      db.runTransaction(async (tx: any) => {
        attempts++
        const { data } = await tx.collection('accounts').doc('acc').get()
        await sleep(40) // both read before either writes
        await tx
          .collection('accounts')
          .doc('acc')
          .update({ balance: data.balance - amount })
        return data.balance - amount
      })
    const results = await Promise.all([spend(10), spend(20)])
    expect(await balance()).toBe(70)
    // whichever committed first saw 100; the retried one saw its result
    expect(results).toContain(70)
    expect(results.some((r: number) => r === 80 || r === 90)).toBe(true)
    expect(attempts).toBe(3)
    const { transactions } = await emulator().control.stats()
    expect(transactions).toMatchObject({ started: 3, committed: 2, conflicts: 1, open: 0 })
  })

  it('injected conflicts are retried; runTransaction(fn, times) gives up after times + 1 attempts', async () => {
    await emulator().control.injectConflicts(2, 'accounts')
    let attempts = 0
    await db.runTransaction(async (tx: any) => {
      attempts++
      await tx
        .collection('accounts')
        .doc('acc')
        .update({ balance: _.inc(1) })
    }, 3)
    expect(attempts).toBe(3)
    expect(await balance()).toBe(101)

    await emulator().control.injectConflicts(10, 'accounts')
    attempts = 0
    const e = await rejection(
      db.runTransaction(async (tx: any) => {
        attempts++
        await tx
          .collection('accounts')
          .doc('acc')
          .update({ balance: _.inc(1) })
      }, 2),
    )
    expect(e.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(attempts).toBe(3)
    expect(await balance()).toBe(101)
    expect((await emulator().control.stats()).transactions.injectedConflicts).toBe(5)
  })
})

describe('a where() write through a transaction object', () => {
  it('runs at once, outside the transaction, and is never rolled back (CLOUDBASE.md)', async () => {
    const e = await rejection(
      db.runTransaction(async (tx: any) => {
        await tx.collection('accounts').doc('acc').update({ balance: 0 })
        await tx.collection('accounts').where({ _id: 'other' }).update({ balance: 999 })
        // already committed while the transaction is still open
        expect(await balance('other')).toBe(999)
        throw new Error('abort')
      }),
    )
    expect(e.message).toBe('abort')
    expect(await balance('acc')).toBe(100)
    expect(await balance('other')).toBe(999)
    // the request carried no transactionId: it counted as a plain modifyDocument
    expect((await emulator().control.stats()).transactions.started).toBe(1)
  })

  it('and a where() write to a document the transaction holds makes that transaction conflict', async () => {
    let attempts = 0
    await db.runTransaction(async (tx: any) => {
      attempts++
      await tx
        .collection('accounts')
        .doc('acc')
        .update({ balance: _.inc(5) })
      if (attempts === 1)
        await tx
          .collection('accounts')
          .where({ _id: 'acc' })
          .update({ balance: _.inc(1000) })
    })
    // first attempt: its own where() landed outside it, so its commit conflicted; the retry ran on top
    expect(attempts).toBe(2)
    expect(await balance()).toBe(1105)
  })
})

describe('latency', () => {
  it('adds the injected round trip to every database call', async () => {
    await emulator().control.setLatency(80)
    const t0 = Date.now()
    await db.collection('accounts').doc('acc').get()
    expect(Date.now() - t0).toBeGreaterThanOrEqual(75)
    await emulator().control.setLatency(0)
  })
})
