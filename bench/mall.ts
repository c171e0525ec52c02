// npm run bench:mall — committed redemptions per second and latency through the HTTP gateway at
// 1,024 concurrency, beside the same transactions on bare SQLite.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { composeLocal } from '../cloudfunctions/compose'
import { addMembers } from '../test/helpers/local'
import { seedDemo } from '../local/seed'
import { percentile, report, startGateway } from './lib'

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1024)
const TOTAL = Number(process.env.BENCH_REDEMPTIONS ?? 20_000)
const STAFF = 'u_linx'

async function prepare(dataDir: string) {
  const app = composeLocal({ dataDir, demo: true })
  await seedDemo(app)
  const staff = { userId: STAFF }
  const call = async (fn: string, action: string, input: unknown, who = staff) => {
    const res = await app.handlers[fn]({ action, input, requestId: `bench-${Math.random().toString(36).slice(2)}` }, who)
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data as any
  }
  const goods = await call('mall', 'upsertGoods', { name: '压测商品', price: 1, stock: 100_000, limitPerMember: 100, onShelf: true })
  const members = await addMembers(app, 'c_hongxing', CONCURRENCY, 'u_bench')
  for (const m of members) await call('points', 'adjust', { memberId: m, delta: 1000, reason: '压测积分' })
  app.close()
  return { goodsId: goods.id as string, members }
}

async function viaGateway(dataDir: string, goodsId: string, members: string[]) {
  const { url, child } = await startGateway(dataDir)
  try {
    const tokens = await Promise.all(
      members.map(async (userId) => {
        const res = await fetch(`${url}/api/auth/demo-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId }),
        })
        return ((await res.json()) as any).data.token as string
      }),
    )
    const latencies: number[] = []
    let issued = 0
    let committed = 0
    let failed = 0
    const t0 = performance.now()
    await Promise.all(
      tokens.map(async (token, w) => {
        for (;;) {
          const n = issued++
          if (n >= TOTAL) return
          const start = performance.now()
          const res = await fetch(`${url}/api/mall`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ action: 'redeem', input: { goodsId }, requestId: `b${w}-${n}-${start.toFixed(0)}` }),
          })
          const body = (await res.json()) as any
          latencies.push(performance.now() - start)
          if (body.ok) committed++
          else failed++
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    latencies.sort((a, b) => a - b)
    return { rate: committed / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), committed, failed, seconds }
  } finally {
    child.kill('SIGTERM')
  }
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

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-mall-'))
  try {
    const { goodsId, members } = await prepare(dir)
    const gw = await viaGateway(dir, goodsId, members)
    const bare = bareSqlite(dir)
    const ratio = bare.rate / gw.rate
    report(
      'mall',
      [
        {
          name: `gateway redemptions/s (${CONCURRENCY} concurrent)`,
          value: gw.rate,
          unit: 'ops/s',
          target: '≥ 1000',
          pass: gw.rate >= 1000,
        },
        { name: 'gateway p50 latency', value: gw.p50, unit: 'ms' },
        { name: 'gateway p99 latency', value: gw.p99, unit: 'ms', target: '≤ 500', pass: gw.p99 <= 500 },
        { name: 'bare SQLite redemptions/s (same writes)', value: bare.rate, unit: 'ops/s' },
        { name: 'bare SQLite p99 per transaction', value: bare.p99, unit: 'ms' },
        { name: 'bare SQLite ÷ gateway throughput', value: ratio, unit: '×', target: '≤ 3', pass: ratio <= 3 },
      ],
      { redemptions: TOTAL, committed: gw.committed, failed: gw.failed, seconds: gw.seconds },
    )
    if (gw.failed > 0) console.log(`  (${gw.failed} redemptions were refused: check the log above)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
