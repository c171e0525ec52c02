// The people and the workbench on the real SQLite adapter, through the edge: 双报到 onboarding and its
// approval rules, the dashboard against a data set built through the use cases with a controlled clock,
// the 工作台账 workbook read back with exceljs cell by cell, the 三评 combination, and 三亮一晒.
import type { InputOf } from '@shared/api'
import { Workbook } from 'exceljs'
import { type Harness, dumpDb, openHarness } from '../helpers/local'

const at = (beijing: string) => Date.parse(`${beijing}:00+08:00`)

const RESIDENT = 'u_wangxl' // 王秀兰, 1号楼 (第一网格)
const LI = 'u_lijg' // 李建国, resident, 2号楼 (第一网格)
const STAFF = 'u_linx'
const STAFF2 = 'u_huangj'
const ADMIN = 'u_xujh'
const ZHOU = 'u_zhouzq' // 周志强, member
const WU = 'u_wuhy' // 吴海燕, member
const ZHENG = 'u_zhengw' // 郑伟, member
const SUN = 'u_sunln' // 孙丽娜, member
const FOREIGN_STAFF = 'u_qs_dengh'

let h: Harness
let now = at('2030-02-20T09:00')
const clock = { now: () => now }

beforeEach(async () => {
  now = at('2030-02-20T09:00')
  h = await openHarness({ clock })
})
afterEach(() => h.close())

/** A person with no roles yet, as a first contact in WeChat leaves them. */
async function newcomer(id = 'u_new', community = 'c_hongxing') {
  await h.app.store.writeRaw((db) =>
    db
      .prepare("INSERT INTO users (id, community_id, name, phone, roles, created_at) VALUES (?, ?, '新用户', NULL, '[]', 0)")
      .run(id, community),
  )
  return id
}

const REGISTER = { name: '陈明', phone: '13912345678', buildingId: 'b_hx3', unit: '2', room: '301' }
const DOUBLE: InputOf<'accounts', 'registerMember'> = {
  workUnit: '市财政局',
  branch: '市财政局第二党支部',
  posts: ['care', 'education'],
  skills: ['辅导功课', '量血压'],
  gridId: 'g_hx1',
}

describe('onboarding: 居民登记', () => {
  it('waits for staff, then binds the home and grants the resident role', async () => {
    const id = await newcomer()
    const pending = await h.ok(id, 'accounts', 'registerResident', REGISTER)
    expect(pending).toMatchObject({ kind: 'resident', status: 'pending', name: '陈明', address: '3号楼 2单元 301', gridName: '第二网格' })
    expect((await h.ok(id, 'accounts', 'me')).roles).toEqual([])
    // nothing a resident does is open yet
    expect(await h.call(id, 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙买菜' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    const queue = await h.ok(STAFF, 'accounts', 'listPending', {})
    // oldest first: the demo's waiting 双报到, then this one
    expect(queue.items.map((r) => `${r.userId}:${r.kind}`)).toEqual(['u_zhaoxh:member', `${id}:resident`])
    expect(queue.items[1]).toMatchObject({ name: '陈明', phone: '13912345678', address: '3号楼 2单元 301', gridName: '第二网格' })

    const approved = await h.ok(STAFF, 'accounts', 'approveResident', { userId: id, approve: true })
    expect(approved).toMatchObject({ status: 'approved', reason: null })
    expect(await h.ok(id, 'accounts', 'me')).toMatchObject({
      name: '陈明',
      roles: ['resident'],
      phone: '13912345678',
      gridName: '第二网格',
      address: '3号楼 2单元 301',
    })
    expect((await h.ok(STAFF, 'accounts', 'listPending', { kind: 'resident' })).items).toEqual([])
    const inbox = await h.ok(id, 'accounts', 'inbox', {})
    expect(inbox.items[0]).toMatchObject({ kind: 'registration_decided', title: '居民登记已通过' })
    expect(await h.call(STAFF2, 'accounts', 'approveResident', { userId: id, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('turns down with a reason, which the person reads, and takes a new submission after', async () => {
    const id = await newcomer()
    await h.ok(id, 'accounts', 'registerResident', REGISTER)
    expect(await h.call(id, 'accounts', 'registerResident', REGISTER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call(STAFF, 'accounts', 'approveResident', { userId: id, approve: false })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'reason' },
    })
    await h.ok(STAFF, 'accounts', 'approveResident', { userId: id, approve: false, reason: '房号与登记不符' })
    const mine = await h.ok(id, 'accounts', 'myRegistrations', {})
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'resident', status: 'rejected', reason: '房号与登记不符' })])
    expect((await h.ok(id, 'accounts', 'me')).roles).toEqual([])
    const again = await h.ok(id, 'accounts', 'registerResident', { ...REGISTER, room: '302' })
    expect(again).toMatchObject({ status: 'pending', address: '3号楼 2单元 302', reason: null })
  })

  it('is decided only by staff of the same community, never by oneself', async () => {
    const id = await newcomer()
    await h.ok(id, 'accounts', 'registerResident', REGISTER)
    const before = dumpDb(h.app.store.db, ['sessions', 'idempotency'])
    expect(await h.call(FOREIGN_STAFF, 'accounts', 'approveResident', { userId: id, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call(ZHOU, 'accounts', 'approveResident', { userId: id, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call(FOREIGN_STAFF, 'accounts', 'listPending', {})).toMatchObject({ ok: true, data: { items: [] } })
    expect(dumpDb(h.app.store.db, ['sessions', 'idempotency'])).toBe(before)

    // a staff member moving in registers like anyone, and someone else verifies it
    await h.ok(STAFF, 'accounts', 'registerResident', { ...REGISTER, name: '林晓' })
    expect(await h.call(STAFF, 'accounts', 'approveResident', { userId: STAFF, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    await h.ok(STAFF2, 'accounts', 'approveResident', { userId: STAFF, approve: true })
    expect((await h.ok(STAFF, 'accounts', 'me')).roles).toEqual(['staff', 'resident'])
  })

  it('binds only a building of the person’s own community', async () => {
    const id = await newcomer()
    expect(await h.call(id, 'accounts', 'registerResident', { ...REGISTER, buildingId: 'b_qs1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'buildingId' },
    })
    expect(await h.call(id, 'accounts', 'registerResident', { ...REGISTER, name: '赌博王' })).toMatchObject({
      ok: false,
      error: { field: 'name' },
    })
  })

  it('gives newcomers the community’s grids and buildings, signed in or not', async () => {
    const places = await h.ok(RESIDENT, 'accounts', 'places', {})
    expect(places).toMatchObject({ communityId: 'c_hongxing', communityName: '红星社区' })
    expect(places.grids.map((g) => [g.name, g.buildings.map((b) => b.name)])).toEqual([
      ['第一网格', ['1号楼', '2号楼']],
      ['第二网格', ['3号楼', '4号楼']],
      ['第三网格', ['5号楼', '6号楼']],
    ])
    const anonymous = await h.call(null, 'accounts', 'places', { communityId: 'c_qingshan' })
    expect(anonymous).toMatchObject({ ok: true, data: { communityName: '青山社区' } })
    expect(await h.call(null, 'accounts', 'places', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(null, 'accounts', 'registerResident', REGISTER)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    // the phone number is typed here; WeChat's one-tap code works only in the cloud
    expect(await h.call(RESIDENT, 'accounts', 'verifyPhone', { code: 'code-123456' })).toMatchObject({
      ok: false,
      error: { field: 'code' },
    })
  })
})

describe('onboarding: 在职党员双报到', () => {
  it('grants the member role and profile once staff approve', async () => {
    expect(await h.call(LI, 'accounts', 'registerMember', { ...DOUBLE, gridId: 'g_hx2' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'gridId' },
    })
    expect(await h.raw(LI, 'accounts', 'registerMember', { ...DOUBLE, posts: ['care', 'care'] })).toMatchObject({
      ok: false,
      error: { field: 'posts' },
    })
    const pending = await h.ok(LI, 'accounts', 'registerMember', DOUBLE)
    expect(pending).toMatchObject({
      kind: 'member',
      status: 'pending',
      gridName: '第一网格',
      member: { workUnit: '市财政局', posts: ['care', 'education'] },
    })
    expect((await h.ok(STAFF, 'accounts', 'listPending', { kind: 'member' })).items.map((r) => r.userId)).toEqual(['u_zhaoxh', LI])
    expect((await h.ok(STAFF, 'accounts', 'listPending', { kind: 'resident' })).items).toEqual([])

    await h.ok(STAFF, 'accounts', 'approveMember', { userId: LI, approve: true })
    const me = await h.ok(LI, 'accounts', 'me')
    expect(me.roles).toEqual(['resident', 'member'])
    expect(me.member).toEqual({
      status: 'on_job',
      management: 'direct',
      workUnit: '市财政局',
      branch: '市财政局第二党支部',
      posts: ['care', 'education'],
      skills: ['辅导功课', '量血压'],
    })
    expect((await h.ok(STAFF, 'accounts', 'listMembers', {})).items.map((m) => m.id)).toContain(LI)
    // now a member: the hall is open to him
    expect(await h.call(LI, 'orders', 'list', { scope: 'hall' })).toMatchObject({ ok: true })
  })
})

describe('admin: staff accounts and grids', () => {
  it('lets the admin make and unmake staff of the community, never themself', async () => {
    expect(await h.ok(ADMIN, 'accounts', 'setStaff', { userId: LI, staff: true })).toMatchObject({ id: LI, roles: ['resident', 'staff'] })
    expect((await h.ok(LI, 'accounts', 'me')).roles).toContain('staff')
    expect(await h.ok(ADMIN, 'accounts', 'setStaff', { userId: LI, staff: false })).toMatchObject({ roles: ['resident'] })
    expect(await h.call(ADMIN, 'accounts', 'setStaff', { userId: ADMIN, staff: false })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call(ADMIN, 'accounts', 'setStaff', { userId: 'u_qs_songl', staff: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call(STAFF, 'accounts', 'setStaff', { userId: LI, staff: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const staff = await h.ok(ADMIN, 'accounts', 'people', { role: 'staff' })
    expect(staff.items.map((p) => p.name)).toEqual(['徐建华', '林晓', '黄静'].sort((a, b) => (a < b ? -1 : 1)))
  })

  it('adds and renames grids, names unique', async () => {
    const added = await h.ok(ADMIN, 'accounts', 'upsertGrid', { name: '第四网格' })
    expect(added.id).toMatch(/^g_/)
    expect(await h.call(ADMIN, 'accounts', 'upsertGrid', { name: '第一网格' })).toMatchObject({ ok: false, error: { field: 'name' } })
    await h.ok(ADMIN, 'accounts', 'upsertGrid', { id: added.id, name: '新城网格' })
    expect((await h.ok(RESIDENT, 'accounts', 'places', {})).grids.map((g) => g.name)).toContain('新城网格')
    expect(await h.call(ADMIN, 'accounts', 'upsertGrid', { id: 'g_qs1', name: '抢来的网格' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call(STAFF, 'accounts', 'upsertGrid', { name: '第五网格' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

/**
 * A week with known answers (Beijing times), built through the use cases:
 *  o7  3 Mar — before the period, closed by 周志强 (must not count)
 *  o1  4 Mar 09:00 王秀兰 助老扶幼, dispatched 09:10, claimed 09:40 (30 min) by 周志强, closed 11:00 ★5 (120 min)
 *  o2  4 Mar 10:00 张桂英 爱心关怀, dispatched 10:00, claimed 11:30 (90 min) by 吴海燕, disputed once, closed 14:00 ★3 (240 min)
 *  o3  4 Mar 11:00 王秀兰 便民利民, dispatched 11:00, claimed 11:10 (10 min) by 郑伟, completed, not yet confirmed
 *  o4  4 Mar 12:00 陈淑珍 环境提升 urgent, dispatched 12:00, unclaimed past its 2 h: escalated to 社区
 *  o5  4 Mar 12:30 李建国, rejected;   o6  4 Mar 13:00 刘德明, cancelled
 *  an activity on Sat 9 Mar 09:00–11:00: 周志强 and 孙丽娜 sign up, 周志强 attends (+10)
 *  周志强 redeems a towel (15) on 9 Mar; 孙丽娜 has nothing to spend
 */
async function buildWeek() {
  const photo = async (who: string) => [await h.upload(who)]
  const order = (resident: string, input: Pick<InputOf<'orders', 'create'>, 'category' | 'title' | 'urgency'>) =>
    h.ok(resident, 'orders', 'create', { kind: 'service', description: '', ...input }).then((o) => o.id)
  const dispatch = (id: string) => h.ok(STAFF, 'orders', 'review', { orderId: id, decision: 'dispatch' })
  const complete = async (member: string, id: string) =>
    h.ok(member, 'orders', 'complete', { orderId: id, summary: '已经上门完成服务，居民满意', photos: await photo(member) })

  now = at('2030-03-03T10:00')
  const o7 = await order(RESIDENT, { category: 'care', title: '上周的工单' })
  await dispatch(o7)
  await h.ok(ZHOU, 'orders', 'claim', { orderId: o7 })
  await complete(ZHOU, o7)
  await h.ok(RESIDENT, 'orders', 'confirm', { orderId: o7, rating: 4 })

  now = at('2030-03-04T09:00')
  const o1 = await order(RESIDENT, { category: 'elderly_child', title: '帮老人取药' })
  now = at('2030-03-04T09:10')
  await dispatch(o1)
  now = at('2030-03-04T09:40')
  await h.ok(ZHOU, 'orders', 'claim', { orderId: o1 })
  now = at('2030-03-04T10:00')
  const o2 = await order('u_zhanggy', { category: 'care', title: '陪老人聊天' })
  await dispatch(o2)
  now = at('2030-03-04T10:30')
  await complete(ZHOU, o1)
  now = at('2030-03-04T11:00')
  await h.ok(RESIDENT, 'orders', 'confirm', { orderId: o1, rating: 5 })
  const o3 = await order(RESIDENT, { category: 'convenience', title: '修理水龙头' })
  await dispatch(o3)
  now = at('2030-03-04T11:10')
  await h.ok(ZHENG, 'orders', 'claim', { orderId: o3 })
  now = at('2030-03-04T11:30')
  await h.ok(WU, 'orders', 'claim', { orderId: o2 })
  now = at('2030-03-04T11:50')
  await complete(ZHENG, o3)
  now = at('2030-03-04T12:00')
  await complete(WU, o2)
  const o4 = await order('u_chensz', { category: 'environment', title: '楼道堆满杂物', urgency: 'urgent' })
  await dispatch(o4)
  now = at('2030-03-04T12:30')
  await h.ok('u_zhanggy', 'orders', 'dispute', { orderId: o2, reason: '还有一件事没办完' })
  const o5 = await order(LI, { category: 'targeted', title: '想办理补贴' })
  await h.ok(STAFF, 'orders', 'review', { orderId: o5, decision: 'reject', reason: '请到街道办理' })
  now = at('2030-03-04T13:00')
  await complete(WU, o2)
  const o6 = await order('u_liudm', { category: 'education', title: '辅导孩子作业' })
  await h.ok('u_liudm', 'orders', 'cancel', { orderId: o6 })
  now = at('2030-03-04T14:00')
  await h.ok('u_zhanggy', 'orders', 'confirm', { orderId: o2, rating: 3 })
  now = at('2030-03-04T14:01')
  expect((await h.app.tick()).escalated).toBe(1)

  now = at('2030-03-05T09:00')
  const activity = await h.ok(STAFF, 'activities', 'publish', {
    title: '周末环境清洁日',
    category: 'environment',
    startAt: '2030-03-09T09:00:00+08:00',
    endAt: '2030-03-09T11:00:00+08:00',
    signupDeadline: '2030-03-08T20:00:00+08:00',
    place: { name: '社区广场' },
    quota: 20,
  })
  await h.ok(ZHOU, 'activities', 'signup', { activityId: activity.id })
  await h.ok(SUN, 'activities', 'signup', { activityId: activity.id })
  now = at('2030-03-09T10:00')
  await h.ok(STAFF, 'activities', 'markAttendance', { activityId: activity.id, memberIds: [ZHOU], attended: true })
  now = at('2030-03-09T11:30')
  await h.ok(STAFF, 'activities', 'finish', { activityId: activity.id })
  now = at('2030-03-09T12:00')
  await h.ok(ZHOU, 'mall', 'redeem', { goodsId: 'g_demo_towel' })
  now = at('2030-03-11T09:00')
  return { o1, o2, o3, o4, o5, o6, o7, activity: activity.id as string }
}

describe('数据看板', () => {
  it('counts the week exactly', async () => {
    await buildWeek()
    const d = await h.ok(STAFF, 'workbench', 'dashboard', { from: '2030-03-04', to: '2030-03-10' })
    const counts = (rows: Array<{ count: number }>, key: string) => Object.fromEntries(rows.map((r) => [r[key], r.count]))
    expect(d.orders.total).toBe(6)
    expect(counts(d.orders.byStatus, 'status')).toEqual({
      submitted: 0,
      open: 1,
      claimed: 0,
      completed: 1,
      closed: 2,
      rejected: 1,
      cancelled: 1,
      referred: 0,
    })
    expect(counts(d.orders.byCategory, 'category')).toEqual({
      self_governance: 0,
      education: 1,
      elderly_child: 1,
      environment: 1,
      care: 1,
      convenience: 1,
      targeted: 1,
    })
    expect(counts(d.orders.byGrid, 'gridName')).toEqual({ 第一网格: 3, 第二网格: 2, 第三网格: 1 })
    expect(d.orders.byDay).toHaveLength(7)
    expect(d.orders.byDay[0]).toEqual({ day: '2030-03-04', created: 6, closed: 2 })
    expect(d.orders.byDay.slice(1).every((x) => x.created === 0 && x.closed === 0)).toBe(true)
    expect(d.medianClaimMinutes).toBe(30) // 30, 90, 10
    expect(d.medianCloseMinutes).toBe(180) // 120, 240
    expect(d.slaBreaches).toBe(1)
    // 满意率: one of the two rated 4 stars or more; 重办率: one of three sent back
    expect(d.satisfaction).toEqual({
      rated: 2,
      averageRating: 4,
      satisfied: 1,
      satisfiedShare: 0.5,
      disputed: 1,
      completed: 3,
      disputeShare: 0.333,
    })
    expect(d.activeMembers).toBe(3) // 周志强, 吴海燕, 郑伟 (孙丽娜 signed up but did not come)
    // issued: o1 25 (20 + ★5 bonus 5), o2 15, the activity 10; redeemed: the towel
    expect(d.points).toEqual({ issued: 50, redeemed: 15 })
    expect(d.activities).toEqual({ held: 1, signedUp: 2, attended: 1, attendanceRate: 0.5 })
  })

  it('moves as orders flow, and sees nothing of another community or outside the period', async () => {
    now = at('2030-03-04T09:00')
    const empty = await h.ok(STAFF, 'workbench', 'dashboard', { from: '2030-03-04', to: '2030-03-04' })
    expect([empty.orders.total, empty.medianClaimMinutes, empty.satisfaction.averageRating, empty.activities.attendanceRate]).toEqual([
      0,
      null,
      null,
      null,
    ])
    await h.ok(RESIDENT, 'orders', 'create', { kind: 'wish', category: 'care', title: '想要一本字典' })
    const one = await h.ok(STAFF, 'workbench', 'dashboard', { from: '2030-03-04', to: '2030-03-04' })
    expect(one.orders.total).toBe(1)
    expect((await h.ok(FOREIGN_STAFF, 'workbench', 'dashboard', { from: '2030-03-04', to: '2030-03-04' })).orders.total).toBe(0)
    expect((await h.ok(STAFF, 'workbench', 'dashboard', { from: '2030-03-05', to: '2030-03-06' })).orders.total).toBe(0)
    expect(await h.call(ZHOU, 'workbench', 'dashboard', { from: '2030-03-04', to: '2030-03-04' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

/** The workbook behind an export's URL, read back with exceljs. */
async function readExport(url: string) {
  const found = h.app.exports.locate(url.split('?')[0].replace('/exports/', ''))
  if (!found) throw new Error(`no export at ${url}`)
  const wb = new Workbook()
  await wb.xlsx.readFile(found.file)
  return { wb, name: found.name }
}
const rowsOf = (wb: Workbook, sheet: string) => {
  const ws = wb.getWorksheet(sheet)
  if (!ws) throw new Error(`no sheet ${sheet}`)
  const rows: unknown[][] = []
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1))
  })
  return rows
}

describe('街道数据看板', () => {
  const STREET = 'u_st_zhoum' // 红桥街道: 红星社区 and 青山社区
  const WEEK = { from: '2030-03-04', to: '2030-03-10' }

  it('gives each community of the street its own dashboard’s figures, and the street’s over them all', async () => {
    await buildWeek()
    now = at('2030-03-05T08:00')
    await h.ok('u_qs_songl', 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙修水管' })
    now = at('2030-03-11T09:00')
    const hx = await h.ok(STAFF, 'workbench', 'dashboard', WEEK)
    const qs = await h.ok(FOREIGN_STAFF, 'workbench', 'dashboard', WEEK)
    const st = await h.ok(STREET, 'workbench', 'streetDashboard', WEEK)
    expect([st.from, st.to, st.streetName]).toEqual([WEEK.from, WEEK.to, '红桥街道'])
    const row = (d: typeof hx) => ({
      orders: d.orders.total,
      closed: d.orders.byStatus.find((s) => s.status === 'closed')?.count,
      medianClaimMinutes: d.medianClaimMinutes,
      medianCloseMinutes: d.medianCloseMinutes,
      slaBreaches: d.slaBreaches,
      satisfaction: d.satisfaction,
      referrals: d.referrals,
      activeMembers: d.activeMembers,
      points: d.points,
      activities: d.activities,
    })
    expect(st.communities).toEqual([
      { communityId: 'c_hongxing', name: expect.any(String), ...row(hx) },
      { communityId: 'c_qingshan', name: expect.any(String), ...row(qs) },
    ])
    expect(st.communities.map((c) => [c.orders, c.closed])).toEqual([
      [6, 2],
      [1, 0],
    ])
    // the street as a whole: counts add up; medians and shares are over all its orders
    expect(st.total.orders.total).toBe(7)
    expect(st.total.orders.byDay[1]).toEqual({ day: '2030-03-05', created: 1, closed: 0 })
    expect(st.total.orders.byCategory.find((c) => c.category === 'care')?.count).toBe(2)
    expect([st.total.medianClaimMinutes, st.total.medianCloseMinutes, st.total.satisfaction]).toEqual([
      hx.medianClaimMinutes,
      hx.medianCloseMinutes,
      hx.satisfaction,
    ])
    expect([st.total.points, st.total.activities, st.total.activeMembers]).toEqual([hx.points, hx.activities, hx.activeMembers])
    expect('byGrid' in st.total.orders).toBe(false)
  })

  it('is the street’s only', async () => {
    for (const who of [STAFF, ADMIN, ZHOU, RESIDENT, FOREIGN_STAFF]) {
      expect(await h.call(who, 'workbench', 'streetDashboard', WEEK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})

describe('工作台账', () => {
  it('sums a member’s period and exports it as a workbook, one sheet per section, Chinese headers', async () => {
    await buildWeek()
    const period = { memberId: ZHOU, from: '2030-03-04', to: '2030-03-10' }
    const report = await h.ok(STAFF, 'workbench', 'ledger', period)
    expect(report.members).toHaveLength(1)
    expect(report.members[0]).toMatchObject({
      name: '周志强',
      branch: '市税务局第一党支部',
      ordersServed: 1,
      activitiesAttended: 1,
      hours: 2,
      averageRating: 5,
      pointsEarned: 35,
      pointsSpent: 15,
    })

    const file = await h.ok(STAFF, 'workbench', 'exportLedger', period)
    expect(file.name).toBe('工作台账-周志强-2030-03-04至2030-03-10.xlsx')
    expect(file.url).toMatch(/^\/exports\/x_/)
    const { wb } = await readExport(file.url)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '服务工单', '志愿活动', '结对帮扶', '积分明细'])
    expect(rowsOf(wb, '汇总')).toEqual([
      [
        '姓名',
        '党支部',
        '工作单位',
        '时段',
        '服务工单（件）',
        '参加活动（次）',
        '志愿时长（小时）',
        '结对帮扶（次）',
        '平均评分',
        '获得积分',
        '使用积分',
      ],
      ['周志强', '市税务局第一党支部', '市税务局', '2030-03-04 至 2030-03-10', 1, 1, 2, 0, 5, 35, 15],
    ])
    expect(rowsOf(wb, '服务工单')).toEqual([
      ['姓名', '完成日期', '工单', '岗位类别', '评分', '获得积分'],
      ['周志强', '2030-03-04', '帮老人取药', '助老扶幼', 5, 25],
    ])
    expect(rowsOf(wb, '志愿活动')).toEqual([
      ['姓名', '活动日期', '活动', '岗位类别', '时长（小时）', '获得积分'],
      ['周志强', '2030-03-09', '周末环境清洁日', '环境提升', 2, 10],
    ])
    expect(rowsOf(wb, '积分明细')).toEqual([
      ['姓名', '日期', '事由', '变动', '余额'],
      ['周志强', '2030-03-04', '完成工单「帮老人取药」：下单积分 20 分，5 星加 5 分', 25, 43], // 18 from the week before
      ['周志强', '2030-03-09', '参加活动「周末环境清洁日」', 10, 53],
      ['周志强', '2030-03-09', '兑换「纯棉毛巾」', -15, 38],
    ])
    expect(wb.getWorksheet('汇总')?.getRow(1).font?.bold).toBe(true)
  })

  it('exports every member for staff; a member only their own', async () => {
    await buildWeek()
    const all = await h.ok(STAFF, 'workbench', 'exportLedger', { from: '2030-03-04', to: '2030-03-10' })
    const { wb } = await readExport(all.url)
    const summary = rowsOf(wb, '汇总')
    expect(summary).toHaveLength(1 + 11) // header + the eleven members of 红星社区 (the retired one too)
    expect(summary.find((r) => r[0] === '吴海燕')).toEqual([
      '吴海燕',
      '市第一医院党总支',
      '市第一医院',
      '2030-03-04 至 2030-03-10',
      1,
      0,
      0,
      0,
      3,
      15,
      0,
    ])
    expect(summary.find((r) => r[0] === '孙丽娜')?.slice(4)).toEqual([0, 0, 0, 0, '', 0, 0])

    expect((await h.ok(ZHOU, 'workbench', 'ledger', { from: '2030-03-04', to: '2030-03-10' })).members.map((m) => m.name)).toEqual([
      '周志强',
    ])
    expect(await h.call(ZHOU, 'workbench', 'exportLedger', { memberId: WU, from: '2030-03-04', to: '2030-03-10' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call(FOREIGN_STAFF, 'workbench', 'ledger', { memberId: ZHOU, from: '2030-03-04', to: '2030-03-10' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'memberId' },
    })
    expect(await h.call(RESIDENT, 'workbench', 'ledger', { from: '2030-03-04', to: '2030-03-10' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('三评', () => {
  it('combines 自评 20%, 社区测评 40% and 组织考评 40% (through the branch’s one-time link) beside the year’s figures', async () => {
    await buildWeek()
    const year = 2030
    const blank = await h.ok(ZHOU, 'points', 'evaluation', { year })
    expect(blank).toMatchObject({ combined: null, grade: null, missing: ['self', 'community', 'branch'] })
    expect(blank.figures).toEqual({
      ordersServed: 2,
      activitiesAttended: 1,
      hours: 2,
      careTasksDone: 0,
      averageRating: 4.5,
      pointsEarned: 53,
      pointsSpent: 15,
    })

    await h.ok(ZHOU, 'points', 'selfEvaluate', { year, score: 80, text: '今年坚持每周参加社区服务，帮助老人取药。' })
    await h.ok(STAFF, 'points', 'scoreEvaluation', { memberId: ZHOU, year, part: 'community', score: 90, comment: '积极主动' })
    expect(await h.call(ZHOU, 'points', 'scoreEvaluation', { memberId: ZHOU, year, part: 'community', score: 100 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const link = await h.ok(STAFF, 'points', 'branchLink', { memberId: ZHOU, year })
    expect(link.path).toBe(`/workbench/branch-score/index?token=${link.token}`)

    // the branch opens the link without signing in: figures and the 自评, no contact details
    const form = await h.call(null, 'points', 'branchForm', { token: link.token })
    expect(form).toMatchObject({
      ok: true,
      data: { name: '周志强', year, communityName: '红星社区', done: false, selfText: expect.stringContaining('取药') },
    })
    expect(JSON.stringify(form)).not.toMatch(/139000|单元/)
    expect(
      await h.call(null, 'points', 'branchScore', {
        token: link.token,
        score: 95,
        scorer: '市税务局第一党支部 张书记',
        comment: '表现突出',
      }),
    ).toMatchObject({
      ok: true,
    })
    expect(await h.call(null, 'points', 'branchScore', { token: link.token, score: 10, scorer: '冒名者' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.call(null, 'points', 'branchForm', { token: 'A'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    const packet = await h.ok(ZHOU, 'points', 'evaluation', { year })
    expect(packet).toMatchObject({
      self: { score: 80 },
      community: { score: 90, text: '积极主动', by: '林晓' },
      branchScore: { score: 95, text: '表现突出', by: '市税务局第一党支部 张书记' },
      combined: 90, // 80 × 0.2 + 90 × 0.4 + 95 × 0.4
      grade: '优秀',
      missing: [],
    })

    // staff may enter the branch score themselves; the last entry counts
    await h.ok(STAFF, 'points', 'scoreEvaluation', { memberId: ZHOU, year, part: 'branch', score: 70 })
    expect(await h.ok(STAFF, 'points', 'evaluation', { memberId: ZHOU, year })).toMatchObject({ combined: 80, grade: '合格' })

    const file = await h.ok(STAFF, 'workbench', 'exportEvaluation', { year })
    const { wb, name } = await readExport(file.url)
    expect(name).toBe('三评汇总-2030年.xlsx')
    const rows = rowsOf(wb, '三评汇总')
    expect(rows[0]).toEqual([
      '姓名',
      '党支部',
      '工作单位',
      '服务工单（件）',
      '参加活动（次）',
      '志愿时长（小时）',
      '结对帮扶（次）',
      '平均评分',
      '获得积分',
      '自评',
      '社区测评',
      '组织考评',
      '综合得分',
      '等次',
    ])
    expect(rows.find((r) => r[0] === '周志强')).toEqual([
      '周志强',
      '市税务局第一党支部',
      '市税务局',
      2,
      1,
      2,
      0,
      4.5,
      53,
      80,
      90,
      70,
      80,
      '合格',
    ])
    expect(rows.find((r) => r[0] === '孙丽娜')?.slice(9)).toEqual(['', '', '', '', '待完成'])
    expect(rowsOf(wb, '评语').find((r) => r[0] === '周志强')).toEqual([
      '周志强',
      '今年坚持每周参加社区服务，帮助老人取药。',
      '积极主动',
      '',
      '林晓',
    ])
  })

  it('lets links lapse and keeps the year open only while it runs', async () => {
    now = at('2030-03-04T09:00')
    const link = await h.ok(STAFF, 'points', 'branchLink', { memberId: ZHOU, year: 2030 })
    now = at('2030-03-19T09:00')
    expect(await h.call(null, 'points', 'branchForm', { token: link.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(ZHOU, 'points', 'selfEvaluate', { year: 2031, score: 80, text: '明年的自评提前写好了哦' })).toMatchObject({
      ok: false,
      error: { field: 'year' },
    })
    expect(await h.call(RESIDENT, 'points', 'selfEvaluate', { year: 2030, score: 80, text: '我不是党员但想写自评' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('三亮一晒', () => {
  it('shows the grid’s staff cards and the services residents agreed to show, without their personal data', async () => {
    const { o1, o3 } = await buildWeek()
    const photo = await h.upload(STAFF)
    await h.ok(STAFF, 'workbench', 'saveCard', {
      gridId: 'g_hx1',
      title: '第一网格网格长',
      duties: '走访入户、收集民意、调解纠纷',
      pledge: '有求必应，件件有回音',
      photo,
    })
    expect(
      await h.call(RESIDENT, 'workbench', 'saveCard', { gridId: 'g_hx1', title: '网格员', duties: '走访入户', pledge: '有求必应' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    let page = await h.call(null, 'workbench', 'showcase', { gridId: 'g_hx1' })
    expect(page).toMatchObject({ ok: true, data: { gridName: '第一网格', communityName: '红星社区', services: [] } })
    if (!page.ok) throw new Error('unreachable')
    expect(page.data.cards.map((c) => c.name)).toEqual(['林晓', '徐建华']) // the demo's cards, by user id
    expect(page.data.cards[0]).toEqual(
      expect.objectContaining({
        name: '林晓',
        title: '第一网格网格长',
        pledge: '有求必应，件件有回音',
        photo: { fileId: photo, url: expect.stringMatching(new RegExp(`^/files/${photo}\\?exp=\\d+&sig=`)) },
        isMe: false,
      }),
    )

    // consent: default off, given by the resident on a closed order of theirs, withdrawn at will
    expect(await h.ok(RESIDENT, 'workbench', 'consent', { orderId: o1 })).toEqual({ orderId: o1, consent: false })
    expect(await h.call(RESIDENT, 'workbench', 'setConsent', { orderId: o3, consent: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.call(LI, 'workbench', 'setConsent', { orderId: o1, consent: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    await h.ok(RESIDENT, 'workbench', 'setConsent', { orderId: o1, consent: true })
    page = await h.call(null, 'workbench', 'showcase', { gridId: 'g_hx1' })
    const services = page.ok ? page.data.services : []
    expect(services).toEqual([
      expect.objectContaining({
        orderId: o1,
        category: 'elderly_child',
        title: '帮老人取药',
        memberName: '周志强',
        rating: 5,
        photo: expect.objectContaining({ url: expect.stringMatching(/^\/files\//) }),
      }),
    ])
    const text = JSON.stringify(page)
    for (const personal of ['王秀兰', '13800010001', '1单元 302', 'u_wangxl']) expect(text).not.toContain(personal)
    expect((await h.ok(STAFF, 'workbench', 'showcase', {})).cards[0].isMe).toBe(true)

    await h.ok(RESIDENT, 'workbench', 'setConsent', { orderId: o1, consent: false })
    expect((await h.ok(STAFF, 'workbench', 'showcase', { gridId: 'g_hx1' })).services).toEqual([])
  })
})
