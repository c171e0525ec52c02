// 数据看板: the period's figures from its orders, their timelines, the ledger and the activities.
// Pure: the use case loads the records, this counts them. Definitions are in types/workbench.ts.
import { ORDER_STATUSES, type OrderStatus, POST_TYPES, type PostType } from '@shared/enums'
import type { Dashboard } from '@shared/workbench'
import type { Activity, Grid, LedgerRecord, Order, OrderEventRecord, Signup } from './model'
import { type Period, beijingDay, daysOf } from './period'

/** The timeline steps the dashboard times: when each first happened to an order. */
export const DASHBOARD_STEPS = ['dispatch', 'claim', 'complete', 'confirm', 'refer', 'answer'] as const
export type DashboardStep = (typeof DASHBOARD_STEPS)[number]

/**
 * What the dashboard reads of one order: where it stands, and when each step of its timeline first
 * happened (by seq; null when it never did). A repository reads just this, not whole orders and timelines.
 */
export interface OrderFacts {
  id: string
  status: OrderStatus
  category: PostType
  gridId: string | null
  claimerId: string | null
  rating: number | null
  disputeCount: number
  /** It ran past a deadline and climbed at least one level. */
  escalated: boolean
  createdAt: number
  first: Record<DashboardStep, number | null>
}

/** The facts of these orders from the orders and their timelines (events in any order). */
export function factsOf(orders: Order[], events: OrderEventRecord[]): OrderFacts[] {
  const first = new Map<string, Map<string, OrderEventRecord>>()
  for (const e of events) {
    const mine = first.get(e.orderId) ?? new Map<string, OrderEventRecord>()
    const seen = mine.get(e.action)
    if (!seen || e.seq < seen.seq) mine.set(e.action, e)
    first.set(e.orderId, mine)
  }
  return orders.map((o) => {
    const mine = first.get(o.id)
    const at = (step: DashboardStep) => mine?.get(step)?.at ?? null
    return {
      id: o.id,
      status: o.status,
      category: o.category,
      gridId: o.gridId,
      claimerId: o.claimerId,
      rating: o.rating,
      disputeCount: o.disputeCount,
      escalated: o.escalations.length > 0,
      createdAt: o.createdAt,
      first: {
        dispatch: at('dispatch'),
        claim: at('claim'),
        complete: at('complete'),
        confirm: at('confirm'),
        refer: at('refer'),
        answer: at('answer'),
      },
    }
  })
}

export interface DashboardInput {
  period: Period
  /** The facts of the orders submitted in the period. */
  orders: OrderFacts[]
  grids: Grid[]
  /** The community's ledger entries posted in the period, or their sums by reason and sign. */
  entries: LedgerSum[]
  /** Activities starting in the period (cancelled ones are left out here), with their sign-ups. */
  activities: Array<{ activity: Activity; signups: Signup[] }>
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const DAY_MS = 86400_000
const BEIJING_OFFSET = 8 * 3600_000

const minutes = (ms: number) => Math.round(ms / 60_000)
const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null)

/** Ledger entries of one reason and sign added up: all the dashboard needs of the ledger. */
export interface LedgerSum {
  reason: LedgerRecord['reason']
  delta: number
}

/** Entries added up by reason and sign. */
export function sumsOf(entries: LedgerSum[]): LedgerSum[] {
  const sums = new Map<string, LedgerSum>()
  for (const e of entries) {
    const key = `${e.reason}:${e.delta > 0}`
    const sum = sums.get(key)
    if (sum) sum.delta += e.delta
    else sums.set(key, { reason: e.reason, delta: e.delta })
  }
  return [...sums.values()]
}

/** Points issued: awards and positive adjustments. Redeemed: redemptions less their refunds. */
export function pointsFlow(entries: LedgerSum[]): { issued: number; redeemed: number } {
  let issued = 0
  let redeemed = 0
  for (const e of entries) {
    if (
      e.reason === 'order_award' ||
      e.reason === 'activity_award' ||
      e.reason === 'care_award' ||
      e.reason === 'grid_task_award' ||
      (e.reason === 'adjustment' && e.delta > 0)
    )
      issued += e.delta
    if (e.reason === 'redemption') redeemed -= e.delta
    if (e.reason === 'refund') redeemed -= e.delta
  }
  return { issued, redeemed }
}

/** 满意率 counts these ratings as satisfied (满意). */
export const SATISFIED_AT = 4

export function computeDashboard(input: DashboardInput): Omit<Dashboard, 'gridNames'> {
  const { period, orders, grids, entries } = input
  // a Beijing day's name once per day, not once per order (a street's year is ~90k orders)
  const names = new Map<number, string>()
  const dayOf = (ms: number) => {
    const key = Math.floor((ms + BEIJING_OFFSET) / DAY_MS)
    let name = names.get(key)
    if (name === undefined) {
      name = beijingDay(ms)
      names.set(key, name)
    }
    return name
  }

  const claimWaits: number[] = []
  const closeTimes: number[] = []
  const closedOn = new Map<string, number>()
  let completed = 0
  let disputed = 0
  let ratingSum = 0
  let rated = 0
  let satisfied = 0
  let referred = 0
  let answered = 0
  const active = new Set<string>()
  for (const o of orders) {
    const { dispatch, claim, confirm } = o.first
    if (dispatch !== null && claim !== null) claimWaits.push(claim - dispatch)
    if (o.status === 'closed' && confirm !== null) {
      closeTimes.push(confirm - o.createdAt)
      const d = dayOf(confirm)
      closedOn.set(d, (closedOn.get(d) ?? 0) + 1)
    }
    if (o.first.complete !== null) completed += 1
    if (o.disputeCount > 0) disputed += 1
    if (o.status === 'closed' && o.rating !== null) {
      ratingSum += o.rating
      rated += 1
      if (o.rating >= SATISFIED_AT) satisfied += 1
    }
    if (o.first.refer !== null) referred += 1
    if (o.first.answer !== null) answered += 1
    if (o.claimerId) active.add(o.claimerId)
  }

  const createdOn = new Map<string, number>()
  const byStatus = new Map<string, number>()
  const byCategory = new Map<string, number>()
  for (const o of orders) {
    const d = dayOf(o.createdAt)
    createdOn.set(d, (createdOn.get(d) ?? 0) + 1)
    byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1)
    byCategory.set(o.category, (byCategory.get(o.category) ?? 0) + 1)
  }

  const gridName = new Map(grids.map((g) => [g.id, g.name]))
  const gridCounts = new Map<string | null, number>()
  for (const g of grids) gridCounts.set(g.id, 0)
  for (const o of orders) gridCounts.set(o.gridId, (gridCounts.get(o.gridId) ?? 0) + 1)

  let held = 0
  let signedUp = 0
  let attended = 0
  for (const { activity, signups } of input.activities) {
    if (activity.status === 'cancelled') continue
    held += 1
    for (const s of signups) {
      if (s.status === 'signed') signedUp += 1
      if (s.status === 'signed' && s.attendance === 'attended') {
        attended += 1
        active.add(s.memberId)
      }
    }
  }

  const claimMedian = median(claimWaits)
  const closeMedian = median(closeTimes)
  return {
    from: period.from,
    to: period.to,
    orders: {
      total: orders.length,
      byStatus: ORDER_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      byCategory: POST_TYPES.map((category) => ({ category, count: byCategory.get(category) ?? 0 })),
      byGrid: [...gridCounts].map(([gridId, count]) => ({
        gridId,
        gridName: gridId ? (gridName.get(gridId) ?? '其他网格') : '未分网格',
        count,
      })),
      byDay: daysOf(period).map((day) => ({ day, created: createdOn.get(day) ?? 0, closed: closedOn.get(day) ?? 0 })),
    },
    medianClaimMinutes: claimMedian === null ? null : minutes(claimMedian),
    medianCloseMinutes: closeMedian === null ? null : minutes(closeMedian),
    slaBreaches: orders.filter((o) => o.escalated).length,
    satisfaction: {
      rated,
      averageRating: rated > 0 ? Math.round((ratingSum / rated) * 100) / 100 : null,
      satisfied,
      satisfiedShare: ratio(satisfied, rated),
      disputed,
      completed,
      disputeShare: ratio(disputed, completed),
    },
    referrals: { referred, answered },
    activeMembers: active.size,
    points: pointsFlow(entries),
    activities: { held, signedUp, attended, attendanceRate: ratio(attended, signedUp) },
  }
}
