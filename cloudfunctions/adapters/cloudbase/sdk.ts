// The part of @cloudbase/node-sdk's database the adapter uses, typed here so the adapter names
// exactly what it relies on (see ../../../../shared/CLOUDBASE.md for the traps).
import { WriteConflict } from '../../core/ports'

export type Fields = Record<string, unknown>

export interface CbDocRef {
  /** `data` is an array outside a transaction and an object or null inside one. */
  get(): Promise<{ data: unknown }>
  /** Replaces the whole document (upsert). */
  set(data: Fields): Promise<unknown>
  /** node-sdk style: the fields themselves, no `{ data }` wrapper. Nested objects merge, so pass scalars. */
  update(data: Fields): Promise<unknown>
  remove(): Promise<unknown>
}

export interface CbQuery {
  where(condition: object): CbQuery
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery
  limit(n: number): CbQuery
  get(): Promise<{ data: Fields[] }>
  update(data: Fields): Promise<{ updated?: number }>
  /**
   * The first matching document updated, and returned as it is after the update (modifyAndReturnDoc,
   * @cloudbase/database ≥ 1.4 src/query.ts): one atomic step of the database, here always on `db`.
   */
  updateAndReturn(data: Fields): Promise<{ updated?: number; doc?: Fields | null }>
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocRef
  add(data: Fields): Promise<unknown>
}

/**
 * A collection seen through a transaction. Deliberately without `where`: a
 * `tx.collection(c).where(...).update()` runs outside the transaction and is never rolled back.
 */
export interface CbTxCollection {
  doc(id: string): CbDocRef
  add(data: Fields): Promise<unknown>
}

export interface CbTransaction {
  collection(name: string): CbTxCollection
}

/** `db.command`: the operators the adapter builds conditions with. */
export interface CbCommand {
  eq(v: unknown): unknown
  neq(v: unknown): unknown
  lt(v: unknown): unknown
  lte(v: unknown): unknown
  gt(v: unknown): unknown
  gte(v: unknown): unknown
  in(v: unknown[]): unknown
  and(conditions: object[]): object
  or(conditions: object[]): object
  inc(n: number): unknown
  exists(present: boolean): unknown
  /** As an update's value: removes the field. */
  remove(): unknown
}

export interface CbDb {
  command: CbCommand
  collection(name: string): CbCollection
  /**
   * Runs `fn` in a transaction. On DATABASE_TRANSACTION_CONFLICT the SDK runs it again, `times` more
   * times: `times + 1` attempts in all (@cloudbase/database src/transaction/index.ts counts down to 0).
   */
  runTransaction<T>(fn: (tx: CbTransaction) => Promise<T>, times?: number): Promise<T>
}

/** `doc(id).get()` as one document or null, in or out of a transaction. */
export function oneDoc(data: unknown): Fields | null {
  if (Array.isArray(data)) return (data[0] as Fields | undefined) ?? null
  return (data as Fields | null | undefined) ?? null
}

const codeOf = (e: unknown) => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined)
const messageOf = (e: unknown) => (typeof e === 'object' && e !== null ? String((e as { message?: unknown }).message ?? '') : '')

/**
 * A duplicate `_id` (or unique key) on insert: node-sdk reports DATABASE_DUPLICATE_WRITE with MongoDB's
 * E11000 text. Not wx-server-sdk's -502001: that is its generic "database request fail", which a
 * duplicate may come back as (then only the E11000 text tells), and so may anything else.
 */
export function isDuplicateWrite(e: unknown): boolean {
  return codeOf(e) === 'DATABASE_DUPLICATE_WRITE' || /E11000|duplicate key/i.test(messageOf(e))
}

/** Another transaction committed a write to a document this one wrote (retried by the SDK first). */
export function isTransactionConflict(e: unknown): boolean {
  return codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT'
}

/** The port's conflict type for the SDK's conflict and duplicate errors; anything else unchanged. */
export function asWriteConflict(e: unknown, what: string): unknown {
  if (e instanceof WriteConflict) return e
  if (isDuplicateWrite(e)) return new WriteConflict(`${what} exists`)
  if (isTransactionConflict(e)) return new WriteConflict(`${what} changed concurrently`)
  return e
}
