// The unit of work on CloudBase: `write` is one db.runTransaction whose writes are all
// single-document operations; `read` is plain reads of committed data.
import { AppError } from '../../core/domain/errors'
import type { Clock, Ids, RateLimiter, Repos, UnitOfWork } from '../../core/ports'
import plan from './collections.json'
import { createRepos } from './repos'
import { Scope, newOutsideWrites } from './scope'
import { type CbDb, asWriteConflict, oneDoc } from './sdk'

export type CollectionName = keyof typeof plan.collections
export const COLLECTIONS = Object.keys(plan.collections) as CollectionName[]

export interface CloudbaseOptions {
  /** Prepended to every collection name: tests use one, production none. */
  prefix?: string
  /**
   * How often the SDK runs a transaction again after DATABASE_TRANSACTION_CONFLICT: `retries + 1`
   * attempts in all. Default 3, the SDK's own default (4 attempts).
   */
  retries?: number
}

export interface CloudbaseStore extends UnitOfWork {
  /** The collection's real name (with the prefix). */
  collection(name: CollectionName): string
}

export function cloudbaseStore(db: CbDb, options: CloudbaseOptions = {}): CloudbaseStore {
  const prefix = options.prefix ?? ''
  const name = (c: string) => {
    if (!Object.hasOwn(plan.collections, c)) throw new Error(`unknown collection ${c}`)
    return prefix + c
  }
  const readRepos = (): Repos => createRepos(new Scope(db, null, name))

  return {
    collection: name,
    async write<T>(fn: (repos: Repos) => Promise<T>): Promise<T> {
      // what an attempt did outside its transaction (a place or a unit taken at once) stays done for the next one
      const outside = newOutsideWrites()
      try {
        // a fresh scope per attempt: the SDK re-runs this callback after a transaction conflict
        return await db.runTransaction((tx) => fn(createRepos(new Scope(db, tx, name, outside))), options.retries ?? 3)
      } catch (e) {
        // failed in the end: give back what should not outlive it (best effort; the error is what the caller hears)
        for (const undo of outside.undo.reverse()) await undo().catch(() => undefined)
        throw asWriteConflict(e, 'record')
      }
    },
    read<T>(fn: (repos: Repos) => Promise<T>): Promise<T> {
      return fn(readRepos())
    },
  }
}

/**
 * Failed-attempt counting on CloudBase (wrong pickup codes and the like). It writes on `db`, never
 * on the use case's transaction, so a refused attempt still counts after that transaction rolls
 * back. One document per key: a window start and a count, bumped with a conditional update.
 */
export function cloudbaseRateLimiter(
  db: CbDb,
  clock: Clock,
  options: { maxFailures: number; windowMs: number; collection: string },
): RateLimiter {
  const coll = () => db.collection(options.collection)
  const _ = db.command
  return {
    async assertAllowed(key) {
      const doc = oneDoc((await coll().doc(key).get()).data)
      const since = clock.now() - options.windowMs
      if (doc && (doc.since as number) > since && (doc.count as number) >= options.maxFailures) {
        const minutes = Math.ceil(options.windowMs / 60_000)
        throw new AppError('RATE_LIMITED', `尝试次数太多，请 ${minutes} 分钟后再试`)
      }
    },
    async recordFailure(key) {
      const now = clock.now()
      const res = await coll()
        .where({ _id: key, since: _.gt(now - options.windowMs) })
        .update({ count: _.inc(1) })
      if (!res.updated) await coll().doc(key).set({ since: now, count: 1 })
    },
  }
}

/** Ids for the cloud: the same shape as local mode's, from the platform's random bytes. */
export function cryptoIds(randomBytes: (n: number) => Uint8Array): Ids {
  return {
    next: (prefix) => `${prefix}_${Buffer.from(randomBytes(12)).toString('base64url')}`,
    randomBytes,
  }
}
