// npm run bench:seed — builds a realistic street for benchmarks and scale checks: 20 communities,
// 50,000 residents, 5,000 members and a year of orders (with timelines, awards and the ledger that
// matches them), straight into a SQLite data folder. Prints how long it took.
//   node --import tsx bench/seed-street.ts [dataDir]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { POST_TYPES, URGENCIES } from '@shared/enums'
import { openStore } from '../cloudfunctions/adapters/sqlite/store'
import { DEFAULT_RULES, award, dispatchPoints } from '../cloudfunctions/core/domain/rules'
import { yearOf } from '../cloudfunctions/core/domain/time'
import { brokenInvariants } from '../test/helpers/invariants'
import { report } from './lib'

/** The street that owns the communities, and its account. */
export const STREET_ID = 'st_bench'
export const STREET_ACCOUNT = 'u_st_street'

export const STREET = { communities: 20, residents: 50_000, members: 5_000, ordersPerCommunityPerDay: 12, days: 365 }

/** A small deterministic generator, so two runs build the same street. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

export async function seedStreet(dataDir: string) {
  mkdirSync(dataDir, { recursive: true })
  const store = openStore(path.join(dataDir, 'redgrid.db'))
  const rand = rng(42)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
  const end = Date.parse('2026-11-01T00:00:00Z')
  const start = end - STREET.days * 86400_000
  const counts = { orders: 0, events: 0, ledger: 0 }
  const t0 = performance.now()
  await store.writeRaw((db) => {
    const ins = {
      community: db.prepare('INSERT INTO communities (id, name, rules, street_id) VALUES (?, ?, NULL, ?)'),
      grid: db.prepare('INSERT INTO grids (id, community_id, name) VALUES (?, ?, ?)'),
      building: db.prepare('INSERT INTO buildings (id, community_id, grid_id, name) VALUES (?, ?, ?, ?)'),
      user: db.prepare(
        'INSERT INTO users (id, community_id, name, phone, roles, grid_id, building_id, room, member, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      order:
        db.prepare(`INSERT INTO orders (id, community_id, resident_id, kind, category, title, description, urgency, photos, status, points,
        claimer_id, grid_id, building_id, summary, completion_photos, rating, release_count, dispute_count, awarded_points, level, escalations,
        due_at, created_at, updated_at, version) VALUES (?, ?, ?, 'service', ?, ?, '', ?, '[]', ?, ?, ?, ?, ?, ?, '[]', ?, 0, 0, ?, 'grid', '[]', ?, ?, ?, ?)`),
      event: db.prepare(
        'INSERT INTO order_events (order_id, seq, at, actor_id, action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
      ),
      ledger: db.prepare(
        "INSERT INTO ledger (source_key, member_id, community_id, delta, reason, note, balance_after, at) VALUES (?, ?, ?, ?, 'order_award', ?, ?, ?)",
      ),
      account:
        db.prepare(`INSERT INTO point_accounts (member_id, community_id, balance, earned, spent, lots, years, day, oldest_lot_year, version)
        VALUES (?, ?, ?, ?, 0, ?, ?, NULL, ?, ?)`),
    }
    // the street owning the 20 communities, and its account (a street account's tenant is its street)
    db.prepare('INSERT INTO streets (id, name) VALUES (?, ?)').run(STREET_ID, '示范街道')
    ins.user.run(STREET_ACCOUNT, STREET_ID, '街道工作人员', null, '["street"]', null, null, null, null, start)
    const perCommunity = { residents: STREET.residents / STREET.communities, members: STREET.members / STREET.communities }
    for (let c = 0; c < STREET.communities; c++) {
      const cid = `c_st${c}`
      ins.community.run(cid, `第${String(c + 1).padStart(2, '0')}社区`, STREET_ID)
      const buildings: Array<{ id: string; grid: string }> = []
      for (let g = 0; g < 4; g++) {
        ins.grid.run(`g_st${c}_${g}`, cid, `第${g + 1}网格`)
        for (let b = 0; b < 8; b++) {
          const bid = `b_st${c}_${g}_${b}`
          ins.building.run(bid, cid, `g_st${c}_${g}`, `${g * 8 + b + 1}号楼`)
          buildings.push({ id: bid, grid: `g_st${c}_${g}` })
        }
      }
      const residents: string[] = []
      for (let i = 0; i < perCommunity.residents; i++) {
        const b = pick(buildings)
        const id = `u_st${c}_r${i}`
        ins.user.run(
          id,
          cid,
          `居民${c}-${i}`,
          `138${String(c * 1e6 + i).padStart(8, '0')}`,
          '["resident"]',
          b.grid,
          b.id,
          `${1 + (i % 4)}单元 ${100 + (i % 30)}`,
          null,
          start,
        )
        residents.push(id)
      }
      const members: Array<{ id: string; earned: Map<number, number>; total: number; entries: number }> = []
      for (let i = 0; i < perCommunity.members; i++) {
        const b = pick(buildings)
        const id = `u_st${c}_m${i}`
        const profile = JSON.stringify({
          branch: `第${(i % 12) + 1}党支部`,
          workUnit: `单位${i % 30}`,
          posts: [pick(POST_TYPES), pick(POST_TYPES)],
          skills: [],
        })
        ins.user.run(
          id,
          cid,
          `党员${c}-${i}`,
          `139${String(c * 1e6 + i).padStart(8, '0')}`,
          '["member","resident"]',
          b.grid,
          b.id,
          '1单元 101',
          profile,
          start,
        )
        members.push({ id, earned: new Map(), total: 0, entries: 0 })
      }
      ins.user.run(`u_st${c}_staff`, cid, `工作人员${c}`, null, '["staff"]', null, null, null, null, start)
      for (let day = 0; day < STREET.days; day++) {
        for (let k = 0; k < STREET.ordersPerCommunityPerDay; k++) {
          const at = start + day * 86400_000 + Math.floor(rand() * 86400_000)
          const id = `o_st${c}_${day}_${k}`
          const category = pick(POST_TYPES)
          const urgency = pick(URGENCIES)
          const points = dispatchPoints(DEFAULT_RULES, category, urgency)
          const resident = pick(residents)
          const b = buildings[Math.floor(rand() * buildings.length)]
          const recent = day > STREET.days - 3
          const status = recent
            ? pick(['submitted', 'open', 'claimed'] as const)
            : rand() < 0.9
              ? 'closed'
              : pick(['cancelled', 'rejected'] as const)
          const member = status === 'closed' || status === 'claimed' ? pick(members) : null
          const rating = status === 'closed' ? 3 + Math.floor(rand() * 3) : null
          const paid = status === 'closed' ? award(DEFAULT_RULES, points, rating).points : null
          const closedAt = at + 86400_000
          const due = status === 'open' ? at + 24 * 3600_000 : status === 'claimed' ? at + 72 * 3600_000 : null
          const steps: Array<[string, string | null, string]> =
            status === 'closed'
              ? [
                  ['create', null, 'submitted'],
                  ['dispatch', 'submitted', 'open'],
                  ['claim', 'open', 'claimed'],
                  ['complete', 'claimed', 'completed'],
                  ['confirm', 'completed', 'closed'],
                ]
              : status === 'claimed'
                ? [
                    ['create', null, 'submitted'],
                    ['dispatch', 'submitted', 'open'],
                    ['claim', 'open', 'claimed'],
                  ]
                : status === 'open'
                  ? [
                      ['create', null, 'submitted'],
                      ['dispatch', 'submitted', 'open'],
                    ]
                  : status === 'submitted'
                    ? [['create', null, 'submitted']]
                    : [
                        ['create', null, 'submitted'],
                        [status === 'cancelled' ? 'cancel' : 'reject', 'submitted', status],
                      ]
          ins.order.run(
            id,
            cid,
            resident,
            category,
            `${category}工单`,
            urgency,
            status,
            status === 'submitted' ? null : points,
            member?.id ?? null,
            b.grid,
            b.id,
            status === 'closed' ? '已完成服务' : null,
            rating,
            paid,
            due,
            at,
            status === 'closed' ? closedAt : at,
            steps.length,
          )
          steps.forEach(([action, from, to], i) => {
            ins.event.run(
              id,
              i + 1,
              at + i * 3600_000,
              action === 'claim' || action === 'complete' ? (member?.id ?? null) : resident,
              action,
              from,
              to,
            )
          })
          counts.orders++
          counts.events += steps.length
          if (member && paid) {
            member.total += paid
            member.entries++
            const y = yearOf(closedAt)
            member.earned.set(y, (member.earned.get(y) ?? 0) + paid)
            ins.ledger.run(`order:${id}:award`, member.id, cid, paid, `完成工单「${category}工单」`, member.total, closedAt)
            counts.ledger++
          }
        }
      }
      for (const m of members) {
        if (m.total === 0) continue
        const lots = Object.fromEntries([...m.earned].map(([y, n]) => [String(y), n]))
        const years = Object.fromEntries([...m.earned].map(([y, n]) => [String(y), { earned: n, spent: 0 }]))
        ins.account.run(m.id, cid, m.total, m.total, JSON.stringify(lots), JSON.stringify(years), Math.min(...m.earned.keys()), m.entries)
      }
    }
    db.exec('ANALYZE')
  })
  const ms = performance.now() - t0
  const broken = brokenInvariants(store.db)
  store.close()
  return { ms, counts, broken }
}

async function main() {
  const target = process.argv[2]
  const dir = target ? path.resolve(target) : mkdtempSync(path.join(os.tmpdir(), 'redgrid-street-'))
  const { ms, counts, broken } = await seedStreet(dir)
  report('seed', [
    {
      name: `seed a street (${STREET.communities} communities, ${STREET.residents / 1000}k residents, ${STREET.members / 1000}k members)`,
      value: ms / 1000,
      unit: 's',
    },
    { name: 'orders (a year)', value: counts.orders, unit: 'rows' },
    { name: 'timeline events', value: counts.events, unit: 'rows' },
    { name: 'ledger entries', value: counts.ledger, unit: 'rows' },
    { name: 'broken invariants after seeding', value: broken.length, unit: '', target: '= 0', pass: broken.length === 0 },
  ])
  if (broken.length) console.log(broken.slice(0, 5).join('\n'))
  if (!target) rmSync(dir, { recursive: true, force: true })
  else console.log(`  street data folder: ${dir} (serve it with REDGRID_DATA=${dir} npm run serve)`)
}

if (process.argv[1]?.endsWith('seed-street.ts')) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
