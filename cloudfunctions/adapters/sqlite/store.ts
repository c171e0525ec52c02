// The embedded store: one writer connection and one reader. Write transactions queue and run one
// at a time; under load the queue is drained in groups that share one COMMIT (group commit), each
// use case inside its own SAVEPOINT so one failing leaves the others untouched. Nobody hears back
// before the COMMIT that holds their change. The WAL is copied back into the database file on another
// thread (backgroundCheckpoints), not inside a COMMIT on this one.
import { statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { Repos, UnitOfWork } from '../../core/ports'
import { createRepos } from './repos'
import { migrate } from './schema'

export interface SqliteStore extends UnitOfWork {
  /** The writer connection: read it freely, but write only through `writeRaw`. */
  db: Database.Database
  /** The reader connection: committed data only. */
  reader: Database.Database
  /** A synchronous write transaction on the writer, queued behind the use-case transactions. */
  writeRaw<T>(fn: (db: Database.Database) => T): Promise<T>
  close(): void
}

interface Job {
  run: () => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/** Most use cases one COMMIT may carry: bounds the latency of the first in a group. */
const MAX_GROUP = 64

export interface StoreOptions {
  /** Turns a failed write's error into the one the caller gets (the disk guard's STORAGE_FULL for SQLITE_FULL). */
  translate?: (error: unknown) => unknown
}

/** The disk (or the database's size limit) refused a write. */
export const isDatabaseFull = (e: unknown) => (e as { code?: unknown } | null)?.code === 'SQLITE_FULL'

export function openStore(file: string, options: StoreOptions = {}): SqliteStore {
  const translate = options.translate ?? ((e: unknown) => e)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // WAL + NORMAL: a process crash loses nothing committed
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // each use case runs in a SAVEPOINT inside the group's transaction, and SQLite keeps the pages it
  // changes in a statement journal that spills to a temporary file past 64 KiB: a write() per page
  // changed, four times the cost of the change itself (a claim's UPDATE of orders: 94 µs, 26 µs in
  // memory). A group's journal is a few MB at most.
  db.pragma('temp_store = MEMORY')
  // SQLite's own checkpoint, inside a COMMIT, only once the WAL passes 16 MB (4,000 pages): until then the
  // worker copies it back (backgroundCheckpoints); a WAL file a burst left longer is cut back to 16 MB
  db.pragma('wal_autocheckpoint = 4000')
  db.pragma('journal_size_limit = 16777216')
  migrate(db)
  const reader = file === ':memory:' ? db : new Database(file, { readonly: true })
  if (reader !== db) reader.pragma('busy_timeout = 5000')
  const checkpoints = file === ':memory:' ? null : backgroundCheckpoints(file)

  const writeRepos = createRepos(db)
  const readRepos = reader === db ? writeRepos : createRepos(reader)
  const queue: Job[] = []
  let draining = false
  // the transaction's own statements, prepared once: parsing them anew for every job cost more than the job
  const tx = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    savepoint: db.prepare('SAVEPOINT job'),
    release: db.prepare('RELEASE job'),
    rollbackTo: db.prepare('ROLLBACK TO job'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
  }

  /** One group in one transaction, each job in its savepoint; settles every job once the COMMIT is done (or failed). */
  async function runGroup(group: Job[]) {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
    try {
      tx.begin.run() // a BEGIN refused (the database busy past its timeout) fails the group, answered like any other failure
      for (const job of group) {
        tx.savepoint.run()
        try {
          outcomes.push({ ok: true, value: await job.run() })
          tx.release.run()
        } catch (error) {
          // a full disk (SQLITE_FULL) or an I/O error rolls the whole transaction back by itself:
          // every job of the group fails with it, none is acknowledged
          if (!db.inTransaction) throw error
          tx.rollbackTo.run()
          tx.release.run()
          outcomes.push({ ok: false, error })
        }
      }
      tx.commit.run()
    } catch (error) {
      if (db.inTransaction) tx.rollback.run()
      for (const job of group) job.reject(translate(error))
      return
    }
    group.forEach((job, i) => {
      const o = outcomes[i]
      if (o.ok) job.resolve(o.value)
      else job.reject(translate(o.error))
    })
    checkpoints?.nudge(db)
  }

  async function drain() {
    try {
      while (queue.length > 0) {
        await runGroup(queue.splice(0, MAX_GROUP))
        // let the event loop answer this group and read the requests that came meanwhile: they join the
        // next group (one COMMIT for more of them) instead of waiting behind a whole backlog run without a break
        if (queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve))
      }
    } finally {
      draining = false
    }
  }

  function enqueue<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ run, resolve: resolve as (v: unknown) => void, reject })
      // start once the event loop has read what arrived together (setImmediate: after this round's I/O),
      // so those requests share a group
      if (!draining) {
        draining = true
        setImmediate(() => void drain())
      }
    })
  }

  return {
    db,
    reader,
    write<T>(fn: (repos: Repos) => Promise<T>) {
      return enqueue(() => fn(writeRepos))
    },
    read<T>(fn: (repos: Repos) => Promise<T>) {
      return fn(readRepos)
    },
    writeRaw<T>(fn: (database: Database.Database) => T) {
      return enqueue(async () => fn(db))
    },
    close() {
      checkpoints?.stop()
      if (reader !== db) reader.close()
      db.close()
    },
  }
}

/** How long the checkpointer lets commits gather before it copies them back. */
const CHECKPOINT_AFTER_MS = 50
/** The WAL's size at which the checkpointer starts (SQLite's own default point, 1,000 pages). */
const CHECKPOINT_FROM_BYTES = 4 * 1024 * 1024

/**
 * Copies the WAL back into the database file on a worker thread. SQLite does it inside the COMMIT that
 * takes the WAL past 1,000 pages, on the one thread that answers every request: it copies each page the
 * recent commits changed and syncs the file — 4 to 60 ms now and then on this machine (a burst of 1,024
 * claims: those COMMITs took 12–64 ms instead of ~1), while every request waited. The writer nudges the
 * worker after each group commit; 50 ms later it opens the file, runs a PASSIVE checkpoint (which neither
 * waits for the writer nor blocks it) with the writer's own `synchronous` setting, and closes it again.
 * Between bursts the WAL restarts short; during one it may grow to SQLite's own point (16 MB), whose
 * checkpoint then finds most of it copied. The worker starts once the WAL has reached 4 MB (a store that
 * writes little — a test's — never starts one) and never keeps the process alive. `stop` returns once no
 * checkpoint runs and none will: the files are the caller's again.
 */
function backgroundCheckpoints(file: string): { nudge(db: Database.Database): void; stop(): void } {
  // [0] stopped, [1] a checkpoint running, [2] the writer's synchronous level
  const shared = new Int32Array(new SharedArrayBuffer(12))
  let worker: Worker | null = null
  return {
    nudge(db) {
      try {
        Atomics.store(shared, 2, db.pragma('synchronous', { simple: true }) as number)
        if (!worker) {
          if (walBytes(file) < CHECKPOINT_FROM_BYTES) return
          const driver = createRequire(__filename).resolve('better-sqlite3') // the worker loads the same driver
          const started = new Worker(CHECKPOINTER, {
            eval: true,
            execArgv: [],
            workerData: { driver, file, shared, after: CHECKPOINT_AFTER_MS },
          })
          started.unref()
          // a checkpoint that fails (a full disk, say) leaves the pages in the WAL, where they are safe;
          // a worker that died is started again at a later commit
          started.on('error', () => undefined)
          started.on('exit', () => {
            if (worker === started) worker = null
          })
          worker = started
        }
        worker.postMessage(0)
      } catch {
        // no worker: SQLite's own checkpoint in the COMMIT still keeps the WAL bounded
      }
    },
    stop() {
      Atomics.store(shared, 0, 1)
      while (Atomics.load(shared, 1) === 1) Atomics.wait(shared, 1, 1, 100)
      void worker?.terminate()
      worker = null
    },
  }
}

function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size
  } catch {
    return 0
  }
}

// The running flag is raised before the stopped flag is read, and `stop` raises stopped before it reads
// running: whichever comes second sees the other's, so no checkpoint opens the file after `stop` returns.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const shared = workerData.shared
let timer = null
function checkpoint() {
  timer = null
  Atomics.store(shared, 1, 1)
  try {
    if (Atomics.load(shared, 0) === 1) return
    const db = new Database(workerData.file, { fileMustExist: true })
    try {
      db.pragma('synchronous = ' + Atomics.load(shared, 2))
      db.pragma('wal_checkpoint(PASSIVE)')
    } finally {
      db.close()
    }
  } catch {
  } finally {
    Atomics.store(shared, 1, 0)
    Atomics.notify(shared, 1)
  }
}
parentPort.on('message', () => {
  if (!timer) timer = setTimeout(checkpoint, workerData.after)
})
`
