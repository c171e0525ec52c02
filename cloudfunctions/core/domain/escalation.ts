// 分级响应: "小事不出网格、大事不出社区". How serious an order is decides the level it starts at and how
// fast its clock runs (the community's rules); an order past its deadline rises one level, and the
// clock starts again at the new level; 街道 is the top, and may send an order back down.
import type { Level, OrderStatus, Severity } from '@shared/enums'
import { SEVERITY_LABELS } from '@shared/labels'
import type { Order } from './model'
import type { PointsRules } from './rules'

const HOUR = 3600_000
/** A completed order the resident leaves unconfirmed closes by itself after 72 hours. */
export const AUTO_CONFIRM_AFTER_MS = 72 * HOUR
const NEXT: Record<Level, Level | null> = { grid: 'community', community: 'street', street: null }
export const LEVEL_LABELS: Record<Level, string> = { grid: '网格', community: '社区', street: '街道' }

/**
 * The deadline an order in `status` runs against, counted from `from`: to be claimed, to be completed
 * (a referral: to be resolved once the unit's own deadline has passed), or to be confirmed before it
 * confirms itself. The severity's clock factor shortens the first two.
 */
export function deadline(rules: PointsRules, order: Pick<Order, 'urgency' | 'severity'>, status: OrderStatus, from: number): number | null {
  const sla = rules.sla[order.urgency]
  const factor = rules.severity[order.severity].clockFactor
  if (status === 'open') return from + sla.claimHours * factor * HOUR
  if (status === 'claimed' || status === 'referred') return from + sla.completeHours * factor * HOUR
  if (status === 'completed') return from + AUTO_CONFIRM_AFTER_MS
  return null
}

/** Where an order of this severity starts, and the words for the timeline ("较大：由社区办理"). */
export function startOf(rules: PointsRules, severity: Severity): { level: Level; note: string | null } {
  const level = rules.severity[severity].level
  return { level, note: level === 'grid' ? null : `${SEVERITY_LABELS[severity]}：由${LEVEL_LABELS[level]}办理` }
}

/** The next deadline for a referral when its own (the unit's) has passed: the default period again. */
export const referralHours = (rules: PointsRules, severity: Severity) => rules.severity[severity].referralHours

/** If the order is past its deadline at `now`, the changes that raise it one level; otherwise null. */
export function escalate(order: Order, rules: PointsRules, now: number): Pick<Order, 'level' | 'escalations' | 'dueAt'> | null {
  if (order.dueAt === null || order.dueAt > now) return null
  if (order.status !== 'open' && order.status !== 'claimed' && order.status !== 'referred') return null
  const to = NEXT[order.level]
  if (!to) return null
  const reason = order.status === 'open' ? '超过接单时限' : order.status === 'claimed' ? '超过完成时限' : '转办超过答复时限'
  return {
    level: to,
    escalations: [...order.escalations, { at: now, from: order.level, to, reason }],
    // the new level gets a full period of its own (at 街道 it only tells how late the order runs)
    dueAt: deadline(rules, order, order.status, now),
  }
}

/** 街道 sends an order back down to 社区 with its instruction: the community gets a fresh period. */
export function sendDown(order: Order, rules: PointsRules, now: number, note: string): Pick<Order, 'level' | 'escalations' | 'dueAt'> {
  return {
    level: 'community',
    escalations: [...order.escalations, { at: now, from: order.level, to: 'community', reason: `街道发回：${note}` }],
    dueAt: deadline(rules, order, order.status, now),
  }
}
