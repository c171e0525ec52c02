// npm run bench:mall — the write path through the HTTP gateway at 1,024 concurrent requests: committed
// redemptions per second and their latency, beside the same transactions on bare SQLite; then 1,024
// members each claiming a different open order, and 1,024 sign-ups over 10 activities of quota 50.
// The load comes from its own process (bench/load.ts: keep-alive http agents), whose CPU is reported
// beside the gateway's; every run ends by checking the results in the database, exactly.
// BENCH_ONLY=mall|claims|signups runs one part; BENCH_PROFILE=<dir> profiles the gateway (--cpu-prof).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { composeLocal } from '../cloudfunctions/compose'
import { addMembers } from '../test/helpers/local'
import { seedDemo } from '../local/seed'
import { type Figure, activityInput, cpuSecondsOf, percentile, report, runLoad, signIn, startGateway, stopGateway } from './lib'
import type { LoadResult } from './load'

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1024)
const TOTAL = Number(process.env.BENCH_REDEMPTIONS ?? 20_000)
/** Fewer than the requests, so the stock runs out: exactly this many redemptions succeed. */
const STOCK = Math.round(TOTAL * 0.8)
/** Every eighth member can afford only this many (the rest 1,000): their refusals are the points check's. */
const POOR_BALANCE = 5
const ACTIVITIES = 10
const QUOTA = 50
const STAFF = 'u_linx'
const ONLY = process.env.BENCH_ONLY
const runs = (part: string) => !ONLY || ONLY === part

const balanceOf = (i: number) => (i % 8 === 7 ? POOR_BALANCE : 1000)

async function prepare(dataDir: string) {
  const app = composeLocal({ dataDir, demo: true })
  await seedDemo(app)
  const call = async (fn: string, action: string, input: unknown, who = STAFF) => {
    const res = await app.handlers[fn]({ action, input, requestId: `bench-${Math.random().toString(36).slice(2)}` }, { userId: who })
    if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`)
    return res.data as any
  }
  const goods = await call('mall', 'upsertGoods', { name: '压测商品', price: 1, stock: STOCK, limitPerMember: 100, onShelf: true })
  const members = await addMembers(app, 'c_hongxing', CONCURRENCY, 'u_bench')
  for (const [i, m] of members.entries()) await call('points', 'adjust', { memberId: m, delta: balanceOf(i), reason: '压测积分' })
  const orders: string[] = []
  if (runs('claims')) {
    for (let i = 0; i < CONCURRENCY; i++) {
      const o = await call('orders', 'create', { kind: 'service', category: 'care', title: `压测工单${i}` }, 'u_wangxl')
      await call('orders', 'review', { orderId: o.id, decision: 'dispatch' })
      orders.push(o.id)
    }
  }
  const activities: string[] = []
  if (runs('signups')) {
    for (let i = 0; i < ACTIVITIES; i++) {
      const a = await call('activities', 'publish', activityInput(app.clock.now(), `压测活动${i + 1}`, QUOTA))
      activities.push(a.id)
    }
  }
  app.close()
  return { goodsId: goods.id as string, members, orders, activities }
}

interface Part {
  load: LoadResult
  rate: number
  p50: number
  p99: number
  /** CPU seconds per wall second over the run: 1 = one core busy. */
  gatewayCores: number
  generatorCores: number
}

/** Replies answered ok, whatever the status in them. */
const okCount = (outcomes: Record<string, number>) =>
  Object.entries(outcomes)
    .filter(([k]) => k === 'ok' || k.startsWith('ok:'))
    .reduce((n, [, v]) => n + v, 0)

async function measure(pid: number | undefined, plan: Parameters<typeof runLoad>[0]): Promise<Part> {
  let cpu0 = Number.NaN
  let cpu1 = Number.NaN
  const load = await runLoad(plan, { start: () => (cpu0 = cpuSecondsOf(pid)), end: () => (cpu1 = cpuSecondsOf(pid)) })
  const gatewayCpu = cpu1 - cpu0
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, JSON.stringify({ latencies: load.latencies, starts: load.starts }))
  const latencies = [...load.latencies].sort((a, b) => a - b)
  return {
    load,
    rate: okCount(load.outcomes) / load.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    gatewayCores: gatewayCpu / load.seconds,
    generatorCores: load.cpuSeconds / load.seconds,
  }
}

/** Who asked how often, what they could afford: exactly min(stock, Σ min(asked, balance)) redeemed, no one below zero. */
function checkMall(db: Database.Database, goodsId: string, members: string[], part: Part): string[] {
  const wrong: string[] = []
  const affordable = members.reduce((n, _, i) => n + Math.min(part.load.sent[i], balanceOf(i)), 0)
  const expected = Math.min(STOCK, affordable)
  const redeemed = (db.prepare('SELECT COUNT(*) AS n FROM redemptions WHERE goods_id = ?').get(goodsId) as { n: number }).n
  const okReplies = okCount(part.load.outcomes)
  if (redeemed !== expected || okReplies !== expected) wrong.push(`redeemed ${redeemed} (${okReplies} ok replies), expected ${expected}`)
  const stock = (db.prepare('SELECT stock FROM goods WHERE id = ?').get(goodsId) as { stock: number }).stock
  if (stock !== STOCK - redeemed) wrong.push(`stock left ${stock}, expected ${STOCK - redeemed}`)
  const account = db.prepare('SELECT balance FROM point_accounts WHERE member_id = ?')
  const mine = db.prepare('SELECT COUNT(*) AS n FROM redemptions WHERE goods_id = ? AND member_id = ?')
  members.forEach((m, i) => {
    const n = (mine.get(goodsId, m) as { n: number }).n
    const balance = (account.get(m) as { balance: number }).balance
    if (n !== part.load.okBy[i] || n > balanceOf(i) || balance !== balanceOf(i) - n) {
      wrong.push(`${m}: ${n} redeemed (${part.load.okBy[i]} ok replies), balance ${balance} of ${balanceOf(i)}`)
    }
  })
  if (part.load.outcomes.INTERNAL) wrong.push(`${part.load.outcomes.INTERNAL} INTERNAL errors`)
  return wrong
}

function checkClaims(db: Database.Database, orders: string[], members: string[], part: Part): string[] {
  const wrong: string[] = []
  if (okCount(part.load.outcomes) !== orders.length) wrong.push(`${okCount(part.load.outcomes)} claims answered ok of ${orders.length}`)
  const claimer = db.prepare('SELECT status, claimer_id FROM orders WHERE id = ?')
  orders.forEach((id, i) => {
    const o = claimer.get(id) as { status: string; claimer_id: string | null }
    if (o.claimer_id !== members[i] || o.status !== 'claimed') wrong.push(`${id}: ${o.status} by ${o.claimer_id}, expected ${members[i]}`)
  })
  return wrong
}

function checkSignups(db: Database.Database, activities: string[], members: string[], part: Part): string[] {
  const wrong: string[] = []
  const per = (a: number) => members.filter((_, i) => i % ACTIVITIES === a).length
  const signedWanted = activities.reduce((n, _, a) => n + Math.min(QUOTA, per(a)), 0)
  const waitingWanted = members.length - signedWanted
  const { signed = 0, waitlisted = 0 } = {
    signed: part.load.outcomes['ok:signed'],
    waitlisted: part.load.outcomes['ok:waitlisted'],
  }
  if (signed !== signedWanted || waitlisted !== waitingWanted)
    wrong.push(`replies: ${signed} signed / ${waitlisted} waitlisted, expected ${signedWanted} / ${waitingWanted}`)
  const counts = db.prepare('SELECT signed_count AS s, waiting_count AS w FROM activities WHERE id = ?')
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM activity_signups WHERE activity_id = ? GROUP BY status')
  activities.forEach((id, a) => {
    const c = counts.get(id) as { s: number; w: number }
    const by = Object.fromEntries((rows.all(id) as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]))
    const s = Math.min(QUOTA, per(a))
    if (c.s !== s || c.w !== per(a) - s || by.signed !== s || (by.waitlisted ?? 0) !== per(a) - s)
      wrong.push(`${id}: ${c.s}/${c.w} counted, ${by.signed}/${by.waitlisted} rows, expected ${s}/${per(a) - s}`)
  })
  return wrong
}

async function viaGateway(dataDir: string, prepared: Awaited<ReturnType<typeof prepare>>) {
  const { goodsId, members, orders, activities } = prepared
  const { url, child } = await startGateway(dataDir)
  const out: { mall?: Part; claims?: Part; signups?: Part } = {}
  try {
    const tokens = await signIn(url, members)
    if (runs('mall')) {
      out.mall = await measure(child.pid, {
        url,
        shared: TOTAL,
        workers: tokens.map((token) => ({ token, fn: 'mall', action: 'redeem', input: { goodsId } })),
      })
    }
    if (runs('claims')) {
      out.claims = await measure(child.pid, {
        url,
        workers: tokens.map((token, i) => ({ token, fn: 'orders', action: 'claim', input: { orderId: orders[i] } })),
      })
    }
    if (runs('signups')) {
      out.signups = await measure(child.pid, {
        url,
        workers: tokens.map((token, i) => ({
          token,
          fn: 'activities',
          action: 'signup',
          input: { activityId: activities[i % ACTIVITIES] },
        })),
      })
    }
  } finally {
    await stopGateway(child)
  }
  return out
}

/** The same writes as one redemption, as hand-written SQL in one transaction each. */
function bareSqlite(dir: string) {
  const db = new Database(path.join(dir, 'bare.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec(`CREATE TABLE goods (id TEXT PRIMARY KEY, stock INTEGER, version INTEGER);
    CREATE TABLE holdings (goods_id TEXT, member_id TEXT, count INTEGER, PRIMARY KEY (goods_id, member_id));
    CREATE TABLE accounts (member_id TEXT PRIMARY KEY, balance INTEGER, version INTEGER);
    CREATE TABLE ledger (source_key TEXT PRIMARY KEY, member_id TEXT, delta INTEGER, balance_after INTEGER, at INTEGER);
    CREATE TABLE redemptions (id TEXT PRIMARY KEY, member_id TEXT, goods_id TEXT, code TEXT, status TEXT, created_at INTEGER);
    CREATE TABLE codes (code TEXT PRIMARY KEY, redemption_id TEXT);
    INSERT INTO goods VALUES ('g', 100000000, 1);`)
  const members = Array.from({ length: CONCURRENCY }, (_, i) => `m${i}`)
  const addAccount = db.prepare('INSERT INTO accounts VALUES (?, 1000000, 1)')
  for (const m of members) addAccount.run(m)
  const q = {
    goods: db.prepare('SELECT stock, version FROM goods WHERE id = ?'),
    holding: db.prepare('SELECT count FROM holdings WHERE goods_id = ? AND member_id = ?'),
    account: db.prepare('SELECT balance, version FROM accounts WHERE member_id = ?'),
    code: db.prepare('SELECT 1 FROM codes WHERE code = ?'),
    setGoods: db.prepare('UPDATE goods SET stock = stock - 1, version = version + 1 WHERE id = ? AND version = ?'),
    setHolding: db.prepare('INSERT INTO holdings VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET count = count + 1'),
    ledger: db.prepare('INSERT INTO ledger VALUES (?, ?, -1, ?, ?)'),
    setAccount: db.prepare('UPDATE accounts SET balance = balance - 1, version = version + 1 WHERE member_id = ? AND version = ?'),
    redemption: db.prepare("INSERT INTO redemptions VALUES (?, ?, 'g', ?, 'pending', ?)"),
    addCode: db.prepare('INSERT INTO codes VALUES (?, ?)'),
  }
  const redeem = db.transaction((member: string, n: number) => {
    const g = q.goods.get('g') as { stock: number; version: number }
    q.holding.get('g', member)
    const a = q.account.get(member) as { balance: number; version: number }
    const code = String(10_000_000 + n)
    q.code.get(code)
    q.setGoods.run('g', g.version)
    q.setHolding.run('g', member)
    q.ledger.run(`redemption:r${n}`, member, a.balance - 1, Date.now())
    q.setAccount.run(member, a.version)
    q.redemption.run(`r${n}`, member, code, Date.now())
    q.addCode.run(code, `r${n}`)
  })
  const latencies: number[] = []
  const t0 = performance.now()
  for (let n = 0; n < TOTAL; n++) {
    const s = performance.now()
    redeem(members[n % members.length], n)
    latencies.push(performance.now() - s)
  }
  const seconds = (performance.now() - t0) / 1000
  db.close()
  latencies.sort((a, b) => a - b)
  return { rate: TOTAL / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

const partFigures = (what: string, p: Part, checked: string[], extra: Figure[] = []): Figure[] => {
  const network = Object.entries(p.load.outcomes).filter(([k]) => k.startsWith('network:'))
  const wrong = [...network.map(([k, n]) => `${n} × ${k}`), ...checked]
  return [
    {
      name: `gateway ${what}/s committed (${CONCURRENCY} concurrent)`,
      value: p.rate,
      unit: 'ops/s',
      target: '≥ 2500',
      pass: p.rate >= 2500,
    },
    { name: `gateway ${what} p50 latency`, value: p.p50, unit: 'ms' },
    { name: `gateway ${what} p99 latency`, value: p.p99, unit: 'ms', target: '≤ 500', pass: p.p99 <= 500 },
    ...extra,
    { name: `results exact (${wrong.length} wrong)`, value: wrong.length, unit: 'wrong', target: '= 0', pass: wrong.length === 0 },
    { name: 'gateway CPU over the run', value: p.gatewayCores * 100, unit: '% core' },
    { name: 'load generator CPU (own process)', value: p.generatorCores * 100, unit: '% core' },
  ]
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-mall-'))
  try {
    const prepared = await prepare(dir)
    const gw = await viaGateway(dir, prepared)
    const db = new Database(path.join(dir, 'redgrid.db'), { readonly: true })
    const extra = (p: Part) => ({ seconds: p.load.seconds, requests: p.load.latencies.length, outcomes: p.load.outcomes })
    if (gw.mall) {
      const wrong = checkMall(db, prepared.goodsId, prepared.members, gw.mall)
      const bare = bareSqlite(dir)
      const ratio = bare.rate / gw.mall.rate
      report(
        'mall',
        partFigures('redemptions', gw.mall, wrong, [
          { name: 'bare SQLite redemptions/s (same writes)', value: bare.rate, unit: 'ops/s' },
          { name: 'bare SQLite p99 per transaction', value: bare.p99, unit: 'ms' },
          { name: 'bare SQLite ÷ gateway throughput', value: ratio, unit: '×', target: '≤ 3', pass: ratio <= 3 },
        ]),
        { ...extra(gw.mall), stock: STOCK, wrong: wrong.slice(0, 20) },
      )
    }
    if (gw.claims) {
      const wrong = checkClaims(db, prepared.orders, prepared.members, gw.claims)
      report('claims', partFigures('claims', gw.claims, wrong), { ...extra(gw.claims), wrong: wrong.slice(0, 20) })
    }
    if (gw.signups) {
      const wrong = checkSignups(db, prepared.activities, prepared.members, gw.signups)
      report('signups', partFigures('sign-ups', gw.signups, wrong), { ...extra(gw.signups), wrong: wrong.slice(0, 20) })
    }
    db.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
