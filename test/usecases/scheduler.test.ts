// The scheduler's named steps, each run through the runner on its own, and the tick that sweeps them:
// against the real SQLite adapter, on a test clock starting Wednesday 2026-06-10 10:00 Beijing time.
import { openSession } from '../../cloudfunctions/core/usecases/accounts/sessions'
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { ORDER_TRANSITIONS } from '../../cloudfunctions/core/domain/order-machine'
import { inZone, startOfYear } from '../../cloudfunctions/core/domain/time'
import type { Ctx, Notifier } from '../../cloudfunctions/core/ports'
import { type Runtime, runWrite } from '../../cloudfunctions/core/runner'
import { autoConfirmOrder } from '../../cloudfunctions/core/usecases/scheduler/auto-confirm-order'
import { escalateOrder } from '../../cloudfunctions/core/usecases/scheduler/escalate-order'
import { expireRedemption } from '../../cloudfunctions/core/usecases/scheduler/expire-redemption'
import { lapsePoints } from '../../cloudfunctions/core/usecases/scheduler/lapse-points'
import { remindActivity } from '../../cloudfunctions/core/usecases/scheduler/remind-activity'
import { remindPickup } from '../../cloudfunctions/core/usecases/scheduler/remind-pickup'
import { tick } from '../../cloudfunctions/core/usecases/scheduler/tick'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, dumpDb, openHarness } from '../helpers/local'

const RESIDENT = 'u_wangxl'
const STAFF = 'u_linx'
const ADMIN = 'u_xujh'
const MEMBER = 'u_zhouzq'
const MEMBER2 = 'u_wuhy'
const HOUR = 3600_000
const DAY = 24 * HOUR

/** An instant as Beijing wall time: bj('2026-06-13 09:00'). */
const bj = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+08:00`)
const START = bj('2026-06-10 10:00')

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

const runtime = (): Runtime => ({ uow: h.app.store, deps: h.app.deps })
/** Runs one named step on one item, as the tick does. */
const step = (run: (ctx: Ctx, id: string) => Promise<boolean>, id: string) => runWrite(runtime(), (ctx) => run(ctx, id))
/** Moves the test clock to a Beijing wall time (forward only). */
const setTime = (wall: string) => clock.advance(bj(wall) - clock.now())

/** Due `ms` from now and not a millisecond before; then true once, and a second run writes nothing. */
async function expectDueIn(ms: number, run: (ctx: Ctx, id: string) => Promise<boolean>, id: string) {
  clock.advance(ms - 1)
  expect(await step(run, id)).toBe(false)
  clock.advance(1)
  expect(await step(run, id)).toBe(true)
  const after = dumpDb(h.app.store.db)
  expect(await step(run, id)).toBe(false)
  expect(dumpDb(h.app.store.db)).toBe(after)
}

async function dispatched(urgency: 'low' | 'normal' | 'urgent' = 'urgent') {
  const o = await h.ok(RESIDENT, 'orders', 'create', { kind: 'service', category: 'elderly_child', title: '陪老人去医院陪诊', urgency })
  await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
  return o.id as string
}

async function completed() {
  const id = await dispatched('normal')
  await h.ok(MEMBER, 'orders', 'claim', { orderId: id })
  await h.ok(MEMBER, 'orders', 'complete', { orderId: id, summary: '已陪同老人完成全部检查', photos: [await h.upload(MEMBER)] })
  return id
}

async function redeemed(who = MEMBER) {
  await h.ok(STAFF, 'points', 'adjust', { memberId: who, delta: 30, reason: '补录活动积分' })
  const g = await h.ok(STAFF, 'mall', 'upsertGoods', { name: '洗衣液', price: 30, stock: 5, limitPerMember: 2, onShelf: true })
  return (await h.ok(who, 'mall', 'redeem', { goodsId: g.id })).id as string
}

/** A Saturday-morning activity with `who` holding a place. */
async function signedUp(day: string, who = MEMBER) {
  const iso = (wall: string) => inZone(bj(wall)).format()
  const a = await h.ok(STAFF, 'activities', 'publish', {
    title: '周末环境清洁日',
    description: '清理楼道和绿化带',
    category: 'environment',
    startAt: iso(`${day} 09:00`),
    endAt: iso(`${day} 11:00`),
    signupDeadline: iso(`${day} 08:00`),
    place: { name: '红星社区广场' },
    quota: 2,
  })
  await h.ok(who, 'activities', 'signup', { activityId: a.id })
  return a.id as string
}

const inboxKinds = async (who: string) => (await h.ok(who, 'accounts', 'inbox', {})).items.map((n: { kind: string }) => n.kind)

describe('escalateOrder', () => {
  it('raises an order past its deadline one level, through the order machine, once', async () => {
    const id = await dispatched()
    await expectDueIn(2 * HOUR, escalateOrder, id)
    const o = await h.ok(STAFF, 'orders', 'get', { orderId: id })
    expect(o).toMatchObject({ status: 'open', level: 'community' })
    expect(o.timeline.at(-1)).toEqual({
      at: new Date(clock.now()).toISOString(),
      actor: null,
      action: 'escalate',
      from: 'open',
      to: 'open',
      note: '超过接单时限，由网格升级到社区',
    })
    expect(await inboxKinds(STAFF)).toEqual(['order_escalated'])
  })

  it('leaves a timeline that walks the transition table, the escalation included', async () => {
    const id = await dispatched()
    await h.ok(MEMBER, 'orders', 'claim', { orderId: id })
    clock.advance(DAY)
    expect(await step(escalateOrder, id)).toBe(true)
    const { timeline } = await h.ok(STAFF, 'orders', 'get', { orderId: id })
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'dispatch', 'claim', 'escalate'])
    for (const e of timeline.slice(1)) {
      const t = ORDER_TRANSITIONS.find((x) => x.action === e.action)
      expect(t?.from).toContain(e.from)
      expect(e.to).toBe(t?.to ?? e.from)
    }
  })

  it('leaves an order that was claimed, completed or raised meanwhile', async () => {
    const id = await completed()
    clock.advance(30 * DAY)
    expect(await step(escalateOrder, id)).toBe(false)
    expect(await step(escalateOrder, 'o_missing')).toBe(false)
  })
})

describe('autoConfirmOrder', () => {
  it('closes a completed order 72 hours on and pays its member, once', async () => {
    const id = await completed()
    await expectDueIn(72 * HOUR, autoConfirmOrder, id)
    const o = await h.ok(RESIDENT, 'orders', 'get', { orderId: id })
    expect(o).toMatchObject({ status: 'closed', rating: null, awardedPoints: 20 })
    expect(o.timeline.at(-1)).toMatchObject({ action: 'confirm', actor: null, note: '超过 72 小时未评价，系统自动确认' })
    expect(await h.ok(MEMBER, 'points', 'balance', {})).toMatchObject({ balance: 20 })
  })
})

describe('expireRedemption', () => {
  it('refunds and restocks a redemption left 30 days, once', async () => {
    const id = await redeemed()
    await expectDueIn(30 * DAY, expireRedemption, id)
    expect((await h.ok(MEMBER, 'mall', 'myRedemptions', {})).items[0].status).toBe('expired')
    expect(await h.ok(MEMBER, 'points', 'balance', {})).toMatchObject({ balance: 30 })
    expect((await h.ok(MEMBER, 'accounts', 'inbox', {})).items[0]).toMatchObject({
      kind: 'redemption_expired',
      body: '「洗衣液」超过 30 天没有领取，30 积分已退回',
      link: `/mall/redemptions/index?id=${id}`,
    })
  })
})

describe('remindPickup', () => {
  it('reminds the member three days before the pickup window closes, once', async () => {
    const id = await redeemed()
    await expectDueIn(27 * DAY, remindPickup, id)
    expect((await h.ok(MEMBER, 'accounts', 'inbox', {})).items[0]).toMatchObject({
      kind: 'pickup_reminder',
      body: '「洗衣液」请在 7月10日 周五 10:00 前到社区服务站领取，过期积分退回',
    })
  })

  it('never reminds of a redemption picked up, cancelled or already expired', async () => {
    const picked = await redeemed()
    const code = (await h.ok(MEMBER, 'mall', 'myRedemptions', {})).items[0].code
    await h.ok(STAFF, 'mall', 'verify', { code })
    const cancelled = await redeemed(MEMBER2)
    await h.ok(MEMBER2, 'mall', 'cancelRedemption', { redemptionId: cancelled })
    clock.advance(28 * DAY)
    expect(await step(remindPickup, picked)).toBe(false)
    expect(await step(remindPickup, cancelled)).toBe(false)
    const late = await redeemed()
    clock.advance(30 * DAY)
    expect(await step(remindPickup, late)).toBe(false)
  })
})

describe('lapsePoints', () => {
  const lots = (who: string) => h.app.store.db.prepare('SELECT lots FROM point_accounts WHERE member_id = ?').get(who)
  const sweep = () => h.app.store.read((r) => r.points.withLotsFrom(2026, 100))

  it('lapses last year’s points at the new year with one expiry entry, once', async () => {
    await h.ok(STAFF, 'points', 'adjust', { memberId: MEMBER, delta: 50, reason: '补录活动积分' })
    await expectDueIn(startOfYear(2028) - START, lapsePoints, MEMBER) // earned in 2026, spendable through 2027
    expect(await h.ok(MEMBER, 'points', 'balance', {})).toMatchObject({ balance: 0 })
    expect((await h.ok(MEMBER, 'points', 'ledger', {})).items[0]).toMatchObject({ reason: 'expiry', delta: -50 })
    expect(await sweep()).not.toContain(MEMBER)
  })

  it('carries them over when expiry is off: no entry, no count, and the sweep stops finding them', async () => {
    await h.ok(STAFF, 'points', 'adjust', { memberId: MEMBER, delta: 50, reason: '补录活动积分' })
    const { rules } = await h.ok(ADMIN, 'points', 'rules', {})
    await h.ok(ADMIN, 'points', 'updateRules', { rules: { ...rules, expiryEnabled: false } })
    clock.advance(startOfYear(2028) - START)
    expect(await sweep()).toContain(MEMBER)
    expect(await step(lapsePoints, MEMBER)).toBe(false)
    expect(lots(MEMBER)).toEqual({ lots: '{"2028":50}' })
    expect((await h.ok(MEMBER, 'points', 'ledger', {})).items.map((e: { reason: string }) => e.reason)).toEqual(['adjustment'])
    expect(await sweep()).not.toContain(MEMBER)
  })
})

describe('remindActivity', () => {
  it('tells those with a place the evening before, once', async () => {
    const id = await signedUp('2026-06-13')
    await expectDueIn(bj('2026-06-12 18:00') - clock.now(), remindActivity, id)
    expect(await inboxKinds(MEMBER)).toEqual(['activity_reminder'])
  })
})

describe('tick', () => {
  it('runs every step due, and a second run changes nothing', async () => {
    await h.ok(STAFF, 'points', 'adjust', { memberId: MEMBER2, delta: 50, reason: '补录活动积分' }) // 2026 points
    setTime('2027-11-25 10:00')
    await runWrite(runtime(), (ctx) => openSession(ctx, RESIDENT)) // idle for over 30 days by then
    await redeemed() // to pick up by 2027-12-25
    setTime('2027-12-04 20:00')
    await redeemed(MEMBER2) // to pick up by 2028-01-03 20:00: reminded from 2027-12-31 20:00
    setTime('2027-12-28 10:00')
    await dispatched() // to be claimed by 12:00
    await completed() // to be confirmed by 2027-12-31 10:00
    await signedUp('2028-01-01') // reminded from 2027-12-31 18:00
    setTime('2028-01-01 00:30') // and MEMBER2's 2026 points have lapsed

    const first = await tick(runtime())
    expect(Object.entries(first).filter(([, n]) => n === 0)).toEqual([])
    const after = dumpDb(h.app.store.db)
    expect(await tick(runtime())).toEqual({
      escalated: 0,
      autoConfirmed: 0,
      redemptionsExpired: 0,
      pointsLapsed: 0,
      activityReminders: 0,
      pickupReminders: 0,
      repliesRemoved: 0,
      sessionsEnded: 0,
    })
    expect(dumpDb(h.app.store.db)).toBe(after)
  })

  it('logs a push that fails after the commit, the way the edge does, and keeps what committed', async () => {
    const refused = new Error('subscribe message refused')
    const notifier: Notifier = { notify: () => Promise.reject(refused) }
    const log = jest.fn()
    await dispatched()
    clock.advance(2 * HOUR)
    const report = await tick({ uow: h.app.store, deps: { ...h.app.deps, notifier }, log })
    expect(report.escalated).toBeGreaterThanOrEqual(1)
    expect(log).toHaveBeenCalledWith('after-commit effect failed', refused)
    expect(await inboxKinds(STAFF)).toContain('order_escalated')
  })
})
