// A demo with a past (issue 18, part 4): the history seed run on a fresh SQLite demo, then checked as
// the truth it claims to be — the ledger invariants, every order's timeline a legal path through the
// order machine ending where the order stands, counts a year of a community would have, and every
// screen it is for (dashboard, hall, 台账, 三评, 晒服务, the mall's pictures) with something on it.
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { transitionFor } from '../../cloudfunctions/core/domain/order-machine'
import { HISTORY_STEPS, type HistoryReport, seedHistory } from '../../local/seed-history'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'

// a Monday in December: the year runs from 2025-12-08 back-to-front, and January 2026 holds 2025's 三评
const NOW = Date.parse('2026-12-07T10:00:00+08:00')
const STAFF = 'u_linx'
const MEMBER = 'u_zhouzq'

let h: Harness
let report: HistoryReport
beforeAll(async () => {
  h = await openHarness({ clock: new TestClock({ now: () => NOW }) })
  report = await seedHistory(h.app, h.dataDir)
}, 300_000)
afterAll(() => h.close())

const db = () => h.app.store.db
const count = (sql: string, ...args: unknown[]) =>
  (
    db()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n

it('keeps the ledger invariants: balances, lots, stock and holdings all add up', () => {
  expect(brokenInvariants(db())).toEqual([])
})

it("replays every order's timeline through the order machine to the status it stands in", () => {
  const orders = db().prepare("SELECT id, status, created_at FROM orders WHERE community_id = 'c_hongxing'").all() as Array<{
    id: string
    status: string
    created_at: number
  }>
  const events = db().prepare('SELECT action, from_status, to_status, at FROM order_events WHERE order_id = ? ORDER BY seq')
  const broken: string[] = []
  for (const o of orders) {
    const timeline = events.all(o.id) as Array<{ action: string; from_status: string | null; to_status: string; at: number }>
    const [created, ...rest] = timeline
    if (created?.action !== 'create' || created.from_status !== null || created.to_status !== 'submitted') {
      broken.push(`${o.id}: does not begin with its creation`)
      continue
    }
    let status = 'submitted'
    let at = created.at
    for (const e of rest) {
      const t = transitionFor(e.action as Parameters<typeof transitionFor>[0])
      if (e.from_status !== status) broken.push(`${o.id}: ${e.action} from ${e.from_status}, but it stood at ${status}`)
      if (!t.from.includes(status as never)) broken.push(`${o.id}: ${e.action} is no move from ${status}`)
      if ((t.to ?? status) !== e.to_status) broken.push(`${o.id}: ${e.action} led to ${e.to_status}, not ${t.to ?? status}`)
      if (e.at < at) broken.push(`${o.id}: ${e.action} before the step it follows`)
      status = e.to_status
      at = e.at
    }
    if (status !== o.status) broken.push(`${o.id}: the timeline ends at ${status}, the order stands at ${o.status}`)
    if (created.at < report.from || at > NOW) broken.push(`${o.id}: outside the year`)
  }
  expect(orders.length).toBeGreaterThan(150)
  expect(broken).toEqual([])
})

it('holds what a year of a community holds', () => {
  const closedRatedWithPhotos = count(
    "SELECT COUNT(*) AS n FROM orders WHERE community_id = 'c_hongxing' AND status = 'closed' AND rating IS NOT NULL AND completion_photos != '[]'",
  )
  expect(closedRatedWithPhotos).toBeGreaterThan(120)
  // every star from one to five, and residents' own words beside them
  expect(count("SELECT COUNT(DISTINCT rating) AS n FROM orders WHERE community_id = 'c_hongxing' AND rating IS NOT NULL")).toBe(5)
  expect(count("SELECT COUNT(*) AS n FROM order_events WHERE action = 'escalate'")).toBeGreaterThanOrEqual(1)
  expect(count("SELECT COUNT(*) AS n FROM order_events WHERE action = 'refer'")).toBeGreaterThanOrEqual(1)
  expect(
    count("SELECT COUNT(*) AS n FROM order_events WHERE action IN ('reject', 'cancel', 'release', 'dispute', 'revisit')"),
  ).toBeGreaterThan(5)
  // the scheduler's own work: confirming what nobody did
  expect(count("SELECT COUNT(*) AS n FROM order_events WHERE action = 'confirm' AND actor_id IS NULL")).toBeGreaterThan(0)
  // 代办, by phone and from a visit
  expect(count("SELECT COUNT(*) AS n FROM orders WHERE agent_id IS NOT NULL AND community_id = 'c_hongxing'")).toBeGreaterThan(10)
  expect(count("SELECT COUNT(*) AS n FROM visits WHERE community_id = 'c_hongxing'")).toBeGreaterThan(50)
  expect(count("SELECT COUNT(*) AS n FROM activity_signups WHERE attendance = 'attended'")).toBeGreaterThan(50)
  expect(count("SELECT COUNT(*) AS n FROM activities WHERE status = 'finished'")).toBeGreaterThan(30)
  expect(count("SELECT COUNT(*) AS n FROM redemptions WHERE status = 'picked'")).toBeGreaterThan(30)
  expect(count("SELECT COUNT(*) AS n FROM ledger WHERE reason = 'order_award'")).toBeGreaterThan(120)
  // 结对帮扶: two pairs (一对一 weekly, 二对一 fortnightly), their tasks done week after week and paid
  expect(count("SELECT COUNT(*) AS n FROM care_pairs WHERE community_id = 'c_hongxing' AND status = 'active'")).toBeGreaterThanOrEqual(3)
  expect(count("SELECT COUNT(*) AS n FROM care_records WHERE community_id = 'c_hongxing'")).toBeGreaterThan(50)
  expect(count("SELECT COUNT(*) AS n FROM ledger WHERE reason = 'care_award'")).toBeGreaterThan(50)
  // 网格台账: a task a month, confirmed by staff, the worker paid
  expect(count("SELECT COUNT(*) AS n FROM grid_tasks WHERE community_id = 'c_hongxing' AND status = 'confirmed'")).toBeGreaterThan(8)
  expect(count("SELECT COUNT(*) AS n FROM ledger WHERE reason = 'grid_task_award'")).toBeGreaterThan(8)
  expect(report.counts.orders).toBeGreaterThan(200)
})

it('fills every screen it is for: dashboard, hall, 台账, 三评, 晒服务 and the mall', async () => {
  const dashboard = await h.ok(STAFF, 'workbench', 'dashboard', { from: '2026-11-08', to: '2026-12-07' })
  expect(dashboard.orders.total).toBeGreaterThan(5)
  expect(dashboard.activities.attended).toBeGreaterThan(0)

  const hall = await h.ok(MEMBER, 'orders', 'list', { scope: 'hall' })
  expect(hall.items.length).toBeGreaterThan(0)

  const ledger = await h.ok(STAFF, 'workbench', 'ledger', { from: '2025-12-08', to: '2026-12-07' })
  const served = ledger.members.filter((m) => m.orders.length > 0 && m.activities.length > 0)
  expect(served.length).toBeGreaterThan(5)

  const evaluations = await h.ok(STAFF, 'points', 'evaluations', { year: 2025 })
  const finished = evaluations.items.filter((e) => e.grade !== null && e.missing.length === 0)
  expect(finished.length).toBeGreaterThanOrEqual(10)

  const showcase = await h.ok(MEMBER, 'workbench', 'showcase', { gridId: 'g_hx1' })
  expect(showcase.services.length).toBeGreaterThan(0)
  expect(showcase.services.every((s) => s.photo !== null)).toBe(true)

  // 消息: read up to the last few evenings, not a year of unread
  const unread = db()
    .prepare("SELECT user_id, COUNT(*) AS n FROM notifications WHERE community_id = 'c_hongxing' AND read_at IS NULL GROUP BY user_id")
    .all() as Array<{ user_id: string; n: number }>
  expect(Math.max(0, ...unread.map((u) => u.n))).toBeLessThan(15)

  const goods = await h.ok(MEMBER, 'mall', 'listGoods', {})
  expect(goods.items.length).toBeGreaterThanOrEqual(8)
  expect(goods.items.every((g) => g.image !== null)).toBe(true)
})

it('has the people a demo needs: a 网格员 for every grid, vulnerable households, retired members', async () => {
  const grids = db().prepare('SELECT id FROM grids').all() as Array<{ id: string }>
  const served = new Set(
    (db().prepare("SELECT work_grids FROM users WHERE roles LIKE '%grid_worker%'").all() as Array<{ work_grids: string }>).flatMap(
      (u) => JSON.parse(u.work_grids) as string[],
    ),
  )
  expect(grids.filter((g) => !served.has(g.id))).toEqual([])

  const files = await h.ok(STAFF, 'households', 'list', {})
  const tags = new Set(files.items.flatMap((f) => f.tags))
  expect([...tags].sort()).toEqual(['alone', 'child_in_need', 'disabled', 'elderly', 'empty_nest', 'low_income', 'veteran'])

  const retired = (community: string) =>
    (db().prepare('SELECT member FROM users WHERE community_id = ? AND member IS NOT NULL').all(community) as Array<{ member: string }>)
      .map((u) => JSON.parse(u.member) as { status: string })
      .filter((m) => m.status === 'retired').length
  expect(retired('c_hongxing')).toBeGreaterThanOrEqual(2)
  expect(retired('c_qingshan')).toBeGreaterThanOrEqual(1)
})

it('tells the same month twice from the same seed, and names its steps for those who add more', async () => {
  const tell = async () => {
    const fresh = await openHarness({ clock: new TestClock({ now: () => NOW }) })
    try {
      const r = await seedHistory(fresh.app, fresh.dataDir, { days: 30 })
      const titles = fresh.app.store.db
        .prepare('SELECT o.title, o.status, o.rating, o.created_at FROM orders o ORDER BY o.created_at, o.title')
        .all()
      return { counts: r.counts, titles }
    } finally {
      fresh.close()
    }
  }
  const [a, b] = [await tell(), await tell()]
  expect(b).toEqual(a)
  expect(HISTORY_STEPS.map((s) => s.name)).toEqual(
    expect.arrayContaining(['居民点单', '代办', '转办', '走访', '周末活动', '积分商城', '三评']),
  )
}, 120_000)
