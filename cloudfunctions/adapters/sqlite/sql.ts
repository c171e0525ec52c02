// Small helpers every SQLite repository file shares: the statement cache, typed row mappers (a
// column's codec written once, used to read rows and to bind parameters), opaque cursors, and
// turning a broken uniqueness into the port's WriteConflict.
import type Database from 'better-sqlite3'
import { WriteConflict } from '../../core/ports'

export type Row = Record<string, unknown>

/** What SQLite binds: no booleans, no objects. */
type SqlValue = string | number | bigint | Buffer | null

/** Prepared statements by SQL text, one per connection: prepared on first use, reused after. */
export type Statements = (sql: string) => Database.Statement

export function statementCache(db: Database.Database): Statements {
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

/** How one field is stored in its column and read back; `name` when the column is not the field in snake_case. */
export interface Column<T> {
  name?: string
  read(value: unknown): T
  write(value: T): SqlValue
}

/** A JSON column, or `fallback` when it is NULL. */
export const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback)

export const text: Column<string> = { read: (v) => v as string, write: (v) => v }
export const int: Column<number> = { read: (v) => v as number, write: (v) => v }
export const textOrNull: Column<string | null> = { read: (v) => (v as string | null) ?? null, write: (v) => v }
export const intOrNull: Column<number | null> = { read: (v) => (v as number | null) ?? null, write: (v) => v }
/** A boolean as 0 / 1. */
export const flag: Column<boolean> = { read: (v) => v === 1, write: (v) => (v ? 1 : 0) }
/** One of a string union (the domain's enums), stored as its text. */
export const oneOf = <T extends string>(): Column<T> => text as Column<T>
export const oneOfOrNull = <T extends string>(): Column<T | null> => textOrNull as Column<T | null>
/** Structured data as JSON text; `fallback` for NULL (none: the column is NOT NULL). */
export const jsonOf = <T>(fallback?: T): Column<T> => ({ read: (v) => json(v, fallback as T), write: (v) => JSON.stringify(v) })
export const jsonOrNull = <T>(): Column<T | null> => ({ read: (v) => json(v, null), write: (v) => (v === null ? null : JSON.stringify(v)) })
/** The same codec under another column name. */
export const named = <T>(name: string, column: Column<T>): Column<T> => ({ ...column, name })

export type Columns<T> = { [K in keyof T]-?: Column<T[K]> }

export interface RowMapper<T> {
  /** The columns, in the fields' order. */
  columns: string[]
  read(row: unknown): T
  /** One row, or null for none (`stmt.get()` of nothing). */
  one(row: unknown): T | null
  all(rows: unknown[]): T[]
  /** Named parameters, one per column: `@community_id`. */
  params(record: T): Record<string, SqlValue>
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** A record type's row mapping, declared once per table. */
export function rowMapper<T>(columns: Columns<T>): RowMapper<T> {
  const fields = Object.entries(columns) as Array<[keyof T & string, Column<unknown>]>
  const names = fields.map(([field, c]) => c.name ?? snake(field))
  const read = (row: unknown): T => {
    const r = row as Row
    const out: Record<string, unknown> = {}
    fields.forEach(([field, c], i) => {
      out[field] = c.read(r[names[i]])
    })
    return out as T
  }
  return {
    columns: names,
    read,
    one: (row) => (row === undefined ? null : read(row)),
    all: (rows) => rows.map(read),
    params(record) {
      const out: Record<string, SqlValue> = {}
      fields.forEach(([field, c], i) => {
        out[names[i]] = c.write(record[field])
      })
      return out
    },
  }
}

const inserts = new WeakMap<readonly string[], Map<string, string>>()

/**
 * `INSERT INTO table (a, b) VALUES (@a, @b)` for these columns: built once per table and column list
 * (a mapper's `columns`), so the statement cache finds it without hashing a fresh string on every write.
 */
export function insertInto(table: string, columns: readonly string[]): string {
  let byTable = inserts.get(columns)
  if (!byTable) {
    byTable = new Map()
    inserts.set(columns, byTable)
  }
  let sql = byTable.get(table)
  if (sql === undefined) {
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`
    byTable.set(table, sql)
  }
  return sql
}

/** `a = @a, b = @b` for these columns. */
export const assignments = (columns: string[]) => columns.map((c) => `${c} = @${c}`).join(', ')

/** `column IN (@p0, @p1, …)`, binding each value into `params` as a named parameter (`prefix` + index). */
export function inList(column: string, prefix: string, values: readonly string[], params: Record<string, unknown>): string {
  values.forEach((v, i) => {
    params[`${prefix}${i}`] = v
  })
  return `${column} IN (${values.map((_, i) => `@${prefix}${i}`).join(', ')})`
}

/** One column of each row (ids, mostly). */
export const pluck = <T = string>(rows: unknown[], column = 'id'): T[] => rows.map((r) => (r as Row)[column] as T)

/** The `n` of a `SELECT COUNT(*) AS n`. */
export const countOf = (row: unknown) => (row as { n: number }).n

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

/** A cursor of a number and a string, or null for a missing or forged one (which pages from the start). */
export function numberAndId(cursor: string | undefined): [number, string] | null {
  const parts = decodeCursor(cursor)
  return parts && typeof parts[0] === 'number' && typeof parts[1] === 'string' ? [parts[0], parts[1]] : null
}

/** The first `limit` rows of a `limit + 1` query, and a cursor (from the last item kept, or its row) when there were more. */
export function pageOf<T>(
  rows: unknown[],
  limit: number,
  map: (row: unknown) => T,
  cursorOf: (last: T, row: Row) => Array<string | number>,
): { items: T[]; nextCursor?: string } {
  const kept = rows.slice(0, limit)
  const items = kept.map(map)
  const more = rows.length > limit && kept.length > 0
  return { items, nextCursor: more ? encodeCursor(cursorOf(items[items.length - 1], kept[kept.length - 1] as Row)) : undefined }
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

/** Runs a versioned UPDATE (`… AND version = @version - 1`); no row changed is a lost race. */
export function versioned(conflict: string, run: () => Database.RunResult) {
  if (run().changes !== 1) throw new WriteConflict(conflict)
}
