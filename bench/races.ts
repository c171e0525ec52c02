// npm run bench:races — the claim race and the Saturday-morning sign-up burst, through the gateway.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { composeLocal } from '../cloudfunctions/compose'
import { seedDemo } from '../local/seed'
import { addMembers } from '../test/helpers/local'
import { activityInput, percentile, report, startGateway } from './lib'

const RACERS = 200
const ORDERS = 20
const SIGNUPS = 300

async function prepare(dir: string) {
  const app = composeLocal({ dataDir: dir, demo: true })
  await seedDemo(app)
  const call = async (who: string, fn: string, action: string, input: unknown) => {
    const res = await app.handlers[fn]({ action, input, requestId: `prep-${Math.random().toString(36).slice(2)}` }, { userId: who })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    return res.data as any
  }
  const orders: string[] = []
  for (let i = 0; i < ORDERS; i++) {
    const o = await call('u_wangxl', 'orders', 'create', { kind: 'service', category: 'care', title: `压测工单${i}` })
    await call('u_linx', 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
    orders.push(o.id)
  }
  const activity = await call('u_linx', 'activities', 'publish', activityInput(app.clock.now(), '压测活动', 20))
  const members = await addMembers(app, 'c_hongxing', Math.max(RACERS, SIGNUPS), 'u_race')
  app.close()
  return { orders, activityId: activity.id as string, members }
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-races-'))
  const { orders, activityId, members } = await prepare(dir)
  const { url, child } = await startGateway(dir)
  try {
    const login = async (userId: string) => {
      const res = await fetch(`${url}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      })
      return ((await res.json()) as any).data.token as string
    }
    const tokens = await Promise.all(members.map(login))
    const post = async (token: string, fn: string, action: string, input: unknown) => {
      const t = performance.now()
      const res = await fetch(`${url}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, input, requestId: `r-${Math.random().toString(36).slice(2)}` }),
      })
      const body = (await res.json()) as any
      return { ok: body.ok as boolean, status: res.status, ms: performance.now() - t, data: body.data }
    }

    // claim race: 200 members at once for each order in turn
    const raceTimes: number[] = []
    const claimLatencies: number[] = []
    let winners = 0
    for (const orderId of orders) {
      const t = performance.now()
      const results = await Promise.all(tokens.slice(0, RACERS).map((tk) => post(tk, 'orders', 'claim', { orderId })))
      raceTimes.push(performance.now() - t)
      winners += results.filter((r) => r.ok).length
      claimLatencies.push(...results.map((r) => r.ms))
    }
    raceTimes.sort((a, b) => a - b)
    claimLatencies.sort((a, b) => a - b)

    // sign-up burst: 300 members in (at most) one second for a quota of 20
    const t0 = performance.now()
    const signups = await Promise.all(
      tokens.slice(0, SIGNUPS).map(async (tk, i) => {
        await new Promise((r) => setTimeout(r, (i / SIGNUPS) * 1000)) // spread over one second
        return post(tk, 'activities', 'signup', { activityId })
      }),
    )
    const burstMs = performance.now() - t0
    const lat = signups.map((s) => s.ms).sort((a, b) => a - b)
    const signed = signups.filter((s) => s.data?.status === 'signed').length
    const waiting = signups.filter((s) => s.data?.status === 'waitlisted').length

    report('races', [
      { name: `claim race: ${RACERS} members for one order (p50 to settle)`, value: percentile(raceTimes, 50), unit: 'ms' },
      {
        name: 'claim race: per-request p99',
        value: percentile(claimLatencies, 99),
        unit: 'ms',
        target: '≤ 500',
        pass: percentile(claimLatencies, 99) <= 500,
      },
      {
        name: `claim race: winners over ${ORDERS} orders`,
        value: winners,
        unit: 'orders',
        target: `= ${ORDERS}`,
        pass: winners === ORDERS,
      },
      {
        name: `sign-up burst: ${SIGNUPS} in one second, all answered in`,
        value: burstMs,
        unit: 'ms',
        target: '≤ 1500',
        pass: burstMs <= 1500,
      },
      { name: 'sign-up burst: per-request p99', value: percentile(lat, 99), unit: 'ms', target: '≤ 500', pass: percentile(lat, 99) <= 500 },
      {
        name: 'sign-up burst: signed / waitlisted',
        value: signed,
        unit: `/ ${waiting}`,
        target: '20 / 280',
        pass: signed === 20 && waiting === 280,
      },
    ])
  } finally {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
