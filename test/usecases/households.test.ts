// 一户一档 and 四必访 (issue 18, part 1) on the real SQLite adapter, over the demo's households: who
// keeps which file, the visit cadence feeding 该走访了, a visit's finding becoming an order in one step.
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'

const WANG = 'u_wangxl' // resident living alone, 1号楼, 第一网格 (hh_hx_wangxl)
const LIJ = 'u_lij' // 网格员 of 第一网格
const WANGF = 'u_wangf' // 网格员 of 第二网格
const STAFF = 'u_linx'
const QS_STAFF = 'u_qs_dengh'
const QS_RESIDENT = 'u_qs_songl'
const DAY = 24 * 3600_000
const START = Date.parse('2026-06-10T10:00:00+08:00')

let h: Harness
let clock: TestClock
beforeEach(async () => {
  clock = new TestClock({ now: () => START })
  h = await openHarness({ clock, demo: false })
})
afterEach(() => {
  expect(brokenInvariants(h.app.store.db)).toEqual([])
  h.close()
})

/** The refusal of a call that must fail. */
const refusal = (res: { ok: boolean; error?: { code: string; field?: string } }) => (res.ok ? null : res.error)
const ids = (page: { items: Array<{ id: string }> }) => page.items.map((x) => x.id)
const household = (over: Record<string, unknown> = {}) => ({
  buildingId: 'b_hx2',
  room: '1单元 101',
  members: [
    { name: '钱大爷', relation: '户主', ageBand: 'aged' as const, phone: '0531-88880000' },
    { residentId: 'u_lijg', name: '（按账号）', relation: '子女', ageBand: 'adult' as const },
  ],
  tags: ['empty_nest' as const],
  consent: { by: '钱大爷', method: 'oral' as const },
  ...over,
})

describe('who keeps which file', () => {
  it('lists a 网格员 their grids’ households, community staff every grid’s, by tag, grid or name', async () => {
    expect(ids(await h.ok(LIJ, 'households', 'list', {}))).toEqual(['hh_hx_wangxl', 'hh_hx_zhaogl'])
    expect(ids(await h.ok(WANGF, 'households', 'list', {}))).toEqual(['hh_hx_maxz', 'hh_hx_liudm'])
    expect(ids(await h.ok(STAFF, 'households', 'list', {}))).toHaveLength(4)
    expect(ids(await h.ok(STAFF, 'households', 'list', { tag: 'veteran' }))).toEqual(['hh_hx_liudm'])
    expect(ids(await h.ok(STAFF, 'households', 'list', { gridId: 'g_hx1' }))).toEqual(['hh_hx_wangxl', 'hh_hx_zhaogl'])
    expect(ids(await h.ok(STAFF, 'households', 'list', { q: '孙玉梅' }))).toEqual(['hh_hx_liudm'])
    expect(ids(await h.ok(LIJ, 'households', 'list', { q: '孙玉梅' }))).toEqual([])
    expect(ids(await h.ok(QS_STAFF, 'households', 'list', {}))).toEqual(['hh_qs_songl'])
  })

  it('answers "not found" for another grid’s or community’s household, and residents are refused', async () => {
    const mine = await h.ok(LIJ, 'households', 'get', { householdId: 'hh_hx_zhaogl' })
    expect(mine).toMatchObject({ head: '赵桂兰', tags: ['alone', 'elderly'], cadenceDays: 7, gridName: '第一网格', buildingName: '2号楼' })
    expect(mine.members[0]).toMatchObject({ residentId: null, phone: '0531-88881234' })
    expect(mine.visits.map((v) => v.visitor.name)).toEqual(['李娟'])
    expect(refusal(await h.call(WANGF, 'households', 'get', { householdId: 'hh_hx_zhaogl' }))?.code).toBe('NOT_FOUND')
    expect(refusal(await h.call(QS_STAFF, 'households', 'get', { householdId: 'hh_hx_zhaogl' }))?.code).toBe('NOT_FOUND')
    expect(refusal(await h.call(WANG, 'households', 'get', { householdId: 'hh_hx_wangxl' }))?.code).toBe('FORBIDDEN')
    expect(refusal(await h.call(WANG, 'households', 'list', {}))?.code).toBe('FORBIDDEN')
  })
})

describe('filing a household', () => {
  it('files people with and without accounts, tags and consent, in the grid of its building', async () => {
    const filed = await h.ok(LIJ, 'households', 'upsert', household())
    expect(filed).toMatchObject({
      gridId: 'g_hx1',
      buildingName: '2号楼',
      head: '钱大爷',
      memberCount: 2,
      cadenceDays: 30,
      lastVisitAt: null,
      due: false,
    })
    expect(filed.members[1]).toMatchObject({ residentId: 'u_lijg', name: '李建国' })
    expect(filed.consent).toMatchObject({ by: '钱大爷', method: 'oral', recordedBy: { id: LIJ, name: '李娟' } })
    expect(filed.dueAt).toBe(new Date(START + 30 * DAY).toISOString())

    // updating keeps the people's ids and the consent's time while it is the same consent
    clock.advance(DAY)
    const [qian, li] = filed.members
    const updated = await h.ok(
      STAFF,
      'households',
      'upsert',
      household({ id: filed.id, tags: ['alone', 'elderly'], members: [{ ...qian, phone: null }, li] }),
    )
    expect(updated.members.map((m) => m.id)).toEqual([qian.id, li.id])
    expect([updated.cadenceDays, updated.consent.at, updated.dueAt]).toEqual([7, filed.consent.at, new Date(START + 7 * DAY).toISOString()])
  })

  it('refuses, naming the field: another grid’s building, a resident of another community, a room on file, a stranger’s member id', async () => {
    const refused = async (input: Record<string, unknown>, field: string, who = LIJ) => {
      const res = await h.call(who, 'households', 'upsert', household(input) as never)
      expect([refusal(res)?.code, refusal(res)?.field]).toEqual(['INVALID_INPUT', field])
    }
    await refused({ buildingId: 'b_hx3' }, 'buildingId')
    await refused({ buildingId: 'b_qs1' }, 'buildingId', STAFF)
    await refused({ members: [{ residentId: QS_RESIDENT, name: '宋兰', relation: '本人', ageBand: 'adult' }] }, 'members.0.residentId')
    await refused({ room: '3单元 502' }, 'room')
    await refused({ members: [{ id: 'hm_wangxl', name: '王秀兰', relation: '本人', ageBand: 'aged' }] }, 'members.0.id')
    await refused({ consent: { by: '钱大爷', method: 'email' } }, 'consent.method')
    expect(ids(await h.ok(STAFF, 'households', 'list', {}))).toHaveLength(4)
  })

  it('lets nobody but its keepers change a file', async () => {
    const res = await h.call(WANGF, 'households', 'upsert', household({ id: 'hh_hx_zhaogl', room: '3单元 502' }))
    expect(refusal(res)?.code).toBe('NOT_FOUND')
  })
})

describe('四必访: visits and 该走访了', () => {
  it('holds a household due once its tags’ cadence has passed since the last visit, and a visit clears it', async () => {
    // 赵桂兰 (独居 高龄, weekly) was last visited 9 days ago; 王秀兰 5 days ago
    expect(ids(await h.ok(LIJ, 'households', 'due', {}))).toEqual(['hh_hx_zhaogl'])
    expect(ids(await h.ok(WANGF, 'households', 'due', {}))).toEqual([])
    expect(ids(await h.ok(STAFF, 'households', 'due', {}))).toEqual(['hh_hx_zhaogl'])
    clock.advance(3 * DAY)
    expect(ids(await h.ok(LIJ, 'households', 'due', {}))).toEqual(['hh_hx_zhaogl', 'hh_hx_wangxl'])

    const photo = await h.upload(LIJ)
    const logged = await h.ok(LIJ, 'households', 'logVisit', {
      householdId: 'hh_hx_zhaogl',
      found: '楼道灯已修好，老人精神不错',
      photos: [photo],
    })
    expect(logged.orderId).toBeNull()
    expect(logged.household).toMatchObject({ due: false, lastVisitAt: new Date(START + 3 * DAY).toISOString() })
    expect(logged.household.visits.map((v) => [v.found, v.photos.length])).toEqual([
      ['楼道灯已修好，老人精神不错', 1],
      ['腿脚不便，楼道灯坏了，已跟物业说', 0],
    ])
    expect(ids(await h.ok(LIJ, 'households', 'due', {}))).toEqual(['hh_hx_wangxl'])
    clock.advance(7 * DAY)
    expect(ids(await h.ok(LIJ, 'households', 'due', {}))).toEqual(['hh_hx_wangxl', 'hh_hx_zhaogl'])
  })

  it('runs a visit once per requestId, and refuses another grid’s household and another’s photos', async () => {
    const input = { householdId: 'hh_hx_wangxl', found: '一切都好' }
    const first = await h.ok(LIJ, 'households', 'logVisit', input, 'req-visit-1')
    const again = await h.ok(LIJ, 'households', 'logVisit', input, 'req-visit-1')
    expect(again.visitId).toBe(first.visitId)
    expect(again.household.visits).toHaveLength(2)
    expect(refusal(await h.call(WANGF, 'households', 'logVisit', input))?.code).toBe('NOT_FOUND')
    const theirs = await h.upload(WANGF)
    const res = await h.call(LIJ, 'households', 'logVisit', { ...input, photos: [theirs] })
    expect([refusal(res)?.code, refusal(res)?.field]).toEqual(['INVALID_INPUT', 'photos.0'])
  })
})

describe('转为需求: a finding becomes an order in one step', () => {
  it('orders for a registered member on the household’s behalf (入户走访代办): the order is theirs', async () => {
    const photo = await h.upload(LIJ)
    const logged = await h.ok(LIJ, 'households', 'logVisit', {
      householdId: 'hh_hx_wangxl',
      found: '厨房水龙头一直滴水，老人拧不动',
      photos: [photo],
      order: { memberId: 'hm_wangxl', kind: 'service', category: 'convenience', title: '帮王奶奶修水龙头' },
    })
    expect(logged.orderId).toEqual(expect.any(String))
    expect(logged.household.visits[0].order).toEqual({ id: logged.orderId, title: '帮王奶奶修水龙头' })
    const order = await h.ok(WANG, 'orders', 'get', { orderId: logged.orderId! })
    expect(order).toMatchObject({ status: 'submitted', resident: { id: WANG }, channel: 'home_visit' })
    expect(order.photos).toHaveLength(1)
    expect(ids(await h.ok(WANG, 'orders', 'list', { scope: 'mine' }))).toEqual([logged.orderId])
    expect(ids(await h.ok(LIJ, 'orders', 'list', { scope: 'proxied' }))).toEqual([logged.orderId])
  })

  it('refuses a member not of the household, with nothing written', async () => {
    const res = await h.call(LIJ, 'households', 'logVisit', {
      householdId: 'hh_hx_zhaogl',
      found: '需要有人帮忙买菜',
      order: { kind: 'service', category: 'care', title: '帮忙买菜', memberId: 'hm_maxz' },
    })
    expect([refusal(res)?.code, refusal(res)?.field]).toEqual(['INVALID_INPUT', 'order.memberId'])
    expect((await h.ok(LIJ, 'households', 'get', { householdId: 'hh_hx_zhaogl' })).visits).toHaveLength(1)
    expect(ids(await h.ok(LIJ, 'orders', 'list', { scope: 'proxied' }))).toEqual([])
  })
})

const MEMBER = 'u_zhouzq' // 周志强, member
const OTHER_MEMBER = 'u_wuhy' // 吴海燕, member
const ZHAO = 'hm_zhaogl' // 赵桂兰 of hh_hx_zhaogl: 独居 高龄, no account, a landline

describe('代办 for a person of the file without an account', () => {
  /** 赵桂兰's order from a visit by her 网格员 李娟, dispatched by 林晓; returns its id. */
  async function zhaoOrder() {
    const photo = await h.upload(LIJ)
    const logged = await h.ok(LIJ, 'households', 'logVisit', {
      householdId: 'hh_hx_zhaogl',
      found: '老人想找人陪着去医院复查',
      photos: [photo],
      order: { memberId: ZHAO, kind: 'service', category: 'elderly_child', title: '陪老人去医院复查' },
    })
    await h.ok(STAFF, 'orders', 'review', { orderId: logged.orderId!, decision: 'dispatch', points: 10 })
    return logged.orderId!
  }

  it('the person is the order’s resident: name from the file, the household’s address, their phone', async () => {
    const orderId = await zhaoOrder()
    const seen = await h.ok(LIJ, 'orders', 'get', { orderId })
    expect(seen).toMatchObject({
      resident: { id: ZHAO, name: '赵桂兰' },
      contact: { name: '赵桂兰', phone: '0531-88881234', address: '2号楼 3单元 502' },
      channel: 'home_visit',
      household: { id: 'hh_hx_zhaogl', memberId: ZHAO, hasAccount: false },
      gridName: '第一网格',
      buildingName: '2号楼',
    })
    // in the hall, a member sees the surname only, the timeline no name at all
    const hall = await h.ok(OTHER_MEMBER, 'orders', 'get', { orderId })
    expect([hall.resident.name, hall.contact]).toEqual(['赵**', null])
    expect(JSON.stringify(hall)).not.toContain('赵桂兰')
    const claimed = await h.ok(MEMBER, 'orders', 'claim', { orderId })
    expect(claimed.contact).toMatchObject({ name: '赵桂兰', phone: '0531-88881234', address: '2号楼 3单元 502' })
    expect(JSON.stringify(claimed.timeline)).not.toContain('赵桂兰')
  })

  it('flows dispatch → claim → close; staff confirm in her words, never the 代办 nor the member; no points to her', async () => {
    const orderId = await zhaoOrder()
    await h.ok(MEMBER, 'orders', 'claim', { orderId })
    await h.ok(MEMBER, 'orders', 'complete', { orderId, summary: '陪老人去医院复查，已送回家', photos: [await h.upload(MEMBER)] })
    const byAgent = await h.call(LIJ, 'orders', 'confirm', { orderId, rating: 5, residentWords: '挺好的' })
    expect(refusal(byAgent)?.code).toBe('FORBIDDEN')
    expect(refusal(await h.call(MEMBER, 'orders', 'confirm', { orderId, rating: 5, residentWords: '挺好的' }))?.code).toBe('FORBIDDEN')
    const noWords = await h.call(STAFF, 'orders', 'confirm', { orderId, rating: 5 })
    expect([refusal(noWords)?.code, refusal(noWords)?.field]).toEqual(['INVALID_INPUT', 'residentWords'])
    expect((await h.ok(LIJ, 'orders', 'get', { orderId })).actions).toEqual([])

    const closed = await h.ok(STAFF, 'orders', 'confirm', { orderId, rating: 5, residentWords: '小周很耐心，谢谢' })
    expect(closed).toMatchObject({ status: 'closed', rating: 5, comment: '小周很耐心，谢谢', awardedPoints: expect.any(Number) })
    expect(closed.timeline.at(-1)?.note).toBe('居民原话：「小周很耐心，谢谢」（林晓代为确认）')
    expect(JSON.stringify(closed.timeline)).not.toContain('赵桂兰')
    const db = h.app.store.db
    expect(db.prepare('SELECT COUNT(*) AS n FROM ledger WHERE member_id = ?').get(ZHAO)).toEqual({ n: 0 })
    expect(db.prepare('SELECT COUNT(*) AS n FROM point_accounts WHERE member_id = ?').get(ZHAO)).toEqual({ n: 0 })
    expect(db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?').get(ZHAO)).toEqual({ n: 0 })
    expect((await h.ok(MEMBER, 'points', 'balance', {})).balance).toBeGreaterThan(0)
  })

  it('appears on the household’s page, by whom it is for', async () => {
    const orderId = await zhaoOrder()
    const page = await h.ok(LIJ, 'households', 'get', { householdId: 'hh_hx_zhaogl' })
    expect(page.orders).toEqual([
      expect.objectContaining({
        id: orderId,
        title: '陪老人去医院复查',
        status: 'open',
        memberId: ZHAO,
        memberName: '赵桂兰',
        hasAccount: false,
      }),
    ])
    expect(page.visits[0].order).toEqual({ id: orderId, title: '陪老人去医院复查' })
  })

  it('staff order by phone for a household’s person (orders.create onBehalfOf householdId + memberId), once per requestId', async () => {
    const input = {
      onBehalfOf: { householdId: 'hh_hx_liudm', memberId: 'hm_liudm_wife', channel: 'phone' as const },
      kind: 'service' as const,
      category: 'convenience' as const,
      title: '帮忙换个灯泡',
    }
    const first = await h.ok(STAFF, 'orders', 'create', input, 'req-phone-1')
    const again = await h.ok(STAFF, 'orders', 'create', input, 'req-phone-1')
    expect(again.id).toBe(first.id)
    expect(first).toMatchObject({ resident: { id: 'hm_liudm_wife', name: '孙玉梅' }, channel: 'phone', gridName: '第二网格' })
    expect(first.timeline[0].note).toBe('电话代办')
    // a registered person of the file holds it as their own, and it shows on the household too (newest first)
    clock.advance(60_000)
    const own = await h.ok(STAFF, 'orders', 'create', { ...input, onBehalfOf: { ...input.onBehalfOf, memberId: 'hm_liudm' } })
    expect(own).toMatchObject({ resident: { id: 'u_liudm' }, household: { id: 'hh_hx_liudm', memberId: 'hm_liudm', hasAccount: true } })
    expect(ids(await h.ok('u_liudm', 'orders', 'list', { scope: 'mine' }))).toEqual([own.id])
    const page = await h.ok(WANGF, 'households', 'get', { householdId: 'hh_hx_liudm' })
    expect(page.orders.map((o) => [o.memberName, o.hasAccount])).toEqual([
      ['刘德明', true],
      ['孙玉梅', false],
    ])
  })

  it('refuses, naming the field, with nothing written: another grid’s household, a stranger, half a choice, both choices', async () => {
    const order = { kind: 'service' as const, category: 'care' as const, title: '帮忙买菜' }
    const refused = async (onBehalfOf: Record<string, unknown>, field: string, who = LIJ) => {
      const res = await h.call(who, 'orders', 'create', { ...order, onBehalfOf: { channel: 'phone', ...onBehalfOf } } as never)
      expect([refusal(res)?.code, refusal(res)?.field]).toEqual(['INVALID_INPUT', field])
    }
    await refused({ householdId: 'hh_hx_liudm', memberId: 'hm_liudm_wife' }, 'onBehalfOf.householdId')
    await refused({ householdId: 'hh_qs_songl', memberId: 'hm_qs_songl_son' }, 'onBehalfOf.householdId', STAFF)
    await refused({ householdId: 'hh_hx_zhaogl', memberId: 'hm_wangxl' }, 'onBehalfOf.memberId')
    await refused({ householdId: 'hh_hx_zhaogl' }, 'onBehalfOf.memberId')
    await refused({ memberId: ZHAO }, 'onBehalfOf.residentId')
    await refused({ residentId: WANG, householdId: 'hh_hx_zhaogl', memberId: ZHAO }, 'onBehalfOf.householdId')
    const res = await h.call(MEMBER, 'orders', 'create', {
      ...order,
      onBehalfOf: { channel: 'phone', householdId: 'hh_hx_zhaogl', memberId: ZHAO },
    })
    expect(refusal(res)?.field).toBe('onBehalfOf.householdId')
    expect(ids(await h.ok(STAFF, 'orders', 'list', { scope: 'review' }))).toEqual([])
  })
})
