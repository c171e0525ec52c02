// Issue 16's "done when", over real HTTP on `local/main.ts` itself: a fresh data folder with
// REDGRID_DEMO=0 prints a setup link; the admin creates the community, imports a small community from
// its spreadsheet, invites a resident and a member; both set passwords, sign in and run the order loop.
// The demo people do not exist and the test clock does not either.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TINY_PNG } from '../helpers/local'
import { SMALL_COMMUNITY, rosterFile } from '../helpers/roster'

jest.setTimeout(120_000)

let child: ChildProcess
let data: string
let base: string
let setupToken: string

beforeAll(async () => {
  data = mkdtempSync(path.join(os.tmpdir(), 'redgrid-selfhost-'))
  child = spawn(process.execPath, ['--import', 'tsx', path.resolve('local/main.ts')], {
    env: { ...process.env, PORT: '0', REDGRID_DATA: data, REDGRID_DEMO: '0', REDGRID_HISTORY: '0', REDGRID_STATIC: '/nonexistent' },
  })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${out}`)), 60_000)
    child.stdout?.on('data', (d) => {
      out += d
      const running = /running at (http:\/\/localhost:\d+)\//.exec(out)
      const link = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(out)
      if (running && link) {
        clearTimeout(timer)
        base = running[1].replace('localhost', '127.0.0.1')
        setupToken = link[1]
        resolve()
      }
    })
    child.stderr?.on('data', (d) => {
      out += d
    })
  })
}, 90_000)

afterAll(() => {
  child?.kill('SIGTERM')
  rmSync(data, { recursive: true, force: true })
})

let seq = 0
async function call(token: string | null, fn: string, action: string, input: unknown = {}) {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, input, requestId: `selfhost-${++seq}` }),
  })
  const body = (await res.json()) as any
  if (!body.ok) throw new Error(`${fn}.${action}: ${res.status} ${JSON.stringify(body.error)}`)
  return body.data
}

it('sets a community up from nothing, and its people sign in with passwords and run the order loop', async () => {
  // the setup link's short form leads to its page
  const go = await fetch(`${base}/setup?token=${setupToken}`, { redirect: 'manual' })
  expect(go.headers.get('location')).toBe(`/#/account/setup/index?token=${setupToken}`)

  const admin = await call(null, 'accounts', 'setupCommunity', {
    token: setupToken,
    communityName: '幸福里',
    name: '周主任',
    phone: '13700000021',
    password: '幸福里社区-2026',
  })
  expect(admin.user.roles).toEqual(['admin', 'staff'])

  // the 社区设置表: a dry run, then the import
  const upload = async (commit: boolean) => {
    const res = await fetch(`${base}/api/roster?commit=${commit ? 1 : 0}&requestId=roster-${commit}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        authorization: `Bearer ${admin.token}`,
      },
      body: new Uint8Array(await rosterFile(SMALL_COMMUNITY)),
    })
    return ((await res.json()) as any).data
  }
  expect(await upload(false)).toMatchObject({ committed: false, errors: [] })
  expect(await upload(true)).toMatchObject({ committed: true, errors: [] })

  // invitations for a resident and a member, each accepted with a password
  const people = (await call(admin.token, 'accounts', 'people')).items as Array<{ id: string; name: string }>
  const idOf = (name: string) => people.find((p) => p.name === name)?.id as string
  const passwordFor = async (name: string, password: string) => {
    const invitation = await call(admin.token, 'accounts', 'invite', { userId: idOf(name) })
    await call(null, 'accounts', 'acceptInvite', { token: invitation.token, password })
  }
  await passwordFor('陈阿婆', '陈阿婆的密码-01')
  await passwordFor('赵志远', '赵志远的密码-02')
  const resident = await call(null, 'accounts', 'signIn', { login: '13700000001', password: '陈阿婆的密码-01' })
  const member = await call(null, 'accounts', 'signIn', { login: '13700000011', password: '赵志远的密码-02' })

  // the order loop
  const order = await call(resident.token, 'orders', 'create', {
    kind: 'service',
    category: 'elderly_child',
    title: '帮忙取药',
    description: '腿脚不便',
  })
  await call(admin.token, 'orders', 'review', { orderId: order.id, decision: 'dispatch' })
  await call(member.token, 'orders', 'claim', { orderId: order.id })
  const photo = await fetch(`${base}/api/files`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', authorization: `Bearer ${member.token}` },
    body: new Uint8Array(TINY_PNG),
  })
  const { fileId } = ((await photo.json()) as any).data
  await call(member.token, 'orders', 'complete', { orderId: order.id, summary: '已经上门把药取回来了，交代了用法', photos: [fileId] })
  const closed = await call(resident.token, 'orders', 'confirm', { orderId: order.id, rating: 5 })
  expect(closed.status).toBe('closed')
  expect((await call(member.token, 'points', 'balance')).balance).toBeGreaterThan(0)

  // nothing of the demo: its people, its sign-in, its clock
  expect((await fetch(`${base}/api/auth/demo-users`)).status).toBe(404)
  const clock = await fetch(`${base}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"advanceMs":31536000000}',
  })
  expect(clock.status).toBe(404)
  const all = (await call(admin.token, 'accounts', 'people')).items as Array<{ id: string }>
  expect(all.some((p) => p.id.startsWith('u_wangxl') || p.id === 'u_xujh')).toBe(false)
  // and the health of the server
  const health = (await (await fetch(`${base}/api/health`)).json()) as any
  expect(health.data).toMatchObject({ database: 'ok', demo: false })
})
