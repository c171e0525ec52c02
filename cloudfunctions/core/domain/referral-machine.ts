// 转办 (a referral of an order to a unit of the community's directory) as data, beside the order
// machine: each step rides on one order transition, which decides who may take it; this table decides
// what the referral becomes. The resident reads its status: 已转办 → 已反馈 → 已办结.
import type { ReferralStatus } from '@shared/enums'
import { conflict } from './errors'
import type { Referral } from './model'
import type { MachineAction } from './order-machine'

export type ReferralAction = 'refer' | 'answer' | 'settle'

export interface ReferralTransition {
  action: ReferralAction
  /** Null: the referral does not exist yet. */
  from: ReferralStatus | null
  to: ReferralStatus
  /** The order transition it rides on (and whose `by` says who may take it). */
  order: MachineAction
}

export const REFERRAL_TRANSITIONS: readonly ReferralTransition[] = [
  { action: 'refer', from: null, to: 'sent', order: 'refer' }, // 转办 with a deadline: the order waits on the unit
  { action: 'answer', from: 'sent', to: 'answered', order: 'answer' }, // the unit's answer, recorded by staff or 街道
  { action: 'settle', from: 'answered', to: 'done', order: 'confirm' }, // the resident (or staff for them, or 72 h) closes it
]

const byAction = new Map(REFERRAL_TRANSITIONS.map((t) => [t.action, t]))

/** The status `action` leads the referral to; CONFLICT when the referral is not where the step starts. */
export function nextReferralStatus(referral: Referral | null, action: ReferralAction): ReferralStatus {
  const t = byAction.get(action)
  if (!t) throw new Error(`no referral transition for ${action}`)
  if ((referral?.status ?? null) !== t.from)
    throw conflict(referral?.status === 'answered' ? '这次转办已经有答复了' : '转办状态已变化，请刷新')
  return t.to
}

/** Still unanswered past its deadline, or answered after it. */
export const isLate = (r: Pick<Referral, 'deadline' | 'answeredAt'>, now: number) => (r.answeredAt ?? now) > r.deadline
