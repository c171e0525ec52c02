// GET /api/health: what an operator (or a monitor) needs to know at a glance — the database answers,
// the disk has room beyond the reserve, the scheduler runs. 200 when all is well, 503 when not; no
// sign-in needed, and nothing in it about anyone.
import type { LocalApp } from '../cloudfunctions/compose'

const TICK_LATE_MS = 5 * 60_000

export function health(app: LocalApp, demo: boolean): { status: number; body: unknown } {
  let database: 'ok' | 'error' = 'ok'
  try {
    app.store.reader.prepare('SELECT 1').get()
  } catch {
    database = 'error'
  }
  let freeBytes: number | null = null
  try {
    freeBytes = app.disk.freeBytes()
  } catch {
    freeBytes = null
  }
  const now = app.clock.now()
  const { lastRunAt, lastError } = app.scheduler
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
  const disk = { freeBytes, reserveBytes: app.disk.reserveBytes, low: freeBytes !== null && freeBytes < app.disk.reserveBytes }
  const scheduler = { lastRunAt: iso(lastRunAt), lastErrorAt: iso(lastError), late: lastRunAt !== null && now - lastRunAt > TICK_LATE_MS }
  const ok = database === 'ok' && !disk.low && lastError === null
  return { status: ok ? 200 : 503, body: { ok, data: { database, disk, scheduler, demo, now: iso(now) } } }
}
