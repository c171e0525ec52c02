// The money invariants (DESIGN.md §5–§6), read straight from the database.
import type Database from 'better-sqlite3'

/** Statements prepared once per connection: model tests check after every one of thousands of steps. */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()
function prep(db: Database.Database, sql: string): Database.Statement {
  const stmts = cache.get(db) ?? new Map<string, Database.Statement>()
  cache.set(db, stmts)
  const stmt = stmts.get(sql) ?? db.prepare(sql)
  stmts.set(sql, stmt)
  return stmt
}

/** Returns a list of broken invariants (empty when all hold). */
export function brokenInvariants(db: Database.Database, initialStock?: Record<string, number>): string[] {
  const broken: string[] = []
  const accounts = prep(db, 'SELECT member_id, balance, lots FROM point_accounts').all() as Array<{
    member_id: string
    balance: number
    lots: string
  }>
  const sums = new Map(
    (prep(db, 'SELECT member_id, SUM(delta) AS s FROM ledger GROUP BY member_id').all() as Array<{ member_id: string; s: number }>).map(
      (r) => [r.member_id, r.s],
    ),
  )
  for (const a of accounts) {
    const ledger = sums.get(a.member_id) ?? 0
    if (a.balance !== ledger) broken.push(`${a.member_id}: balance ${a.balance} ≠ Σ ledger ${ledger}`)
    if (a.balance < 0) broken.push(`${a.member_id}: balance ${a.balance} < 0`)
    const lots = Object.values(JSON.parse(a.lots) as Record<string, number>)
    if (lots.some((n) => n < 0)) broken.push(`${a.member_id}: a negative lot`)
    if (lots.reduce((x, y) => x + y, 0) !== a.balance) broken.push(`${a.member_id}: lots ${a.lots} ≠ balance ${a.balance}`)
  }
  for (const [member] of sums) if (!accounts.some((a) => a.member_id === member)) broken.push(`${member}: ledger without account`)
  const chain = prep(db, 'SELECT member_id, delta, balance_after FROM ledger ORDER BY rowid').all() as Array<{
    member_id: string
    delta: number
    balance_after: number
  }>
  const running = new Map<string, number>()
  for (const e of chain) {
    const b = (running.get(e.member_id) ?? 0) + e.delta
    running.set(e.member_id, b)
    if (b !== e.balance_after) broken.push(`${e.member_id}: balance_after ${e.balance_after} ≠ running ${b}`)
  }
  const refunds = prep(db, "SELECT source_key, COUNT(*) AS n FROM ledger WHERE reason = 'refund' GROUP BY source_key HAVING n > 1").all()
  if (refunds.length) broken.push(`refunded twice: ${JSON.stringify(refunds)}`)
  const goods = prep(db, 'SELECT id, stock FROM goods').all() as Array<{ id: string; stock: number }>
  for (const g of goods) {
    if (g.stock < 0) broken.push(`${g.id}: stock ${g.stock} < 0`)
    const active = (
      prep(db, "SELECT COUNT(*) AS n FROM redemptions WHERE goods_id = ? AND status IN ('pending', 'picked')").get(g.id) as { n: number }
    ).n
    if (initialStock?.[g.id] !== undefined && g.stock !== initialStock[g.id] - active) {
      broken.push(`${g.id}: stock ${g.stock} ≠ initial ${initialStock[g.id]} − active ${active}`)
    }
    const held = (prep(db, 'SELECT COALESCE(SUM(count), 0) AS n FROM holdings WHERE goods_id = ?').get(g.id) as { n: number }).n
    if (held !== active) broken.push(`${g.id}: holdings ${held} ≠ active redemptions ${active}`)
  }
  const orphanDebits = db
    .prepare("SELECT r.id FROM redemptions r LEFT JOIN ledger l ON l.source_key = 'redemption:' || r.id WHERE l.source_key IS NULL")
    .all()
  if (orphanDebits.length) broken.push(`redemptions without a debit: ${JSON.stringify(orphanDebits)}`)
  // 网格台账: a confirmed task paid its worker its points exactly once; nothing else was paid for a task
  const taskAwards = prep(
    db,
    `SELECT t.id, t.status, t.points, t.worker_id, COUNT(l.source_key) AS n, COALESCE(SUM(l.delta), 0) AS paid,
       MIN(l.member_id) AS paid_to
     FROM grid_tasks t LEFT JOIN ledger l ON l.source_key = 'gridtask:' || t.id || ':award' GROUP BY t.id`,
  ).all() as Array<{
    id: string
    status: string
    points: number | null
    worker_id: string
    n: number
    paid: number
    paid_to: string | null
  }>
  for (const t of taskAwards) {
    const owed = t.status === 'confirmed' ? (t.points ?? 0) : 0
    if (t.n > 1) broken.push(`grid task ${t.id}: paid ${t.n} times`)
    if (t.paid !== owed) broken.push(`grid task ${t.id}: paid ${t.paid} ≠ owed ${owed}`)
    if (t.n === 1 && t.paid_to !== t.worker_id) broken.push(`grid task ${t.id}: paid to ${t.paid_to}, not its worker ${t.worker_id}`)
  }
  const strayTaskAwards = prep(
    db,
    "SELECT l.source_key FROM ledger l WHERE l.reason = 'grid_task_award' AND NOT EXISTS (SELECT 1 FROM grid_tasks t WHERE l.source_key = 'gridtask:' || t.id || ':award')",
  ).all()
  if (strayTaskAwards.length) broken.push(`grid task awards without a task: ${JSON.stringify(strayTaskAwards)}`)
  broken.push(...brokenCare(db))
  return broken
}

/**
 * 结对帮扶: one care award per care task done that paid points, of those points, to the member who
 * closed it; no care award without its record; a pair's count of tasks done is its records'.
 */
function brokenCare(db: Database.Database): string[] {
  const broken: string[] = []
  const records = prep(
    db,
    `SELECT r.id, r.member_id, r.points, (SELECT COUNT(*) FROM ledger l WHERE l.reason = 'care_award'
       AND l.source_key = 'care:' || r.pair_id || ':' || r.due_at || ':award' AND l.member_id = r.member_id AND l.delta = r.points) AS n
     FROM care_records r`,
  ).all() as Array<{ id: string; points: number; n: number }>
  for (const r of records) if (r.n !== (r.points > 0 ? 1 : 0)) broken.push(`care record ${r.id} (${r.points} points): ${r.n} awards`)
  const strays = prep(
    db,
    `SELECT COUNT(*) AS n FROM ledger l WHERE l.reason = 'care_award'
       AND NOT EXISTS (SELECT 1 FROM care_records r WHERE l.source_key = 'care:' || r.pair_id || ':' || r.due_at || ':award')`,
  ).get() as { n: number }
  if (strays.n) broken.push(`${strays.n} care awards without a care record`)
  const pairs = prep(
    db,
    'SELECT p.id, p.tasks_done, (SELECT COUNT(*) FROM care_records r WHERE r.pair_id = p.id) AS n FROM care_pairs p',
  ).all() as Array<{ id: string; tasks_done: number; n: number }>
  for (const p of pairs) if (p.tasks_done !== p.n) broken.push(`pair ${p.id}: ${p.tasks_done} tasks done, ${p.n} records`)
  return broken
}
