// The embedded store: one writer connection whose transactions run one at a time, and one reader.
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

export function openStore(file: string): SqliteStore {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // WAL + NORMAL: a process crash loses nothing committed
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  migrate(db)
  const reader = file === ':memory:' ? db : new Database(file, { readonly: true })
  if (reader !== db) reader.pragma('busy_timeout = 5000')

  const writeRepos = createRepos(db)
  const readRepos = reader === db ? writeRepos : createRepos(reader)
  let tail: Promise<unknown> = Promise.resolve()

  /** Transactions span awaits, so they queue: one at a time on the writer connection. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn)
    tail = run.catch(() => undefined)
    return run
  }

  return {
    db,
    write<T>(fn: (repos: Repos) => Promise<T>) {
      return serial(async () => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await fn(writeRepos)
          db.exec('COMMIT')
          return result
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK')
          throw error
        }
      })
    },
    read<T>(fn: (repos: Repos) => Promise<T>) {
      return fn(readRepos)
    },
    reader,
    writeRaw<T>(fn: (db: Database.Database) => T) {
      return serial(async () => db.transaction(fn)(db))
    },
    close() {
      if (reader !== db) reader.close()
      db.close()
    },
  }
}
