// Statements prepared once per connection: the suites query after every one of thousands of steps, and
// compiling the SQL each time would cost more than running it.
import type Database from 'better-sqlite3'

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let stmts = cache.get(db)
  if (!stmts) {
    stmts = new Map()
    cache.set(db, stmts)
  }
  let stmt = stmts.get(sql)
  if (!stmt) {
    stmt = db.prepare(sql)
    stmts.set(sql, stmt)
  }
  return stmt
}
