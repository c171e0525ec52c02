// 数据看板: the period's figures from its orders, their timelines, the ledger and the activities.
// Pure: the use case loads the records, this counts them. Definitions are in types/workbench.ts.
import { ORDER_STATUSES, POST_TYPES } from '@shared/enums'
import type { Dashboard } from '@shared/workbench'
import type { Activity, Grid, LedgerRecord, Order, OrderEventRecord, Signup } from './model'
import { type Period, beijingDay, daysOf } from './period'

export interface DashboardInput {
  period: Period
  /** Orders submitted in the period. */
  orders: Order[]
  /** Their timelines. */
  events: OrderEventRecord[]
  grids: Grid[]
  /** The community's ledger entries posted in the period. */
  entries: LedgerRecord[]
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

const minutes = (ms: number) => Math.round(ms / 60_000)
const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null)

/** Points issued: awards and positive adjustments. Redeemed: redemptions less their refunds. */
export function pointsFlow(entries: LedgerRecord[]): { issued: number; redeemed: number } {
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
  const { period, orders, events, grids, entries } = input
  const byOrder = new Map<string, OrderEventRecord[]>()
  for (const e of events) {
    const list = byOrder.get(e.orderId) ?? []
    list.push(e)
    byOrder.set(e.orderId, list)
  }
  const first = (orderId: string, action: string) =>
    (byOrder.get(orderId) ?? []).filter((e) => e.action === action).sort((a, b) => a.seq - b.seq)[0]

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
    const dispatched = first(o.id, 'dispatch')
    const claimed = first(o.id, 'claim')
    if (dispatched && claimed) claimWaits.push(claimed.at - dispatched.at)
    const confirmed = first(o.id, 'confirm')
    if (o.status === 'closed' && confirmed) {
      closeTimes.push(confirmed.at - o.createdAt)
      const d = beijingDay(confirmed.at)
      closedOn.set(d, (closedOn.get(d) ?? 0) + 1)
    }
    if (first(o.id, 'complete')) completed += 1
    if (o.disputeCount > 0) disputed += 1
    if (o.status === 'closed' && o.rating !== null) {
      ratingSum += o.rating
      rated += 1
      if (o.rating >= SATISFIED_AT) satisfied += 1
    }
    if (first(o.id, 'refer')) referred += 1
    if (first(o.id, 'answer')) answered += 1
    if (o.claimerId) active.add(o.claimerId)
  }

  const createdOn = new Map<string, number>()
  for (const o of orders) createdOn.set(beijingDay(o.createdAt), (createdOn.get(beijingDay(o.createdAt)) ?? 0) + 1)

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
      byStatus: ORDER_STATUSES.map((status) => ({ status, count: orders.filter((o) => o.status === status).length })),
      byCategory: POST_TYPES.map((category) => ({ category, count: orders.filter((o) => o.category === category).length })),
      byGrid: [...gridCounts].map(([gridId, count]) => ({
        gridId,
        gridName: gridId ? (gridName.get(gridId) ?? '其他网格') : '未分网格',
        count,
      })),
      byDay: daysOf(period).map((day) => ({ day, created: createdOn.get(day) ?? 0, closed: closedOn.get(day) ?? 0 })),
    },
    medianClaimMinutes: claimMedian === null ? null : minutes(claimMedian),
    medianCloseMinutes: closeMedian === null ? null : minutes(closeMedian),
    slaBreaches: orders.filter((o) => o.escalations.length > 0).length,
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
