// The findings of the attack on the local gateway (issue 16), each reproduced as it was found: every
// test here failed before its fix. Self-dealing lives in self-dealing.test.ts, the access matrix in
// test/hardening/matrix.test.ts.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Harness, type HttpHarness, TINY_PNG, openHarness, openHttpHarness, rid } from '../helpers/local'

jest.setTimeout(60_000)

const R = 'u_wangxl' // 王秀兰, resident, 13800010001, 1号楼 1单元 302
const R2 = 'u_lijg'
const M = 'u_zhouzq'
const M2 = 'u_wuhy'
const S = 'u_linx'
const A = 'u_xujh'
const HOUR = 3600_000
const DAY = 24 * HOUR

/** An order of `resident`'s, dispatched by staff; returns its id. */
async function openOrder(h: Harness, resident = R, title = '帮忙取药') {
  const o = await h.ok(resident, 'orders', 'create', { kind: 'service', category: 'elderly_child', title, description: '腿脚不便' })
  await h.ok(S, 'orders', 'review', { orderId: o.id, decision: 'dispatch', points: 10 })
  return o.id
}

const mentions = (value: unknown, ...needles: string[]) => needles.filter((n) => JSON.stringify(value).includes(n))

describe('finding: deleteMe left the person in other people’s stored replies, and stored replies were never purged', () => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness()
  })
  afterEach(() => h.close())

  it("replaying a claim's requestId after the resident deleted the account returns no trace of them", async () => {
    const orderId = await openOrder(h)
    const claimId = rid()
    const first = await h.ok(M, 'orders', 'claim', { orderId }, claimId)
    expect(first.contact?.phone).toBe('13800010001')
    await h.ok(R, 'accounts', 'deleteMe', { confirm: true })
    const again = await h.call(M, 'orders', 'claim', { orderId }, claimId)
    expect(mentions(again, '王秀兰', '13800010001', '1单元 302')).toEqual([])
    // nor at rest: no stored reply holds them any more
    const stored = h.app.store.db.prepare('SELECT response FROM idempotency').all() as Array<{ response: string }>
    expect(stored.filter((s) => mentions(s.response, '王秀兰', '13800010001').length > 0)).toEqual([])
  })

  it('a member who released an order does not get the contact back by replaying the claim', async () => {
    const orderId = await openOrder(h)
    const claimId = rid()
    expect((await h.ok(M, 'orders', 'claim', { orderId }, claimId)).contact).not.toBeNull()
    await h.ok(M, 'orders', 'release', { orderId, reason: '临时有事去不了' })
    const again = await h.call(M, 'orders', 'claim', { orderId }, claimId)
    expect(mentions(again, '13800010001', '1单元 302')).toEqual([])
  })

  it('stored replies lapse after 24 hours and the scheduler purges them', async () => {
    await h.ok(R, 'orders', 'create', { kind: 'service', category: 'care', title: '修水管', description: '' }, 'create-once-1')
    const count = () => (h.app.store.db.prepare('SELECT COUNT(*) AS n FROM idempotency').get() as { n: number }).n
    expect(count()).toBeGreaterThan(0)
    h.app.testClock?.advance(DAY + HOUR)
    await h.app.tick()
    expect(count()).toBe(0)
  })
})

describe('finding: the order timeline named the resident in full to every member', () => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness()
  })
  afterEach(() => h.close())

  it("a member opening an order in the hall sees the resident masked in the timeline's create event, as in the resident field", async () => {
    const orderId = await openOrder(h)
    const seen = await h.ok(M2, 'orders', 'get', { orderId })
    expect(seen.resident.name).toBe('王**')
    expect(seen.timeline[0].actor?.name).toBe('王**')
    expect(mentions(seen, '王秀兰')).toEqual([])
  })

  it('exportMyData does not repeat the full name in the timelines of orders the member served', async () => {
    const orderId = await openOrder(h)
    await h.ok(M, 'orders', 'claim', { orderId })
    await h.ok(M, 'orders', 'complete', { orderId, summary: '已经上门帮忙取药了，老人很满意', photos: [await h.upload(M)] })
    await h.ok(R, 'orders', 'confirm', { orderId, rating: 5 })
    const data = await h.ok(M, 'accounts', 'exportMyData', {})
    expect(mentions(data.tasks, '王秀兰')).toEqual([])
  })
})

describe('finding: deleteMe left the person’s name and phone on a household’s file (一户一档)', () => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness()
  })
  afterEach(() => h.close())

  it('the registered person stays in the file as an anonymised entry, and the consent no longer names them', async () => {
    const before = await h.ok(S, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    expect(before.members[0]).toMatchObject({ id: 'hm_wangxl', residentId: R, name: '王秀兰' })
    await h.ok(R, 'accounts', 'deleteMe', { confirm: true })

    const after = await h.ok(S, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    expect(mentions(after, '王秀兰', '13800010001', R)).toEqual([])
    // the home keeps its place in 四必访: an old person living alone is still visited, by the same cadence
    expect(after.members).toEqual([
      { id: 'hm_wangxl', residentId: null, name: '已注销用户', relation: '本人', ageBand: 'aged', phone: null },
    ])
    expect([after.tags, after.cadenceDays, after.visits.length]).toEqual([before.tags, 7, before.visits.length])
    expect(after.consent).toMatchObject({ by: '已注销用户', method: before.consent.method, at: before.consent.at })
    // and a search by the name finds nothing
    expect((await h.ok(S, 'households', 'list', { q: '王秀兰' })).items).toEqual([])
  })

  it('what a visit found is said without the name', async () => {
    await h.ok('u_lij', 'households', 'logVisit', { householdId: 'hh_hx_wangxl', found: '王秀兰说最近腿疼，电话13800010001打不通' })
    await h.ok(R, 'accounts', 'deleteMe', { confirm: true })
    const after = await h.ok(S, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    expect(after.visits[0].found).toBe('已注销用户说最近腿疼，电话打不通')
    expect(after.visits[0].visitor.name).toBe('李娟')
  })

  it('the others of the household keep their names', async () => {
    await h.ok('u_liudm', 'accounts', 'deleteMe', { confirm: true })
    const after = await h.ok(S, 'households', 'get', { householdId: 'hh_hx_liudm' })
    expect(after.members.map((m) => [m.name, m.residentId])).toEqual([
      ['已注销用户', null],
      ['孙玉梅', null],
    ])
    expect(mentions(after, '刘德明', '13800010004')).toEqual([])
  })
})

describe('finding: an admin could give a deleted account a role again', () => {
  it('setStaff on a deleted account is refused and the account stays without roles', async () => {
    const h = await openHarness()
    try {
      await h.ok(R2, 'accounts', 'deleteMe', { confirm: true })
      const res = await h.call(A, 'accounts', 'setStaff', { userId: R2, staff: true })
      expect(res.ok).toBe(false)
      expect((await h.app.store.db.prepare('SELECT roles FROM users WHERE id = ?').get(R2)) as { roles: string }).toEqual({ roles: '[]' })
    } finally {
      h.close()
    }
  })
})

describe('finding: NUL, right-to-left overrides and zero-width characters were stored and shown to others', () => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness()
  })
  afterEach(() => h.close())

  it('a control character is refused, naming the field', async () => {
    const res = await h.raw(R, 'orders', 'create', { kind: 'service', category: 'care', title: '修水\u0000管', description: '' })
    expect(res.ok ? null : [res.error.code, res.error.field]).toEqual(['INVALID_INPUT', 'title'])
  })

  it('bidi overrides and zero-width characters are stripped before anything is stored', async () => {
    const o = await h.ok(R, 'orders', 'create', {
      kind: 'service',
      category: 'care',
      title: '修\u202e水管\u200b',
      description: '厨房\u2066漏水\ufeff',
    })
    expect([o.title, o.description]).toEqual(['修水管', '厨房漏水'])
  })
})

describe('finding: sign-in limits were per address only, and blind to proxies', () => {
  let h: HttpHarness
  afterEach(() => h.close())

  it('unknown tokens from one address do not lock everyone at that address out of signing in', async () => {
    h = await openHttpHarness()
    for (let i = 0; i < 25; i++) await h.post('accounts', { action: 'me' }, `stale-token-${String(i).padStart(20, '0')}`)
    const res = await h.post('auth/demo-login', { userId: R })
    expect(res.status).toBe(200)
  })

  it('behind a trusted proxy, failures count per forwarded address', async () => {
    h = await openHttpHarness({ trustProxy: 1 })
    const login = (ip: string, userId: string) =>
      fetch(`${h.url}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ userId }),
      })
    let limited = false
    for (let i = 0; i < 120 && !limited; i++) limited = (await login('203.0.113.7', `u_nobody${i}`)).status === 429
    expect(limited).toBe(true)
    expect((await login('203.0.113.8', R)).status).toBe(200)
  })
})

describe('finding: GET /% answered 500', () => {
  it('bad percent-encoding in a path is a 400', async () => {
    const h = await openHttpHarness({ staticDir: path.resolve('dist-h5') })
    try {
      for (const p of ['/%', '/files/%E0%A4%A', '/exports/%zz']) {
        const res = await fetch(`${h.url}${p}`)
        expect([p, res.status]).toEqual([p, 400])
      }
    } finally {
      h.close()
    }
  })
})

describe('finding: uploads had no quota or rate, and unattached uploads stayed forever', () => {
  let h: HttpHarness
  beforeEach(async () => {
    h = await openHttpHarness()
  })
  afterEach(() => h.close())

  const upload = async (bytes: Buffer) =>
    fetch(`${h.url}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${await h.token(R)}` },
      body: new Uint8Array(bytes),
    })

  it('one person cannot upload photos without pause', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await upload(TINY_PNG)).status)
    expect(statuses).toContain(429)
  })

  it('one person cannot fill the disk with large photos', async () => {
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(4.9 * 1024 * 1024 - TINY_PNG.length)])
    const statuses: number[] = []
    for (let i = 0; i < 14; i++) statuses.push((await upload(big)).status)
    expect(statuses).toContain(429)
  })

  it('a photo nobody attached is removed after a day; an attached one stays', async () => {
    const loose = await h.upload(R)
    const kept = await h.upload(R)
    await h.ok(R, 'orders', 'create', { kind: 'service', category: 'care', title: '修水管', description: '', photos: [kept] })
    h.app.testClock?.advance(DAY + HOUR)
    await h.app.tick()
    expect([h.app.files.locate(loose), h.app.files.locate(kept)?.mime]).toEqual([null, 'image/png'])
  })
})

describe('finding: /files/<id> and /exports/<id> were open to anyone with the URL', () => {
  let h: HttpHarness
  beforeEach(async () => {
    h = await openHttpHarness()
  })
  afterEach(() => h.close())

  it('a photo is served only through the signed URL the API hands out, and not once it has lapsed', async () => {
    const up = await fetch(`${h.url}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${await h.token(R)}` },
      body: new Uint8Array(TINY_PNG),
    })
    const { fileId, url } = ((await up.json()) as { data: { fileId: string; url: string } }).data
    expect((await fetch(`${h.url}${url}`)).status).toBe(200)
    expect((await fetch(`${h.url}/files/${fileId}`)).status).toBe(403)
    expect((await fetch(`${h.url}${url.replace(/sig=[^&]+/, 'sig=AAAA')}`)).status).toBe(403)
    h.app.testClock?.advance(2 * HOUR)
    expect((await fetch(`${h.url}${url}`)).status).toBe(403)
  })

  it('an exported workbook is served only through its signed URL', async () => {
    const file = await h.ok(S, 'workbench', 'exportLedger', { memberId: M, from: '2026-01-01', to: '2026-12-31' })
    expect((await fetch(`${h.url}${file.url}`)).status).toBe(200)
    expect((await fetch(`${h.url}${file.url.split('?')[0]}`)).status).toBe(403)
  })
})

describe('finding: a full disk answered 500 and told nobody why', () => {
  it('a write that finds the database full answers 507 with a message for people, and the log says so', async () => {
    const logged: string[] = []
    const h = await openHttpHarness({ log: (m: string) => logged.push(m) })
    try {
      const token = await h.token(R)
      const db = h.app.store.db
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`)
      let res = { status: 200, body: {} as any }
      for (let i = 0; i < 200 && res.status === 200; i++) {
        const input = { kind: 'service', category: 'care', title: `修水管${i}`, description: '漏水'.repeat(400) }
        res = await h.post('orders', { action: 'create', input, requestId: rid() }, token)
      }
      expect([res.status, res.body.error?.code, res.body.error?.message]).toEqual([507, 'STORAGE_FULL', '存储空间不足，请联系社区管理员'])
      expect(logged.join('\n')).toMatch(/disk|storage|磁盘/i)
    } finally {
      h.close()
    }
  })

  it('uploads stop while free space is below the reserve the database keeps', async () => {
    const h = await openHttpHarness({ freeBytes: () => 1024 * 1024 })
    try {
      const res = await fetch(`${h.url}/api/files`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', authorization: `Bearer ${await h.token(R)}` },
        body: new Uint8Array(TINY_PNG),
      })
      expect([res.status, ((await res.json()) as any).error?.message]).toEqual([507, '存储空间不足，请联系社区管理员'])
    } finally {
      h.close()
    }
  })

  it('GET /api/health reports the database, the free space and the scheduler’s last run', async () => {
    const h = await openHttpHarness()
    try {
      const res = await fetch(`${h.url}/api/health`)
      const body = (await res.json()) as any
      expect(res.status).toBe(200)
      expect(body.data).toMatchObject({ database: 'ok', disk: { freeBytes: expect.any(Number), reserveBytes: expect.any(Number) } })
      expect(body.data.scheduler).toHaveProperty('lastRunAt')
    } finally {
      h.close()
    }
  })
})

describe('finding: sessions never ended', () => {
  let h: HttpHarness
  beforeEach(async () => {
    h = await openHttpHarness()
  })
  afterEach(() => h.close())

  it('a session idle for more than 30 days has expired', async () => {
    const token = await h.token(R)
    h.app.testClock?.advance(31 * DAY)
    expect((await h.post('accounts', { action: 'me' }, token)).status).toBe(401)
  })

  it('signing out ends the session on the server', async () => {
    const token = await h.token(R)
    await h.post('accounts', { action: 'signOut', input: {}, requestId: rid() }, token)
    expect((await h.post('accounts', { action: 'me' }, token)).status).toBe(401)
  })

  it('session tokens are stored as hashes, not as the bearer token itself', async () => {
    const token = await h.token(R)
    const rows = JSON.stringify(h.app.store.db.prepare('SELECT * FROM sessions').all())
    expect(rows.includes(token)).toBe(false)
  })
})

describe('finding: demo mode was the only door, and open to the network', () => {
  /** Runs local/main.ts with `env` until it prints `until` or exits; returns what it printed and its exit code. */
  function run(env: Record<string, string>, until: RegExp, ms = 20_000): Promise<{ out: string; code: number | null }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('local/main.ts')], {
        env: { ...process.env, PORT: '0', REDGRID_STATIC: '/nonexistent', REDGRID_HISTORY: '0', ...env },
      })
      let out = ''
      const done = (code: number | null) => {
        clearTimeout(timer)
        child.kill('SIGTERM')
        resolve({ out, code })
      }
      const timer = setTimeout(() => done(null), ms)
      for (const s of [child.stdout, child.stderr])
        s.on('data', (d) => {
          out += d
          if (until.test(out)) done(null)
        })
      child.on('exit', (code) => done(code))
    })
  }

  let data: string
  beforeEach(() => {
    data = mkdtempSync(path.join(os.tmpdir(), 'redgrid-main-'))
  })
  afterEach(() => rmSync(data, { recursive: true, force: true }))

  it('demo on a non-loopback HOST refuses to start unless REDGRID_DEMO=1 says so', async () => {
    const refused = await run({ REDGRID_DATA: data, HOST: '0.0.0.0' }, /running at/)
    expect(refused.code).not.toBe(null)
    expect(refused.code).not.toBe(0)
    expect(refused.out).toMatch(/REDGRID_DEMO=1/)
  })

  it('demo mode listens on loopback and says so', async () => {
    const started = await run({ REDGRID_DATA: data }, /running at/)
    expect(started.out).toMatch(/127\.0\.0\.1|loopback|本机/)
  })

  it('with demo off, nothing demo is seeded and the first start prints a one-time setup link', async () => {
    const started = await run({ REDGRID_DATA: data, REDGRID_DEMO: '0' }, /running at/)
    expect(started.out).toMatch(/setup\?token=[A-Za-z0-9_-]{20,}/)
    const Database = require('better-sqlite3')
    const db = new Database(path.join(data, 'redgrid.db'), { readonly: true })
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  })
})
