// Small helpers every SQLite repository file shares: rows, JSON columns, opaque cursors, and
// turning a broken uniqueness into the port's WriteConflict.
import type Database from 'better-sqlite3'
import { WriteConflict } from '../../core/ports'

export type Row = Record<string, unknown>

/** A JSON column, or `fallback` when it is NULL. */
export const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback)

export const encodeCursor = (parts: Array<string | number>) => Buffer.from(JSON.stringify(parts)).toString('base64url')

/** The parts of a cursor, or null for a missing or forged one (which pages from the start). */
export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    return Array.isArray(parts) ? parts : null
  } catch {
    return null
  }
}

export const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && String((e as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')

/** Runs a write; a row that already holds its key is a lost race (WriteConflict), not a crash. */
export function uniquely(conflict: string, write: () => unknown) {
  try {
    write()
  } catch (e) {
    if (isUniqueViolation(e)) throw new WriteConflict(conflict)
    throw e
  }
}

/** Prepared statements for SQL built from filters: one per distinct shape. */
export function statementCache(db: Database.Database) {
  const shapes = new Map<string, Database.Statement>()
  return (sql: string) => {
    let stmt = shapes.get(sql)
    if (!stmt) {
      stmt = db.prepare(sql)
      shapes.set(sql, stmt)
    }
    return stmt
  }
}
