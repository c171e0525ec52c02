// Model-based test (fast-check): random sequences of every order, points, mall, activity and care action, by
// every kind of caller — the right one, the wrong role, the wrong person, another community — against
// the real SQLite adapter and a small model written from DESIGN.md (not from the code). After every
// step: the outcome is the model's, and the database keeps its invariants — balance = Σ ledger ≥ 0,
// stock = initial − active redemptions ≥ 0, one award per source, each order's timeline a walk through
// ORDER_TRANSITIONS. MODEL_RUNS sets the number of runs (npm test: 1,000; npm run test:long: 20,000) and
// MODEL_COMMANDS the commands in each (18; test:long 50).
import fc from 'fast-check'
import { checkinToken, slotOf } from '../../cloudfunctions/core/domain/activity'
import { ORDER_TRANSITIONS } from '../../cloudfunctions/core/domain/order-machine'
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules'
import type { Clock } from '../../cloudfunctions/core/ports'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'
import { prepared } from './statements'
import { type Snapshot, restore, snapshot } from './world'

const RUNS = Number(process.env.MODEL_RUNS ?? 1000)
/** Commands in one run: 18 in npm test, 50 in npm run test:long (MODEL_COMMANDS). */
const COMMANDS = Number(process.env.MODEL_COMMANDS ?? 18)
const HOUR = 3600_000
const DAY = 24 * HOUR
const T0 = Date.parse('2026-03-02T02:00:00Z')
// 经居民评价打分后 (DESIGN.md §5, docs/grid-and-street.md): a rating pays its share of the dispatched
// points and its bonus; 1–2 stars pay half; a close without a rating (72 h) pays the dispatched points
const RATING_BONUS: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 3, 5: 5 }
const RATING_SHARE: Record<number, number> = { 1: 0.5, 2: 0.5, 3: 1, 4: 1, 5: 1 }
const paid = (points: number, rating: number) => Math.round(points * RATING_SHARE[rating]) + RATING_BONUS[rating]

// who is who (local/seed.ts)
const R = 'u_wangxl'
const R2 = 'u_lijg'
const M = 'u_zhouzq' // members are residents too
const M2 = 'u_wuhy'
const M3 = 'u_zhengw'
const S = 'u_linx'
const A = 'u_xujh' // admin + staff
const OS = 'u_qs_dengh' // staff of 青山
const QM = 'u_qs_fengy' // member of 青山
const QR = 'u_qs_songl' // resident of 青山
const GW = 'u_lij' // 网格员 of 第一网格, where every order of the model's residents lies
const OGW = 'u_wangf' // 网格员 of 第二网格
const ZHAO = 'hm_zhaogl' // 赵桂兰 of 第一网格's household file: no account
const ROLES: Record<string, string[]> = {
  [R]: ['resident'],
  [R2]: ['resident'],
  [M]: ['member', 'resident'],
  [M2]: ['member', 'resident'],
  [M3]: ['member', 'resident'],
  [S]: ['staff'],
  [A]: ['admin', 'staff'],
  [OS]: ['staff'],
  [QM]: ['member', 'resident'],
  [QR]: ['resident'],
  [GW]: ['grid_worker'],
  [OGW]: ['grid_worker'],
}
const OURS = [R, R2, M, M2, M3, S, A, GW, OGW]
const MEMBERS = [M, M2, M3]
const is = (who: string, role: string) => ROLES[who].includes(role)
const isStaff = (who: string) => is(who, 'staff') || is(who, 'admin')
const foreign = (who: string) => !OURS.includes(who)
/** Who looks after the model's orders (all of 第一网格): community staff and that grid's 网格员. */
const managesIt = (who: string) => isStaff(who) || who === GW

type Code = null | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT' | 'SOLD_OUT' | 'LIMIT_REACHED' | 'INSUFFICIENT_POINTS'

interface MOrder {
  id: string
  resident: string
  /** 代办: who placed it for the resident. */
  agent: string | null
  status: string
  claimer: string | null
  assignee: string | null
  points: number
  disputes: number
  completedAt: number
}
interface MRedemption {
  id: string
  code: string
  member: string
  goods: string
  status: 'pending' | 'picked' | 'cancelled' | 'expired'
  expiresAt: number
}
interface MSignup {
  status: 'signed' | 'waitlisted' | 'withdrawn'
  seq: number
  attendance: 'attended' | 'absent' | null
}
interface MActivity {
  id: string
  quota: number
  points: number
  startAt: number
  endAt: number
  deadline: number
  status: 'published' | 'cancelled' | 'finished'
  nextSeq: number
  signups: Map<string, MSignup>
}
/** 结对帮扶: a pair's members and when its current care task is due (the care rules: weekly, open 2 days before). */
interface MPair {
  id: string
  members: string[]
  nextDueAt: number
}
interface Model {
  now: number
  pairs: MPair[]
  balance: Record<string, number>
  goods: Record<string, { price: number; stock: number; limit: number }>
  redemptions: MRedemption[]
  orders: MOrder[]
  activities: MActivity[]
}
interface Real {
  h: Harness
  setNow(ms: number): void
}

const held = (m: Model, member: string, goods: string) =>
  m.redemptions.filter((r) => r.member === member && r.goods === goods && (r.status === 'pending' || r.status === 'picked')).length

// ---- the rules, as DESIGN.md §3 states them ----------------------------------------------------------

/** Who may take each order action, and from where (DESIGN.md §3), in the model's own words. */
function orderVerdict(o: MOrder, action: string, who: string): Code {
  if (foreign(who)) return 'NOT_FOUND' // another community's order does not exist for them
  const owner = o.resident === who
  // separation of duties: whoever placed an order for a resident never claims it, nor confirms it for them
  const memberMayTake = is(who, 'member') && !owner && who !== o.agent && (o.assignee === null || o.assignee === who)
  const proxy = managesIt(who) && !owner && who !== o.agent && who !== o.claimer
  const standing: Record<string, boolean> = {
    dispatch: managesIt(who),
    reject: managesIt(who),
    refer: managesIt(who),
    answer: managesIt(who),
    cancel: owner,
    claim: memberMayTake,
    decline: o.assignee === who && is(who, 'member'),
    release: o.claimer === who,
    complete: o.claimer === who,
    confirm: owner || proxy,
    dispute: owner,
  }
  const from: Record<string, string[]> = {
    dispatch: ['submitted'],
    reject: ['submitted'],
    refer: ['submitted', 'open'],
    answer: ['referred'],
    cancel: ['submitted', 'open'],
    claim: ['open'],
    decline: ['open'],
    release: ['claimed'],
    complete: ['claimed'],
    confirm: ['completed'],
    dispute: ['completed'],
  }
  if (!standing[action]) return 'FORBIDDEN'
  if (!from[action].includes(o.status)) return 'CONFLICT'
  // a unit's answer (转办) is not sent back to a member: nobody served it
  if (action === 'dispute' && (o.disputes > 0 || o.claimer === null)) return 'CONFLICT'
  return null
}

async function expectOutcome(res: Promise<any>, code: Code, what: string) {
  const out = await res
  const got = out.ok ? null : out.error.code
  if (got !== code) throw new Error(`${what}: expected ${code ?? 'success'}, got ${got ?? 'success'} ${out.ok ? '' : out.error.message}`)
  return out
}

// ---- checks after every step ----------------------------------------------------------------------

const byAction = new Map(ORDER_TRANSITIONS.map((t) => [t.action as string, t]))

const q = (r: Real, sql: string) => prepared(r.h.app.store.db, sql)

/** Each order's timeline must be a walk through the transition table from `submitted` to its status. */
function brokenTimelines(r: Real): string[] {
  const broken: string[] = []
  const orders = q(r, 'SELECT id, status FROM orders').all() as Array<{ id: string; status: string }>
  const events = q(r, 'SELECT order_id, action, from_status, to_status FROM order_events ORDER BY order_id, seq').all() as Array<
    Record<string, string | null>
  >
  const of = new Map<string, Array<Record<string, string | null>>>()
  for (const e of events) of.set(e.order_id as string, [...(of.get(e.order_id as string) ?? []), e])
  for (const o of orders) {
    const timeline = of.get(o.id) ?? []
    let at: string | null = null
    for (const [i, e] of timeline.entries()) {
      if (i === 0) {
        if (e.action !== 'create' || e.from_status !== null || e.to_status !== 'submitted') broken.push(`${o.id}: starts with ${e.action}`)
      } else if (byAction.get(e.action as string)?.to === null) {
        // a move on the ladder (escalate, sendDown) or a 回访 keeps the status
        if (e.from_status !== at || e.to_status !== at) broken.push(`${o.id}: ${e.action} moved the status`)
      } else {
        const t = byAction.get(e.action as string)
        if (!t || e.from_status !== at || !t.from.includes(at as never) || e.to_status !== t.to)
          broken.push(`${o.id}: ${at} -${e.action}-> ${e.to_status} is not in the table`)
      }
      at = e.to_status
    }
    if (at !== o.status) broken.push(`${o.id}: timeline ends at ${at}, order is ${o.status}`)
  }
  return broken
}

/** One award per source: an order award for each closed order that earned one, an activity award per paid attendee. */
function brokenAwards(r: Real): string[] {
  const broken: string[] = []
  const orders = q(
    r,
    `SELECT o.id, o.status, o.awarded_points AS awarded, (SELECT COUNT(*) FROM ledger l WHERE l.reason = 'order_award' AND l.source_key = 'order:' || o.id || ':award') AS n,
       (SELECT delta FROM ledger l WHERE l.source_key = 'order:' || o.id || ':award') AS delta FROM orders o`,
  ).all() as Array<{ id: string; status: string; awarded: number | null; n: number; delta: number | null }>
  for (const o of orders) {
    const want = o.status === 'closed' && (o.awarded ?? 0) > 0 ? 1 : 0
    if (o.n !== want || (want && o.delta !== o.awarded)) broken.push(`${o.id} (${o.status}, ${o.awarded}): ${o.n} awards of ${o.delta}`)
  }
  const strays = q(
    r,
    "SELECT COUNT(*) AS n FROM ledger WHERE reason = 'order_award' AND source_key NOT IN (SELECT 'order:' || id || ':award' FROM orders)",
  ).get() as { n: number }
  if (strays.n) broken.push(`${strays.n} order awards without an order`)
  const attendees = q(
    r,
    `SELECT s.activity_id, s.member_id, s.awarded_points AS awarded, a.status,
       (SELECT COUNT(*) FROM ledger l WHERE l.source_key = 'activity:' || s.activity_id || ':' || s.member_id || ':award') AS n FROM activity_signups s JOIN activities a ON a.id = s.activity_id`,
  ).all() as Array<{ activity_id: string; member_id: string; awarded: number | null; status: string; n: number }>
  for (const s of attendees) {
    const want = s.status === 'finished' && (s.awarded ?? 0) > 0 ? 1 : 0
    if (s.n !== want) broken.push(`${s.activity_id}/${s.member_id}: ${s.n} activity awards, want ${want}`)
  }
  return broken
}

async function check(m: Model, r: Real, initialStock: Record<string, number>) {
  const broken = [...brokenInvariants(r.h.app.store.db, initialStock), ...brokenTimelines(r), ...brokenAwards(r)]
  const rows = <T>(sql: string) => q(r, sql).all() as T[]
  const balances = new Map(
    rows<{ member_id: string; balance: number }>('SELECT member_id, balance FROM point_accounts').map((a) => [a.member_id, a.balance]),
  )
  for (const [who, b] of Object.entries(m.balance))
    if ((balances.get(who) ?? 0) !== b) broken.push(`${who}: balance ${balances.get(who) ?? 0}, model ${b}`)
  const stock = new Map(rows<{ id: string; stock: number }>('SELECT id, stock FROM goods').map((g) => [g.id, g.stock]))
  for (const [id, g] of Object.entries(m.goods))
    if (stock.get(id) !== g.stock) broken.push(`${id}: stock ${stock.get(id)}, model ${g.stock}`)
  const statuses = new Map(rows<{ id: string; status: string }>('SELECT id, status FROM orders').map((o) => [o.id, o.status]))
  for (const o of m.orders) if (statuses.get(o.id) !== o.status) broken.push(`${o.id}: ${statuses.get(o.id)}, model ${o.status}`)
  const pickups = new Map(rows<{ id: string; status: string }>('SELECT id, status FROM redemptions').map((x) => [x.id, x.status]))
  for (const red of m.redemptions)
    if (pickups.get(red.id) !== red.status) broken.push(`${red.id}: ${pickups.get(red.id)}, model ${red.status}`)
  const activities = new Map(
    rows<Record<string, unknown>>('SELECT id, status, signed_count, waiting_count FROM activities').map((a) => [a.id, a]),
  )
  const signups = new Map(
    rows<Record<string, unknown>>('SELECT activity_id, member_id, status, attendance FROM activity_signups').map((x) => [
      `${x.activity_id}/${x.member_id}`,
      x,
    ]),
  )
  for (const a of m.activities) {
    const { id: _id, ...row } = activities.get(a.id) ?? {}
    const mine = [...a.signups.values()]
    const want = {
      status: a.status,
      signed_count: mine.filter((s) => s.status === 'signed').length,
      waiting_count: mine.filter((s) => s.status === 'waitlisted').length,
    }
    if (JSON.stringify(row) !== JSON.stringify(want)) broken.push(`${a.id}: ${JSON.stringify(row)}, model ${JSON.stringify(want)}`)
    if (want.signed_count > a.quota) broken.push(`${a.id}: model over quota`)
    for (const [who, s] of a.signups) {
      const real = signups.get(`${a.id}/${who}`)
      if (real?.status !== s.status || real?.attendance !== s.attendance)
        broken.push(`${a.id}/${who}: ${JSON.stringify(real)}, model ${JSON.stringify(s)}`)
    }
  }
  const dues = new Map(
    rows<{ id: string; next_due_at: number }>('SELECT id, next_due_at FROM care_pairs').map((p) => [p.id, p.next_due_at]),
  )
  for (const p of m.pairs) if (dues.get(p.id) !== p.nextDueAt) broken.push(`${p.id}: due ${dues.get(p.id)}, model ${p.nextDueAt}`)
  if (broken.length) throw new Error(broken.join('\n'))
}

// ---- commands -----------------------------------------------------------------------------------

type Step = (m: Model, r: Real) => Promise<void>
const counts = { runs: 0, steps: 0 }
let INITIAL_STOCK: Record<string, number> = {}
class Cmd implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly label: string,
    readonly step: Step,
    readonly needs: (m: Readonly<Model>) => boolean = () => true,
  ) {}
  check(m: Readonly<Model>) {
    return this.needs(m)
  }
  async run(m: Model, r: Real) {
    await this.step(m, r)
    counts.steps += 1
    await check(m, r, INITIAL_STOCK)
  }
  toString() {
    return this.label
  }
}

const pick = <T>(items: readonly T[], k: number) => items[k % items.length]
const anyOrder = (m: Readonly<Model>) => m.orders.length > 0
const SUMMARY = '已经上门完成了这项服务'

function orderCmd(
  label: string,
  action: string,
  who: string,
  k: number,
  input: (o: MOrder) => Record<string, unknown>,
  apply: (o: MOrder, m: Model, out: any) => void,
  fnAction = action,
) {
  return new Cmd(
    `${label}(${who}, #${k})`,
    async (m, r) => {
      const o = pick(m.orders, k)
      const needsRole: Record<string, string[]> = {
        claim: ['member'],
        decline: ['member'],
        release: ['member'],
        complete: ['member'],
        dispatch: ['staff', 'admin', 'grid_worker'],
        reject: ['staff', 'admin', 'grid_worker'],
        refer: ['staff', 'admin', 'grid_worker'],
        answer: ['staff', 'admin', 'grid_worker', 'street'],
      }
      const roles = needsRole[action]
      const expected: Code = roles && !roles.some((x) => is(who, x)) ? 'FORBIDDEN' : orderVerdict(o, action, who)
      const out = await expectOutcome(
        r.h.raw(who, 'orders', fnAction, { orderId: o.id, ...input(o) }),
        expected,
        `${action} ${o.id} (${o.status}) by ${who}`,
      )
      if (expected === null) apply(o, m, out)
    },
    anyOrder,
  )
}

const who = (pool: readonly string[]) => fc.constantFrom(...pool)
const k = fc.nat(40)

const commands = [
  fc.tuple(who([R, R2, M, M2, S]), fc.boolean()).map(
    ([r0, directed]) =>
      new Cmd(`create(${r0}${directed ? ', 2' : ''})`, async (m, r) => {
        const expected: Code = is(r0, 'resident') ? null : 'FORBIDDEN'
        const out = await expectOutcome(
          r.h.call(r0, 'orders', 'create', { kind: 'service', category: 'care', title: '陪老人去医院' }),
          expected,
          `create by ${r0}`,
        )
        if (out.ok)
          m.orders.push({
            id: out.data.id,
            resident: r0,
            agent: null,
            status: 'submitted',
            claimer: null,
            assignee: null,
            points: 0,
            disputes: 0,
            completedAt: 0,
          })
      }),
  ),
  // 代办: staff or a 网格员 orders for a resident of a grid they look after, by phone
  fc.tuple(who([S, GW, OGW, R]), who([R, M, QR])).map(
    ([agent, resident]) =>
      new Cmd(`createFor(${agent}, ${resident})`, async (m, r) => {
        const mayCall = isStaff(agent) || is(agent, 'grid_worker') || is(agent, 'resident')
        const expected: Code = !mayCall ? 'FORBIDDEN' : managesIt(agent) && !foreign(resident) ? null : 'INVALID_INPUT'
        const input = {
          onBehalfOf: { residentId: resident, channel: 'phone' as const },
          kind: 'service' as const,
          category: 'care' as const,
        }
        const out = await expectOutcome(
          r.h.call(agent, 'orders', 'create', { ...input, title: '电话里说要人陪去医院' }),
          expected,
          `create for ${resident} by ${agent}`,
        )
        if (out.ok)
          m.orders.push({
            id: out.data.id,
            resident,
            agent,
            status: 'submitted',
            claimer: null,
            assignee: null,
            points: 0,
            disputes: 0,
            completedAt: 0,
          })
      }),
  ),
  // 代办 for a person of a household's file without an account (赵桂兰 of 第一网格): the order's resident is
  // her place in the file — nobody signs in as her, so nobody is its owner; staff confirm in her words
  who([S, GW, OGW, R]).map(
    (agent) =>
      new Cmd(`createForHousehold(${agent})`, async (m, r) => {
        const expected: Code = managesIt(agent) ? null : 'INVALID_INPUT'
        const out = await expectOutcome(
          r.h.call(agent, 'orders', 'create', {
            onBehalfOf: { householdId: 'hh_hx_zhaogl', memberId: ZHAO, channel: 'phone' },
            kind: 'service',
            category: 'care',
            title: '电话里说要人陪去医院',
          }),
          expected,
          `create for ${ZHAO} by ${agent}`,
        )
        if (out.ok)
          m.orders.push({
            id: out.data.id,
            resident: ZHAO,
            agent,
            status: 'submitted',
            claimer: null,
            assignee: null,
            points: 0,
            disputes: 0,
            completedAt: 0,
          })
      }),
  ),
  fc.tuple(who([S, A, R, M, OS, GW, OGW]), k, fc.integer({ min: 0, max: 30 }), fc.constantFrom(undefined, M, M2, M3, R)).map(
    ([w, i, points, assignee]) =>
      new Cmd(
        `dispatch(${w}, #${i}, ${points}, ${assignee ?? '-'})`,
        async (m, r) => {
          const o = pick(m.orders, i)
          let expected = isStaff(w) || is(w, 'grid_worker') ? orderVerdict(o, 'dispatch', w) : 'FORBIDDEN'
          if (expected === null && assignee !== undefined && (!is(assignee, 'member') || assignee === o.resident))
            expected = 'INVALID_INPUT'
          const input = { orderId: o.id, decision: 'dispatch' as const, points, ...(assignee ? { assigneeId: assignee } : {}) }
          await expectOutcome(r.h.call(w, 'orders', 'review', input), expected, `dispatch ${o.id} (${o.status}) by ${w}`)
          if (expected === null) Object.assign(o, { status: 'open', points, assignee: assignee ?? null })
        },
        anyOrder,
      ),
  ),
  fc.tuple(who([S, M]), k).map(([w, i]) =>
    orderCmd(
      'reject',
      'reject',
      w,
      i,
      () => ({ decision: 'reject', reason: '不在服务范围' }),
      (o) => Object.assign(o, { status: 'rejected' }),
      'review',
    ),
  ),
  fc.tuple(who([M, M2, M3, R, S, QM]), k).map(([w, i]) =>
    orderCmd(
      'claim',
      'claim',
      w,
      i,
      () => ({}),
      (o) => Object.assign(o, { status: 'claimed', claimer: w }),
    ),
  ),
  fc.tuple(who([M, M2, M3]), k).map(([w, i]) =>
    orderCmd(
      'decline',
      'decline',
      w,
      i,
      () => ({}),
      (o) => Object.assign(o, { assignee: null }),
    ),
  ),
  fc.tuple(who([M, M2, M3, QM]), k).map(([w, i]) =>
    orderCmd(
      'release',
      'release',
      w,
      i,
      () => ({ reason: '临时有事去不了' }),
      (o) => Object.assign(o, { status: 'open', claimer: null, assignee: null }),
    ),
  ),
  fc.tuple(who([M, M2, M3, R]), k).map(([w, i]) =>
    orderCmd(
      'complete',
      'complete',
      w,
      i,
      () => ({ summary: SUMMARY, photos: [PHOTOS[w] ?? PHOTOS[M]] }),
      (o, m) => Object.assign(o, { status: 'completed', completedAt: m.now }),
    ),
  ),
  // the resident confirms; staff and the grid's 网格员 may for them, in the resident's words
  fc.tuple(who([R, R2, M, M2, S, OS, GW, OGW]), k, fc.integer({ min: 1, max: 5 })).map(([w, i, rating]) =>
    orderCmd(
      'confirm',
      'confirm',
      w,
      i,
      (o) => (o.resident === w ? { rating } : { rating, residentWords: '电话里说已经好了' }),
      (o, m) => {
        o.status = 'closed'
        const award = paid(o.points, rating)
        if (o.claimer && award > 0) m.balance[o.claimer] = (m.balance[o.claimer] ?? 0) + award
      },
    ),
  ),
  // 转办: to the 物业, with the default deadline; its answer recorded (已反馈), the order to be confirmed
  fc.tuple(who([S, GW, OGW, R, M]), k).map(([w, i]) =>
    orderCmd(
      'refer',
      'refer',
      w,
      i,
      () => ({ unitId: 'un_hx_property' }),
      (o) => Object.assign(o, { status: 'referred', assignee: null }),
    ),
  ),
  fc.tuple(who([S, GW, OGW]), k).map(([w, i]) =>
    orderCmd(
      'answer',
      'answer',
      w,
      i,
      () => ({ answer: '物业已经派人修好了' }),
      (o, m) => Object.assign(o, { status: 'completed', completedAt: m.now }),
      'recordReferralAnswer',
    ),
  ),
  fc.tuple(who([R, R2, M, M2]), k).map(([w, i]) =>
    orderCmd(
      'dispute',
      'dispute',
      w,
      i,
      () => ({ reason: '还没有解决' }),
      (o) => Object.assign(o, { status: 'claimed', disputes: o.disputes + 1 }),
    ),
  ),
  fc.tuple(who([R, R2, M, M2, S, OS]), k).map(([w, i]) =>
    orderCmd(
      'cancel',
      'cancel',
      w,
      i,
      () => ({}),
      (o) => Object.assign(o, { status: 'cancelled' }),
    ),
  ),

  fc
    .tuple(
      who([S, A, M]),
      who([M, M2, M3, R, QM]),
      fc.integer({ min: -40, max: 120 }).filter((d) => d !== 0),
    )
    .map(
      ([w, member, delta]) =>
        new Cmd(`adjust(${w}, ${member}, ${delta})`, async (m, r) => {
          let expected: Code = !isStaff(w) ? 'FORBIDDEN' : foreign(member) || !is(member, 'member') ? 'INVALID_INPUT' : null
          if (expected === null && (m.balance[member] ?? 0) + delta < 0) expected = 'INSUFFICIENT_POINTS'
          await expectOutcome(
            r.h.call(w, 'points', 'adjust', { memberId: member, delta, reason: '补录志愿积分' }),
            expected,
            `adjust ${member} ${delta}`,
          )
          if (expected === null) m.balance[member] = (m.balance[member] ?? 0) + delta
        }),
    ),
  fc.tuple(who([M, M2, M3, R, S]), fc.nat(5)).map(
    ([w, g]) =>
      new Cmd(`redeem(${w}, goods ${g})`, async (m, r) => {
        const id = pick(Object.keys(m.goods), g)
        const goods = m.goods[id]
        const expected: Code = !is(w, 'member')
          ? 'FORBIDDEN'
          : goods.stock <= 0
            ? 'SOLD_OUT'
            : held(m, w, id) >= goods.limit
              ? 'LIMIT_REACHED'
              : (m.balance[w] ?? 0) < goods.price
                ? 'INSUFFICIENT_POINTS'
                : null
        const out = await expectOutcome(r.h.call(w, 'mall', 'redeem', { goodsId: id }), expected, `redeem ${id} by ${w}`)
        if (expected !== null) return
        m.balance[w] -= goods.price
        goods.stock -= 1
        m.redemptions.push({ id: out.data.id, code: out.data.code, member: w, goods: id, status: 'pending', expiresAt: m.now + 30 * DAY })
      }),
  ),
  fc.tuple(who([M, M2, M3, S]), k).map(
    ([w, i]) =>
      new Cmd(
        `cancelRedemption(${w}, #${i})`,
        async (m, r) => {
          const red = pick(m.redemptions, i)
          const expected: Code = red.member !== w ? 'NOT_FOUND' : red.status !== 'pending' || red.expiresAt <= m.now ? 'CONFLICT' : null
          await expectOutcome(
            r.h.call(w, 'mall', 'cancelRedemption', { redemptionId: red.id }),
            expected,
            `cancel ${red.id} (${red.status}) by ${w}`,
          )
          if (expected === null) refund(m, red, 'cancelled')
        },
        (m) => m.redemptions.length > 0,
      ),
  ),
  fc.tuple(who([S, A, M]), k).map(
    ([w, i]) =>
      new Cmd(
        `verify(${w}, #${i})`,
        async (m, r) => {
          const red = pick(m.redemptions, i)
          const expected: Code = !isStaff(w) ? 'FORBIDDEN' : red.status !== 'pending' || red.expiresAt <= m.now ? 'CONFLICT' : null
          await expectOutcome(r.h.call(w, 'mall', 'verify', { code: red.code }), expected, `verify ${red.id} (${red.status}) by ${w}`)
          if (expected === null) red.status = 'picked'
        },
        (m) => m.redemptions.length > 0,
      ),
  ),

  fc
    .tuple(
      who([S, A, M]),
      fc.integer({ min: 2, max: 60 }),
      fc.integer({ min: 1, max: 4 }),
      fc.nat(60),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 20 }),
    )
    .map(
      ([w, startIn, hours, back, quota, points]) =>
        new Cmd(`publish(${w}, +${startIn}h, ${hours}h, quota ${quota}, ${points} pts)`, async (m, r) => {
          const startAt = m.now + startIn * HOUR
          const deadline = startAt - (back % startIn) * HOUR
          const iso = (ms: number) => new Date(ms).toISOString()
          const input = {
            title: '周末环境清洁日',
            category: 'environment' as const,
            startAt: iso(startAt),
            endAt: iso(startAt + hours * HOUR),
            signupDeadline: iso(deadline),
            place: { name: '社区广场' },
            quota,
            points,
          }
          const out = await expectOutcome(r.h.call(w, 'activities', 'publish', input), isStaff(w) ? null : 'FORBIDDEN', `publish by ${w}`)
          if (!out.ok) return
          m.activities.push({
            id: out.data.id,
            quota,
            points,
            startAt,
            endAt: startAt + hours * HOUR,
            deadline,
            status: 'published',
            nextSeq: 1,
            signups: new Map(),
          })
        }),
    ),
  fc.tuple(who([M, M2, M3, S, QM]), k).map(([w, i]) =>
    activityCmd(`signup(${w}, #${i})`, i, async (a, m, r) => {
      const s = a.signups.get(w)
      const holding = s !== undefined && s.status !== 'withdrawn'
      let expected: Code = !is(w, 'member') ? 'FORBIDDEN' : foreign(w) ? 'NOT_FOUND' : null
      if (expected === null && !(holding && a.status === 'published'))
        expected = a.status !== 'published' || m.now >= a.deadline ? 'CONFLICT' : null
      await expectOutcome(r.h.call(w, 'activities', 'signup', { activityId: a.id }), expected, `signup ${a.id} by ${w}`)
      if (expected !== null || holding) return
      const signed = [...a.signups.values()].filter((x) => x.status === 'signed').length
      a.signups.set(w, { status: signed < a.quota ? 'signed' : 'waitlisted', seq: a.nextSeq++, attendance: null })
    }),
  ),
  fc.tuple(who([M, M2, M3, QM]), k).map(([w, i]) =>
    activityCmd(`withdraw(${w}, #${i})`, i, async (a, m, r) => {
      const s = a.signups.get(w)
      const expected: Code = foreign(w)
        ? 'NOT_FOUND'
        : !s || s.status === 'withdrawn' || a.status !== 'published' || m.now >= a.deadline
          ? 'CONFLICT'
          : null
      await expectOutcome(r.h.call(w, 'activities', 'withdraw', { activityId: a.id }), expected, `withdraw ${a.id} by ${w}`)
      if (expected !== null || !s) return
      s.status = 'withdrawn'
      // 候补递补: free places go to the earliest waiting
      let free = a.quota - [...a.signups.values()].filter((x) => x.status === 'signed').length
      for (const x of [...a.signups.values()].filter((y) => y.status === 'waitlisted').sort((p, q) => p.seq - q.seq)) {
        if (free-- <= 0) break
        x.status = 'signed'
      }
    }),
  ),
  fc.tuple(who([M, M2, M3, S]), k).map(([w, i]) =>
    activityCmd(`checkin(${w}, #${i})`, i, async (a, m, r) => {
      const s = a.signups.get(w)
      let expected: Code = !is(w, 'member') ? 'FORBIDDEN' : s?.status !== 'signed' ? 'CONFLICT' : null
      if (expected === null && (a.status !== 'published' || m.now < a.startAt - 30 * 60_000 || m.now > a.endAt)) expected = 'CONFLICT'
      const secret = (
        r.h.app.store.db.prepare('SELECT checkin_secret FROM activities WHERE id = ?').get(a.id) as { checkin_secret: string }
      ).checkin_secret
      const token = checkinToken({ id: a.id, checkinSecret: secret }, slotOf(m.now))
      await expectOutcome(r.h.call(w, 'activities', 'checkin', { activityId: a.id, token }), expected, `checkin ${a.id} by ${w}`)
      if (expected === null && s) s.attendance = 'attended'
    }),
  ),
  fc.tuple(who([S, A, M, OS]), k, who(MEMBERS), fc.boolean()).map(([w, i, member, attended]) =>
    activityCmd(`markAttendance(${w}, #${i}, ${member}, ${attended})`, i, async (a, m, r) => {
      let expected: Code = !isStaff(w) ? 'FORBIDDEN' : foreign(w) ? 'NOT_FOUND' : null
      if (expected === null && (a.status !== 'published' || m.now < a.startAt - 30 * 60_000)) expected = 'CONFLICT'
      if (expected === null && a.signups.get(member)?.status !== 'signed') expected = 'INVALID_INPUT'
      await expectOutcome(
        r.h.call(w, 'activities', 'markAttendance', { activityId: a.id, memberIds: [member], attended }),
        expected,
        `mark ${a.id} by ${w}`,
      )
      const s = a.signups.get(member)
      if (expected === null && s) s.attendance = attended ? 'attended' : 'absent'
    }),
  ),
  fc.tuple(who([S, A, M]), k).map(([w, i]) =>
    activityCmd(`finish(${w}, #${i})`, i, async (a, m, r) => {
      const expected: Code = !isStaff(w) ? 'FORBIDDEN' : a.status !== 'published' || m.now < a.endAt ? 'CONFLICT' : null
      await expectOutcome(r.h.call(w, 'activities', 'finish', { activityId: a.id }), expected, `finish ${a.id} by ${w}`)
      if (expected !== null) return
      a.status = 'finished'
      for (const [member, s] of a.signups) {
        if (s.status !== 'signed') continue
        if (s.attendance === 'attended') {
          if (a.points > 0) m.balance[member] = (m.balance[member] ?? 0) + a.points
        } else s.attendance = 'absent'
      }
    }),
  ),
  fc.tuple(who([S, OS]), k).map(([w, i]) =>
    activityCmd(`cancelActivity(${w}, #${i})`, i, async (a, m, r) => {
      const expected: Code = foreign(w) ? 'NOT_FOUND' : a.status !== 'published' || m.now >= a.endAt ? 'CONFLICT' : null
      await expectOutcome(
        r.h.call(w, 'activities', 'cancel', { activityId: a.id, reason: '天气原因取消' }),
        expected,
        `cancel ${a.id} by ${w}`,
      )
      if (expected === null) a.status = 'cancelled'
    }),
  ),
  // 结对帮扶: a paired member closes the pair's care task with a report and a photo — once per task (二对一:
  // the first of the two), from two days before it is due; the next falls a week after it was due or done
  fc.tuple(who([M, M2, M3, R, S, QM]), k).map(
    ([w, i]) =>
      new Cmd(
        `closeCare(${w}, #${i})`,
        async (m, r) => {
          const p = pick(m.pairs, i)
          const expected: Code = !is(w, 'member')
            ? 'FORBIDDEN'
            : !p.members.includes(w)
              ? 'NOT_FOUND'
              : m.now < p.nextDueAt - 2 * DAY
                ? 'CONFLICT'
                : null
          const input = { pairId: p.id, report: '陪老人聊了一个小时，帮着收拾了厨房', photos: [PHOTOS[w] ?? PHOTOS[M]] }
          await expectOutcome(r.h.call(w, 'households', 'closeCareTask', input), expected, `closeCare ${p.id} by ${w}`)
          if (expected !== null) return
          m.balance[w] = (m.balance[w] ?? 0) + DEFAULT_RULES.carePoints
          p.nextDueAt = Math.max(m.now, p.nextDueAt) + 7 * DAY
        },
        (m) => m.pairs.length > 0,
      ),
  ),
  fc.integer({ min: 1, max: 80 }).map(
    (hours) =>
      new Cmd(`advance(${hours}h)`, async (m, r) => {
        m.now += hours * HOUR
        r.setNow(m.now)
        await r.h.app.tick()
        // the scheduler: completed orders confirm themselves after 72 h (no rating, no bonus) …
        for (const o of m.orders) {
          if (o.status === 'completed' && o.completedAt + 72 * HOUR <= m.now) {
            o.status = 'closed'
            if (o.claimer && o.points > 0) m.balance[o.claimer] = (m.balance[o.claimer] ?? 0) + o.points
          }
        }
        // … and pickups left 30 days are refunded
        for (const red of m.redemptions) if (red.status === 'pending' && red.expiresAt < m.now) refund(m, red, 'expired')
      }),
  ),
]

function activityCmd(label: string, i: number, step: (a: MActivity, m: Model, r: Real) => Promise<void>) {
  return new Cmd(
    label,
    (m, r) => step(pick(m.activities, i), m, r),
    (m) => m.activities.length > 0,
  )
}

function refund(m: Model, red: MRedemption, status: 'cancelled' | 'expired') {
  red.status = status
  m.balance[red.member] += m.goods[red.goods].price
  m.goods[red.goods].stock += 1
}

/** The model of the state every run starts from, read once from the database it was built in. */
function modelOf(h: Harness, goods: Model['goods']): Model {
  const db = h.app.store.db
  const all = <T>(sql: string) => db.prepare(sql).all() as T[]
  const balance: Record<string, number> = Object.fromEntries([...MEMBERS, QM].map((x) => [x, 0]))
  for (const a of all<{ member_id: string; balance: number }>('SELECT member_id, balance FROM point_accounts'))
    balance[a.member_id] = a.balance
  const stock = new Map(all<{ id: string; stock: number }>('SELECT id, stock FROM goods').map((g) => [g.id, g.stock]))
  const activities: MActivity[] = all<any>("SELECT * FROM activities WHERE id NOT LIKE 'a_demo_%' ORDER BY rowid").map((a) => ({
    id: a.id,
    quota: a.quota,
    points: a.points,
    startAt: a.start_at,
    endAt: a.end_at,
    deadline: a.signup_deadline,
    status: a.status,
    nextSeq: a.next_seq,
    signups: new Map(
      (db.prepare('SELECT * FROM activity_signups WHERE activity_id = ?').all(a.id) as any[]).map((x) => [
        x.member_id,
        { status: x.status, seq: x.seq, attendance: x.attendance },
      ]),
    ),
  }))
  // the seeded demo activities belong to the model too (nobody has signed up for them)
  for (const a of all<any>("SELECT * FROM activities WHERE id LIKE 'a_demo_%'")) {
    activities.push({
      id: a.id,
      quota: a.quota,
      points: a.points,
      startAt: a.start_at,
      endAt: a.end_at,
      deadline: a.signup_deadline,
      status: a.status,
      nextSeq: a.next_seq,
      signups: new Map(),
    })
  }
  const pairs: MPair[] = all<{ id: string; member_ids: string; next_due_at: number }>(
    "SELECT id, member_ids, next_due_at FROM care_pairs WHERE status = 'active' ORDER BY id",
  ).map((p) => ({ id: p.id, members: JSON.parse(p.member_ids), nextDueAt: p.next_due_at }))
  return {
    now: T0,
    pairs,
    balance,
    goods: Object.fromEntries(Object.entries(goods).map(([id, g]) => [id, { ...g, stock: stock.get(id) ?? g.stock }])),
    redemptions: all<any>('SELECT * FROM redemptions').map((x) => ({
      id: x.id,
      code: x.code,
      member: x.member_id,
      goods: x.goods_id,
      status: x.status,
      expiresAt: x.expires_at,
    })),
    orders: all<any>('SELECT * FROM orders ORDER BY rowid').map((o) => ({
      id: o.id,
      resident: o.resident_id,
      agent: o.agent_id,
      status: o.status,
      claimer: o.claimer_id,
      assignee: o.assignee_id,
      points: o.points ?? 0,
      disputes: o.dispute_count,
      completedAt: o.status === 'completed' ? o.due_at - 72 * HOUR : 0,
    })),
    activities,
  }
}

// ---- the run --------------------------------------------------------------------------------------

const PHOTOS: Record<string, string> = {}

describe('orders, points, mall and activities against a model', () => {
  let h: Harness
  let now = T0
  let base: Snapshot
  let goods: Model['goods']
  let baseModel: Model

  beforeAll(async () => {
    const clock: Clock = { now: () => now }
    h = await openHarness({ clock, demo: false })
    // whole awards (no daily cap), no year-end lapse: both have tests of their own
    await h.ok(A, 'points', 'updateRules', { rules: { ...DEFAULT_RULES, dailyCap: 0, expiryEnabled: false } })
    for (const w of [M, M2, M3, R]) PHOTOS[w] = await h.upload(w)
    // each run reuses these: kept as if a record had taken them (the sweep of loose uploads has its own test)
    await h.app.store.writeRaw((db) => db.prepare('UPDATE files SET attached_at = created_at').run())
    const small = await h.ok(S, 'mall', 'upsertGoods', { name: '限量纪念章', price: 10, stock: 2, limitPerMember: 1, onShelf: true })
    const rows = h.app.store.db
      .prepare("SELECT id, price, stock, limit_per_member FROM goods WHERE community_id = 'c_hongxing' ORDER BY id")
      .all() as any[]
    goods = Object.fromEntries(rows.map((g) => [g.id, { price: g.price, stock: g.stock, limit: g.limit_per_member }]))
    INITIAL_STOCK = Object.fromEntries(Object.entries(goods).map(([id, g]) => [id, g.stock]))

    // every run starts in the middle of things: orders in each state, points, a pickup, sign-ups
    for (const [member, delta] of [
      [M, 200],
      [M2, 200],
      [M3, 60],
    ] as const)
      await h.ok(S, 'points', 'adjust', { memberId: member, delta, reason: '补录志愿积分' })
    const create = async (resident: string) =>
      (await h.ok(resident, 'orders', 'create', { kind: 'service', category: 'care', title: '陪老人去医院' })).id
    const dispatch = async (id: string, points: number, assigneeId?: string) => {
      await h.ok(S, 'orders', 'review', { orderId: id, decision: 'dispatch', points, ...(assigneeId ? { assigneeId } : {}) })
      return id
    }
    const claim = async (member: string, id: string) => {
      await h.ok(member, 'orders', 'claim', { orderId: id })
      return id
    }
    const complete = async (member: string, id: string) =>
      h.ok(member, 'orders', 'complete', { orderId: id, summary: SUMMARY, photos: [PHOTOS[member]] })
    await create(R)
    await dispatch(await create(R2), 10)
    await dispatch(await create(R), 5, M2)
    await claim(M, await dispatch(await create(R2), 12))
    await complete(M2, await claim(M2, await dispatch(await create(R), 8)))
    await complete(M3, await claim(M3, await dispatch(await create(M), 0)))
    await h.ok(M, 'mall', 'redeem', { goodsId: small.id })
    const iso = (ms: number) => new Date(ms).toISOString()
    const publish = async (startIn: number, deadlineIn: number, quota: number, points: number) =>
      (
        await h.ok(S, 'activities', 'publish', {
          title: '周末环境清洁日',
          category: 'environment',
          startAt: iso(T0 + startIn),
          endAt: iso(T0 + startIn + 2 * HOUR),
          signupDeadline: iso(T0 + deadlineIn),
          place: { name: '社区广场' },
          quota,
          points,
        })
      ).id
    const a1 = await publish(1 * HOUR, 0.5 * HOUR, 2, 10)
    const a2 = await publish(30 * HOUR, 20 * HOUR, 1, 5)
    for (const member of [M, M2, M3]) await h.ok(member, 'activities', 'signup', { activityId: a1 })
    await h.ok(M3, 'activities', 'signup', { activityId: a2 })
    // 结对帮扶: besides the demo's (M with 王秀兰, weekly), a 二对一 of M2 and M3 with 赵桂兰
    await h.ok(S, 'households', 'pair', { householdId: 'hh_hx_zhaogl', memberIds: [M2, M3], kind: 'visit', cadence: 'weekly' })
    base = snapshot(h.app.store.db)
    baseModel = modelOf(h, goods)
  }, 60_000)

  afterAll(() => {
    h?.close()
    console.log(`model-based test: ${counts.runs} runs, ${counts.steps} steps, every step checked against the model and the invariants`)
  })

  it(
    `keeps to the model and the invariants over ${RUNS} random runs`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: COMMANDS, size: 'max' }), async (cmds) => {
          // each run starts from the same database and the same instant: runs are independent
          await restore(h.app, base)
          now = T0
          counts.runs += 1
          const model: Model = structuredClone(baseModel)
          const real: Real = {
            h,
            setNow: (ms) => {
              now = ms
            },
          }
          await fc.asyncModelRun(() => ({ model, real }), cmds)
        }),
        { numRuns: RUNS },
      )
    },
    Math.max(600_000, RUNS * 200),
  )
})
