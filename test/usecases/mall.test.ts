// Points rules, the ledger and the mall against the real SQLite adapter.
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { startOfYear } from '../../cloudfunctions/core/domain/time'
import type { Clock } from '../../cloudfunctions/core/ports'
import { type Harness, dumpDb, openHarness } from '../helpers/local'
import { brokenInvariants } from '../helpers/invariants'

const STAFF = 'u_linx'
const ADMIN = 'u_xujh'
const MEMBER = 'u_zhouzq'
const MEMBER2 = 'u_wuhy'
const RESIDENT = 'u_wangxl'
const FOREIGN_STAFF = 'u_qs_dengh'
const FOREIGN_MEMBER = 'u_qs_fengy'

let h: Harness
let clock: TestClock
/** A fixed start: Wednesday 2026-06-10 10:00 Beijing time. */
const START = Date.parse('2026-06-10T02:00:00Z')

beforeEach(async () => {
  const fixed: Clock = { now: () => START }
  clock = new TestClock(fixed)
  h = await openHarness({ clock, demo: false })
})
afterEach(() => {
  expect(brokenInvariants(h.app.store.db)).toEqual([])
  h.close()
})

const give = (memberId: string, delta: number, reason = '补录活动积分') => h.ok(STAFF, 'points', 'adjust', { memberId, delta, reason })
const goods = (fields: Record<string, unknown> = {}) =>
  h.ok(STAFF, 'mall', 'upsertGoods', { name: '洗衣液', price: 30, stock: 5, limitPerMember: 2, onShelf: true, ...fields })
const balance = async (who: string) => (await h.ok(who, 'points', 'balance', {})).balance as number

describe('redeem', () => {
  it('takes the points, one from stock, and gives an 8-digit pickup code', async () => {
    const g = await goods()
    await give(MEMBER, 100)
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    expect(r).toMatchObject({ goodsName: '洗衣液', price: 30, status: 'pending' })
    expect(r.code).toMatch(/^\d{8}$/)
    expect(Date.parse(r.expiresAt) - Date.parse(r.createdAt)).toBe(30 * 86400_000)
    expect(await balance(MEMBER)).toBe(70)
    const listed = (await h.ok(MEMBER, 'mall', 'listGoods', {})).items.find((x) => x.id === g.id)
    expect(listed).toMatchObject({ stock: 4, remainingLimit: 1 })
    const ledger = await h.ok(MEMBER, 'points', 'ledger', {})
    expect(ledger.items[0]).toMatchObject({ delta: -30, reason: 'redemption', note: '兑换「洗衣液」', balanceAfter: 70 })
    expect((await h.ok(MEMBER, 'mall', 'myRedemptions', {})).items.map((x) => x.code)).toEqual([r.code])
  })

  it.each([
    ['SOLD_OUT', { stock: 0 }, 100, '已经兑完了'],
    ['INSUFFICIENT_POINTS', {}, 29, '积分不足，还差 1 分'],
    ['CONFLICT', { onShelf: false }, 100, '这件商品已下架'],
  ])('refuses with %s and changes nothing', async (code, fields, points, message) => {
    const g = await goods(fields)
    await give(MEMBER, points)
    const before = dumpDb(h.app.store.db)
    expect(await h.call(MEMBER, 'mall', 'redeem', { goodsId: g.id })).toMatchObject({ ok: false, error: { code, message } })
    expect(dumpDb(h.app.store.db)).toBe(before)
  })

  it('holds each member to the per-member limit', async () => {
    const g = await goods({ limitPerMember: 2 })
    await give(MEMBER, 200)
    await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    expect(await h.call(MEMBER, 'mall', 'redeem', { goodsId: g.id })).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', message: '每人最多兑换 2 件' },
    })
    await give(MEMBER2, 100)
    expect((await h.ok(MEMBER2, 'mall', 'redeem', { goodsId: g.id })).status).toBe('pending')
  })

  it('keeps goods to their community and redemption to members', async () => {
    const g = await goods()
    await give(MEMBER, 100)
    expect(await h.call(FOREIGN_MEMBER, 'mall', 'redeem', { goodsId: g.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(RESIDENT, 'mall', 'redeem', { goodsId: g.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await h.ok(FOREIGN_MEMBER, 'mall', 'listGoods', {})).items).toEqual([]) // 青山社区 has no goods
    expect(await h.call(MEMBER, 'mall', 'listGoods', { all: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await h.call(FOREIGN_STAFF, 'mall', 'upsertGoods', { id: g.id, name: '改名', price: 1, stock: 1, limitPerMember: 1, onShelf: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('cancel and expiry', () => {
  it('refunds and restocks a cancelled redemption once', async () => {
    const g = await goods({ stock: 1 })
    await give(MEMBER, 30)
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    const cancelled = await h.ok(MEMBER, 'mall', 'cancelRedemption', { redemptionId: r.id })
    expect(cancelled.status).toBe('cancelled')
    expect(await h.call(MEMBER, 'mall', 'cancelRedemption', { redemptionId: r.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await balance(MEMBER)).toBe(30)
    const ledger = (await h.ok(MEMBER, 'points', 'ledger', {})).items
    expect(ledger.map((e) => [e.reason, e.delta])).toEqual([
      ['refund', 30],
      ['redemption', -30],
      ['adjustment', 30],
    ])
    expect((await h.ok(MEMBER, 'mall', 'listGoods', {})).items.find((x) => x.id === g.id)).toMatchObject({
      stock: 1,
      remainingLimit: 2,
    })
    const b = await h.ok(MEMBER, 'points', 'balance', {})
    expect([b.yearSpent, b.spent]).toEqual([0, 0]) // a refund undoes the spending
  })

  it('lets only the member cancel their own', async () => {
    const g = await goods()
    await give(MEMBER, 30)
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    expect(await h.call(MEMBER2, 'mall', 'cancelRedemption', { redemptionId: r.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await h.call(STAFF, 'mall', 'cancelRedemption', { redemptionId: r.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('expires a redemption not picked up in 30 days: refund and restock, once', async () => {
    const g = await goods({ stock: 1 })
    await give(MEMBER, 30)
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    clock.advance(29 * 86400_000)
    expect((await h.app.tick()).redemptionsExpired).toBe(0)
    clock.advance(86400_000 + 1)
    const [a, b] = await Promise.all([h.app.tick(), h.app.tick()])
    expect(a.redemptionsExpired + b.redemptionsExpired).toBe(1)
    expect((await h.app.tick()).redemptionsExpired).toBe(0)
    expect((await h.ok(MEMBER, 'mall', 'myRedemptions', {})).items[0].status).toBe('expired')
    expect(await balance(MEMBER)).toBe(30)
    expect(await h.call(MEMBER, 'mall', 'cancelRedemption', { redemptionId: r.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await h.call(STAFF, 'mall', 'verify', { code: r.code })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('verify (核销)', () => {
  it('shows the member and goods, then marks it picked, once', async () => {
    const g = await goods()
    await give(MEMBER, 30)
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    expect(await h.ok(STAFF, 'mall', 'lookup', { code: r.code })).toMatchObject({
      goodsName: '洗衣液',
      member: { id: MEMBER, name: '周志强' },
      status: 'pending',
    })
    expect((await h.ok(STAFF, 'mall', 'verify', { code: r.code })).status).toBe('picked')
    expect(await h.call('u_huangj', 'mall', 'verify', { code: r.code })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这件商品已经领取过了' },
    })
    expect(await h.call(MEMBER, 'mall', 'cancelRedemption', { redemptionId: r.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('does not verify another community’s codes', async () => {
    const g = await goods()
    await give(MEMBER, 30)
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    expect(await h.call(FOREIGN_STAFF, 'mall', 'verify', { code: r.code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(MEMBER, 'mall', 'verify', { code: r.code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('limits wrong codes per staff member, then refuses even a right one for a while', async () => {
    const g = await goods()
    await give(MEMBER, 30)
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id })
    const wrong = r.code === '00000000' ? '00000001' : '00000000'
    for (let i = 0; i < 5; i++)
      expect(await h.call(STAFF, 'mall', 'verify', { code: wrong })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(STAFF, 'mall', 'verify', { code: r.code })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect((await h.ok('u_huangj', 'mall', 'verify', { code: r.code })).status).toBe('picked') // another staff member is not blocked
    clock.advance(10 * 60_000 + 1)
    expect(await h.call(STAFF, 'mall', 'lookup', { code: wrong })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('goods admin', () => {
  it('creates, edits, restocks and takes goods off the shelf', async () => {
    const g = await goods()
    const edited = await h.ok('u_huangj', 'mall', 'upsertGoods', {
      id: g.id,
      name: '洗衣液 2 升',
      price: 35,
      stock: 12,
      limitPerMember: 1,
      onShelf: false,
    })
    expect(edited).toMatchObject({ name: '洗衣液 2 升', price: 35, stock: 12, onShelf: false })
    expect((await h.ok(MEMBER, 'mall', 'listGoods', {})).items.map((x) => x.id)).not.toContain(g.id)
    const all = (await h.ok(STAFF, 'mall', 'listGoods', { all: true })).items
    expect(all.at(-1)).toMatchObject({ id: g.id, name: '洗衣液 2 升', onShelf: false }) // off-shelf goods come last
  })

  it('refuses a picture uploaded by someone else', async () => {
    const theirs = await h.upload(MEMBER)
    expect(
      await h.call(STAFF, 'mall', 'upsertGoods', { name: '毛巾', image: theirs, price: 5, stock: 1, limitPerMember: 1, onShelf: true }),
    ).toMatchObject({
      ok: false,
      error: { field: 'image.0' },
    })
    const mine = await h.upload(STAFF)
    const g = await h.ok(STAFF, 'mall', 'upsertGoods', { name: '毛巾', image: mine, price: 5, stock: 1, limitPerMember: 1, onShelf: true })
    expect(g.image?.url).toMatch(new RegExp(`^/files/${mine}\\?exp=\\d+&sig=`))
    // another staff member may edit it and keep the picture
    const kept = await h.ok('u_huangj', 'mall', 'upsertGoods', {
      id: g.id,
      name: '毛巾',
      image: mine,
      price: 6,
      stock: 1,
      limitPerMember: 1,
      onShelf: true,
    })
    expect(kept.image?.fileId).toBe(mine)
  })
})

describe('adjustments', () => {
  it('needs staff, a reason, a member of the community, and never takes a balance below zero', async () => {
    await give(MEMBER, 10)
    expect(await h.call(MEMBER, 'points', 'adjust', { memberId: MEMBER, delta: 100, reason: '自己加分' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call(STAFF, 'points', 'adjust', { memberId: FOREIGN_MEMBER, delta: 5, reason: '补录' })).toMatchObject({
      ok: false,
      error: { field: 'memberId' },
    })
    expect(await h.call(STAFF, 'points', 'adjust', { memberId: MEMBER, delta: -11, reason: '扣错了' })).toMatchObject({
      ok: false,
      error: { code: 'INSUFFICIENT_POINTS' },
    })
    expect((await h.ok(STAFF, 'points', 'adjust', { memberId: MEMBER, delta: -10, reason: '重复录入' })).balance).toBe(0)
    const notes = (await h.ok(MEMBER, 'points', 'ledger', {})).items.map((e) => e.note)
    expect(notes[0]).toBe('社区工作者调整：重复录入（林晓）')
  })
})

describe('rules', () => {
  const rulesWith = async (changes: Record<string, unknown>) => ({ ...(await h.ok(MEMBER, 'points', 'rules', {})).rules, ...changes })

  it('explains the defaults in plain words', async () => {
    const view = await h.ok(MEMBER, 'points', 'rules', {})
    expect(view.rules.basePoints.elderly_child).toBe(20)
    expect(view.explained.join('\n')).toContain('助老扶幼 20 分')
    expect(view.updatedBy).toBeNull()
  })

  it('lets only the admin change them, and records who and when', async () => {
    const rules = await rulesWith({ dailyCap: 50 })
    expect(await h.call(STAFF, 'points', 'updateRules', { rules })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const view = await h.ok(ADMIN, 'points', 'updateRules', { rules })
    expect(view).toMatchObject({ rules: { dailyCap: 50 }, updatedBy: '徐建华' })
    const audit = h.app.store.db.prepare('SELECT by_user, before, after FROM rules_audit').all() as any[]
    expect(audit).toHaveLength(1)
    expect([audit[0].by_user, audit[0].before, JSON.parse(audit[0].after).dailyCap]).toEqual([ADMIN, null, 50])
    expect(
      await h.call(ADMIN, 'points', 'updateRules', { rules: { ...rules, urgencyFactor: { low: 1, normal: 1, urgent: 99 } } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'rules.urgencyFactor.urgent' },
    })
  })

  it('caps what one member is awarded in a Beijing day', async () => {
    await h.ok(ADMIN, 'points', 'updateRules', { rules: await rulesWith({ dailyCap: 30 }) })
    const serve = async () => {
      const o = await h.ok(RESIDENT, 'orders', 'create', { kind: 'service', category: 'elderly_child', title: '陪老人散步' })
      await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
      await h.ok(MEMBER, 'orders', 'claim', { orderId: o.id })
      await h.ok(MEMBER, 'orders', 'complete', { orderId: o.id, summary: '陪老人在小区里散步一小时', photos: [await h.upload(MEMBER)] })
      return h.ok(RESIDENT, 'orders', 'confirm', { orderId: o.id, rating: 3 })
    }
    expect((await serve()).awardedPoints).toBe(20)
    expect((await serve()).awardedPoints).toBe(10)
    expect((await serve()).awardedPoints).toBe(0)
    expect((await h.ok(MEMBER, 'points', 'ledger', {})).items[0].note).toBe(
      '完成工单「陪老人散步」：下单积分 20 分（已达每日上限，计 10 分）',
    )
    clock.advance(14 * 3600_000) // past midnight in Beijing (10:00 + 14 h)
    expect((await serve()).awardedPoints).toBe(20)
    expect(await balance(MEMBER)).toBe(50)
  })
})

describe('expiry (年底清零)', () => {
  it('lapses points at the end of the year after they were earned, oldest spent first', async () => {
    await give(MEMBER, 50) // earned in 2026
    clock.advance(startOfYear(2027) + 3600_000 - START)
    await give(MEMBER, 40) // earned in 2027
    const g = await goods({ price: 30 })
    const r = await h.ok(MEMBER, 'mall', 'redeem', { goodsId: g.id }) // takes 30 of the 2026 points
    await h.ok(STAFF, 'mall', 'verify', { code: r.code }) // picked up, so no refund will come back
    const b = await h.ok(MEMBER, 'points', 'balance', {})
    expect([b.balance, b.expiringThisYear]).toEqual([60, 20])
    expect((await h.app.tick()).pointsLapsed).toBe(0)

    clock.advance(startOfYear(2028) - clock.now() - 60_000) // 23:59 on 31 Dec 2027, Beijing
    expect((await h.app.tick()).pointsLapsed).toBe(0)
    clock.advance(60_000)
    const [x, y] = await Promise.all([h.app.tick(), h.app.tick()])
    expect(x.pointsLapsed + y.pointsLapsed).toBe(1)
    expect(await balance(MEMBER)).toBe(40)
    expect((await h.ok(MEMBER, 'points', 'ledger', {})).items[0]).toMatchObject({
      reason: 'expiry',
      delta: -20,
      note: '2026 年获得的积分已到期',
    })
    expect((await h.app.tick()).pointsLapsed).toBe(0)
  })

  it('carries points over when the community turns expiry off', async () => {
    await give(MEMBER, 50)
    const rules = { ...(await h.ok(ADMIN, 'points', 'rules', {})).rules, expiryEnabled: false }
    await h.ok(ADMIN, 'points', 'updateRules', { rules })
    clock.advance(startOfYear(2028) - START)
    expect((await h.app.tick()).pointsLapsed).toBe(0)
    expect(await balance(MEMBER)).toBe(50)
    expect(h.app.store.db.prepare('SELECT lots FROM point_accounts WHERE member_id = ?').get(MEMBER)).toEqual({ lots: '{"2028":50}' })
  })
})

describe('ranking', () => {
  it('names only people who opted in, and counts everyone in branch rankings', async () => {
    await give(MEMBER, 30)
    await give(MEMBER2, 50)
    await give('u_zhengw', 50)
    expect((await h.ok(MEMBER, 'points', 'ranking', { by: 'person' })).rows).toEqual([])
    await h.ok(MEMBER, 'accounts', 'updateProfile', { rankingOptIn: true })
    await h.ok(MEMBER2, 'accounts', 'updateProfile', { rankingOptIn: true })
    await h.ok('u_zhengw', 'accounts', 'updateProfile', { rankingOptIn: true })
    const people = (await h.ok(MEMBER, 'points', 'ranking', { by: 'person' })).rows
    expect(people.map((r) => [r.rank, r.name, r.points, r.isMe])).toEqual([
      [1, '吴海燕', 50, false],
      [1, '郑伟', 50, false],
      [3, '周志强', 30, true],
    ])
    const branches = (await h.ok(RESIDENT, 'points', 'ranking', { by: 'branch' })).rows
    expect(branches[0]).toMatchObject({ rank: 1, points: 50, members: 1 })
    expect(branches.reduce((n, r) => n + (r.members ?? 0), 0)).toBe(11) // the demo's eleven members, the retired one too
    expect((await h.ok(FOREIGN_MEMBER, 'points', 'ranking', { by: 'workUnit' })).rows.every((r) => r.points === 0)).toBe(true)
  })
})
