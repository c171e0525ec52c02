// npm run bench:routing — rank 10,000 members for one order, and a member's hall page over 100,000
// orders of which 5,000 are open, with the SQLite query plan.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { POST_TYPES } from '@shared/enums'
import { composeLocal } from '../cloudfunctions/compose'
import { hallSql } from '../cloudfunctions/adapters/sqlite/order-queries'
import type { Order, User } from '../cloudfunctions/core/domain/model'
import { type MemberStats, NO_STATS, rankMembers } from '../cloudfunctions/core/domain/routing'
import { seedDemo } from '../local/seed'
import { percentile, report } from './lib'

const MEMBERS = 10_000
const ORDERS = 100_000
const OPEN = 5_000
const RUNS = 50

function timed(fn: () => unknown, runs = RUNS) {
  for (let i = 0; i < 5; i++) fn() // warm up
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    samples.push(performance.now() - t)
  }
  return samples.sort((a, b) => a - b)
}

async function timedAsync(fn: () => Promise<unknown>, runs = RUNS) {
  for (let i = 0; i < 5; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    samples.push(performance.now() - t)
  }
  return samples.sort((a, b) => a - b)
}

function rankingBench() {
  const members: User[] = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `m${i}`,
    communityId: 'c',
    name: `党员${i}`,
    phone: null,
    roles: ['member'],
    gridId: `g${i % 12}`,
    buildingId: `b${i % 60}`,
    room: null,
    rankingOptIn: false,
    workGrids: [],
    gridLead: false,
    headOf: null,
    createdAt: i,
    member: {
      branch: null,
      workUnit: null,
      posts: [POST_TYPES[i % 7], POST_TYPES[(i * 3) % 7]],
      skills: i % 5 ? ['陪诊'] : ['电工', '维修'],
      status: 'on_job',
      management: 'direct',
    },
  }))
  const stats = new Map<string, MemberStats>(
    members.map((m, i) => [m.id, { ...NO_STATS, open: i % 4, ratingSum: (i % 5) * 3 + 3, ratingCount: 3, releases: i % 9 === 0 ? 1 : 0 }]),
  )
  const order = {
    id: 'o',
    communityId: 'c',
    residentId: 'r',
    category: 'elderly_child',
    title: '陪老人去医院陪诊',
    description: '',
    gridId: 'g3',
    buildingId: 'b15',
  } as Order
  return timed(() => rankMembers(order, members, (id) => stats.get(id) ?? NO_STATS, 3, 5))
}

async function hallBench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-routing-'))
  const app = composeLocal({ dataDir: dir, demo: false })
  await seedDemo(app)
  const t0 = performance.now()
  await app.store.writeRaw((db) => {
    const insert = db.prepare(`INSERT INTO orders (id, community_id, resident_id, kind, category, title, description, urgency, photos,
      status, points, grid_id, building_id, completion_photos, release_count, dispute_count, level, escalations, due_at, created_at, updated_at, version)
      VALUES (?, 'c_hongxing', 'u_lijg', 'service', ?, ?, '', 'normal', '[]', ?, 10, ?, ?, '[]', 0, 0, 'grid', '[]', ?, ?, ?, 1)`)
    const grids = ['g_hx1', 'g_hx2', 'g_hx3']
    for (let i = 0; i < ORDERS; i++) {
      const open = i % (ORDERS / OPEN) === 0
      const at = Date.now() - (ORDERS - i) * 60_000
      const g = i % 3
      insert.run(
        `o_b${i}`,
        POST_TYPES[i % 7],
        `工单${i}`,
        open ? 'open' : 'closed',
        grids[g],
        `b_hx${g * 2 + 1 + (i % 2)}`,
        open ? at + 86400_000 : null,
        at,
        at,
      )
    }
    db.exec('ANALYZE')
  })
  const seeded = performance.now() - t0
  const handler = app.handlers.orders
  const page = async () => {
    const res = await handler({ action: 'list', input: { scope: 'hall' } }, { userId: 'u_zhouzq' })
    if (!res.ok || (res.data as { items: unknown[] }).items.length !== 20) throw new Error(JSON.stringify(res))
  }
  const samples = await timedAsync(page)
  const q = { communityId: 'c_hongxing', memberId: 'u_zhouzq', buildingId: 'b_hx1', gridId: 'g_hx1', limit: 20 }
  const { sql, params } = hallSql(q, false)
  const plan = (app.store.reader.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail)
  app.close()
  rmSync(dir, { recursive: true, force: true })
  return { samples, plan, seeded }
}

async function main() {
  const rank = rankingBench()
  const hall = await hallBench()
  report(
    'routing',
    [
      {
        name: `rank ${MEMBERS.toLocaleString()} members for one order (p50)`,
        value: percentile(rank, 50),
        unit: 'ms',
        target: '≤ 20',
        pass: percentile(rank, 50) <= 20,
      },
      { name: 'rank … (p99)', value: percentile(rank, 99), unit: 'ms' },
      {
        name: `hall page, ${ORDERS / 1000}k orders / ${OPEN / 1000}k open (p50, via the edge)`,
        value: percentile(hall.samples, 50),
        unit: 'ms',
        target: '≤ 10',
        pass: percentile(hall.samples, 50) <= 10,
      },
      { name: 'hall page (p99)', value: percentile(hall.samples, 99), unit: 'ms' },
      { name: `insert ${ORDERS / 1000}k orders for the hall bench`, value: hall.seeded, unit: 'ms' },
    ],
    { hallQueryPlan: hall.plan },
  )
  console.log(`  hall query plan: ${hall.plan.join(' | ')}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
