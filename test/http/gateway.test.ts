// The local gateway over real HTTP: the contract in DESIGN.md §9, the full loop, bad input,
// wrong roles and a 50-member claim race.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { REGISTRY } from '../../cloudfunctions/core/registry'
import { LAST_SEEN_EVERY_MS, sessionIdOf } from '../../cloudfunctions/core/usecases/accounts/sessions'
import { DEMO, DEMO_STREET } from '../../local/seed'
import { type HttpHarness, TINY_PNG, addMembers, dumpDb, openHttpHarness, rid } from '../helpers/local'

const RESIDENT = 'u_wangxl'
const STAFF = 'u_huangj'
const MEMBER = 'u_zhengw'

let h: HttpHarness
beforeEach(async () => {
  h = await openHttpHarness()
})
afterEach(() => h.close())

async function call(userId: string | null, fn: string, action: string, input?: unknown, requestId: string = rid()) {
  const token = userId ? await h.token(userId) : undefined
  return h.post(fn, { action, input, requestId }, token)
}

async function upload(userId: string, bytes: Buffer = TINY_PNG, type = 'image/png') {
  const res = await fetch(`${h.url}/api/files`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${await h.token(userId)}` },
    body: new Uint8Array(bytes),
  })
  return { status: res.status, body: (await res.json()) as any }
}

describe('demo sign-in', () => {
  it('lists the seeded people of both communities with their roles', async () => {
    const res = await fetch(`${h.url}/api/auth/demo-users`)
    const body = (await res.json()) as any
    const users = body.data.users as Array<{ roles: string[]; communityId: string; gridId?: string }>
    const count = (c: string, role: string) => users.filter((u) => u.communityId === c && u.roles.includes(role)).length
    expect(count('c_hongxing', 'resident')).toBeGreaterThanOrEqual(6)
    expect(count('c_hongxing', 'member')).toBeGreaterThanOrEqual(10)
    expect(count('c_hongxing', 'staff')).toBeGreaterThanOrEqual(2)
    expect(count('c_hongxing', 'admin')).toBe(1)
    expect([count('c_qingshan', 'member'), count('c_qingshan', 'staff')]).toEqual([2, 1])
    expect(new Set(users.filter((u) => u.communityId === 'c_hongxing').map((u) => u.gridId)).size).toBe(3)
  })

  it("lists them as seeded, community by community, in the seed's order, then the street's accounts", async () => {
    const people = DEMO.flatMap((c) => {
      const gridOf = new Map(c.grids.flatMap((g) => g.buildings.map((b) => [b.id, g.id] as const)))
      return c.users.map((u) => ({
        id: u.id,
        name: u.name,
        roles: u.roles,
        communityId: c.id,
        communityName: c.name,
        gridId: gridOf.get(u.building),
      }))
    })
    const street = DEMO_STREET.users.map((u) => ({
      id: u.id,
      name: u.name,
      roles: u.roles,
      communityId: DEMO_STREET.id,
      communityName: '红桥街道',
    }))
    const users = [...people, ...street]
    const res = await fetch(`${h.url}/api/auth/demo-users`)
    expect([res.status, await res.text()]).toEqual([200, JSON.stringify({ ok: true, data: { users } })])
  })

  it('signs in and returns the token and who it is', async () => {
    const res = await h.post('auth/demo-login', { userId: STAFF })
    expect(res.status).toBe(200)
    expect(res.body.data.user).toMatchObject({ id: STAFF, name: '黄静', roles: ['staff'], communityName: '红星社区' })
    const me = await h.post('accounts', { action: 'me' }, res.body.data.token)
    expect(me.body.data.id).toBe(STAFF)
  })

  it('turns away unknown people, missing tokens and forged ones', async () => {
    expect((await h.post('auth/demo-login', { userId: 'u_nobody' })).status).toBe(404)
    expect((await h.post('auth/demo-login', {})).body.error.field).toBe('userId')
    expect((await h.post('accounts', { action: 'me' })).status).toBe(401)
    const forged = await h.post('accounts', { action: 'me' }, 'A'.repeat(32))
    expect([forged.status, forged.body.error.code]).toEqual([401, 'UNAUTHENTICATED'])
  })

  it('remembers when a token was last used, refreshing it at most once an hour', async () => {
    h.close()
    const start = Date.UTC(2030, 0, 1)
    h = await openHttpHarness({ clock: { now: () => start } })
    const token = await h.token(STAFF)
    const lastSeen = async () => (await h.app.store.read((r) => r.identity.session(sessionIdOf(token))))?.lastSeenAt
    const signedIn = await lastSeen()
    expect(signedIn).toBe(start)
    h.app.testClock?.advance(LAST_SEEN_EVERY_MS - 1000)
    expect((await h.post('accounts', { action: 'me' }, token)).status).toBe(200)
    expect(await lastSeen()).toBe(signedIn)
    h.app.testClock?.advance(1000)
    expect((await h.post('accounts', { action: 'me' }, token)).status).toBe(200)
    expect(await lastSeen()).toBe(h.app.clock.now())
  })

  it('is absent when demo mode is off', async () => {
    h.close()
    h = await openHttpHarness({ demo: false })
    expect((await fetch(`${h.url}/api/auth/demo-users`)).status).toBe(404)
    expect((await fetch(`${h.url}/api/dev/clock`)).status).toBe(404)
  })
})

describe('the order loop over HTTP', () => {
  it('goes 点单 → 下单 → 接单 → 结单 → 评价 → 积分 with photos', async () => {
    const photo = await upload(RESIDENT)
    expect(photo.status).toBe(200)
    const img = await fetch(`${h.url}${photo.body.data.url}`)
    expect([img.status, img.headers.get('content-type')]).toEqual([200, 'image/png'])

    const created = await call(RESIDENT, 'orders', 'create', {
      kind: 'service',
      category: 'convenience',
      title: '厨房水龙头漏水',
      description: '一直滴水，关不紧',
      urgency: 'normal',
      photos: [photo.body.data.fileId],
    })
    expect(created.status).toBe(200)
    const id = created.body.data.id
    expect((await call(STAFF, 'orders', 'review', { orderId: id, decision: 'dispatch', points: 12 })).body.data.status).toBe('open')
    expect((await call(MEMBER, 'orders', 'claim', { orderId: id })).body.data.status).toBe('claimed')
    const done = await upload(MEMBER)
    const completed = await call(MEMBER, 'orders', 'complete', {
      orderId: id,
      summary: '更换了水龙头阀芯，已不再漏水',
      photos: [done.body.data.fileId],
    })
    expect(completed.body.data.completionPhotos).toHaveLength(1)
    const closed = await call(RESIDENT, 'orders', 'confirm', { orderId: id, rating: 5, comment: '师傅手艺好' })
    expect(closed.body.data).toMatchObject({ status: 'closed', awardedPoints: 17 })
    expect((await call(MEMBER, 'points', 'balance', {})).body.data.balance).toBe(17)
  })
})

describe('photo upload', () => {
  it('refuses what is not an image, too large, or unsigned', async () => {
    expect((await upload(RESIDENT, Buffer.from('hello'), 'image/png')).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' })
    expect((await upload(RESIDENT, TINY_PNG, 'image/gif')).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'contentType' })
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(5 * 1024 * 1024)])
    expect((await upload(RESIDENT, big)).status).toBe(413)
    const anon = await fetch(`${h.url}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(TINY_PNG),
    })
    expect(anon.status).toBe(401)
  })
})

/** A valid activities.publish input, for cases that spoil one field of it. */
const ACTIVITY = {
  title: '周末环境清洁日',
  description: '',
  category: 'environment',
  startAt: '2030-06-15T09:00:00+08:00',
  endAt: '2030-06-15T11:00:00+08:00',
  signupDeadline: '2030-06-14T20:00:00+08:00',
  place: { name: '社区广场' },
  quota: 20,
}

/** One bad input per action, with the field the error must name. */
const BAD_INPUT: Array<[fn: string, action: string, input: unknown, field: string]> = [
  ['accounts', 'me', { role: 'admin' }, 'role'],
  ['accounts', 'listMembers', { communityId: 'c_qingshan' }, 'communityId'],
  ['orders', 'create', { kind: 'service', category: 'care', title: '' }, 'title'],
  ['orders', 'create', { kind: 'parcel', category: 'care', title: '帮忙' }, 'kind'],
  ['orders', 'create', { kind: 'service', category: 'cooking', title: '帮忙' }, 'category'],
  ['orders', 'create', { kind: 'service', category: 'care', title: '帮忙', urgency: 'asap' }, 'urgency'],
  ['orders', 'create', { kind: 'service', category: 'care', title: '帮忙', photos: Array(10).fill('f_x') }, 'photos'],
  ['orders', 'create', { kind: 'service', category: 'care', title: '帮忙', status: 'closed' }, 'status'],
  ['orders', 'create', { kind: 'service', category: 'care', title: 'x'.repeat(41) }, 'title'],
  ['orders', 'list', { scope: 'everything' }, 'scope'],
  ['orders', 'list', { scope: 'mine', limit: 500 }, 'limit'],
  ['orders', 'get', {}, 'orderId'],
  ['orders', 'publicWish', { orderId: 'o 1' }, 'orderId'],
  ['orders', 'review', { orderId: 'o_1', decision: 'maybe' }, 'decision'],
  ['orders', 'review', { orderId: 'o_1', decision: 'reject' }, 'reason'],
  ['orders', 'review', { orderId: 'o_1', decision: 'dispatch', points: -5 }, 'points'],
  ['orders', 'review', { orderId: 'o_1', decision: 'dispatch', points: 2.5 }, 'points'],
  ['orders', 'claim', { orderId: 42 }, 'orderId'],
  ['orders', 'suggest', { orderId: 'o_1', top: 3 }, 'top'],
  ['orders', 'decline', { orderId: 'o_1', reason: 'x' }, 'reason'],
  ['orders', 'list', { scope: 'hall', kind: 'gift' }, 'kind'],
  ['orders', 'release', { orderId: 'o_1' }, 'reason'],
  ['orders', 'complete', { orderId: 'o_1', summary: '太短', photos: ['f_1'] }, 'summary'],
  ['orders', 'complete', { orderId: 'o_1', summary: '已经完成了这项服务工作', photos: [] }, 'photos'],
  ['orders', 'confirm', { orderId: 'o_1', rating: 6 }, 'rating'],
  ['orders', 'confirm', { orderId: 'o_1', rating: 0 }, 'rating'],
  ['orders', 'dispute', { orderId: 'o_1' }, 'reason'],
  ['orders', 'cancel', { orderId: 'o_1', points: 100 }, 'points'],
  ['points', 'balance', { memberId: 'u_zhouzq' }, 'memberId'],
  ['points', 'ledger', { limit: 0 }, 'limit'],
  ['points', 'adjust', { memberId: 'u_zhouzq', delta: 0, reason: '补录' }, 'delta'],
  ['points', 'adjust', { memberId: 'u_zhouzq', delta: 5 }, 'reason'],
  ['points', 'rules', { dailyCap: 1 }, 'dailyCap'],
  ['points', 'updateRules', { rules: { basePoints: {} } }, 'rules.basePoints.self_governance'],
  ['points', 'ranking', { by: 'street' }, 'by'],
  ['accounts', 'updateProfile', { roles: ['admin'] }, 'roles'],
  ['mall', 'listGoods', { all: 'yes' }, 'all'],
  ['mall', 'upsertGoods', { name: '大米', price: 0, stock: 5, limitPerMember: 1, onShelf: true }, 'price'],
  ['mall', 'upsertGoods', { name: '大米', price: 10, stock: -1, limitPerMember: 1, onShelf: true }, 'stock'],
  ['mall', 'redeem', {}, 'goodsId'],
  ['mall', 'myRedemptions', { limit: 99 }, 'limit'],
  ['mall', 'cancelRedemption', { redemptionId: '../x' }, 'redemptionId'],
  ['mall', 'lookup', { code: '12ab' }, 'code'],
  ['mall', 'verify', { code: '123456789' }, 'code'],
  ['accounts', 'inbox', { limit: 0 }, 'limit'],
  ['accounts', 'markRead', { ids: ['../x'] }, 'ids.0'],
  ['activities', 'list', { scope: 'someday' }, 'scope'],
  ['activities', 'get', {}, 'activityId'],
  ['activities', 'publicView', {}, 'activityId'],
  ['activities', 'publish', { ...ACTIVITY, quota: 0 }, 'quota'],
  ['activities', 'publish', { ...ACTIVITY, startAt: '2030-06-15 09:00' }, 'startAt'],
  ['activities', 'update', { activityId: 'a_1', quota: 501 }, 'quota'],
  ['activities', 'cancel', { activityId: 'a_1' }, 'reason'],
  ['activities', 'signup', { activityId: 'a 1' }, 'activityId'],
  ['activities', 'withdraw', { activityId: 'a_1', memberId: 'u_zhengw' }, 'memberId'],
  ['activities', 'checkinCode', {}, 'activityId'],
  ['activities', 'checkin', { activityId: 'a_1', token: 'abc' }, 'token'],
  ['activities', 'markAttendance', { activityId: 'a_1', memberIds: [], attended: true }, 'memberIds'],
  ['activities', 'finish', { activityId: 42 }, 'activityId'],
  // PIPL: the caller's own data, nothing to choose; deletion must be confirmed
  ['accounts', 'exportMyData', { userId: 'u_lijg' }, 'userId'],
  ['accounts', 'deleteMe', { confirm: false }, 'confirm'],
  // 订阅消息: only the declared templates (types/subscribe.ts)
  ['accounts', 'subscribe', { accepted: ['order_progress', 'no_such_template'] }, 'accepted.1'],
  // the people and the workbench (types/workbench.ts)
  ['accounts', 'places', { communityId: '../c' }, 'communityId'],
  ['accounts', 'registerResident', { name: '陈明', phone: '1380001', buildingId: 'b_hx1', unit: '2', room: '301' }, 'phone'],
  ['accounts', 'registerMember', { workUnit: '市税务局', branch: '第一党支部', posts: [], gridId: 'g_hx1' }, 'posts'],
  ['accounts', 'myRegistrations', { kind: 'member' }, 'kind'],
  ['accounts', 'verifyPhone', { code: 'x' }, 'code'],
  ['accounts', 'listPending', { kind: 'staff' }, 'kind'],
  ['accounts', 'approveResident', { userId: 'u_lijg', approve: false }, 'reason'],
  ['accounts', 'approveMember', { userId: 'u_lijg', approve: 'yes' }, 'approve'],
  ['accounts', 'people', { role: 'mayor' }, 'role'],
  ['accounts', 'setStaff', { userId: 'u_lijg' }, 'staff'],
  ['accounts', 'upsertGrid', { name: '一' }, 'name'],
  ['accounts', 'upsertBuilding', { name: '7号楼' }, 'gridId'],
  ['accounts', 'invite', { userId: 'u lijg' }, 'userId'],
  ['accounts', 'acceptInvite', { token: 'x'.repeat(43), password: '1234567' }, 'password'],
  ['accounts', 'acceptInvite', { token: 'x'.repeat(43), password: 'aaaaaaaaaa' }, 'password'],
  ['accounts', 'signIn', { login: '13800010001' }, 'password'],
  [
    'accounts',
    'setupCommunity',
    { token: 'short', communityName: '红星社区', name: '徐建华', phone: '13800019003', password: '一个很长的密码' },
    'token',
  ],
  ['accounts', 'signOut', { everywhere: true }, 'everywhere'],
  ['accounts', 'signOutEverywhere', { userId: 'u_lijg' }, 'userId'],
  ['accounts', 'passkeyRegistrationOptions', { userId: 'u_lijg' }, 'userId'],
  ['accounts', 'addPasskey', { challengeId: 'c_1' }, 'response'],
  // a challenge nobody handed out (or long answered)
  ['accounts', 'addPasskey', { challengeId: 'c_unknown', response: { id: 'abc' } }, 'challengeId'],
  ['accounts', 'passkeySignInOptions', { login: '13800010001' }, 'login'],
  ['accounts', 'signInWithPasskey', { challengeId: 'a b', response: {} }, 'challengeId'],
  ['accounts', 'passkeys', { userId: 'u_lijg' }, 'userId'],
  ['accounts', 'removePasskey', { id: 'short' }, 'id'],
  ['points', 'evaluation', { year: 1999 }, 'year'],
  ['points', 'evaluations', {}, 'year'],
  ['points', 'selfEvaluate', { year: 2030, score: 90, text: '太短' }, 'text'],
  ['points', 'scoreEvaluation', { memberId: 'u_zhouzq', year: 2030, part: 'boss', score: 90 }, 'part'],
  ['points', 'branchLink', { memberId: 'u_zhouzq' }, 'year'],
  ['points', 'branchForm', { token: 'short' }, 'token'],
  ['points', 'branchScore', { token: 'x'.repeat(32), score: 101, scorer: '张书记' }, 'score'],
  ['workbench', 'dashboard', { from: '2030-06-30', to: '2030-06-01' }, 'to'],
  ['workbench', 'streetDashboard', { from: '2030-06-01', to: '2031-06-30' }, 'to'],
  ['workbench', 'ledger', { from: '2030-6-1', to: '2030-06-30' }, 'from'],
  ['workbench', 'exportLedger', { memberId: 'u zhou', from: '2030-06-01', to: '2030-06-30' }, 'memberId'],
  ['workbench', 'exportEvaluation', { year: '2030' }, 'year'],
  ['workbench', 'showcase', { gridId: 'g hx1' }, 'gridId'],
  ['workbench', 'myCard', { userId: 'u_linx' }, 'userId'],
  ['workbench', 'saveCard', { gridId: 'g_hx1', title: '网格员', duties: '走访', pledge: '有求必应' }, 'duties'],
  ['workbench', 'consent', {}, 'orderId'],
  ['workbench', 'setConsent', { orderId: 'o_1', consent: 'yes' }, 'consent'],
  ['workbench', 'rosterTemplate', { community: 'c_hongxing' }, 'community'],
  ['workbench', 'importRoster', { sheets: { 居民: [['姓名']] } }, 'commit'],
  // the grid and the street (docs/grid-and-street.md)
  ['accounts', 'setGridWorker', { userId: 'u_lijg', gridIds: ['g_hx1', 'g_hx1'] }, 'gridIds'],
  ['accounts', 'setGridWorker', { userId: 'u_lijg', gridIds: ['g_hx1', 'g_qs1'] }, 'gridIds.1'],
  ['accounts', 'setHead', { userId: 'u_lijg', head: { buildingId: 'b_qs1' } }, 'head.buildingId'],
  ['accounts', 'residents', { q: ' ' }, 'q'],
  ['accounts', 'registerMember', { branch: '第一党支部', posts: ['care'], gridId: 'g_hx1' }, 'workUnit'],
  [
    'orders',
    'create',
    { onBehalfOf: { residentId: 'u_maxz', channel: 'fax' }, kind: 'service', category: 'care', title: '帮忙' },
    'onBehalfOf.channel',
  ],
  [
    'orders',
    'create',
    { onBehalfOf: { residentId: 'u_qs_songl', channel: 'phone' }, kind: 'service', category: 'care', title: '帮忙' },
    'onBehalfOf.residentId',
  ],
  ['orders', 'review', { orderId: 'o_1', decision: 'dispatch', severity: 'huge' }, 'severity'],
  ['orders', 'confirm', { orderId: 'o_1', rating: 2, residentWords: '好' }, 'residentWords'],
  ['orders', 'refer', { orderId: 'o_1', unitId: 'un_hx_property', deadline: '明天' }, 'deadline'],
  ['orders', 'recordReferralAnswer', { orderId: 'o_1', answer: '修' }, 'answer'],
  ['orders', 'sendDown', { orderId: 'o_1' }, 'note'],
  ['orders', 'revisit', { orderId: 'o_1', note: '' }, 'note'],
  ['orders', 'units', { includeInactive: 'yes' }, 'includeInactive'],
  ['orders', 'upsertUnit', { name: '红星物业', kind: 'shop' }, 'kind'],
  ['households', 'list', { tag: 'rich' }, 'tag'],
  ['households', 'due', { gridId: 'g hx1' }, 'gridId'],
  ['households', 'get', {}, 'householdId'],
  [
    'households',
    'upsert',
    {
      buildingId: 'b_hx1',
      room: '1单元 101',
      members: [{ name: '钱大爷', relation: '户主', ageBand: 'old' }],
      consent: { by: '钱大爷', method: 'oral' },
    },
    'members.0.ageBand',
  ],
  ['households', 'upsert', { buildingId: 'b_hx1', room: '1单元 101', members: [], consent: { by: '钱大爷', method: 'oral' } }, 'members'],
  [
    'households',
    'upsert',
    { buildingId: 'b_hx1', room: '1单元 101', members: [{ name: '钱', relation: '户主', ageBand: 'aged' }] },
    'consent',
  ],
  ['households', 'logVisit', { householdId: 'hh_hx_wangxl', found: '好' }, 'found'],
  [
    'households',
    'logVisit',
    { householdId: 'hh_hx_wangxl', found: '水龙头漏水', order: { memberId: 'hm_wangxl', kind: 'service', category: 'care', title: '修' } },
    'order.title',
  ],
  ['households', 'pair', { householdId: 'hh_hx_liudm', memberIds: ['u_wuhy'], kind: 'visit', cadence: 'daily' }, 'cadence'],
  ['households', 'pair', { householdId: 'hh_hx_liudm', memberIds: [], kind: 'visit', cadence: 'weekly' }, 'memberIds'],
  ['households', 'pair', { householdId: 'hh_hx_liudm', memberIds: ['u_qs_fengy'], kind: 'visit', cadence: 'weekly' }, 'memberIds.0'],
  ['households', 'unpair', {}, 'pairId'],
  ['households', 'careTasks', { memberId: 'u_zhouzq' }, 'memberId'],
  ['households', 'closeCareTask', { pairId: 'pr_hx_wangxl', report: '去过了', photos: ['f_x'] }, 'report'],
  ['households', 'closeCareTask', { pairId: 'pr_hx_wangxl', report: '陪老人聊了一个小时，收拾了厨房', photos: [] }, 'photos'],
  ['households', 'coverage', { days: 0 }, 'days'],
  // 网格台账 (the demo's open task gt_demo_wangf is 王芳's, of 第二网格)
  ['workbench', 'gridTasks', { status: 'done' }, 'status'],
  ['workbench', 'gridTask', { taskId: 'gt demo' }, 'taskId'],
  ['workbench', 'publishGridTask', { gridId: 'g_hx2', title: '排查楼道', body: '检查每个单元', dueDate: '下周一' }, 'dueDate'],
  ['workbench', 'publishGridTask', { gridId: 'g_hx2', title: '排', body: '检查每个单元', dueDate: '2099-01-01' }, 'title'],
  ['workbench', 'publishGridTask', { gridId: 'g_qs1', title: '排查楼道', body: '检查每个单元', dueDate: '2099-01-01' }, 'gridId'],
  ['workbench', 'publishGridTask', { gridId: 'g_hx2', title: '排查楼道', body: '检查每个单元', dueDate: '2020-01-01' }, 'dueDate'],
  ['workbench', 'reportGridTask', { taskId: 'gt_demo_wangf', text: '查完了', photos: [] }, 'photos'],
  ['workbench', 'reportGridTask', { taskId: 'gt_demo_wangf', text: '查', photos: ['f_x'] }, 'text'],
  ['workbench', 'submitGridTask', { taskId: 'gt_demo_wangf', done: true }, 'done'],
  ['workbench', 'confirmGridTask', {}, 'taskId'],
  ['workbench', 'returnGridTask', { taskId: 'gt_demo_wangf', reason: '' }, 'reason'],
  ['workbench', 'gridWorkers', { gridId: 'g hx2' }, 'gridId'],
]

/** A person allowed to call each function's actions, so the input check is what answers. */
const ADMIN = 'u_xujh'
const CALLER: Record<string, string> = { accounts: STAFF, orders: RESIDENT, points: MEMBER, mall: MEMBER, households: STAFF }
const SPECIAL: Record<string, string> = {
  'orders.review': STAFF,
  'orders.claim': MEMBER,
  'orders.suggest': STAFF,
  'orders.decline': MEMBER,
  'orders.release': MEMBER,
  'orders.complete': MEMBER,
  'points.adjust': STAFF,
  'points.updateRules': ADMIN,
  'mall.upsertGoods': STAFF,
  'mall.lookup': STAFF,
  'mall.verify': STAFF,
  'activities.list': MEMBER,
  'activities.get': MEMBER,
  'activities.publish': STAFF,
  'activities.update': STAFF,
  'activities.cancel': STAFF,
  'activities.signup': MEMBER,
  'activities.withdraw': MEMBER,
  'activities.checkinCode': STAFF,
  'activities.checkin': MEMBER,
  'activities.markAttendance': STAFF,
  'activities.finish': STAFF,
  'accounts.exportMyData': RESIDENT,
  'accounts.deleteMe': RESIDENT,
  'accounts.subscribe': RESIDENT,
  'accounts.people': ADMIN,
  'accounts.setStaff': ADMIN,
  'accounts.upsertGrid': ADMIN,
  'accounts.upsertBuilding': ADMIN,
  'accounts.setGridWorker': ADMIN,
  'orders.create': STAFF,
  'orders.refer': STAFF,
  'orders.recordReferralAnswer': STAFF,
  'orders.sendDown': 'u_st_zhoum',
  'households.careTasks': MEMBER,
  'households.closeCareTask': MEMBER,
  'orders.revisit': STAFF,
  'orders.units': STAFF,
  'orders.upsertUnit': STAFF,
  'points.evaluations': STAFF,
  'points.scoreEvaluation': STAFF,
  'points.branchLink': STAFF,
  'workbench.dashboard': STAFF,
  'workbench.streetDashboard': 'u_st_zhoum',
  'workbench.ledger': STAFF,
  'workbench.exportLedger': STAFF,
  'workbench.exportEvaluation': STAFF,
  'workbench.myCard': STAFF,
  'workbench.saveCard': STAFF,
  'workbench.consent': RESIDENT,
  'workbench.setConsent': RESIDENT,
  'workbench.rosterTemplate': ADMIN,
  'workbench.importRoster': ADMIN,
  'workbench.gridTasks': STAFF,
  'workbench.gridWorkers': STAFF,
  'workbench.gridTask': STAFF,
  'workbench.publishGridTask': STAFF,
  'workbench.reportGridTask': 'u_wangf',
  'workbench.submitGridTask': 'u_wangf',
  'workbench.confirmGridTask': STAFF,
  'workbench.returnGridTask': STAFF,
}
const callerFor = (fn: string, action: string) => SPECIAL[`${fn}.${action}`] ?? CALLER[fn]

describe('bad input', () => {
  it('has a case for every action', () => {
    const covered = new Set(BAD_INPUT.map(([fn, action]) => `${fn}.${action}`))
    const all = Object.entries(REGISTRY).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`))
    expect(all.filter((a) => !covered.has(a))).toEqual([])
  })

  it.each(BAD_INPUT)('%s.%s %j → 400 naming %s, nothing written', async (fn, action, input, field) => {
    const before = dumpDb(h.app.store.db)
    const res = await call(callerFor(fn, action), fn, action, input)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/) // a Chinese sentence
    expect(dumpDb(h.app.store.db)).toBe(before)
  })

  it('answers a malformed request with 400, an unknown function with 404', async () => {
    const token = await h.token(RESIDENT)
    const notJson = await fetch(`${h.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"action":',
    })
    expect([notJson.status, ((await notJson.json()) as any).error.field]).toEqual([400, 'body'])
    expect((await h.post('orders', { action: 'explode' }, token)).body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'action' })
    expect(
      (await h.post('orders', { action: 'create', input: { kind: 'wish', category: 'care', title: '一本书' } }, token)).body.error,
    ).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'requestId',
    })
    expect((await h.post('nothing', { action: 'x' }, token)).status).toBe(404)
    expect((await fetch(`${h.url}/api/orders`)).status).toBe(404)
    const huge = await h.post('orders', { action: 'create', requestId: rid(), input: { title: 'x'.repeat(300_000) } }, token)
    expect(huge.status).toBe(413)
  })

  it('never lets a stack trace out', async () => {
    const res = await h.post('orders', '{"action":"get","input":{"orderId":"o_1"},"requestId":"abcdefgh"', await h.token(RESIDENT))
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|Error:/)
  })
})

describe('wrong role', () => {
  it('gets 403 and changes nothing', async () => {
    const created = await call(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '陪老人聊天' })
    const id = created.body.data.id
    const attempts: Array<[string, string, unknown]> = [
      [RESIDENT, 'review', { orderId: id, decision: 'dispatch' }],
      [MEMBER, 'review', { orderId: id, decision: 'reject', reason: '不想做' }],
      ['u_lijg', 'claim', { orderId: id }],
      [STAFF, 'claim', { orderId: id }],
      [MEMBER, 'cancel', { orderId: id }],
    ]
    const before = dumpDb(h.app.store.db)
    for (const [who, action, input] of attempts) {
      const res = await call(who, 'orders', action, input)
      expect([who, action, res.status, res.body.error?.code]).toEqual([who, action, 403, 'FORBIDDEN'])
    }
    expect((await call(RESIDENT, 'accounts', 'listMembers', {})).status).toBe(403)
    expect(dumpDb(h.app.store.db)).toBe(before)
  })
})

describe('claim race', () => {
  it('lets exactly one of 50 members claim an order at once; the rest get 409', async () => {
    const created = await call(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '陪老人去医院' })
    const id = created.body.data.id
    await call(STAFF, 'orders', 'review', { orderId: id, decision: 'dispatch' })
    const members = await addMembers(h.app, 'c_hongxing', 50)
    const tokens = await Promise.all(members.map((m) => h.token(m)))
    const results = await Promise.all(tokens.map((t) => h.post('orders', { action: 'claim', input: { orderId: id }, requestId: rid() }, t)))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    const winner = results.find((r) => r.status === 200)?.body.data.claimer.id
    const events = h.app.store.db.prepare("SELECT actor_id FROM order_events WHERE order_id = ? AND action = 'claim'").all(id)
    expect(events).toEqual([{ actor_id: winner }])
  })
})

describe('idempotent confirm', () => {
  it('awards once for a repeated requestId and for a second confirm', async () => {
    const id = (await call(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '陪老人聊天' })).body.data.id
    await call(STAFF, 'orders', 'review', { orderId: id, decision: 'dispatch', points: 10 })
    await call(MEMBER, 'orders', 'claim', { orderId: id })
    const photo = (await upload(MEMBER)).body.data.fileId
    await call(MEMBER, 'orders', 'complete', { orderId: id, summary: '陪老人聊了一下午的家常', photos: [photo] })
    const requestId = rid()
    const [a, b] = await Promise.all([
      call(RESIDENT, 'orders', 'confirm', { orderId: id, rating: 5 }, requestId),
      call(RESIDENT, 'orders', 'confirm', { orderId: id, rating: 5 }, requestId),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(b.body).toEqual(a.body)
    const again = await call(RESIDENT, 'orders', 'confirm', { orderId: id, rating: 5 })
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT'])
    const ledger = (await call(MEMBER, 'points', 'ledger', {})).body.data.items
    expect(ledger.map((e) => e.delta)).toEqual([15])
    expect((await call(MEMBER, 'points', 'balance', {})).body.data.balance).toBe(15)
  })
})

describe('test clock', () => {
  it('moves forward only, and runs the scheduler', async () => {
    const t0 = Date.parse(((await (await fetch(`${h.url}/api/dev/clock`)).json()) as any).data.now)
    const post = (body: unknown) =>
      fetch(`${h.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const moved = (await (await post({ advanceMs: 3600_000 })).json()) as any
    expect(Date.parse(moved.data.now) - t0).toBeGreaterThanOrEqual(3600_000)
    expect(moved.data.tick).toMatchObject({ escalated: 0, autoConfirmed: 0, redemptionsExpired: 0, pointsLapsed: 0 })
    expect((await post({ advanceMs: -1 })).status).toBe(400)
  })
})

describe('serving the H5 app', () => {
  it('serves the build and falls back to the app shell for client routes', async () => {
    h.close()
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-h5-'))
    writeFileSync(path.join(dir, 'index.html'), '<html>红网邻里</html>')
    writeFileSync(path.join(dir, 'app.js'), 'console.log(1)')
    h = await openHttpHarness({ staticDir: dir })
    expect(await (await fetch(`${h.url}/`)).text()).toContain('红网邻里')
    expect(await (await fetch(`${h.url}/pages/index/index`)).text()).toContain('红网邻里')
    expect((await fetch(`${h.url}/app.js`)).headers.get('content-type')).toContain('javascript')
    expect(await (await fetch(`${h.url}/..%2f..%2fetc%2fpasswd`)).text()).toContain('红网邻里')
    rmSync(dir, { recursive: true, force: true })
  })

  it("serves the build's brotli or gzip copy to a client that accepts it, the file itself to one that does not", async () => {
    h.close()
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-h5-'))
    const js = 'console.log("红网邻里")\n'.repeat(100)
    writeFileSync(path.join(dir, 'index.html'), '<html>红网邻里</html>')
    writeFileSync(path.join(dir, 'app.js'), js)
    writeFileSync(path.join(dir, 'app.js.br'), brotliCompressSync(js))
    writeFileSync(path.join(dir, 'app.js.gz'), gzipSync(js))
    h = await openHttpHarness({ staticDir: dir })
    const get = (acceptEncoding: string) => fetch(`${h.url}/app.js`, { headers: { 'accept-encoding': acceptEncoding } })
    for (const [accepted, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['identity', null],
    ] as const) {
      const res = await get(accepted)
      expect([accepted, res.headers.get('content-encoding')]).toEqual([accepted, encoding])
      expect(res.headers.get('vary')).toBe('accept-encoding')
      expect(res.headers.get('content-type')).toContain('javascript')
      expect(await res.text()).toBe(js) // fetch undoes the encoding it asked for
    }
    rmSync(dir, { recursive: true, force: true })
  })
})
