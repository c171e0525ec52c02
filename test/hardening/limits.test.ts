// Limits, each with a clear Chinese answer: request size (413), string lengths and photo counts (400),
// failed sign-ins and forged tokens per client address, wrong pickup codes and forged check-in codes
// per person (429). Successful calls are never counted: a busy Saturday morning is never throttled.
import http from 'node:http'
import { MAX_PHOTOS } from '@shared/enums'
import { ACCESS_MATRIX } from './access-matrix'
import { REGISTRY } from '../../cloudfunctions/core/registry'
import { SIGN_IN_LIMITS } from '../../cloudfunctions/core/usecases/accounts/sign-in-limits'
import { UNKNOWN_TOKEN_LIMIT } from '../../local/gateway'
import { type HttpHarness, openHttpHarness, rid } from '../helpers/local'
import { PERSONA, allowedCaller, inputFor } from './catalog'
import { ACTIONS, setPath } from './schema'
import { P, type WorldHarness, openWorld } from './world'

// real HTTP on a busy 2-core machine: generous per-test time
jest.setTimeout(60_000)

const CHINESE = /[\u4e00-\u9fa5]/

let wh: WorldHarness
beforeAll(async () => {
  wh = await openWorld()
}, 60_000)
afterAll(() => wh?.h.close())

describe('request size', () => {
  it.each(Object.keys(REGISTRY))('/api/%s refuses a body over 256 KB with 413, declared or streamed', async (fn) => {
    const token = await wh.h.token(P.S)
    const before = wh.dump()
    const body = JSON.stringify({ action: 'me', requestId: rid(), input: { title: '好'.repeat(100_000) } })
    const declared = await wh.h.post(fn, body, token)
    expect([declared.status, declared.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE'])
    expect(declared.body.error.message).toMatch(CHINESE)
    // no content-length: counted as it streams in
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000)))
        c.close()
      },
    })
    const res = await fetch(`${wh.h.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(wh.dump()).toBe(before)
  })

  it('answers a body just under the limit on its merits (400 for the long title, not 413)', async () => {
    const res = await wh.http(P.R, 'orders', 'create', { kind: 'service', category: 'care', title: 'x'.repeat(250_000) })
    expect([res.status, res.body.error.field]).toEqual([400, 'title'])
  })

  it('limits the demo sign-in body too', async () => {
    const res = await wh.h.post('auth/demo-login', { userId: 'u'.repeat(300_000) })
    expect(res.status).toBe(413)
  })
})

/** The valid call the access matrix allows for `key`. */
async function validCall(key: string) {
  const caller = ACCESS_MATRIX[key] && allowedCaller(ACCESS_MATRIX[key])
  if (!caller) throw new Error(`${key}: no caller the access matrix allows (add its row)`)
  return { userId: PERSONA[caller] as string, input: (await inputFor(wh, key, caller, 'own')) as Record<string, unknown> }
}

/** Fields that only mean something with another value set. */
const CONTEXT: Record<string, Record<string, unknown>> = {
  'orders.review reason': { decision: 'reject' },
  'activities.update place.address': { place: { name: '社区广场' } },
  'households.logVisit order.title': { order: { memberId: 'hm_wangxl', kind: 'service', category: 'care', title: '修水龙头' } },
  'households.logVisit order.description': { order: { memberId: 'hm_wangxl', kind: 'service', category: 'care', title: '修水龙头' } },
}

describe('string lengths', () => {
  const bounded = ACTIONS.flatMap((a) =>
    a.leaves
      .filter((l) => (l.kind === 'text' || l.kind === 'opaque' || l.kind === 'pattern') && l.maxLength !== undefined)
      .map((l) => [a.key, l.path, l] as const),
  )

  it('finds the bounded strings', () => {
    expect(bounded.length).toBeGreaterThan(20)
  })

  it.each(bounded)(
    '%s %s: one character over the limit is a 400 naming it; at the limit it is not a length error',
    async (key, path, leaf) => {
      const a = ACTIONS.find((x) => x.key === key)!
      const { userId, input } = await validCall(key)
      const base = { ...input, ...CONTEXT[`${key} ${path}`] }
      const max = leaf.maxLength as number
      await wh.reset()
      const before = wh.dump()
      const over = await wh.http(userId, a.fn, a.action, setPath(base, path, '好'.repeat(max + 1)))
      expect([over.status, over.body.error?.field]).toEqual([400, path])
      expect(over.body.error.message).toMatch(CHINESE)
      expect(wh.dump()).toBe(before)
      if (leaf.kind === 'text') {
        await wh.reset()
        const at = await wh.http(userId, a.fn, a.action, setPath(base, path, '好'.repeat(max)))
        expect(at.body.error?.field === path && /长|字符|多/.test(at.body.error.message)).toBe(false)
        if ((leaf.minLength ?? 0) > 0) {
          await wh.reset()
          const blank = await wh.http(userId, a.fn, a.action, setPath(base, path, '   '))
          expect([blank.status, blank.body.error?.field]).toEqual([400, path])
        }
      }
    },
  )
})

describe('photos per order', () => {
  it(`takes up to ${MAX_PHOTOS} photos on an order and its completion, never ${MAX_PHOTOS + 1}`, async () => {
    await wh.reset()
    const photos = [] as string[]
    for (let i = 0; i <= MAX_PHOTOS; i++) photos.push(await wh.h.upload(P.R))
    const order = { kind: 'hazard', category: 'environment', title: '楼道堆放杂物' }
    const before = wh.dump()
    const ten = await wh.http(P.R, 'orders', 'create', { ...order, photos })
    expect([ten.status, ten.body.error.field]).toEqual([400, 'photos'])
    expect(wh.dump()).toBe(before)
    const nine = await wh.http(P.R, 'orders', 'create', { ...order, photos: photos.slice(0, MAX_PHOTOS) })
    expect([nine.status, nine.body.data.photos.length]).toEqual([200, MAX_PHOTOS])

    const done = [] as string[]
    for (let i = 0; i <= MAX_PHOTOS; i++) done.push(await wh.h.upload(P.M))
    const complete = await wh.http(P.M, 'orders', 'complete', { orderId: wh.w.o.clmM, summary: '已经上门完成了维修工作', photos: done })
    expect([complete.status, complete.body.error.field]).toEqual([400, 'photos'])
  })
})

/** A POST from a chosen loopback address (127.0.0.2 is loopback too, and another client). */
function postFrom(url: string, localAddress: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body)
    const req = http.request(`${url}${path}`, {
      method: 'POST',
      localAddress,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    })
    req.on('response', (res) => {
      let data = ''
      res.on('data', (c) => {
        data += c
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }))
    })
    req.on('error', reject)
    req.end(text)
  })
}

describe('sign-in attempts per client address', () => {
  let h: HttpHarness
  beforeEach(async () => {
    h = await openHttpHarness()
  })
  afterEach(() => h.close())
  const N = SIGN_IN_LIMITS.address.maxFailures

  it(`refuses sign-in after ${N} failed demo logins, with 429 and a Chinese message; signed-in people carry on`, async () => {
    const token = await h.token(P.R)
    for (let i = 0; i < N; i++) expect((await h.post('auth/demo-login', { userId: `u_guess${i}` })).status).toBe(404)
    const limited = await h.post('auth/demo-login', { userId: 'u_guess_more' })
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED'])
    expect(limited.body.error.message).toMatch(/尝试次数太多.*分钟后再试/)
    // a real name does not get through the limit either: the address is guessing
    expect((await h.post('auth/demo-login', { userId: P.M })).status).toBe(429)
    // whoever is signed in is never slowed
    expect((await h.post('accounts', { action: 'me' }, token)).status).toBe(200)
    // another client is counted apart
    expect((await postFrom(h.url, '127.0.0.2', '/api/auth/demo-login', { userId: P.M })).status).toBe(200)
    // and the window passes
    h.app.testClock?.advance(SIGN_IN_LIMITS.address.windowMs + 1000)
    expect((await h.post('auth/demo-login', { userId: P.M })).status).toBe(200)
  })

  it('counts forged and ended tokens apart: past their limit they get 429, and signing in from the same address still works', async () => {
    const token = await h.token(P.S)
    const T = UNKNOWN_TOKEN_LIMIT.maxFailures
    for (let i = 0; i < T; i++) {
      const forged = i % 2 ? `${'A'.repeat(31)}${i}` : 'not a token at all'
      expect((await h.post('orders', { action: 'list', input: { scope: 'mine' } }, forged)).status).toBe(401)
    }
    const limited = await h.post('accounts', { action: 'me' }, 'B'.repeat(32))
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED'])
    const upload = await fetch(`${h.url}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${'C'.repeat(32)}` },
      body: 'x',
    })
    expect(upload.status).toBe(429)
    expect((await h.post('accounts', { action: 'me' }, token)).status).toBe(200)
    expect((await h.post('auth/demo-login', { userId: P.M })).status).toBe(200)
    expect((await postFrom(h.url, '127.0.0.2', '/api/accounts', { action: 'me' }, 'D'.repeat(32))).status).toBe(401)
  })

  it('never counts successful calls: 500 at once from one address, then the full allowance of failures', async () => {
    const users = [P.R, P.R2, P.M, P.M2, P.S, P.A, P.OS, P.QR, P.QM]
    const tokens = await Promise.all(users.map((u) => h.token(u)))
    const burst = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        i % 5 === 0
          ? h.post('auth/demo-login', { userId: users[i % users.length] })
          : h.post('accounts', { action: 'me' }, tokens[i % tokens.length]),
      ),
    )
    expect(burst.filter((r) => r.status !== 200)).toEqual([])
    for (let i = 0; i < N; i++) expect((await h.post('auth/demo-login', { userId: `u_typo${i}` })).status).toBe(404)
    expect((await h.post('auth/demo-login', { userId: 'u_typo' })).status).toBe(429)
  })
})

describe('code verification', () => {
  const MAX = 5

  it('mall.verify: five wrong pickup codes, then 429 even for the right one; nothing changes', async () => {
    await wh.reset()
    for (let i = 0; i < MAX; i++) {
      const res = await wh.http(P.A, 'mall', 'verify', { code: `0000000${i}` })
      expect([res.status, res.body.error.message]).toEqual([404, '核销码不对，请核对后重新输入'])
    }
    const before = wh.dump()
    const limited = await wh.http(P.A, 'mall', 'verify', { code: wh.w.red.M.code })
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED'])
    expect(limited.body.error.message).toMatch(/尝试次数太多/)
    expect(wh.dump()).toBe(before)
    // another staff member is counted apart
    expect((await wh.http(P.S, 'mall', 'lookup', { code: wh.w.red.M.code })).status).toBe(200)
  })

  it('mall.lookup / verify: right codes are never counted', async () => {
    await wh.reset()
    for (let i = 0; i < 60; i++) expect((await wh.http(P.OS, 'mall', 'lookup', { code: wh.w.red.QM.code })).status).toBe(200)
    for (let i = 0; i < MAX; i++) expect((await wh.http(P.OS, 'mall', 'lookup', { code: `1111111${i}` })).status).toBe(404)
    expect((await wh.http(P.OS, 'mall', 'verify', { code: wh.w.red.QM.code })).status).toBe(429)
  })

  it('activities.checkin: five forged codes, then 429 even for the right one; a stale code is not counted', async () => {
    await wh.reset()
    const slot = Math.floor(wh.h.app.clock.now() / 30_000).toString(36)
    // a real but rotated-away code (a photo passed around a group) is a 409, not a guess
    const stale = await wh.http(P.M2, 'activities', 'checkin', { activityId: wh.w.act.live, token: await staleToken() })
    expect(stale.status).toBe(409)
    for (let i = 0; i < MAX; i++) {
      const res = await wh.http(P.M2, 'activities', 'checkin', { activityId: wh.w.act.live, token: `${slot}.${'A'.repeat(21)}${i}` })
      expect([res.status, res.body.error.field]).toEqual([400, 'token'])
    }
    const limited = await wh.http(P.M2, 'activities', 'checkin', { activityId: wh.w.act.live, token: await wh.checkinToken(wh.w.act.live) })
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMITED'])
    // who checks in with the right code is never counted, however often
    for (let i = 0; i < 30; i++) {
      expect(
        (await wh.http(P.M, 'activities', 'checkin', { activityId: wh.w.act.live, token: await wh.checkinToken(wh.w.act.live) })).status,
      ).toBe(200)
    }
  })

  async function staleToken(): Promise<string> {
    const { checkinToken, slotOf } = await import('../../cloudfunctions/core/domain/activity')
    const a = wh.h.app.store.db.prepare('SELECT id, checkin_secret FROM activities WHERE id = ?').get(wh.w.act.live) as {
      id: string
      checkin_secret: string
    }
    return checkinToken({ id: a.id, checkinSecret: a.checkin_secret }, slotOf(wh.h.app.clock.now()) - 5)
  }
})
