// npm run bench:cloud — Saturday 09:00 on CloudBase: the built functions (the real cloud composition,
// as `npm run serve:cloud` runs them) on the CloudBase emulator with a round trip added to every
// database call, 300 members signing up for one activity of quota 20 and 300 redeeming a good with
// stock 10, each burst spread over one second. Every person is a WeChat caller (their OPENID in the
// call's context); a refusal for a concurrent change (409 CONFLICT, 「请刷新后重试」) is tapped again
// after a pause, as a person would, and counted.
//   node --import tsx bench/cloud-burst.ts [latencyMs …]   (default: 30 80)
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Envelope } from '@shared/envelope'
import { cloudbaseStore } from '../cloudfunctions/adapters/cloudbase/store'
import { demoOpenId } from '../local/cloud-backend'
import { seedDemo } from '../local/seed'
import { type RunningEmulator, startEmulator } from '../tools/tcb-emulator/client'
import { type Figure, ROOT, activityInput, percentile, report } from './lib'

const PEOPLE = Number(process.env.BENCH_CLOUD_PEOPLE ?? 300)
const QUOTA = 20
const STOCK = 10
const SPREAD_MS = 1000
/** What an exact run gives (a smaller probe, BENCH_CLOUD_PEOPLE, fills fewer places). */
const SIGNED = Math.min(QUOTA, PEOPLE)
const REDEEMED = Math.min(STOCK, PEOPLE)
/** Within this every request must have its final answer (the target). */
const ANSWERED_MS = 3000
/** A person taps again after a 「请刷新后重试」, at most this often, after this pause. */
const TAPS = 5
const PAUSE_MS = 300

const FUNCTIONS = path.join(ROOT, 'build', 'functions')
const openIdOf = (userId: string) => `bench-openid-${userId}`

interface Outcome {
  ok: boolean
  code?: string
  data?: any
  /** From the first tap to the final answer. */
  ms: number
  /** Taps after the first. */
  again: number
}

async function prepare(emu: RunningEmulator) {
  const sdk = require('@cloudbase/node-sdk').init(emu.sdkConfig())
  const store = cloudbaseStore(sdk.database())
  const offset = (await emu.control.clock()).offsetMs
  const clock = { now: () => Date.now() + offset }
  await seedDemo({ store, clock }, { openIdOf: demoOpenId })
  const ids = Array.from({ length: PEOPLE }, (_, i) => `u_burst${i + 1}`)
  await store.write(async (repos) => {
    for (const [i, id] of ids.entries()) {
      await repos.users.insert({
        id,
        communityId: 'c_hongxing',
        name: `党员${i + 1}`,
        phone: null,
        roles: ['member'],
        gridId: 'g_hx1',
        buildingId: null,
        room: null,
        member: { branch: '压测支部', workUnit: null, posts: [], skills: [], status: 'on_job', management: 'direct' },
        rankingOptIn: false,
        workGrids: [],
        gridLead: false,
        headOf: null,
        createdAt: clock.now(),
      })
      await repos.identity.bindOpenId(openIdOf(id), id)
    }
    await repos.mall.insertGoods({
      id: 'g_burst',
      communityId: 'c_hongxing',
      name: '限量电影票',
      image: null,
      description: '周六场，每人一张',
      price: 30,
      stock: STOCK,
      limitPerMember: 1,
      onShelf: true,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      version: 1,
    })
  })
  const staff = { caller: { openId: demoOpenId('u_linx') } }
  const call = async (fn: string, event: unknown) => {
    const res = await emu.control.invoke<Envelope<any>>(fn, event, staff)
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data
  }
  const activity = await call('activities', {
    action: 'publish',
    requestId: 'bench-publish',
    input: activityInput(clock.now(), '周六上午清洁家园', QUOTA),
  })
  // everyone can afford the ticket: the stock is what runs out
  for (let i = 0; i < ids.length; i += 25)
    await Promise.all(
      ids
        .slice(i, i + 25)
        .map((memberId) =>
          call('points', { action: 'adjust', requestId: `bench-adjust-${memberId}`, input: { memberId, delta: 100, reason: '压测积分' } }),
        ),
    )
  return { ids, activityId: activity.id as string, store }
}

/** One person's request, tapped again after each 409 CONFLICT. */
async function person(emu: RunningEmulator, userId: string, fn: string, action: string, input: unknown): Promise<Outcome> {
  const t0 = performance.now()
  const caller = { caller: { openId: openIdOf(userId) } }
  for (let tap = 0; ; tap++) {
    // a new tap is a new request (a new requestId), as the page makes after 「请刷新后重试」
    const res = await emu.control.invoke<Envelope<any>>(fn, { action, input, requestId: `${userId}-${action}-${tap}` }, caller)
    const ms = performance.now() - t0
    if (res.ok) return { ok: true, data: res.data, ms, again: tap }
    if (res.error.code !== 'CONFLICT' || tap + 1 >= TAPS) return { ok: false, code: res.error.code, ms, again: tap }
    await new Promise((r) => setTimeout(r, PAUSE_MS * (0.5 + Math.random())))
  }
}

/** Everyone once, spread evenly over SPREAD_MS. */
async function burst(emu: RunningEmulator, ids: string[], fn: string, action: string, input: unknown) {
  const before = await emu.control.stats()
  const t0 = performance.now()
  const outcomes = await Promise.all(
    ids.map(async (id, i) => {
      await new Promise((r) => setTimeout(r, (i / ids.length) * SPREAD_MS))
      return person(emu, id, fn, action, input)
    }),
  )
  const settledMs = performance.now() - t0
  const after = await emu.control.stats()
  const calls = (stats: typeof before) =>
    Object.entries(stats.requests)
      .filter(([action]) => action.startsWith('database.'))
      .reduce((n, [, count]) => n + count, 0)
  const dbCalls = calls(after) - calls(before)
  const started = after.transactions.started - before.transactions.started
  const conflicts = after.transactions.conflicts - before.transactions.conflicts
  const requests = outcomes.reduce((n, o) => n + 1 + o.again, 0)
  return { outcomes, settledMs, started, conflicts, requests, dbCalls }
}

function figures(
  label: string,
  latency: number,
  b: Awaited<ReturnType<typeof burst>>,
  exact: { value: number; unit: string; target: string; pass: boolean },
): Figure[] {
  const ms = b.outcomes.map((o) => o.ms).sort((x, y) => x - y)
  // a person told 「请刷新后重试」 after the last tap never had an answer; a sold-out good is an answer
  const unanswered = b.outcomes.filter((o) => o.ms > ANSWERED_MS || (!o.ok && o.code === 'CONFLICT')).length
  const again = b.outcomes.map((o) => o.again).sort((x, y) => x - y)
  const at = `${latency} ms/call`
  return [
    {
      name: `${label} @ ${at}: answered after 3 s (or never)`,
      value: unanswered,
      unit: `of ${PEOPLE}`,
      target: '= 0',
      pass: unanswered === 0,
    },
    {
      name: `${label} @ ${at}: p50 / p99 / max`,
      value: percentile(ms, 50),
      unit: `/ ${Math.round(percentile(ms, 99))} / ${Math.round(ms[ms.length - 1])} ms`,
    },
    { name: `${label} @ ${at}: all settled in`, value: b.settledMs, unit: 'ms' },
    {
      name: `${label} @ ${at}: taps again after 「请刷新后重试」 (max per person)`,
      value: b.requests - PEOPLE,
      unit: `(max ${again[again.length - 1]})`,
      target: '= 0',
      pass: b.requests === PEOPLE,
    },
    {
      // one after another in a request, each a round trip: with no queueing this is its time
      name: `${label} @ ${at}: database calls per request (× ${latency} ms)`,
      value: b.dbCalls / b.requests,
      unit: `(${Math.round((b.dbCalls / b.requests) * latency)} ms)`,
    },
    {
      name: `${label} @ ${at}: database transactions per request (conflicts)`,
      value: b.started / b.requests,
      unit: `(${b.conflicts} conflicts)`,
    },
    { name: `${label} @ ${at}: exact`, ...exact },
  ]
}

async function run(latency: number): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-cloud-'))
  process.env.TENCENTCLOUD = 'true'
  const emu = await startEmulator({ dataDir: dir, functionsDir: FUNCTIONS })
  try {
    const { ids, activityId, store } = await prepare(emu)
    await emu.control.setLatency(latency)

    const signups = await burst(emu, ids, 'activities', 'signup', { activityId })
    const rows = await store.read((repos) => repos.activities.signups(activityId))
    const signed = rows.filter((s) => s.status === 'signed')
    const waiting = rows.filter((s) => s.status === 'waitlisted').sort((x, y) => x.seq - y.seq)
    // arrival order: the service's order of acceptance (seq); the signed hold the first 20 places
    const firstPlaces = signed.every((s) => waiting.every((w) => s.seq < w.seq))
    const positions = signups.outcomes.filter((o) => o.data?.status === 'waitlisted').map((o) => o.data.position as number)
    const distinct = new Set(positions).size === positions.length
    const signupExact = signed.length === SIGNED && waiting.length === PEOPLE - SIGNED && firstPlaces && distinct

    const redemptions = await burst(emu, ids, 'mall', 'redeem', { goodsId: 'g_burst' })
    const goods = await store.read((repos) => repos.mall.goods('g_burst'))
    const redeemed = redemptions.outcomes.filter((o) => o.ok).length
    const soldOut = redemptions.outcomes.filter((o) => o.code === 'CONFLICT' || o.code === 'SOLD_OUT').length
    const balances = await store.read((repos) => Promise.all(ids.map((id) => repos.points.account(id))))
    const spent = balances.filter((a) => a && a.balance === 70).length
    const mallExact = redeemed === REDEEMED && goods?.stock === STOCK - REDEEMED && spent === REDEEMED

    return [
      ...figures('sign-ups', latency, signups, {
        value: signed.length,
        unit: `signed / ${waiting.length} waitlisted${firstPlaces ? '' : ', out of order'}${distinct ? '' : ', positions repeat'}`,
        target: `${SIGNED} / ${PEOPLE - SIGNED}, in order`,
        pass: signupExact,
      }),
      ...figures('redemptions', latency, redemptions, {
        value: redeemed,
        unit: `redeemed (stock left ${goods?.stock}, ${spent} charged, ${soldOut} told 兑完了)`,
        target: `${REDEEMED}, stock ${STOCK - REDEEMED}`,
        pass: mallExact,
      }),
    ]
  } finally {
    await emu.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (!existsSync(path.join(FUNCTIONS, 'activities', 'index.js'))) throw new Error('run `npm run build:functions` first')
  const latencies = process.argv.slice(2).map(Number)
  const all: Figure[] = []
  for (const latency of latencies.length ? latencies : [30, 80]) all.push(...(await run(latency)))
  report('cloud-burst', all)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
