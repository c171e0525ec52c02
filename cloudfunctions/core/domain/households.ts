// 一户一档 and 四必访: how often a household is visited (rules data by tag) and who may see its file.
import type { HouseholdTag } from '@shared/enums'
import { type Actor, managesGrid } from './access'
import { standsIn } from './care'
import type { Household, Order, Pair } from './model'

const DAY = 24 * 3600_000

/**
 * The visit rules: days between visits by tag — 独居 and 高龄 weekly, 残疾 and 困境儿童 fortnightly,
 * every other household monthly. A household with several tags is visited at its most frequent.
 * A small rules object of its own (not the points rules): its due dates are stored on the households
 * so the 该走访了 list is one indexed read; per-community rules would recompute them when changed.
 */
export const VISIT_CADENCE: { defaultDays: number; byTag: Partial<Record<HouseholdTag, number>> } = {
  defaultDays: 30,
  byTag: { alone: 7, elderly: 7, disabled: 14, child_in_need: 14 },
}

export function cadenceDays(tags: readonly HouseholdTag[]): number {
  return Math.min(VISIT_CADENCE.defaultDays, ...tags.map((t) => VISIT_CADENCE.byTag[t] ?? VISIT_CADENCE.defaultDays))
}

/** The next visit falls one cadence after the last (or after the household was filed, before any). */
export const visitDueAt = (h: Pick<Household, 'tags' | 'lastVisitAt' | 'createdAt'>) =>
  (h.lastVisitAt ?? h.createdAt) + cadenceDays(h.tags) * DAY

/** Who keeps the file: the community's staff, and the 网格员 of the household's grid. */
export const keepsHousehold = (actor: Actor, h: Pick<Household, 'communityId' | 'gridId'>) => managesGrid(actor, h.communityId, h.gridId)

/**
 * Who may read the file: those who keep it, and the members paired with this household (结对帮扶) —
 * `pairs` are this household's pairs, so a member's pair with one household opens no other.
 */
export const mayReadHousehold = (
  actor: Actor,
  h: Pick<Household, 'id' | 'communityId' | 'gridId'>,
  pairs: ReadonlyArray<Pick<Pair, 'householdId' | 'communityId' | 'memberIds' | 'status'>> = [],
) => keepsHousehold(actor, h) || pairs.some((p) => p.householdId === h.id && p.communityId === h.communityId && standsIn(actor, p))

/**
 * An order whose resident is a person of a household's file without an account: its `residentId` is their
 * member id, nobody signs in as them — they are told nothing in the app, staff confirm in their words.
 */
export const residentWithoutAccount = (o: Pick<Order, 'residentId' | 'householdMemberId'>) =>
  o.householdMemberId !== null && o.residentId === o.householdMemberId
