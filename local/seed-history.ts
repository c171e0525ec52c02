// A demo with a past (issue 18): a year of 红星社区's history, made through the use cases themselves —
// the same handlers the gateway calls (the registry behind the one edge), on a clock that starts a
// year back and walks forward to now. Residents order, 网格员 order for those who phone (代办), staff
// dispatch, reject and refer (转办), members claim, close with photos and reports, residents rate,
// the scheduler's tick escalates what waits too long and confirms what nobody did; 网格员 visit the
// households they keep, staff publish weekend activities that members sign up for and attend, members
// redeem goods that staff hand over, in January last year's 三评 is filled in, a retired member reports
// in, paired members go to their households (结对帮扶), 网格员 carry out the month's task staff confirm
// (网格台账), and everyone has read their inbox up to the last few evenings.
//
// How it is built: a small discrete-event timeline. Each HISTORY_STEPS entry is called once per day
// (a Beijing calendar day) and starts stories on it; a story is an async function that acts through
// `h.ok(...)` and waits with `h.wait(...)`, so one order's life reads top to bottom. Stories run one at a
// time, in time order; what is still waiting when the clock reaches now stays as it is (the hall's
// open orders, a pickup not yet made). Deterministic: every choice comes from one seeded generator.
// To add a kind of history, add a step to HISTORY_STEPS.
import path from 'node:path'
import type { ActionOf, Fn, InputOf, OutputOf } from '@shared/api'
import type { Envelope } from '@shared/envelope'
import type { HouseholdTag, PostType, Urgency } from '@shared/enums'
import type { OrderDetail } from '@shared/orders'
import { localFiles } from '../cloudfunctions/adapters/local/files'
import type { LocalApp } from '../cloudfunctions/compose'
import { DEFAULT_RULES } from '../cloudfunctions/core/domain/rules'
import { yearOf } from '../cloudfunctions/core/domain/time'
import { createHandler, type Handler, type Runtime } from '../cloudfunctions/core/edge'
import type { Clock } from '../cloudfunctions/core/ports'
import { REGISTRY } from '../cloudfunctions/core/registry'
import { tick } from '../cloudfunctions/core/usecases/scheduler/tick'
import { DEMO, type SeedUser } from './seed'
import * as T from './seed-history-texts'
import { type GoodsPicture, goodsPicture, rng, scenePicture } from './seed-pictures'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** Beijing has no daylight saving: its midnight is UTC 16:00 of the day before. */
const BEIJING = 8 * HOUR

// ---- the people of 红星社区, from the demo seed ---------------------------------------------------

const HX = DEMO[0]
const gridOfBuilding = new Map(HX.grids.flatMap((g) => g.buildings.map((b) => [b.id, g.id] as const)))
const person = (id: string): SeedUser => {
  const u = HX.users.find((x) => x.id === id)
  if (!u) throw new Error(`no demo person ${id}`)
  return u
}
const gridOf = (userId: string) => gridOfBuilding.get(person(userId).building) ?? HX.grids[0].id
/** The 网格员 of each grid. */
const workerOf = (gridId: string) => {
  const w = HX.users.find((u) => u.workGrids?.includes(gridId))
  if (!w) throw new Error(`no 网格员 for ${gridId}`)
  return w.id
}
const STAFF = ['u_linx', 'u_huangj']
/** Residents who use the app; 马秀珍 phones her 网格员 instead (代办). */
const RESIDENTS = HX.users.filter((u) => u.roles.includes('resident') && !u.member && u.id !== 'u_maxz').map((u) => u.id)
const PHONES_IN = 'u_maxz'

// ---- the timeline ------------------------------------------------------------------------------------

/** The history's clock: set by the timeline, never read from the wall. */
class HistoryClock implements Clock {
  t = 0
  now() {
    return this.t
  }
}

interface Task {
  at: number
  seq: number
  resume: () => void
}

/** Stories waiting for their time, run one at a time in time order (ties: in the order they asked). */
class Timeline {
  private queue: Task[] = []
  private seq = 0
  private parked: (() => void) | null = null
  private failure: unknown = null

  constructor(
    private clock: HistoryClock,
    readonly end: number,
  ) {}

  private push(at: number, resume: () => void) {
    const task = { at: Math.max(at, this.clock.t), seq: this.seq++, resume }
    let lo = 0
    let hi = this.queue.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const q = this.queue[mid]
      if (q.at < task.at || (q.at === task.at && q.seq < task.seq)) lo = mid + 1
      else hi = mid
    }
    this.queue.splice(lo, 0, task)
  }

  private park() {
    const p = this.parked
    this.parked = null
    p?.()
  }

  story(at: number, run: () => Promise<void>) {
    this.push(at, () => {
      run().then(
        () => this.park(),
        (e) => {
          this.failure = e
          this.park()
        },
      )
    })
  }

  until(at: number): Promise<void> {
    return new Promise((resolve) => {
      this.push(at, resolve)
      this.park()
    })
  }

  async run() {
    while (this.queue.length > 0 && this.queue[0].at <= this.end) {
      const task = this.queue.shift() as Task
      this.clock.t = task.at
      await new Promise<void>((parked) => {
        this.parked = parked
        task.resume()
      })
      if (this.failure) throw this.failure
    }
    this.clock.t = this.end
  }
}

// ---- what a step sees ----------------------------------------------------------------------------------

/** One Beijing calendar day of the history. */
export interface Day {
  /** Its midnight (Beijing), ms. */
  start: number
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number
  /** 1–12 and 1–31. */
  month: number
  date: number
  year: number
  /** Days since the history began. */
  index: number
  /** This day at hh:mm Beijing time. */
  at(hour: number, minute?: number): number
}

export interface History {
  now(): number
  /** When the history ends: the present of the demo. */
  end: number
  random(): number
  chance(p: number): boolean
  pick<T>(xs: readonly T[]): T
  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number
  /** Starts a story at `at`. */
  story(at: number, run: () => Promise<void>): void
  /** Waits `ms`; with `working`, on into the next working hours (08:30–18:00) if it lands outside them. */
  wait(ms: number, working?: boolean): Promise<void>
  /** Waits until `at` (at once if it has passed). */
  until(at: number): Promise<void>
  /** Calls an action as `userId` (null: a guest) through the edge; throws unless it succeeds. */
  ok<F extends Fn, A extends ActionOf<F>>(userId: string | null, fn: F, action: A, input: InputOf<F, A>): Promise<OutputOf<F, A>>
  /** The same, returning the envelope: for what may fairly be refused (a member at their load cap). */
  attempt<F extends Fn, A extends ActionOf<F>>(
    userId: string | null,
    fn: F,
    action: A,
    input: InputOf<F, A>,
  ): Promise<Envelope<OutputOf<F, A>>>
  /** Uploads a photo of a scene as `ownerId` (a phone's upload), returning its file id. */
  photo(ownerId: string, category: PostType): Promise<string>
  /** Uploads a goods picture as `ownerId`. */
  goodsPhoto(ownerId: string, kind: GoodsPicture): Promise<string>
  /** The community's members now (the history adds a retired one). */
  members: string[]
  /** Counts something that happened, for the report. */
  count(what: string, n?: number): void
  /** A step's own state for this run (what it filed, what it waits on), made by `init` on first use. */
  own<T>(step: string, init: () => T): T
}

/** One kind of thing that happens in the community: called for each day; starts that day's stories. */
export interface HistoryStep {
  name: string
  /** Once, on the first day, before any `day`. */
  begin?(h: History, first: Day): void
  day?(h: History, day: Day): void
}

// ---- orders ----------------------------------------------------------------------------------------------

const claimHours = (u: Urgency | undefined) => DEFAULT_RULES.sla[u ?? 'normal'].claimHours

/** Stars as residents give them: mostly 5, some 4, a few low (those get a 回访). */
function stars(h: History): number {
  const r = h.random()
  return r < 0.62 ? 5 : r < 0.86 ? 4 : r < 0.93 ? 3 : r < 0.98 ? 2 : 1
}

/** Members who may take an order: not its resident, those of its grid first. */
function candidates(h: History, order: OrderDetail, except: string[] = []): string[] {
  const grid = order.gridName
  const pool = h.members.filter((m) => m !== order.resident.id && !except.includes(m))
  const shuffled = pool.map((m) => ({ m, k: h.random() })).sort((a, b) => a.k - b.k)
  const gridName = (m: string) => HX.grids.find((g) => g.id === gridOf(m))?.name
  return [...shuffled.filter((x) => gridName(x.m) === grid), ...shuffled.filter((x) => gridName(x.m) !== grid)].map((x) => x.m)
}

/** The first member who can take it does (one at their load cap is refused and the next tries). */
async function claim(h: History, order: OrderDetail, except: string[] = []): Promise<string | null> {
  for (const m of candidates(h, order, except)) {
    const r = await h.attempt(m, 'orders', 'claim', { orderId: order.id })
    if (r.ok) return m
    h.count('claimsRefused')
  }
  return null
}

interface Serving {
  /** Who confirms: the resident, or staff for one who phones (代为确认, with their words). */
  confirmBy: 'resident' | 'staff'
  need: T.Need
}

/**
 * An order from review to its end: dispatched (or rejected, cancelled), claimed — late enough, now and
 * then, for the tick to escalate it — completed with photos, perhaps disputed once, confirmed with
 * stars and words (or by the tick when nobody does), a low rating visited, a good one shown in 晒服务.
 */
async function serve(h: History, order: OrderDetail, s: Serving): Promise<void> {
  const resident = order.resident.id
  const grid = HX.grids.find((g) => g.name === order.gridName)?.id ?? HX.grids[0].id
  const reviewer = h.chance(0.6) ? workerOf(grid) : h.pick(STAFF)
  await h.wait(h.between(20, 180) * MINUTE, true)
  const fate = h.random()
  if (fate < 0.05) {
    await h.ok(reviewer, 'orders', 'review', { orderId: order.id, decision: 'reject', reason: h.pick(T.REJECT_REASONS) })
    h.count('rejected')
    return
  }
  if (fate < 0.09) {
    await h.ok(resident, 'orders', 'cancel', { orderId: order.id, reason: h.pick(T.CANCEL_REASONS) })
    h.count('cancelled')
    return
  }
  await h.ok(reviewer, 'orders', 'review', { orderId: order.id, decision: 'dispatch' })
  h.count('dispatched')
  const urgent = s.need.urgency === 'urgent'
  // some wait past their claim deadline: the tick moves them up a level (网格 → 社区) before one is taken
  const late = h.chance(0.06)
  await h.wait(
    late ? (claimHours(s.need.urgency) + h.between(3, 8)) * HOUR : urgent ? h.between(15, 80) * MINUTE : h.between(30, 600) * MINUTE,
  )
  let claimer = await claim(h, order)
  if (!claimer) return
  if (h.chance(0.03)) {
    await h.wait(h.between(1, 5) * HOUR)
    await h.ok(claimer, 'orders', 'release', { orderId: order.id, reason: h.pick(T.RELEASE_REASONS) })
    h.count('released')
    await h.wait(h.between(1, 4) * HOUR)
    claimer = await claim(h, order, [claimer])
    if (!claimer) return
  }
  await h.wait(urgent ? h.between(1, 5) * HOUR : h.between(3, 40) * HOUR)
  const photos = [await h.photo(claimer, order.category)]
  if (h.chance(0.4)) photos.push(await h.photo(claimer, order.category))
  await h.ok(claimer, 'orders', 'complete', { orderId: order.id, summary: h.pick(s.need.reports), photos })
  if (s.confirmBy === 'resident' && h.chance(0.03)) {
    await h.wait(h.between(4, 30) * HOUR)
    await h.ok(resident, 'orders', 'dispute', { orderId: order.id, reason: h.pick(T.DISPUTE_REASONS) })
    h.count('disputed')
    await h.wait(h.between(4, 24) * HOUR)
    await h.ok(claimer, 'orders', 'complete', {
      orderId: order.id,
      summary: `再次上门处理：${h.pick(s.need.reports)}`,
      photos: [await h.photo(claimer, order.category)],
    })
  }
  // nobody confirms some: the tick does, three days on
  if (h.chance(0.1)) return
  await h.wait(h.between(1, 40) * HOUR, s.confirmBy === 'staff')
  const rating = stars(h)
  if (s.confirmBy === 'staff') {
    await h.ok(h.pick(STAFF), 'orders', 'confirm', {
      orderId: order.id,
      rating: Math.max(rating, 4),
      residentWords: h.pick(T.RESIDENT_WORDS),
    })
  } else {
    const comment = h.pick(T.COMMENTS[rating])
    await h.ok(resident, 'orders', 'confirm', { orderId: order.id, rating, ...(comment ? { comment } : {}) })
    if (rating >= 4 && h.chance(0.45)) {
      await h.ok(resident, 'workbench', 'setConsent', { orderId: order.id, consent: true })
      h.count('showcased')
    }
  }
  h.count('rated')
  if (rating <= DEFAULT_RULES.revisitAtOrBelow && s.confirmBy === 'resident') {
    await h.wait(h.between(2, 30) * HOUR, true)
    await h.ok(workerOf(grid), 'orders', 'revisit', { orderId: order.id, note: h.pick(T.REVISIT_NOTES) })
    h.count('revisited')
  }
}

/** 居民点单: residents (and now and then a member, as a resident) order, more at weekends. */
const residentOrders: HistoryStep = {
  name: '居民点单',
  day(h, day) {
    const weekend = day.weekday === 0 || day.weekday === 6
    const n = h.chance(weekend ? 0.6 : 0.4) ? (h.chance(0.2) ? 2 : 1) : 0
    for (let i = 0; i < n; i++) {
      h.story(day.at(h.between(7, 21), h.between(0, 59)), async () => {
        const need = h.pick(T.NEEDS)
        const order = await place(h, h.chance(0.85) ? h.pick(RESIDENTS) : h.pick(h.members), need)
        await serve(h, order, { confirmBy: 'resident', need })
      })
    }
    // the last hours: needs just dispatched, waiting in the hall for a member on first open
    if (day.start + DAY <= h.end) return
    for (let i = 0; i < 3; i++) {
      h.story(h.end - h.between(60, 180) * MINUTE, async () => {
        const need = h.pick(T.NEEDS.filter((n) => n.kind === 'service'))
        const order = await place(h, h.pick(RESIDENTS), need)
        await h.wait(h.between(5, 30) * MINUTE)
        await h.ok(workerOf(gridOf(order.resident.id)), 'orders', 'review', { orderId: order.id, decision: 'dispatch' })
        h.count('dispatched')
      })
    }
  },
}

/** A resident (or a member, as a resident) orders; a hazard (随手拍) comes with their photo. */
async function place(h: History, resident: string, need: T.Need): Promise<OrderDetail> {
  const order = await h.ok(resident, 'orders', 'create', {
    kind: need.kind,
    category: need.category,
    title: need.title,
    description: need.description,
    ...(need.urgency ? { urgency: need.urgency } : {}),
    photos: need.kind === 'hazard' ? [await h.photo(resident, need.category)] : [],
  })
  h.count('orders')
  return order
}

/** 代办: 马秀珍 phones her 网格员 about once a fortnight; staff confirm for her by phone. */
const proxyOrders: HistoryStep = {
  name: '代办',
  day(h, day) {
    if (day.weekday === 0 || day.weekday === 6 || !h.chance(0.1)) return
    h.story(day.at(h.between(8, 16), h.between(0, 59)), async () => {
      const need = h.pick(T.NEEDS.filter((n) => n.category === 'elderly_child' || n.category === 'convenience' || n.category === 'care'))
      const order = await h.ok(workerOf(gridOf(PHONES_IN)), 'orders', 'create', {
        onBehalfOf: { residentId: PHONES_IN, channel: 'phone' },
        kind: need.kind,
        category: need.category,
        title: need.title,
        description: `马阿姨电话反映：${need.description}`,
      })
      h.count('orders')
      h.count('proxied')
      await serve(h, order, { confirmBy: 'staff', need })
    })
  },
}

/** 转办: about twice a month a need goes to a unit of the directory, which answers within days. */
const referrals: HistoryStep = {
  name: '转办',
  day(h, day) {
    if (day.weekday === 0 || day.weekday === 6 || !h.chance(0.09)) return
    h.story(day.at(h.between(8, 17), h.between(0, 59)), async () => {
      const r = h.pick(T.REFERRALS)
      const resident = h.pick(RESIDENTS)
      const order = await h.ok(resident, 'orders', 'create', {
        kind: 'service',
        category: r.category,
        title: r.title,
        description: r.description,
      })
      h.count('orders')
      await h.wait(h.between(30, 240) * MINUTE, true)
      const staff = h.pick(STAFF)
      await h.ok(staff, 'orders', 'refer', { orderId: order.id, unitId: r.unitId, note: '请尽快处理并反馈' })
      h.count('referred')
      await h.wait(h.between(20, 100) * HOUR, true)
      await h.ok(staff, 'orders', 'recordReferralAnswer', { orderId: order.id, answer: r.answer })
      await h.wait(h.between(2, 30) * HOUR)
      const rating = Math.max(3, stars(h))
      await h.ok(resident, 'orders', 'confirm', { orderId: order.id, rating })
      h.count('rated')
    })
  },
}

// ---- households and visits ---------------------------------------------------------------------------

interface FileSpec {
  keeper: string
  buildingId: string
  room: string
  tags: HouseholdTag[]
  note: string
  members: Array<{ name: string; relation: string; ageBand: 'child' | 'adult' | 'senior' | 'aged'; residentId?: string; phone?: string }>
}

/** Households the 网格员 file in the history's first week (the demo's own are filed at now). */
const FILES: FileSpec[] = [
  {
    keeper: workerOf('g_hx2'),
    buildingId: 'b_hx3',
    room: '1单元 101',
    tags: ['empty_nest', 'elderly'],
    note: '儿子在深圳工作，老两口住',
    members: [
      { name: '张桂英', relation: '本人', ageBand: 'aged', residentId: 'u_zhanggy', phone: '13800010003' },
      { name: '李长福', relation: '配偶', ageBand: 'aged' },
    ],
  },
  {
    keeper: workerOf('g_hx3'),
    buildingId: 'b_hx5',
    room: '2单元 201',
    tags: ['disabled'],
    note: '下肢残疾，出门需要轮椅',
    members: [
      { name: '陈淑珍', relation: '本人', ageBand: 'adult', residentId: 'u_chensz', phone: '13800010005' },
      { name: '王浩', relation: '子女', ageBand: 'adult' },
    ],
  },
  {
    keeper: workerOf('g_hx3'),
    buildingId: 'b_hx6',
    room: '1单元 402',
    tags: ['low_income', 'child_in_need'],
    note: '单亲家庭，孩子上小学三年级',
    members: [
      { name: '赵小红', relation: '户主', ageBand: 'adult', residentId: 'u_zhaoxh', phone: '13800010006' },
      { name: '赵悦', relation: '子女', ageBand: 'child' },
    ],
  },
  {
    keeper: workerOf('g_hx1'),
    buildingId: 'b_hx2',
    room: '4单元 101',
    tags: ['alone', 'elderly', 'disabled'],
    note: '孙大爷听力不好，敲门要大声，没有用智能手机',
    members: [{ name: '孙富贵', relation: '本人', ageBand: 'aged', phone: '0531-88885678' }],
  },
]

/** A household the history filed, and how often its 网格员 calls. */
interface Filed {
  id: string
  spec: FileSpec
  everyWeeks: number
  memberId: string | null
}

/** The 走访 of the filed households: weekly for 独居 and 高龄, every four weeks for the others. */
const visits: HistoryStep = {
  name: '走访',
  begin(h, first) {
    const filed = h.own('走访', (): Filed[] => [])
    FILES.forEach((spec, i) => {
      h.story(first.at(9 + i, 30), async () => {
        const file = await h.ok(spec.keeper, 'households', 'upsert', {
          buildingId: spec.buildingId,
          room: spec.room,
          tags: spec.tags,
          note: spec.note,
          consent: { by: spec.members[0].name, method: 'written' },
          members: spec.members.map((m) => ({
            name: m.name,
            relation: m.relation,
            ageBand: m.ageBand,
            ...(m.residentId ? { residentId: m.residentId } : {}),
            ...(m.phone ? { phone: m.phone } : {}),
          })),
        })
        const weekly = spec.tags.includes('alone') || spec.tags.includes('elderly')
        const withAccount = file.members.find((m) => m.residentId)
        filed.push({ id: file.id, spec, everyWeeks: weekly ? 1 : 4, memberId: withAccount?.id ?? null })
        h.count('households')
      })
    })
  },
  day(h, day) {
    if (day.index < 7 || day.weekday === 0 || day.weekday === 6) return
    const filed = h.own('走访', (): Filed[] => [])
    for (const f of filed) {
      // each household has its weekday (Tuesday for the first …)
      const week = Math.floor(day.index / 7)
      if (day.weekday !== 2 + (filed.indexOf(f) % 3) || week % f.everyWeeks !== 0) continue
      h.story(day.at(h.between(9, 16), h.between(0, 59)), async () => {
        const found = h.pick(T.VISIT_FINDINGS)
        const photos = h.chance(0.3) ? [await h.photo(f.spec.keeper, 'elderly_child')] : []
        const need = f.memberId && h.chance(0.08) ? h.pick(T.NEEDS.filter((n) => n.kind !== 'hazard')) : null
        const visit = await h.ok(f.spec.keeper, 'households', 'logVisit', {
          householdId: f.id,
          found,
          photos,
          ...(need && f.memberId
            ? {
                order: {
                  memberId: f.memberId,
                  kind: need.kind,
                  category: need.category,
                  title: need.title,
                  description: need.description,
                },
              }
            : {}),
        })
        h.count('visits')
        if (need && visit.orderId) {
          h.count('orders')
          h.count('fromVisits')
          const order = await h.ok(f.spec.keeper, 'orders', 'get', { orderId: visit.orderId })
          await serve(h, order, { confirmBy: 'resident', need })
        }
      })
    }
  },
}

// ---- activities --------------------------------------------------------------------------------------

/** 周末志愿活动: published on Monday for Saturday, 接龙 through the week, check-in on the day, points after. */
const activities: HistoryStep = {
  name: '周末活动',
  day(h, day) {
    if (day.weekday !== 1) return
    const saturday = day.start + 5 * DAY
    const startAt = saturday + 9 * HOUR
    if (startAt + 4 * HOUR > h.end) return // the demo seed has the coming weekend's own
    h.story(day.at(10, h.between(0, 50)), async () => {
      const a = T.ACTIVITIES[Math.floor(day.index / 7) % T.ACTIVITIES.length]
      const iso = (ms: number) => new Date(ms + BEIJING).toISOString().replace('Z', '+08:00').replace('.000', '')
      const staff = h.pick(STAFF)
      const published = await h.ok(staff, 'activities', 'publish', {
        title: a.title,
        description: a.description,
        category: a.category,
        startAt: iso(startAt),
        endAt: iso(startAt + 2 * HOUR),
        signupDeadline: iso(saturday - 4 * HOUR),
        place: { name: a.place, address: '红星路 88 号' },
        quota: h.between(6, 12),
        points: a.points,
      })
      h.count('activities')
      const id = published.id
      // a rainy Saturday now and then: called off on Friday
      const rained = h.chance(0.05)
      // 接龙 through the week: each who joins does so at their own moment before the deadline
      const joined: string[] = []
      const deadline = saturday - 4 * HOUR
      for (const m of h.members) {
        if (!h.chance(0.4)) continue
        const at = Math.min(h.now() + h.between(1, 90) * HOUR, deadline - h.between(5, 120) * MINUTE)
        h.story(at, async () => {
          const r = await h.ok(m, 'activities', 'signup', { activityId: id })
          if (r.status === 'signed') joined.push(m)
          h.count('signups')
        })
      }
      if (rained) {
        await h.until(saturday - 10 * HOUR)
        await h.ok(staff, 'activities', 'cancel', { activityId: id, reason: '明天有大雨，活动取消，改期另行通知' })
        h.count('activitiesCancelled')
        return
      }
      await h.until(startAt - 20 * MINUTE)
      const code = await h.ok(staff, 'activities', 'checkinCode', { activityId: id })
      const forgot: string[] = []
      for (const m of joined) {
        const r = h.random()
        if (r < 0.8) {
          await h.ok(m, 'activities', 'checkin', { activityId: id, token: code.token })
          h.count('attended')
        } else if (r < 0.9) forgot.push(m)
      }
      await h.until(startAt + 2 * HOUR + h.between(10, 60) * MINUTE)
      if (forgot.length > 0) {
        await h.ok(staff, 'activities', 'markAttendance', { activityId: id, memberIds: forgot, attended: true })
        h.count('attended', forgot.length)
      }
      await h.ok(staff, 'activities', 'finish', { activityId: id })
      h.count('activitiesFinished')
    })
  },
}

// ---- the mall ----------------------------------------------------------------------------------------

const NEW_GOODS: Array<{ name: string; description: string; price: number; stock: number; limitPerMember: number; picture: GoodsPicture }> =
  [
    { name: '土鸡蛋 20 枚', description: '社区合作农场直供，服务中心领取', price: 35, stock: 40, limitPerMember: 10, picture: 'eggs' },
    { name: '洗衣液 2 千克', description: '家庭装', price: 40, stock: 30, limitPerMember: 6, picture: 'soap' },
    { name: '保温杯', description: '不锈钢，500 毫升', price: 80, stock: 15, limitPerMember: 2, picture: 'cup' },
    { name: '《红色家书》', description: '社区书屋推荐读物', price: 25, stock: 20, limitPerMember: 3, picture: 'book' },
  ]
const DEMO_PICTURES: Record<string, GoodsPicture> = {
  g_demo_rice: 'rice',
  g_demo_oil: 'oil',
  g_demo_towel: 'towel',
  g_demo_haircut: 'haircut',
}

/** 积分兑换: pictures for the goods, redemptions at weekends, pickups at the service centre, restocking. */
const mall: HistoryStep = {
  name: '积分商城',
  begin(h, first) {
    h.story(first.at(14, 0), async () => {
      const keeper = 'u_linx'
      const { items } = await h.ok(keeper, 'mall', 'listGoods', { all: true })
      for (const g of items) {
        const kind = DEMO_PICTURES[g.id]
        if (!kind || g.image) continue
        const image = await h.goodsPhoto(keeper, kind)
        await h.ok(keeper, 'mall', 'upsertGoods', { ...goodsFields(g), image })
      }
      for (const g of NEW_GOODS) {
        const { picture, ...fields } = g
        await h.ok(keeper, 'mall', 'upsertGoods', { ...fields, image: await h.goodsPhoto(keeper, picture), onShelf: true })
        h.count('goods')
      }
    })
  },
  day(h, day) {
    if (day.date === 1) h.story(day.at(9, 0), () => restock(h))
    if (day.weekday !== 6 && day.weekday !== 0) return
    for (const m of h.members) {
      if (!h.chance(0.1)) continue
      h.story(day.at(h.between(9, 20), h.between(0, 59)), async () => {
        const [{ balance }, { items }] = await Promise.all([h.ok(m, 'points', 'balance', {}), h.ok(m, 'mall', 'listGoods', {})])
        const affordable = items.filter((g) => g.price <= balance && g.stock > 0 && g.remainingLimit > 0)
        if (affordable.length === 0) return
        const r = await h.ok(m, 'mall', 'redeem', { goodsId: h.pick(affordable.sort((a, b) => a.name.localeCompare(b.name))).id })
        h.count('redemptions')
        const fate = h.random()
        if (fate < 0.06) {
          await h.wait(h.between(2, 30) * HOUR)
          await h.ok(m, 'mall', 'cancelRedemption', { redemptionId: r.id })
          h.count('redemptionsCancelled')
          return
        }
        // a few never come: the tick refunds them when the pickup window closes
        if (fate < 0.1) return
        await h.wait(h.between(18, 100) * HOUR, true)
        const staff = h.pick(STAFF)
        await h.ok(staff, 'mall', 'lookup', { code: r.code })
        await h.ok(staff, 'mall', 'verify', { code: r.code })
        h.count('pickedUp')
      })
    }
  },
}

const goodsFields = (g: OutputOf<'mall', 'listGoods'>['items'][number]) => ({
  id: g.id,
  name: g.name,
  description: g.description,
  price: g.price,
  stock: g.stock,
  limitPerMember: g.limitPerMember,
  onShelf: g.onShelf,
})

async function restock(h: History) {
  const { items } = await h.ok('u_linx', 'mall', 'listGoods', { all: true })
  for (const g of items) if (g.stock < 10) await h.ok('u_linx', 'mall', 'upsertGoods', { ...goodsFields(g), stock: g.stock + 20 })
}

// ---- people and the year's end ----------------------------------------------------------------------

/** 李建国 (and 青山's 唐明), retired, report to their community's retired members' branch in the history's first week. */
const retiredMember: HistoryStep = {
  name: '退休党员报到',
  begin(h, first) {
    h.story(first.at(10, 15), async () => {
      await h.ok('u_lijg', 'accounts', 'registerMember', {
        status: 'retired',
        branch: '红星社区离退休党支部',
        posts: ['self_governance', 'environment'],
        skills: ['调解', '绿化'],
        gridId: gridOf('u_lijg'),
      })
      await h.wait(3 * HOUR, true)
      await h.ok('u_linx', 'accounts', 'approveMember', { userId: 'u_lijg', approve: true })
      h.members.push('u_lijg')
      h.count('retiredJoined')
      // 青山社区's first retired member, so both communities have one
      await h.ok('u_qs_tangm', 'accounts', 'registerMember', {
        status: 'retired',
        branch: '青山社区离退休党支部',
        posts: ['care'],
        skills: ['陪伴聊天'],
        gridId: 'g_qs1',
      })
      await h.wait(2 * HOUR, true)
      await h.ok('u_qs_dengh', 'accounts', 'approveMember', { userId: 'u_qs_tangm', approve: true })
      h.count('retiredJoined')
    })
  },
}

/** 三评 in January for the year before: 自评 by every member, 社区测评 by staff, 组织考评 through the branch's link. */
const evaluation: HistoryStep = {
  name: '三评',
  day(h, day) {
    if (day.month !== 1 || day.date < 6 || day.date > 12 || day.weekday !== 2) return
    const year = day.year - 1
    h.story(day.at(9, 0), async () => {
      for (const m of [...h.members]) {
        await h.wait(h.between(10, 300) * MINUTE)
        await h.ok(m, 'points', 'selfEvaluate', { year, score: h.between(85, 98), text: h.pick(T.SELF_EVALUATIONS) })
      }
      await h.wait(DAY, true)
      for (const m of [...h.members]) {
        await h.ok('u_huangj', 'points', 'scoreEvaluation', {
          memberId: m,
          year,
          part: 'community',
          score: h.between(80, 98),
          comment: h.pick(T.COMMUNITY_COMMENTS),
        })
        const link = await h.ok('u_huangj', 'points', 'branchLink', { memberId: m, year })
        await h.wait(h.between(1, 20) * HOUR)
        const branch = HX.users.find((u) => u.id === m)?.member?.branch ?? '红星社区离退休党支部'
        await h.ok(null, 'points', 'branchScore', {
          token: link.token,
          score: h.between(82, 97),
          comment: h.pick(T.BRANCH_COMMENTS),
          scorer: `${branch} 书记`,
        })
      }
      h.count('evaluationsFinished', h.members.length)
    })
  },
}

/** 消息: everyone read their inbox on some evening of the last few days; what came after stays unread. */
const inbox: HistoryStep = {
  name: '消息',
  day(h, day) {
    const daysLeft = Math.floor((h.end - day.start) / DAY)
    for (const u of HX.users) {
      if (daysLeft !== (u.id.charCodeAt(2) % 3) + 1) continue
      h.story(day.at(h.between(19, 22), h.between(0, 59)), async () => {
        await h.ok(u.id, 'accounts', 'markRead', { all: true })
      })
    }
  },
}

// ---- 结对帮扶 and 网格台账 ------------------------------------------------------------------------------

const CARE_REPORTS = [
  '上门陪老人聊了一个多小时，量了血压，正常。',
  '帮着把一周的菜买回来了，放进冰箱，小票交给老人。',
  '打扫了厨房和卫生间，检查了燃气阀门。',
  '陪老人到社区卫生站复查，开了下个月的药。',
  '修好了卫生间漏水的水龙头，换了灯泡。',
]

interface Paired {
  id: string
  members: string[]
  /** The weekday its members usually go (0 = Sunday). */
  weekday: number
}

/**
 * 结对帮扶: in the first days staff pair members with two of the filed households — 孙富贵 (独居 高龄 残疾,
 * no account) with one member weekly, 张桂英's (空巢 高龄) with two members fortnightly for the shopping —
 * and in each task's week one of its members goes, closing it with a photo and a short report.
 */
const care: HistoryStep = {
  name: '结对帮扶',
  begin(h, first) {
    h.story(first.at(17), async () => {
      const filed = h.own('走访', (): Filed[] => [])
      const pairs = h.own('结对帮扶', (): Paired[] => [])
      const plans = [
        { room: '4单元 101', members: 1, kind: 'visit', cadence: 'weekly', weekday: 4 },
        { room: '1单元 101', members: 2, kind: 'shopping', cadence: 'fortnightly', weekday: 6 },
      ] as const
      let next = 0
      for (const plan of plans) {
        const f = filed.find((x) => x.spec.room === plan.room)
        if (!f) continue
        const members = h.members.filter((m) => !f.spec.members.some((x) => x.residentId === m)).slice(next, next + plan.members)
        next += plan.members
        const file = await h.ok('u_linx', 'households', 'pair', {
          householdId: f.id,
          memberIds: members,
          kind: plan.kind,
          cadence: plan.cadence,
        })
        if (file.pair) pairs.push({ id: file.pair.id, members, weekday: plan.weekday })
        h.count('pairs')
      }
    })
  },
  day(h, day) {
    if (day.index < 2) return
    for (const p of h.own('结对帮扶', (): Paired[] => [])) {
      if (day.weekday !== p.weekday) continue
      const member = h.pick(p.members)
      h.story(day.at(h.between(9, 17), h.between(0, 59)), async () => {
        const task = (await h.ok(member, 'households', 'careTasks', {})).items.find((t) => t.pairId === p.id)
        if (!task?.open) return
        const photos = [await h.photo(member, 'elderly_child')]
        await h.ok(member, 'households', 'closeCareTask', { pairId: p.id, report: h.pick(CARE_REPORTS), photos })
        h.count('careTasks')
      })
    }
  },
}

const GRID_TASKS = [
  { title: '排查楼道消防通道', body: '检查每个单元的楼道和消防通道，拍下堆放杂物的位置，提醒住户清理。' },
  { title: '独居老人冬季安全检查', body: '上门查看独居、高龄老人家的燃气、电暖器和门窗，登记需要帮忙的事。' },
  { title: '更新网格内出租房信息', body: '走访网格内的出租房，核对租住人员和联系电话，有变动的登记上来。' },
  { title: '防汛隐患排查', body: '检查地下室、车库入口和雨水井，拍照上报积水和堵塞的地方。' },
  { title: '垃圾分类入户宣传', body: '每个单元张贴分类指南，给不会分的老人家当面讲一遍。' },
]
const GRID_PROGRESS = [
  '今天查了两个单元，楼道里有三处堆放杂物，已提醒住户。',
  '上门走访了五户，情况都登记了，有一户需要社区跟进。',
  '剩下的单元也查完了，照片附上，问题已整改大半。',
]
const RETURN_REASONS = ['照片看不清，请补拍一下问题的位置', '还差两个单元没有查，请补上再提交']

/**
 * 网格台账: on the first working day of each month staff publish a task to one grid's 网格员, due in ten
 * days; the worker uploads progress twice with photos and submits it; staff confirm it (now and then
 * sending it back once for a missing part) and the worker's points are paid.
 */
const gridTasks: HistoryStep = {
  name: '网格台账',
  day(h, day) {
    if (day.date > 7 || day.weekday === 0 || day.weekday === 6 || day.index < 3) return
    const month = h.own('网格台账', () => new Set<string>())
    const key = `${day.year}-${day.month}`
    if (month.has(key)) return
    month.add(key)
    const grid = HX.grids[day.month % HX.grids.length]
    const spec = GRID_TASKS[day.month % GRID_TASKS.length]
    const due = new Date(day.at(12) + 10 * DAY + BEIJING).toISOString().slice(0, 10)
    h.story(day.at(9, h.between(0, 40)), async () => {
      const published = await h.ok('u_linx', 'workbench', 'publishGridTask', { gridId: grid.id, ...spec, dueDate: due })
      for (const task of published.items) {
        h.count('gridTasks')
        const worker = task.worker.id
        for (const text of GRID_PROGRESS.slice(0, 2)) {
          await h.wait(h.between(1, 3) * DAY, true)
          await h.ok(worker, 'workbench', 'reportGridTask', { taskId: task.id, text, photos: [await h.photo(worker, 'environment')] })
        }
        await h.wait(DAY, true)
        await h.ok(worker, 'workbench', 'submitGridTask', { taskId: task.id })
        await h.wait(h.between(2, 20) * HOUR, true)
        if (h.chance(0.15)) {
          await h.ok('u_linx', 'workbench', 'returnGridTask', { taskId: task.id, reason: h.pick(RETURN_REASONS) })
          await h.wait(DAY, true)
          await h.ok(worker, 'workbench', 'reportGridTask', {
            taskId: task.id,
            text: GRID_PROGRESS[2],
            photos: [await h.photo(worker, 'environment')],
          })
          await h.ok(worker, 'workbench', 'submitGridTask', { taskId: task.id })
          await h.wait(h.between(2, 20) * HOUR, true)
          h.count('gridTasksReturned')
        }
        await h.ok(h.pick(STAFF), 'workbench', 'confirmGridTask', { taskId: task.id })
        h.count('gridTasksConfirmed')
      }
    })
  },
}

/**
 * What happens in the history, in the order the steps run each day. A new kind of history is a step here
 * (a `begin` for what happens once, a `day` that starts the day's stories) and the count the test
 * (test/usecases/history-seed.test.ts) holds it to.
 */
export const HISTORY_STEPS: HistoryStep[] = [
  retiredMember,
  mall,
  visits,
  residentOrders,
  proxyOrders,
  referrals,
  activities,
  evaluation,
  care,
  gridTasks,
  inbox,
]

// ---- running it --------------------------------------------------------------------------------------

export interface HistoryOptions {
  /** How many days back it starts (default 365). */
  days?: number
  seed?: number
  /** The Beijing hours of each day the scheduler's tick runs at in the history (default 08:00, 14:00, 20:00). */
  tickHours?: number[]
}

export interface HistoryReport {
  from: number
  to: number
  ms: number
  counts: Record<string, number>
}

/**
 * Seeds 红星社区's year through the use cases. `app` is the composed local app on the freshly seeded
 * demo; the history gets its own clock and the same store, photo folder, guard and ids.
 */
export async function seedHistory(app: LocalApp, dataDir: string, options: HistoryOptions = {}): Promise<HistoryReport> {
  const t0 = performance.now()
  const clock = new HistoryClock()
  const files = localFiles(app.store, path.join(dataDir, 'files'), app.deps.ids, () => clock.now(), app.signer, app.disk)
  const runtime: Runtime = { uow: app.store, deps: { ...app.deps, clock, files } }
  const handlers: Record<string, Handler> = Object.fromEntries(
    Object.entries(REGISTRY).map(([fn, actions]) => [fn, createHandler(fn, actions, runtime)]),
  )
  const end = app.clock.now() - 10 * MINUTE
  const first = Math.floor((end - (options.days ?? 365) * DAY + BEIJING) / DAY) * DAY - BEIJING
  clock.t = first
  const timeline = new Timeline(clock, end)
  const random = rng(options.seed ?? 20251207)
  const counts: Record<string, number> = {}
  const owned = new Map<string, unknown>()
  let requests = 0
  let pictures = 0

  const attempt = async (userId: string | null, fn: string, action: string, input: unknown) =>
    handlers[fn]({ action, input, requestId: `history-${++requests}` }, userId ? { userId } : null)
  const h: History = {
    now: () => clock.now(),
    end,
    random,
    chance: (p) => random() < p,
    pick: (xs) => xs[Math.floor(random() * xs.length)],
    between: (lo, hi) => lo + Math.floor(random() * (hi - lo + 1)),
    story: (at, run) => timeline.story(at, run),
    wait: (ms, working) => timeline.until(working ? workingTime(clock.now() + ms) : clock.now() + ms),
    until: (at) => timeline.until(at),
    attempt: attempt as History['attempt'],
    ok: (async (userId: string | null, fn: string, action: string, input: unknown) => {
      const r = await attempt(userId, fn, action, input)
      if (!r.ok)
        throw new Error(
          `history: ${fn}.${action} as ${userId} at ${new Date(clock.now()).toISOString()} failed: ${JSON.stringify(r.error)}`,
        )
      return r.data
    }) as History['ok'],
    async photo(ownerId, category) {
      h.count('photos')
      return (await files.save(ownerId, 'image/png', scenePicture(category, ++pictures))).fileId
    },
    async goodsPhoto(ownerId, kind) {
      h.count('photos')
      return (await files.save(ownerId, 'image/png', goodsPicture(kind))).fileId
    },
    members: HX.users.filter((u) => u.member).map((u) => u.id),
    count(what, n = 1) {
      counts[what] = (counts[what] ?? 0) + n
    },
    own<T>(step: string, init: () => T): T {
      if (!owned.has(step)) owned.set(step, init())
      return owned.get(step) as T
    },
  }

  const days = Math.floor((end - first) / DAY) + 1
  const dayAt = (index: number): Day => {
    const start = first + index * DAY
    const b = new Date(start + BEIJING)
    return {
      start,
      index,
      weekday: b.getUTCDay(),
      month: b.getUTCMonth() + 1,
      date: b.getUTCDate(),
      year: yearOf(start),
      at: (hour, minute = 0) => start + hour * HOUR + minute * MINUTE,
    }
  }
  // the days, each starting its steps' stories at midnight
  timeline.story(first, async () => {
    for (const step of HISTORY_STEPS) step.begin?.(h, dayAt(0))
    for (let i = 0; i < days; i++) {
      await timeline.until(first + i * DAY)
      for (const step of HISTORY_STEPS) step.day?.(h, dayAt(i))
    }
  })
  // the scheduler's tick at set hours of each day: late orders move up, unconfirmed ones close, pickups
  // lapse, reminders go out (the timer trigger runs it each minute; three times a day tells the same year)
  const hours = options.tickHours ?? [8, 14, 20]
  timeline.story(first, async () => {
    for (let i = 0; i < days; i++) {
      for (const hour of hours) {
        await timeline.until(first + i * DAY + hour * HOUR)
        const report = await tick(runtime)
        for (const [k, v] of Object.entries(report)) if (v > 0 && k !== 'repliesRemoved') h.count(k, v)
      }
    }
  })
  // a fresh demo folder, written once: no sync to disk at its checkpoints while the year is told (a crash
  // of the process loses nothing; only the machine losing power in these seconds could), then the
  // store's own setting again
  const db = app.store.db
  db.pragma('synchronous = OFF')
  try {
    await timeline.run()
  } finally {
    db.pragma('synchronous = NORMAL')
  }
  return { from: first, to: end, ms: Math.round(performance.now() - t0), counts }
}

/** A time moved on into working hours (08:30–18:00 Beijing) when it falls outside them. */
function workingTime(ms: number): number {
  const midnight = Math.floor((ms + BEIJING) / DAY) * DAY - BEIJING
  const inDay = ms - midnight
  if (inDay < 8.5 * HOUR) return midnight + 8.5 * HOUR + (inDay % HOUR)
  if (inDay > 18 * HOUR) return midnight + DAY + 8.5 * HOUR + (inDay % HOUR)
  return ms
}

/** The line `npm start` prints. */
export function historyLine(r: HistoryReport): string {
  const c = (k: string) => r.counts[k] ?? 0
  const day = (ms: number) => new Date(ms + BEIJING).toISOString().slice(0, 10)
  return `[redgrid] 已生成红星社区一年的历史 / seeded a year of history (${day(r.from)} – ${day(r.to)}): ${c('orders')} 个需求, ${c('rated')} 个评价, ${c('visits')} 次走访, ${c('activitiesFinished')} 场活动, ${c('redemptions')} 次兑换 in ${(r.ms / 1000).toFixed(1)} s (REDGRID_HISTORY=0 to start small)`
}
