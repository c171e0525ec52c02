// The SQLite store's group commit: writes that arrive together share one COMMIT (the reader, which sees
// committed data only, sees none of them from inside the group), at most 64 a group, the next group
// after the event loop has had its turn; a failing job leaves the others of its group committed; the WAL
// goes back into the database file on a worker thread.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type SqliteStore, openStore } from '../../cloudfunctions/adapters/sqlite/store'

let dir: string
let store: SqliteStore

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-group-commit-'))
  store = openStore(path.join(dir, 'store.db'))
  await store.writeRaw((db) => db.exec('CREATE TABLE marks (n INTEGER PRIMARY KEY)'))
})

afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Inserts `n` and answers how many marks were committed when it ran (the reader's view). */
const mark = (n: number) =>
  store.writeRaw((db) => {
    db.prepare('INSERT INTO marks (n) VALUES (?)').run(n)
    return (store.reader.prepare('SELECT COUNT(*) AS c FROM marks').get() as { c: number }).c
  })

test('writes issued together commit as one group: none of them sees another committed', async () => {
  const seen = await Promise.all(Array.from({ length: 20 }, (_, i) => mark(i)))
  expect(seen).toEqual(Array(20).fill(0))
  expect((store.reader.prepare('SELECT COUNT(*) AS c FROM marks').get() as { c: number }).c).toBe(20)
})

test('writes arriving in separate callbacks of one turn of the event loop (requests read together) share a group', async () => {
  // each HTTP request is its own callback, with the microtasks run between them: a drain started on a
  // microtask committed the first request alone, then the next, one COMMIT each
  const seen = await Promise.all(
    Array.from({ length: 20 }, (_, i) => new Promise<number>((resolve) => setImmediate(() => resolve(mark(i))))),
  )
  expect(seen).toEqual(Array(20).fill(0))
})

test('a group holds at most 64: the rest commit in the next, after the first is committed', async () => {
  const seen = await Promise.all(Array.from({ length: 100 }, (_, i) => mark(i)))
  expect(seen.slice(0, 64)).toEqual(Array(64).fill(0))
  expect(seen.slice(64)).toEqual(Array(36).fill(64))
})

test('a write issued while a group runs joins a later group, and is answered', async () => {
  let late: Promise<number> | undefined
  const first = store.writeRaw((db) => {
    db.prepare('INSERT INTO marks (n) VALUES (?)').run(1000)
    late = mark(1001)
    return 0
  })
  await first
  expect(await late).toBe(1)
})

test('a failing job is rolled back to its savepoint; the rest of its group commits', async () => {
  const results = await Promise.allSettled([mark(1), mark(1), mark(2)])
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  const rows = store.reader.prepare('SELECT n FROM marks ORDER BY n').all() as Array<{ n: number }>
  expect(rows.map((r) => r.n)).toEqual([1, 2])
})

test('the WAL is copied back into the database file on another thread, not inside a COMMIT', async () => {
  const file = path.join(dir, 'store.db')
  const before = statSync(file).size
  // ~5 MB of committed pages (the checkpointer starts at 4 MB): far under the 40 MB at which SQLite
  // itself would copy them in a COMMIT
  await store.writeRaw((db) => {
    db.exec('CREATE TABLE pages (x BLOB)')
    const add = db.prepare('INSERT INTO pages (x) VALUES (randomblob(4000))')
    for (let i = 0; i < 1250; i++) add.run()
  })
  expect(statSync(`${file}-wal`).size).toBeGreaterThan(5_000_000)
  const grown = async () => {
    for (let i = 0; i < 100 && statSync(file).size - before < 5_000_000; i++) await new Promise((r) => setTimeout(r, 20))
    return statSync(file).size - before
  }
  expect(await grown()).toBeGreaterThan(5_000_000)
  // and the data is all there, as committed
  expect((store.reader.prepare('SELECT COUNT(*) AS c FROM pages').get() as { c: number }).c).toBe(1250)
  // closed, the store holds the files no more: the last connection folded the WAL in and removed it
  store.close()
  expect(existsSync(`${file}-wal`)).toBe(false)
  store = openStore(file)
  expect((store.reader.prepare('SELECT COUNT(*) AS c FROM pages').get() as { c: number }).c).toBe(1250)
})
