// 结对帮扶: the care rules — how often a pair's care task comes round and from when it may be closed —
// and who stands in a pair (docs/care.md).
import type { CareCadence, CareKind } from '@shared/enums'
import { CARE_CADENCE_LABELS, CARE_KIND_LABELS } from '@shared/labels'
import type { Actor } from './access'
import type { Pair } from './model'

const DAY = 24 * 3600_000

/**
 * The care rules: days between a pair's care tasks by cadence, and how many days before it is due a
 * task may already be closed (a weekly visit made on Tuesday for a Thursday). A small rules object of
 * its own, as the visit rules are: the due dates are stored on the pairs.
 */
export const CARE_CADENCE: Record<CareCadence, { days: number; opensDaysBefore: number }> = {
  weekly: { days: 7, opensDaysBefore: 2 },
  fortnightly: { days: 14, opensDaysBefore: 3 },
  monthly: { days: 30, opensDaysBefore: 7 },
}

/** 每周探望 */
/** A pair's care task in the member's app (a notice's link). */
export const careLink = (pairId: string) => `/member/care/index?id=${pairId}`

/** The member's task list, 结对帮扶 at its top: where a notice of a pair that ended leads. */
export const careListLink = '/member/tasks/index'

export const careTitle = (p: { kind: CareKind; cadence: CareCadence }) => `${CARE_CADENCE_LABELS[p.cadence]}${CARE_KIND_LABELS[p.kind]}`

/** From when the current task may be closed. */
export const opensAt = (p: Pick<Pair, 'cadence' | 'nextDueAt'>) => p.nextDueAt - CARE_CADENCE[p.cadence].opensDaysBefore * DAY

export const isOpen = (p: Pick<Pair, 'cadence' | 'nextDueAt' | 'status'>, now: number) => p.status === 'active' && now >= opensAt(p)

/**
 * The next task after one closed at `at`: one cadence after it was due, or after it was done if that was
 * late — closing early keeps the rhythm (and cannot be repeated to earn twice), closing late starts it anew.
 */
export const nextDueAfter = (p: Pick<Pair, 'cadence' | 'nextDueAt'>, at: number) =>
  Math.max(at, p.nextDueAt) + CARE_CADENCE[p.cadence].days * DAY

/** An active pair of the actor's community that the actor stands in (一对一 or one of 二对一). */
export const standsIn = (actor: Actor, p: Pick<Pair, 'communityId' | 'memberIds' | 'status'>) =>
  p.status === 'active' && p.communityId === actor.communityId && p.memberIds.includes(actor.userId)

/** Households not visited nor cared for since this instant are stale for the coverage of `days` days. */
export const staleBefore = (now: number, days: number) => now - days * DAY
