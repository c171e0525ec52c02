// households.* — 一户一档 (a household's file: address, people, tags, consent) and 四必访 (visits),
// input schemas and output shapes (DESIGN.md §10).
import { z } from 'zod'
import { AGE_BANDS, CONSENT_METHODS, HOUSEHOLD_TAGS, MAX_PHOTOS, ORDER_KINDS, POST_TYPES, URGENCIES } from './enums'
import type { AgeBand, ConsentMethod, HouseholdTag, OrderStatus } from './enums'
import { HOUSEHOLD_LIMITS as L, ORDER_LIMITS } from './limits'
import { fileId, id, text } from './common'
import type { Photo, PersonRef } from './orders'
import type { CareRecordView, PairView } from './care'

/** A person of the household: a registered resident (`residentId`), or someone known only from the file. */
export const HouseholdMemberInput = z.strictObject({
  /** An existing member's id, to keep them (and the orders placed for them) the same person. */
  id: id.optional(),
  residentId: id.nullable().optional(),
  name: text(L.memberName),
  relation: text(L.relation),
  ageBand: z.enum(AGE_BANDS),
  phone: z
    .string()
    .regex(/^[0-9-]{7,20}$/, '请填写电话号码')
    .nullable()
    .optional(),
})

/** 入档 with the household's agreement: who agreed and how (口头 / 书面); when is the server's clock. */
export const ConsentInput = z.strictObject({ by: text(L.consentBy), method: z.enum(CONSENT_METHODS) })

export const UpsertHouseholdInput = z.strictObject({
  id: id.optional(),
  buildingId: id,
  room: text(L.room),
  members: z.array(HouseholdMemberInput).min(1, '至少登记一位家庭成员').max(L.maxMembers),
  tags: z.array(z.enum(HOUSEHOLD_TAGS)).max(HOUSEHOLD_TAGS.length).default([]),
  consent: ConsentInput,
  note: text(L.note).default(''),
})

export const ListHouseholdsInput = z.strictObject({
  tag: z.enum(HOUSEHOLD_TAGS).optional(),
  gridId: id.optional(),
  /** A member's name, or the room. */
  q: text(L.query).optional(),
})

/** 该走访了: the caller's households whose visit is due (the cadence of their tags has passed). */
export const DueInput = z.strictObject({ gridId: id.optional() })

export const HouseholdRef = z.strictObject({ householdId: id })

/** A finding turned into an order in the same step (转为需求), for one of the household's people. */
export const VisitOrderInput = z.strictObject({
  memberId: id,
  kind: z.enum(ORDER_KINDS),
  category: z.enum(POST_TYPES),
  title: text(ORDER_LIMITS.title),
  description: text(ORDER_LIMITS.description).default(''),
  urgency: z.enum(URGENCIES).optional(),
})

export const LogVisitInput = z.strictObject({
  householdId: id,
  /** 走访情况: what the visit found. */
  found: text(L.found),
  photos: z.array(fileId).max(MAX_PHOTOS).default([]),
  order: VisitOrderInput.optional(),
})

export type UpsertHouseholdInput = z.input<typeof UpsertHouseholdInput>
export type LogVisitInput = z.input<typeof LogVisitInput>
export type ListHouseholdsInput = z.input<typeof ListHouseholdsInput>

export interface HouseholdSummary {
  id: string
  gridId: string
  gridName: string
  buildingId: string
  buildingName: string
  room: string
  /** The first member on file (户主 as a rule). */
  head: string
  memberCount: number
  /** Its people without an account, whom 代办 can order for by their place in the file. */
  unregistered: Array<{ id: string; name: string; relation: string }>
  tags: HouseholdTag[]
  /** How often it is to be visited, from its tags (the visit rules). */
  cadenceDays: number
  lastVisitAt: string | null
  /** When the next visit is due, and whether that time has come (该走访了). */
  dueAt: string
  due: boolean
}

export interface HouseholdMemberView {
  id: string
  residentId: string | null
  name: string
  relation: string
  ageBand: AgeBand
  phone: string | null
}

export interface VisitView {
  id: string
  at: string
  visitor: PersonRef
  found: string
  photos: Photo[]
  /** The order the finding became (转为需求), if any. */
  order: { id: string; title: string } | null
}

/** An order placed for one of the household's people (代办), as its page lists it. */
export interface HouseholdOrderView {
  id: string
  title: string
  status: OrderStatus
  /** The household member it is for (their id in the file; the name as the file has it). */
  memberId: string
  memberName: string
  /** False: that person has no account — staff confirm it in their words. */
  hasAccount: boolean
  createdAt: string
}

export interface HouseholdDetail extends HouseholdSummary {
  members: HouseholdMemberView[]
  consent: { by: string; method: ConsentMethod; at: string; recordedBy: PersonRef }
  note: string
  /** Newest first. */
  visits: VisitView[]
  /** Orders placed for its people, newest first (the latest 20). */
  orders: HouseholdOrderView[]
  createdAt: string
  /** 结对帮扶: the household's pair (one or two members) and its care tasks done, newest first. */
  pair: PairView | null
  care: CareRecordView[]
  /** Whether the caller keeps the file (staff, the grid's 网格员) — a paired member reads it only. */
  mayEdit: boolean
}

export interface VisitLogged {
  household: HouseholdDetail
  visitId: string
  /** The order placed from the finding, if the visit carried one. */
  orderId: string | null
}
