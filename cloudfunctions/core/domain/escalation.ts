// 分级响应: "小事不出网格、大事不出社区". An order past its deadline rises one level, and the clock
// starts again at the new level; 街道 is the top.
import type { Level, OrderStatus, Urgency } from '@shared/enums'
import type { Order } from './model'
import type { PointsRules } from './rules'

const HOUR = 3600_000
/** A completed order the resident leaves unconfirmed closes by itself after 72 hours. */
export const AUTO_CONFIRM_AFTER_MS = 72 * HOUR
const NEXT: Record<Level, Level | null> = { grid: 'community', community: 'street', street: null }
export const LEVEL_LABELS: Record<Level, string> = { grid: '网格', community: '社区', street: '街道' }

/**
 * The deadline an order in `status` runs against, counted from `from`: to be claimed, to be
 * completed, or (completed) to be confirmed before it confirms itself.
 */
export function deadline(rules: PointsRules, urgency: Urgency, status: OrderStatus, from: number): number | null {
  const sla = rules.sla[urgency]
  if (status === 'open') return from + sla.claimHours * HOUR
  if (status === 'claimed') return from + sla.completeHours * HOUR
  if (status === 'completed') return from + AUTO_CONFIRM_AFTER_MS
  return null
}

/** If the order is past its deadline at `now`, the changes that raise it one level; otherwise null. */
export function escalate(order: Order, rules: PointsRules, now: number): Pick<Order, 'level' | 'escalations' | 'dueAt'> | null {
  if (order.dueAt === null || order.dueAt > now) return null
  if (order.status !== 'open' && order.status !== 'claimed') return null
  const to = NEXT[order.level]
  if (!to) return null
  const reason = order.status === 'open' ? '超过接单时限' : '超过完成时限'
  return {
    level: to,
    escalations: [...order.escalations, { at: now, from: order.level, to, reason }],
    // the new level gets a full period of its own (at 街道 it only tells how late the order runs)
    dueAt: deadline(rules, order.urgency, order.status, now),
  }
}
