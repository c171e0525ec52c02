// Cloud mode over HTTP (npm run serve:cloud): the local gateway's contract answered by the built
// functions on the CloudBase emulator. Each caller's OPENID goes into their own invocation's context —
// two at once never see each other, nothing in the body counts — the test clock moves the functions'
// time and runs the built scheduler, photos and exports live in the emulator's storage, and the data
// folder keeps it all across a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { type CloudMode, demoOpenId, startCloudMode } from '../../local/cloud-backend'
import { createGateway } from '../../local/gateway'
import { builtFunctions } from '../helpers/builds'
import { TINY_PNG } from '../helpers/local'

jest.setTimeout(60_000)

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-cloud-'))
const logs: string[] = []
let cloud: CloudMode
let url: string
let close: () => Promise<void>

async function start() {
  cloud = await startCloudMode({ dataDir, functionsDir: builtFunctions(), log: (m, e) => logs.push(`${m} ${e ?? ''}`) })
  const server = createGateway(cloud.backend, { demo: true })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = async () => {
    server.closeAllConnections()
    server.close()
    await cloud.close()
  }
}

beforeAll(start, 60_000)
afterAll(async () => {
  await close()
  rmSync(dataDir, { recursive: true, force: true })
})

let seq = 0
const tokens = new Map<string, string>()
async function post(route: string, body: unknown, token?: string) {
  const res = await fetch(`${url}/api/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}
async function token(userId: string) {
  const known = tokens.get(userId)
  if (known) return known
  const res = await post('auth/demo-login', { userId })
  expect(res.body).toMatchObject({ ok: true, data: { user: { id: userId } } })
  tokens.set(userId, res.body.data.token)
  return res.body.data.token as string
}
async function ok(userId: string, fn: string, action: string, input: unknown = {}) {
  const res = await post(fn, { action, input, requestId: `req-cloud-${++seq}` }, await token(userId))
  if (!res.body.ok) throw new Error(`${fn}.${action} as ${userId}: ${JSON.stringify(res.body.error)}`)
  return res.body.data
}
async function upload(userId: string) {
  const res = await fetch(`${url}/api/files`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${await token(userId)}` },
    body: TINY_PNG,
  })
  return (await res.json()).data as { fileId: string; url: string }
}

describe('who calls', () => {
  it('lists the demo people, each bound to an OPENID at seed', async () => {
    const res = await fetch(`${url}/api/auth/demo-users`)
    const { users } = (await res.json()).data
    expect(users.slice(0, 2).map((u: { id: string }) => u.id)).toEqual(['u_wangxl', 'u_lijg'])
    const openIds = await cloud.emulator.control.docs('identities')
    expect(openIds.find((d) => d.userId === 'u_wangxl')?._id).toBe(demoOpenId('u_wangxl'))
    expect(openIds).toHaveLength(users.length)
  })

  it('gives two concurrent callers each their own identity, call after call', async () => {
    const [resident, staff] = [await token('u_wangxl'), await token('u_linx')]
    // slow database round trips: the calls below overlap inside the emulator's process
    await cloud.emulator.control.setLatency(20)
    try {
      const me = (t: string) => post('accounts', { action: 'me' }, t)
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => me(i % 2 ? staff : resident)))
      expect(answers.map((a) => a.body.data.id)).toEqual(['u_wangxl', 'u_linx', 'u_wangxl', 'u_linx', 'u_wangxl', 'u_linx'])
    } finally {
      await cloud.emulator.control.setLatency(0)
    }
  })

  it('never takes the caller from the body', async () => {
    const forged = { action: 'me', userInfo: { openId: demoOpenId('u_linx') }, openid: demoOpenId('u_linx'), userId: 'u_linx' }
    expect((await post('accounts', forged, await token('u_wangxl'))).body).toMatchObject({ ok: true, data: { id: 'u_wangxl' } })
    expect(await post('accounts', forged)).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } })
    // nor may anyone call the scheduler through the gateway
    expect((await post('scheduler', { action: 'tick' }, await token('u_linx'))).status).toBe(404)
  })

  it('refuses a forged token as local mode does', async () => {
    expect((await post('accounts', { action: 'me' }, 'x'.repeat(32))).status).toBe(401)
  })
})

describe('photos, exports and the test clock', () => {
  it('stores a photo in cloud storage under the uploader, served back through the gateway', async () => {
    const photo = await upload('u_wangxl')
    expect(photo.fileId).toMatch(new RegExp(`^cloud://${cloud.emulator.envId}\\.[^/]+/uploads/u_wangxl/p_[A-Za-z0-9_-]+\\.png$`))
    expect(photo.url).toMatch(/^\/__cos\//)
    const res = await fetch(url + photo.url)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(TINY_PNG)
    expect((await fetch(`${url}${photo.url.replace(/sign=\w+/, 'sign=forged')}`)).status).toBe(404)
    // refused as local mode refuses it
    const bad = await fetch(`${url}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${await token('u_wangxl')}` },
      body: TINY_PNG,
    })
    expect((await bad.json()).error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' })
  })

  it('runs an order to its 72-hour auto-confirm: the clock moves the functions and runs the built scheduler', async () => {
    const photo = await upload('u_wangxl')
    const order = await ok('u_wangxl', 'orders', 'create', {
      kind: 'service',
      category: 'care',
      title: '帮我取药',
      description: '降压药吃完了',
      photos: [photo.fileId],
    })
    expect(order.photos).toEqual([{ fileId: photo.fileId, url: expect.stringMatching(/^\/__cos\//) }])
    await ok('u_linx', 'orders', 'review', { orderId: order.id, decision: 'dispatch', points: 10 })
    await ok('u_zhouzq', 'orders', 'claim', { orderId: order.id })
    const done = await upload('u_zhouzq')
    await ok('u_zhouzq', 'orders', 'complete', { orderId: order.id, summary: '已帮王阿姨取回降压药并讲清用法', photos: [done.fileId] })

    const ticks = (await cloud.emulator.control.stats()).functions.scheduler?.invocations ?? 0
    const before = Date.parse((await (await fetch(`${url}/api/dev/clock`)).json()).data.now)
    const moved = await post('dev/clock', { advanceMs: 73 * 3600_000 })
    expect(moved.body).toMatchObject({ ok: true, data: { tick: { autoConfirmed: 1 } } })
    expect(Date.parse(moved.body.data.now) - before).toBeGreaterThanOrEqual(73 * 3600_000)
    expect((await cloud.emulator.control.stats()).functions.scheduler.invocations).toBe(ticks + 1)
    expect(await ok('u_wangxl', 'orders', 'get', { orderId: order.id })).toMatchObject({ status: 'closed' })
    expect(await ok('u_zhouzq', 'points', 'balance')).toMatchObject({ balance: 10 })
  })

  it('exports the 工作台账 to storage, downloadable through the gateway', async () => {
    const file = await ok('u_linx', 'workbench', 'exportLedger', { from: '2030-01-01', to: '2030-12-31' })
    expect(file.url).toMatch(/^\/__cos\/[^/]+\/exports\/u_linx\/x_[^/]+\.xlsx\?sign=/)
    const res = await fetch(url + file.url)
    expect(res.status).toBe(200)
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK')
  })
})

describe('the mall under a race', () => {
  it('six members redeem a good of stock 2 at once: two get it, never more; the rest find it sold out', async () => {
    const members = ['u_zhouzq', 'u_wuhy', 'u_zhengw', 'u_sunln', 'u_maj', 'u_zhut']
    const goods = await ok('u_linx', 'mall', 'upsertGoods', { name: '电饭煲', price: 30, stock: 2, limitPerMember: 1, onShelf: true })
    for (const memberId of members) await ok('u_linx', 'points', 'adjust', { memberId, delta: 40, reason: '活动积分补录' })
    const tokens = await Promise.all(members.map(token))
    const redeem = (t: string) => post('mall', { action: 'redeem', input: { goodsId: goods.id }, requestId: `req-race-${++seq}` }, t)
    // a database round trip of 10 ms: the six transactions overlap on the one goods document
    await cloud.emulator.control.setLatency(10)
    const results = await Promise.all(tokens.map(redeem)).finally(() => cloud.emulator.control.setLatency(0))
    // some are served at once; the others are sold out, or — when the SDK's immediate retries ran out while
    // a winner still held the document — told to try again, which each then does, one after another
    for (const r of results.filter((x) => !x.body.ok)) expect(['SOLD_OUT', 'CONFLICT']).toContain(r.body.error.code)
    const again: typeof results = []
    for (const [i, t] of tokens.entries()) if (results[i].body.error?.code === 'CONFLICT') again.push(await redeem(t))
    for (const r of again) if (!r.body.ok) expect(r.body.error.code).toBe('SOLD_OUT')
    expect([...results, ...again].filter((r) => r.body.ok).length).toBe(2)
    const shelf = await ok('u_linx', 'mall', 'listGoods', { all: true })
    expect(shelf.items.find((g: { id: string }) => g.id === goods.id)).toMatchObject({ stock: 0 })
    expect((await cloud.emulator.control.docs('redemptions')).filter((d) => d.goodsId === goods.id)).toHaveLength(2)
  })
})

it('keeps its documents in the data folder across a restart, and seeds only once', async () => {
  const made = await ok('u_lijg', 'orders', 'create', { kind: 'wish', category: 'education', title: '想学用手机', description: '视频通话' })
  await close()
  tokens.clear()
  await start()
  expect(cloud.seeded).toBe(false)
  expect(await ok('u_lijg', 'orders', 'get', { orderId: made.id })).toMatchObject({ title: '想学用手机' })
  expect(logs.filter((l) => !l.startsWith('function: '))).toEqual([])
})
