// Mass assignment and IDOR: no field the client adds — inside the input or beside it in the request —
// changes who acts, what they own or what things cost; no id of another person's or another
// community's record gets anything done.
import { ACCESS_MATRIX, CALLERS } from './access-matrix'
import { PERSONA, allowedCaller, inputFor } from './catalog'
import { ACTIONS, setPath } from './schema'
import { P, type World, type WorldHarness, openWorld, requestId } from './world'

// real HTTP on a busy 2-core machine: generous per-test time
jest.setTimeout(60_000)

/** What a client might try to set; each must be refused (the schemas are strict) or ignored. */
const EXTRA: Record<string, unknown> = {
  role: 'admin',
  roles: ['admin', 'staff'],
  points: 99999,
  balance: 99999,
  status: 'closed',
  stock: 99999,
  communityId: 'c_qingshan',
  openid: 'oFORGED_openid',
  _id: 'u_xujh',
  userId: 'u_xujh',
}

let wh: WorldHarness
beforeAll(async () => {
  wh = await openWorld()
}, 60_000)
afterAll(() => wh?.h.close())

const mutating = ACTIONS.filter((a) => a.mutating)

async function validCall(key: string) {
  const row = ACCESS_MATRIX[key]
  const caller = row && allowedCaller(row)
  if (!caller) throw new Error(`${key}: no caller the access matrix allows (add its row)`)
  return { caller, userId: PERSONA[caller] as string, input: (await inputFor(wh, key, caller, 'own')) as Record<string, unknown> }
}

describe('extra fields in the input', () => {
  it.each(mutating.map((a) => a.key))('%s refuses each and writes nothing', async (key) => {
    const a = ACTIONS.find((x) => x.key === key)!
    const { userId, input } = await validCall(key)
    const own = new Set(a.leaves.map((l) => l.path.split('.')[0]))
    // nested objects of the input (a place, the rules) get the extras too
    const present = (path: string) => path.split('.').reduce<any>((at, k) => (at && typeof at === 'object' ? at[k] : undefined), input)
    const parents = [
      ...new Set(a.leaves.filter((l) => l.path.includes('.') && !l.inArray).map((l) => l.path.slice(0, l.path.lastIndexOf('.')))),
    ].filter((p) => typeof present(p) === 'object')
    const failures: string[] = []
    for (const [field, value] of Object.entries(EXTRA)) {
      const at = [...(own.has(field) ? [] : [field]), ...parents.map((p) => `${p}.${field}`)]
      for (const path of at) {
        await wh.reset()
        const before = wh.dump()
        const res = await wh.http(userId, a.fn, a.action, setPath(input, path, value))
        if (res.status !== 400 || res.body.error?.field !== path)
          failures.push(`${path}: ${res.status} ${JSON.stringify(res.body.error ?? res.body.data).slice(0, 120)}`)
        else if (wh.dump() !== before) failures.push(`${path}: refused but the database changed`)
      }
    }
    // and without the extras the same call goes through: the refusals were for the extras
    await wh.reset()
    const plain = await wh.http(userId, a.fn, a.action, input)
    expect([plain.status, plain.body.error]).toEqual([200, undefined])
    expect(failures).toEqual([])
  })
})

describe('fields beside the input (identity never comes from the payload)', () => {
  const spoof = {
    userId: P.A,
    role: 'admin',
    roles: ['admin', 'staff'],
    communityId: 'c_qingshan',
    openid: 'oFORGED',
    _openid: 'oFORGED',
    userInfo: { openId: 'oFORGED' },
  }

  it.each(mutating.map((a) => a.key))('%s runs as the real caller, and a denied caller stays denied', async (key) => {
    const a = ACTIONS.find((x) => x.key === key)!
    const { userId, input } = await validCall(key)
    await wh.reset()
    const rid = requestId()
    const token = await wh.h.token(userId)
    const res = await wh.h.post(a.fn, { action: a.action, input, requestId: rid, ...spoof }, token)
    expect([res.status, res.body.error]).toEqual([200, undefined])
    const keys = (wh.h.app.store.db.prepare('SELECT key FROM idempotency WHERE key LIKE ?').all(`%:${rid}`) as Array<{ key: string }>).map(
      (r) => r.key,
    )
    // a secret action stores nothing of the request (core/edge.ts)
    expect(keys).toEqual(a.secret ? [] : [`${userId}:${rid}`])

    const row = ACCESS_MATRIX[key]
    const deniedAt = CALLERS.findIndex((c, i) => c !== 'anonymous' && row.own[i] === 'deny')
    if (deniedAt < 0) return
    const denied = CALLERS[deniedAt]
    await wh.reset()
    const before = wh.dump()
    const input2 = await inputFor(wh, key, denied, 'own')
    const res2 = await wh.h.post(
      a.fn,
      { action: a.action, input: input2, requestId: requestId(), ...spoof, userId },
      await wh.h.token(PERSONA[denied] as string),
    )
    expect([401, 403, 404]).toContain(res2.status)
    expect(wh.dump()).toBe(before)
  })
})

/** deny: 403/404; refuse: 400 naming the field; noop: 200, nothing changed; empty: 200, no items; public: 200 by design. */
type IdorExpect = 'deny' | 'refuse' | 'noop' | 'empty' | 'public'
interface IdorCase {
  action: string
  /** The input field carrying the foreign id (array fields without the index). */
  field: string
  who: string
  /** Another person's, another community's, or (for a 网格员) another grid's. */
  other: 'user' | 'community' | 'grid'
  input: (w: World) => Record<string, unknown>
  expect: IdorExpect
}

const c = (
  action: string,
  field: string,
  who: string,
  other: IdorCase['other'],
  input: IdorCase['input'],
  expect: IdorExpect,
): IdorCase => ({
  action,
  field,
  who,
  other,
  input,
  expect,
})
const SUMMARY = '已经上门完成了维修工作'

const IDOR: IdorCase[] = [
  c('orders.get', 'orderId', P.R, 'user', (w) => ({ orderId: w.o.sub2 }), 'deny'),
  c('orders.get', 'orderId', P.M, 'community', (w) => ({ orderId: w.q.clm }), 'deny'),
  c('orders.review', 'orderId', P.S, 'community', (w) => ({ orderId: w.q.sub, decision: 'dispatch' }), 'deny'),
  c('orders.review', 'assigneeId', P.S, 'community', (w) => ({ orderId: w.o.sub, decision: 'dispatch', assigneeId: P.QM }), 'refuse'),
  c('orders.review', 'assigneeId', P.S, 'user', (w) => ({ orderId: w.o.sub, decision: 'dispatch', assigneeId: P.R2 }), 'refuse'),
  c('orders.suggest', 'orderId', P.S, 'community', (w) => ({ orderId: w.q.sub }), 'deny'),
  c('orders.claim', 'orderId', P.M, 'user', (w) => ({ orderId: w.o.dirM2 }), 'deny'),
  c('orders.claim', 'orderId', P.M, 'community', (w) => ({ orderId: w.q.open }), 'deny'),
  c('orders.decline', 'orderId', P.M, 'user', (w) => ({ orderId: w.o.dirM2 }), 'deny'),
  c('orders.decline', 'orderId', P.M, 'community', (w) => ({ orderId: w.q.dirQM }), 'deny'),
  c('orders.release', 'orderId', P.M, 'user', (w) => ({ orderId: w.o.clmM2, reason: '临时有事' }), 'deny'),
  c('orders.release', 'orderId', P.M, 'community', (w) => ({ orderId: w.q.clm, reason: '临时有事' }), 'deny'),
  c('orders.complete', 'orderId', P.M, 'user', (w) => ({ orderId: w.o.clmM2, summary: SUMMARY, photos: [w.photo[P.M]] }), 'deny'),
  c('orders.complete', 'orderId', P.M, 'community', (w) => ({ orderId: w.q.clm, summary: SUMMARY, photos: [w.photo[P.M]] }), 'deny'),
  c('orders.complete', 'photos', P.M, 'user', (w) => ({ orderId: w.o.clmM, summary: SUMMARY, photos: [w.photo[P.M2]] }), 'refuse'),
  c('orders.complete', 'photos', P.M, 'community', (w) => ({ orderId: w.o.clmM, summary: SUMMARY, photos: [w.photo[P.QM]] }), 'refuse'),
  c(
    'orders.create',
    'photos',
    P.R,
    'user',
    (w) => ({ kind: 'service', category: 'care', title: '帮忙修水管', photos: [w.photo[P.R2]] }),
    'refuse',
  ),
  c(
    'orders.create',
    'photos',
    P.R,
    'community',
    (w) => ({ kind: 'service', category: 'care', title: '帮忙修水管', photos: [w.photo[P.QR]] }),
    'refuse',
  ),
  c('orders.confirm', 'orderId', P.R, 'user', (w) => ({ orderId: w.o.cmpM2, rating: 5 }), 'deny'),
  c('orders.confirm', 'orderId', P.R, 'community', (w) => ({ orderId: w.q.cmp, rating: 5 }), 'deny'),
  c('orders.dispute', 'orderId', P.R, 'user', (w) => ({ orderId: w.o.cmpM2, reason: '还在漏水' }), 'deny'),
  c('orders.dispute', 'orderId', P.R, 'community', (w) => ({ orderId: w.q.cmp, reason: '还在漏水' }), 'deny'),
  c('orders.cancel', 'orderId', P.R, 'user', (w) => ({ orderId: w.o.sub2 }), 'deny'),
  c('orders.cancel', 'orderId', P.R, 'community', (w) => ({ orderId: w.q.sub }), 'deny'),
  c('orders.list', 'gridId', P.S, 'community', () => ({ scope: 'review', status: 'submitted', gridId: 'g_qs1' }), 'empty'),
  c('orders.list', 'gridId', P.R, 'community', () => ({ scope: 'mine', gridId: 'g_qs1' }), 'empty'),
  c('points.adjust', 'memberId', P.S, 'community', () => ({ memberId: P.QM, delta: 5, reason: '补录积分' }), 'refuse'),
  c('points.adjust', 'memberId', P.S, 'user', () => ({ memberId: P.R2, delta: 5, reason: '补录积分' }), 'refuse'),
  c(
    'mall.upsertGoods',
    'id',
    P.S,
    'community',
    (w) => ({ id: w.goods.qs, name: '青山毛巾', price: 1, stock: 9999, limitPerMember: 99, onShelf: true }),
    'deny',
  ),
  c(
    'mall.upsertGoods',
    'image',
    P.S,
    'user',
    (w) => ({ name: '新毛巾', price: 10, stock: 5, limitPerMember: 1, onShelf: true, image: w.photo[P.A] }),
    'refuse',
  ),
  c(
    'mall.upsertGoods',
    'image',
    P.S,
    'community',
    (w) => ({ name: '新毛巾', price: 10, stock: 5, limitPerMember: 1, onShelf: true, image: w.photo[P.OS] }),
    'refuse',
  ),
  c('mall.redeem', 'goodsId', P.M, 'community', (w) => ({ goodsId: w.goods.qs }), 'deny'),
  c('mall.cancelRedemption', 'redemptionId', P.M, 'user', (w) => ({ redemptionId: w.red.M2.id }), 'deny'),
  c('mall.cancelRedemption', 'redemptionId', P.M, 'community', (w) => ({ redemptionId: w.red.QM.id }), 'deny'),
  c('mall.lookup', 'code', P.S, 'community', (w) => ({ code: w.red.QM.code }), 'deny'),
  c('mall.verify', 'code', P.S, 'community', (w) => ({ code: w.red.QM.code }), 'deny'),
  c('accounts.markRead', 'ids', P.M, 'user', (w) => ({ ids: [w.notice[P.M2]] }), 'noop'),
  c('accounts.markRead', 'ids', P.M, 'community', (w) => ({ ids: [w.notice[P.QM]] }), 'noop'),
  c('activities.get', 'activityId', P.M, 'community', (w) => ({ activityId: w.qact.open }), 'deny'),
  c('activities.update', 'activityId', P.S, 'community', (w) => ({ activityId: w.qact.open, quota: 500 }), 'deny'),
  c('activities.update', 'cover', P.S, 'user', (w) => ({ activityId: w.act.open, cover: w.photo[P.M] }), 'refuse'),
  c('activities.publish', 'cover', P.S, 'community', (w) => ({ ...publishInput(), cover: w.photo[P.OS] }), 'refuse'),
  c('activities.cancel', 'activityId', P.S, 'community', (w) => ({ activityId: w.qact.open, reason: '取消活动' }), 'deny'),
  c('activities.signup', 'activityId', P.M, 'community', (w) => ({ activityId: w.qact.fresh }), 'deny'),
  c('activities.withdraw', 'activityId', P.M, 'community', (w) => ({ activityId: w.qact.open }), 'deny'),
  c('activities.checkinCode', 'activityId', P.S, 'community', (w) => ({ activityId: w.qact.live }), 'deny'),
  c('activities.checkin', 'activityId', P.M, 'community', (w) => ({ activityId: w.qact.live, token: tokens.qlive }), 'deny'),
  c('activities.checkin', 'token', P.M, 'community', (w) => ({ activityId: w.act.live, token: tokens.qlive }), 'refuse'),
  c(
    'activities.markAttendance',
    'activityId',
    P.S,
    'community',
    (w) => ({ activityId: w.qact.live, memberIds: [P.QM], attended: true }),
    'deny',
  ),
  c(
    'activities.markAttendance',
    'memberIds',
    P.S,
    'community',
    (w) => ({ activityId: w.act.live, memberIds: [P.QM], attended: true }),
    'refuse',
  ),
  c(
    'activities.markAttendance',
    'memberIds',
    P.S,
    'user',
    (w) => ({ activityId: w.act.live, memberIds: [P.R2], attended: true }),
    'refuse',
  ),
  c('activities.finish', 'activityId', P.S, 'community', (w) => ({ activityId: w.qact.ended }), 'deny'),
  // onboarding, people and grids
  c('accounts.places', 'communityId', P.R, 'community', () => ({ communityId: 'c_qingshan' }), 'public'),
  c(
    'accounts.registerResident',
    'buildingId',
    P.R,
    'community',
    () => ({ name: '王秀兰', phone: '13800010001', buildingId: 'b_qs1', unit: '1', room: '302' }),
    'refuse',
  ),
  c(
    'accounts.registerMember',
    'gridId',
    P.R,
    'community',
    () => ({ workUnit: '市税务局', branch: '第一党支部', posts: ['care'], skills: [], gridId: 'g_qs1' }),
    'refuse',
  ),
  // a member's grid is their home's: another grid of the community is refused too
  c(
    'accounts.registerMember',
    'gridId',
    P.R,
    'user',
    () => ({ workUnit: '市税务局', branch: '第一党支部', posts: ['care'], skills: [], gridId: 'g_hx2' }),
    'refuse',
  ),
  c('accounts.approveResident', 'userId', P.S, 'community', () => ({ userId: P.QR, approve: true }), 'deny'),
  c('accounts.approveResident', 'userId', P.S, 'user', () => ({ userId: P.M, approve: true }), 'deny'),
  c('accounts.approveMember', 'userId', P.S, 'community', () => ({ userId: P.QR, approve: true }), 'deny'),
  c('accounts.approveMember', 'userId', P.S, 'user', () => ({ userId: P.M2, approve: true }), 'deny'),
  c('accounts.setStaff', 'userId', P.A, 'community', () => ({ userId: P.QR, staff: true }), 'deny'),
  c('accounts.setStaff', 'userId', P.A, 'user', () => ({ userId: P.A, staff: false }), 'deny'),
  c('accounts.upsertGrid', 'id', P.A, 'community', () => ({ id: 'g_qs1', name: '青山网格（改）' }), 'deny'),
  c('accounts.upsertBuilding', 'id', P.A, 'community', () => ({ id: 'b_qs1', name: '7号楼', gridId: 'g_hx1' }), 'deny'),
  c('accounts.upsertBuilding', 'gridId', P.A, 'community', () => ({ name: '7号楼', gridId: 'g_qs1' }), 'refuse'),
  c('accounts.invite', 'userId', P.S, 'community', () => ({ userId: P.QR }), 'deny'),
  // 三评 and 工作台账
  c('points.evaluation', 'memberId', P.M, 'user', (w) => ({ memberId: P.M2, year: w.year }), 'deny'),
  c('points.evaluation', 'memberId', P.S, 'community', (w) => ({ memberId: P.QM, year: w.year }), 'refuse'),
  c(
    'points.scoreEvaluation',
    'memberId',
    P.S,
    'community',
    (w) => ({ memberId: P.QM, year: w.year, part: 'community', score: 90 }),
    'refuse',
  ),
  c('points.scoreEvaluation', 'memberId', P.S, 'user', (w) => ({ memberId: P.R2, year: w.year, part: 'community', score: 90 }), 'refuse'),
  c('points.branchLink', 'memberId', P.S, 'community', (w) => ({ memberId: P.QM, year: w.year }), 'refuse'),
  c('points.branchLink', 'memberId', P.S, 'user', (w) => ({ memberId: P.R2, year: w.year }), 'refuse'),
  // the link's token is the key: a made-up one opens nothing
  c('points.branchForm', 'token', P.R, 'user', () => ({ token: 'A'.repeat(32) }), 'deny'),
  c('points.branchScore', 'token', P.R, 'user', () => ({ token: 'A'.repeat(32), score: 100, scorer: '某某党支部 王书记' }), 'deny'),
  c('workbench.ledger', 'memberId', P.M, 'user', (w) => ({ ...w.period, memberId: P.M2 }), 'deny'),
  c('workbench.ledger', 'memberId', P.S, 'community', (w) => ({ ...w.period, memberId: P.QM }), 'refuse'),
  c('workbench.exportLedger', 'memberId', P.M, 'user', (w) => ({ ...w.period, memberId: P.M2 }), 'deny'),
  c('workbench.exportLedger', 'memberId', P.S, 'community', (w) => ({ ...w.period, memberId: P.QM }), 'refuse'),
  // 三亮一晒 is public: any grid's page, of any community
  c('workbench.showcase', 'gridId', P.R, 'community', () => ({ gridId: 'g_qs1' }), 'public'),
  c('workbench.showcase', 'communityId', P.R, 'community', () => ({ communityId: 'c_qingshan' }), 'public'),
  // a shared card is public: another community's wish or activity opens as its card (no names: shared-cards.test.ts)
  c('orders.publicWish', 'orderId', P.R, 'community', (w) => ({ orderId: w.wish.qs }), 'public'),
  c('activities.publicView', 'activityId', P.R, 'community', (w) => ({ activityId: w.qact.open }), 'public'),
  c(
    'workbench.saveCard',
    'gridId',
    P.S,
    'community',
    () => ({ gridId: 'g_qs1', title: '网格员', duties: '负责日常巡查', pledge: '有事找我' }),
    'refuse',
  ),
  c(
    'workbench.saveCard',
    'photo',
    P.S,
    'user',
    (w) => ({ gridId: 'g_hx1', title: '网格员', duties: '负责日常巡查', pledge: '有事找我', photo: w.photo[P.A] }),
    'refuse',
  ),
  c(
    'workbench.saveCard',
    'photo',
    P.S,
    'community',
    (w) => ({ gridId: 'g_hx1', title: '网格员', duties: '负责日常巡查', pledge: '有事找我', photo: w.photo[P.OS] }),
    'refuse',
  ),
  // the grid and the street: 网格员, 楼栋长, 代办, 转办
  c('accounts.setGridWorker', 'userId', P.A, 'community', () => ({ userId: P.QR, gridIds: ['g_hx1'] }), 'deny'),
  c('accounts.setGridWorker', 'userId', P.A, 'user', () => ({ userId: P.A, gridIds: ['g_hx1'] }), 'deny'),
  c('accounts.setGridWorker', 'gridIds', P.A, 'community', () => ({ userId: P.R2, gridIds: ['g_qs1'] }), 'refuse'),
  c('accounts.setHead', 'userId', P.S, 'community', () => ({ userId: P.QR, head: { buildingId: 'b_hx1' } }), 'deny'),
  c('accounts.setHead', 'userId', P.S, 'user', () => ({ userId: P.S, head: { buildingId: 'b_hx1' } }), 'refuse'),
  c('accounts.residents', 'gridId', P.GW, 'grid', () => ({ gridId: 'g_hx2' }), 'empty'),
  c('accounts.residents', 'gridId', P.S, 'community', () => ({ gridId: 'g_qs1' }), 'empty'),
  c('orders.refer', 'orderId', P.OGW, 'grid', (w) => ({ orderId: w.o.sub, unitId: 'un_hx_property' }), 'deny'),
  c('orders.refer', 'orderId', P.S, 'community', (w) => ({ orderId: w.q.sub, unitId: 'un_hx_property' }), 'deny'),
  c('orders.refer', 'unitId', P.S, 'community', (w) => ({ orderId: w.o.sub, unitId: 'un_qs_property' }), 'refuse'),
  c('orders.recordReferralAnswer', 'orderId', P.OGW, 'grid', (w) => ({ orderId: w.o.ref, answer: '已经修好了' }), 'deny'),
  c('orders.recordReferralAnswer', 'orderId', P.S, 'community', (w) => ({ orderId: w.q.ref, answer: '已经修好了' }), 'deny'),
  c('orders.sendDown', 'orderId', P.ST, 'user', (w) => ({ orderId: w.o.ref, note: '请社区处理' }), 'deny'),
  c('orders.revisit', 'orderId', P.OGW, 'grid', (w) => ({ orderId: w.o.lowM, note: '上门看过了' }), 'deny'),
  c('orders.revisit', 'orderId', P.S, 'community', (w) => ({ orderId: w.q.low, note: '上门看过了' }), 'deny'),
  c('orders.upsertUnit', 'id', P.S, 'community', () => ({ id: 'un_qs_property', name: '青山物业', kind: 'property' }), 'deny'),
  c(
    'orders.create',
    'onBehalfOf',
    P.OGW,
    'grid',
    () => ({ onBehalfOf: { residentId: P.R, channel: 'phone' }, kind: 'service', category: 'care', title: '帮忙修水管' }),
    'refuse',
  ),
  c(
    'orders.create',
    'onBehalfOf',
    P.S,
    'community',
    () => ({ onBehalfOf: { residentId: P.QR, channel: 'phone' }, kind: 'service', category: 'care', title: '帮忙修水管' }),
    'refuse',
  ),
  // 代办 for a person of a household's file: another grid's household (赵桂兰's, 第一网格) or another community's
  c(
    'orders.create',
    'onBehalfOf',
    P.OGW,
    'grid',
    () => ({
      onBehalfOf: { householdId: 'hh_hx_zhaogl', memberId: 'hm_zhaogl', channel: 'phone' },
      kind: 'service',
      category: 'care',
      title: '帮忙修水管',
    }),
    'refuse',
  ),
  c(
    'orders.create',
    'onBehalfOf',
    P.S,
    'community',
    () => ({
      onBehalfOf: { householdId: 'hh_qs_songl', memberId: 'hm_qs_songl_son', channel: 'phone' },
      kind: 'service',
      category: 'care',
      title: '帮忙修水管',
    }),
    'refuse',
  ),
  // 一户一档: another grid's household does not exist for a 网格员, another community's for anyone
  c('households.list', 'gridId', P.GW, 'grid', () => ({ gridId: 'g_hx2' }), 'empty'),
  c('households.list', 'gridId', P.S, 'community', () => ({ gridId: 'g_qs1' }), 'empty'),
  c('households.due', 'gridId', P.GW, 'grid', () => ({ gridId: 'g_hx2' }), 'empty'),
  c('households.due', 'gridId', P.S, 'community', () => ({ gridId: 'g_qs1' }), 'empty'),
  c('households.get', 'householdId', P.OGW, 'grid', () => ({ householdId: 'hh_hx_wangxl' }), 'deny'),
  c('households.get', 'householdId', P.S, 'community', () => ({ householdId: 'hh_qs_songl' }), 'deny'),
  c('households.upsert', 'id', P.S, 'community', () => home({ id: 'hh_qs_songl' }), 'deny'),
  c('households.upsert', 'buildingId', P.GW, 'grid', () => home({ buildingId: 'b_hx3' }), 'refuse'),
  c('households.upsert', 'buildingId', P.S, 'community', () => home({ buildingId: 'b_qs1' }), 'refuse'),
  c('households.logVisit', 'householdId', P.OGW, 'grid', () => ({ householdId: 'hh_hx_wangxl', found: '一切正常' }), 'deny'),
  c('households.logVisit', 'householdId', P.S, 'community', () => ({ householdId: 'hh_qs_songl', found: '一切正常' }), 'deny'),
  c(
    'households.logVisit',
    'photos',
    P.S,
    'user',
    (w) => ({ householdId: 'hh_hx_wangxl', found: '一切正常', photos: [w.photo[P.A]] }),
    'refuse',
  ),
  c(
    'households.logVisit',
    'photos',
    P.S,
    'community',
    (w) => ({ householdId: 'hh_hx_wangxl', found: '一切正常', photos: [w.photo[P.OS]] }),
    'refuse',
  ),
  // 结对帮扶: a paired member reads that household only; pairs are kept by those who keep the file; a care
  // task is closed by the pair's own members with their own photos
  c('households.get', 'householdId', P.M, 'user', () => ({ householdId: 'hh_hx_zhaogl' }), 'deny'),
  c('households.pair', 'householdId', P.OGW, 'grid', () => care.pair('hh_hx_zhaogl', P.M2), 'deny'),
  c('households.pair', 'householdId', P.S, 'community', (w) => care.pair(w.pair.qsFree, P.M2), 'deny'),
  c('households.pair', 'memberIds', P.S, 'community', () => care.pair('hh_hx_zhaogl', P.QM), 'refuse'),
  c('households.unpair', 'pairId', P.OGW, 'grid', (w) => ({ pairId: w.pair.hx }), 'deny'),
  c('households.unpair', 'pairId', P.S, 'community', (w) => ({ pairId: w.pair.qs }), 'deny'),
  c('households.closeCareTask', 'pairId', P.M, 'user', (w) => care.close(w.pair.hx2, w.photo[P.M]), 'deny'),
  c('households.closeCareTask', 'pairId', P.M, 'community', (w) => care.close(w.pair.qs, w.photo[P.M]), 'deny'),
  c('households.closeCareTask', 'photos', P.M, 'user', (w) => care.close(w.pair.hx, w.photo[P.M2]), 'refuse'),
  c('households.closeCareTask', 'photos', P.M, 'community', (w) => care.close(w.pair.hx, w.photo[P.QM]), 'refuse'),
  c('households.coverage', 'gridId', P.GW, 'grid', () => ({ gridId: 'g_hx2' }), 'empty'),
  c('households.coverage', 'gridId', P.S, 'community', () => ({ gridId: 'g_qs1' }), 'empty'),
  c('workbench.consent', 'orderId', P.R, 'user', (w) => ({ orderId: w.o.cmpM2 }), 'deny'),
  c('workbench.consent', 'orderId', P.R, 'community', (w) => ({ orderId: w.q.cmp }), 'deny'),
  c('workbench.setConsent', 'orderId', P.R, 'user', (w) => ({ orderId: w.o.cmpM2, consent: true }), 'deny'),
  c('workbench.setConsent', 'orderId', P.R, 'community', (w) => ({ orderId: w.q.cmp, consent: true }), 'deny'),
  // 网格台账: another worker's task does not exist for a 网格员, nor another community's for staff; a grid
  // or worker of another grid or community, and another person's photos, are refused as input
  c('workbench.gridWorkers', 'gridId', P.GW, 'grid', () => ({ gridId: 'g_hx2' }), 'empty'),
  c('workbench.gridWorkers', 'gridId', P.S, 'community', () => ({ gridId: 'g_qs1' }), 'empty'),
  c('workbench.gridTask', 'taskId', P.OGW, 'user', (w) => ({ taskId: w.gt.gw }), 'deny'),
  c('workbench.gridTask', 'taskId', P.S, 'community', (w) => ({ taskId: w.gt.qsSub }), 'deny'),
  c('workbench.publishGridTask', 'gridId', P.GW, 'grid', (w) => gridTask(w, { gridId: 'g_hx2' }), 'deny'),
  c('workbench.publishGridTask', 'gridId', P.S, 'community', (w) => gridTask(w, { gridId: 'g_qs1' }), 'refuse'),
  c('workbench.publishGridTask', 'workerId', P.S, 'grid', (w) => gridTask(w, { workerId: P.GW }), 'refuse'),
  c('workbench.publishGridTask', 'workerId', P.S, 'community', (w) => gridTask(w, { workerId: 'u_qs_liuy' }), 'refuse'),
  c('workbench.reportGridTask', 'taskId', P.OGW, 'user', (w) => progress(w.gt.gw, w.photo[P.OGW]), 'deny'),
  c('workbench.reportGridTask', 'taskId', P.OGW, 'community', (w) => progress(w.gt.qs, w.photo[P.OGW]), 'deny'),
  c('workbench.reportGridTask', 'photos', P.OGW, 'user', (w) => progress(w.gt.ogw, w.photo[P.GW]), 'refuse'),
  c('workbench.reportGridTask', 'photos', P.OGW, 'community', (w) => progress(w.gt.ogw, w.photo[P.OS]), 'refuse'),
  c('workbench.submitGridTask', 'taskId', P.OGW, 'user', (w) => ({ taskId: w.gt.gw }), 'deny'),
  c('workbench.submitGridTask', 'taskId', P.GW, 'community', (w) => ({ taskId: w.gt.qs }), 'deny'),
  c('workbench.confirmGridTask', 'taskId', P.S, 'community', (w) => ({ taskId: w.gt.qsSub }), 'deny'),
  c('workbench.returnGridTask', 'taskId', P.S, 'community', (w) => ({ taskId: w.gt.qsSub, reason: '缺少照片' }), 'deny'),
  // passkeys: an answer to another person's challenge is refused as input; another's passkey is not found
  c('accounts.addPasskey', 'challengeId', P.R, 'user', (w) => w.registration[P.M], 'refuse'),
  c('accounts.addPasskey', 'challengeId', P.S, 'community', (w) => w.registration[P.OS], 'refuse'),
  c('accounts.removePasskey', 'id', P.R, 'user', (w) => ({ id: w.passkeys[P.M] }), 'deny'),
  c('accounts.removePasskey', 'id', P.S, 'community', (w) => ({ id: w.passkeys[P.OS] }), 'deny'),
]

/** 结对帮扶 inputs: a weekly visit by one member; a care task closed with a report and a photo. */
const care = {
  pair: (householdId: string, memberId: string) => ({ householdId, memberIds: [memberId], kind: 'visit', cadence: 'weekly' }),
  close: (pairId: string, photo: string) => ({ pairId, report: '陪老人聊了一个小时，帮着收拾了厨房', photos: [photo] }),
}
/** 网格台账: a task for 第二网格 of 红星, due in a week, with `over`. */
const gridTask = (w: World, over: Record<string, unknown>) => ({
  gridId: 'g_hx2',
  title: '清理楼道杂物',
  body: '检查每个单元的楼道',
  dueDate: new Date(Date.parse(w.period.to) + 7 * 86400_000).toISOString().slice(0, 10),
  ...over,
})
const progress = (taskId: string, photo: string) => ({ taskId, text: '又排查了一个单元', photos: [photo] })

/** A new household in 第一网格 of 红星 (a room nobody has filed), with `over`. */
const home = (over: Record<string, unknown>) => ({
  buildingId: 'b_hx1',
  room: '9单元 909',
  members: [{ name: '钱大爷', relation: '户主', ageBand: 'aged' }],
  consent: { by: '钱大爷', method: 'oral' },
  ...over,
})

/** Fields named like references that are not ids of records: no IDOR case applies. */
// WeChat's one-time getPhoneNumber code, exchanged with WeChat; one-time links, which are the key themselves;
// a sign-in's passkey challenge, which is nobody's (the passkey's signature is the key)
const NOT_REFERENCES = [
  'accounts.verifyPhone code',
  'accounts.acceptInvite token',
  'accounts.setupCommunity token',
  'accounts.signInWithPasskey challengeId',
]

const tokens = { qlive: '' }
function publishInput() {
  const now = wh.h.app.clock.now()
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    title: '周末志愿服务活动',
    category: 'environment',
    startAt: iso(now + 48 * 3600_000),
    endAt: iso(now + 50 * 3600_000),
    signupDeadline: iso(now + 24 * 3600_000),
    place: { name: '社区广场' },
    quota: 10,
  }
}

/** Fields that carry a reference to a record or a file: each must have an IDOR case. */
const ID_FIELD = /(^id$|Id$|Ids$|^ids$|^photos$|^cover$|^image$|^code$|^token$)/

describe('ids of other people and other communities', () => {
  it('has a case for every id an action takes', () => {
    const covered = new Set(IDOR.map((x) => `${x.action} ${x.field}`))
    const wanted = ACTIONS.flatMap((a) =>
      [...new Set(a.leaves.map((l) => l.path.replace(/\.0$/, '')).filter((p) => !p.includes('.') && ID_FIELD.test(p)))].map(
        (p) => `${a.key} ${p}`,
      ),
    )
    expect(wanted.filter((k) => !covered.has(k) && !NOT_REFERENCES.includes(k))).toEqual([])
  })

  it.each(IDOR.map((x) => [x.action, x.field, x.other, x] as const))('%s %s of another %s', async (action, field, _other, x) => {
    await wh.reset()
    tokens.qlive = await wh.checkinToken(wh.w.qact.live)
    const [fn, name] = action.split('.')
    const before = wh.dump()
    const beforeNoIdem = wh.dump(['sessions', 'idempotency'])
    const res = await wh.http(x.who, fn, name, x.input(wh.w))
    if (x.expect === 'deny') expect([403, 404]).toContain(res.status)
    if (x.expect === 'refuse') expect([res.status, String(res.body.error?.field).split('.')[0]]).toEqual([400, field])
    if (x.expect === 'noop' || x.expect === 'empty' || x.expect === 'public') expect(res.status).toBe(200)
    if (x.expect === 'empty') expect(res.body.data.items).toEqual([])
    if (x.expect === 'deny' || x.expect === 'refuse') expect(wh.dump()).toBe(before)
    else expect(wh.dump(['sessions', 'idempotency'])).toBe(beforeNoIdem)
  })
})
