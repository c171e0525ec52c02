// orders.* — input schemas and output shapes (DESIGN.md §3, §8).
import { z } from 'zod'
import { ORDER_LIMITS as L } from './limits'
import { CHANNELS, MAX_PHOTOS, ORDER_KINDS, ORDER_SCOPES, ORDER_STATUSES, POST_TYPES, SEVERITIES, UNIT_KINDS, URGENCIES } from './enums'
import type { Channel, Level, OrderAction, OrderKind, OrderStatus, PostType, ReferralStatus, Severity, UnitKind, Urgency } from './enums'
import { fileId, id, page, text } from './common'
import type { Page } from './common'

/**
 * 代办: a 网格员 or 社区工作者 orders for someone, saying how they heard of the need — a registered resident
 * (`residentId`), or a person of a household's file (`householdId` + `memberId`, 一户一档), with an
 * account or without one.
 */
export const OnBehalfOf = z
  .strictObject({ residentId: id.optional(), householdId: id.optional(), memberId: id.optional(), channel: z.enum(CHANNELS) })
  .refine((v) => v.residentId !== undefined || v.householdId !== undefined, { path: ['residentId'], message: '请选择为谁下单' })
  .refine((v) => v.residentId === undefined || v.householdId === undefined, { path: ['householdId'], message: '居民和住户只选一个' })
  .refine((v) => v.householdId === undefined || v.memberId !== undefined, { path: ['memberId'], message: '请选择这户的家庭成员' })
  .refine((v) => v.householdId !== undefined || v.memberId === undefined, { path: ['householdId'], message: '请先选择住户' })

export const CreateOrderInput = z.strictObject({
  onBehalfOf: OnBehalfOf.optional(),
  kind: z.enum(ORDER_KINDS),
  category: z.enum(POST_TYPES),
  title: text(L.title),
  description: text(L.description).default(''),
  urgency: z.enum(URGENCIES).optional(),
  photos: z.array(fileId).max(MAX_PHOTOS).default([]),
  preferredTime: text(L.preferredTime).optional(),
})

export const ListOrdersInput = z.strictObject({
  scope: z.enum(ORDER_SCOPES),
  status: z.enum(ORDER_STATUSES).optional(),
  category: z.enum(POST_TYPES).optional(),
  kind: z.enum(ORDER_KINDS).optional(),
  gridId: id.optional(),
  ...page,
})

export const OrderRef = z.strictObject({ orderId: id })

export const ReviewOrderInput = z
  .strictObject({
    orderId: id,
    decision: z.enum(['dispatch', 'reject']),
    points: z.number().int().min(0).max(L.maxPoints).optional(),
    reason: text(L.reason).optional(),
    assigneeId: id.optional(),
    /** 一般 / 较大 / 重大: the level the order starts at and its clock (the community's rules). */
    severity: z.enum(SEVERITIES).optional(),
  })
  .refine((v) => v.decision === 'dispatch' || v.reason !== undefined, {
    path: ['reason'],
    message: '不受理需要写明原因',
  })

export const ClaimOrderInput = z.strictObject({ orderId: id })
export const DeclineOrderInput = z.strictObject({ orderId: id, reason: text(L.reason).optional() })
export const ReleaseOrderInput = z.strictObject({ orderId: id, reason: text(L.reason) })
export const CancelOrderInput = z.strictObject({ orderId: id, reason: text(L.cancelReason).optional() })

export const CompleteOrderInput = z.strictObject({
  orderId: id,
  summary: text(L.summary),
  photos: z.array(fileId).min(1).max(MAX_PHOTOS),
})

export const ConfirmOrderInput = z.strictObject({
  orderId: id,
  rating: z.number().int().min(1).max(5),
  comment: text(L.comment).optional(),
  /** Staff confirming for the resident (by phone, on a visit): what the resident said, recorded as theirs. */
  residentWords: text(L.residentWords).optional(),
})

export const DisputeOrderInput = z.strictObject({ orderId: id, reason: text(L.disputeReason) })

/** 转办: to a unit of the community's directory, with a deadline (default: the severity's, from the rules). */
export const ReferOrderInput = z.strictObject({
  orderId: id,
  unitId: id,
  deadline: z.iso.datetime({ offset: true, message: '时间格式应为 2026-06-13T18:00:00+08:00' }).optional(),
  note: text(L.referralNote).optional(),
  /** When the order is taken in by this referral (from 待审核). */
  severity: z.enum(SEVERITIES).optional(),
})

/** The unit's answer to a referral, recorded by staff (or the street, once it stands at 街道). */
export const ReferralAnswerInput = z.strictObject({ orderId: id, answer: text(L.answer) })

/** 街道 sends an order back down to 社区 with its instruction. */
export const SendDownInput = z.strictObject({ orderId: id, note: text(L.reason) })

/** 回访 after a low rating: what the visit found. */
export const RevisitInput = z.strictObject({ orderId: id, note: text(L.revisitNote) })

export const UnitsInput = z.strictObject({ includeInactive: z.boolean().optional() })
export const UpsertUnitInput = z.strictObject({
  id: id.optional(),
  name: text(L.unitName),
  kind: z.enum(UNIT_KINDS),
  contact: text(L.unitContact).nullable().optional(),
  phone: z
    .string()
    .regex(/^[0-9-]{7,20}$/, '请填写电话号码')
    .nullable()
    .optional(),
  active: z.boolean().default(true),
})

export type CreateOrderInput = z.input<typeof CreateOrderInput>
export type ReferOrderInput = z.input<typeof ReferOrderInput>
export type UpsertUnitInput = z.input<typeof UpsertUnitInput>
export type ListOrdersInput = z.input<typeof ListOrdersInput>
export type ReviewOrderInput = z.input<typeof ReviewOrderInput>
export type CompleteOrderInput = z.input<typeof CompleteOrderInput>
export type ConfirmOrderInput = z.input<typeof ConfirmOrderInput>

export interface Photo {
  fileId: string
  url: string
}

export interface PersonRef {
  id: string
  name: string
}

/** One row of an order list: never the flat number or phone (the hall shows the building only). */
export interface OrderSummary {
  id: string
  kind: OrderKind
  category: PostType
  title: string
  urgency: Urgency
  status: OrderStatus
  points: number | null
  /** For the street, whose list holds several communities. */
  communityName: string
  gridName: string | null
  buildingName: string | null
  createdAt: string
  updatedAt: string
  /** Set when the order is directed to one member by staff. */
  assignee: PersonRef | null
  claimer: PersonRef | null
  /** Where it stands on the escalation ladder (网格 → 社区 → 街道). */
  level: Level
  severity: Severity
  /** 代办: placed for the resident by a 网格员 or 社区工作者 (null: the resident ordered). */
  channel: Channel | null
  /** The latest referral (转办), for 已转办 / 已反馈 / 已办结. */
  referral: { unitName: string; status: ReferralStatus; deadline: string } | null
  /** A low rating asks for a 回访 not yet made. */
  revisitDue: boolean
  /** The deadline it runs against now (to be claimed, or to be completed), if any. */
  dueAt: string | null
  /** In a member's hall: why it suits them ("同网格 · 已认领助老扶幼岗"). */
  recommendation?: Recommendation
}

export interface ScorePart {
  /** In Chinese words: "同网格", "已认领助老扶幼岗", "手头 2 单". */
  label: string
  points: number
}

export interface Recommendation {
  score: number
  parts: ScorePart[]
  /** Top of the member's hall (为你推荐). */
  recommended: boolean
}

export interface Escalation {
  at: string
  from: Level
  to: Level
  reason: string
}

/** orders.suggest (staff): the best members for an order, with why. */
export interface Suggestion {
  member: PersonRef & { gridName: string | null; posts: PostType[]; skills: string[] }
  score: number
  parts: ScorePart[]
}

export interface OrderEvent {
  at: string
  actor: PersonRef | null
  action: string
  from: OrderStatus | null
  to: OrderStatus
  note: string | null
}

/** One referral (转办) as the order shows it: to whom, by when, and the answer once recorded. */
export interface ReferralView {
  id: string
  unit: { id: string; name: string; kind: UnitKind }
  status: ReferralStatus
  note: string | null
  deadline: string
  referredBy: PersonRef | null
  referredAt: string
  answer: string | null
  answeredBy: PersonRef | null
  answeredAt: string | null
  /** Answered after the deadline, or still unanswered past it. */
  late: boolean
}

/** A unit of the community's directory (部门 / 物业 / 共建单位). */
export interface UnitView {
  id: string
  name: string
  kind: UnitKind
  contact: string | null
  phone: string | null
  active: boolean
}

export interface OrderContact {
  name: string
  phone: string
  address: string
}

export interface OrderDetail extends OrderSummary {
  description: string
  preferredTime: string | null
  photos: Photo[]
  resident: PersonRef
  /** Only for the resident, staff of the community and the member while they hold the order. */
  contact: OrderContact | null
  summary: string | null
  completionPhotos: Photo[]
  rating: number | null
  comment: string | null
  rejectReason: string | null
  releaseCount: number
  disputeCount: number
  /** Points the member receives on close (dispatch points + rating bonus), once closed. */
  awardedPoints: number | null
  /** Why the member was paid what they were ("2 星评价，按派单积分的 50% 计 10 分，社区将回访"). */
  awardNote: string | null
  /** 代办: who placed it for the resident, and how they heard of it. */
  onBehalf: { agent: PersonRef; channel: Channel } | null
  /**
   * 一户一档: the household (and its person) the order was placed for; `hasAccount` false when that person
   * has no account — they never see the order, staff confirm it in their words.
   */
  household: { id: string; memberId: string; hasAccount: boolean } | null
  referrals: ReferralView[]
  escalations: Escalation[]
  timeline: OrderEvent[]
  /** What the caller may do now, from the transition table. */
  actions: OrderAction[]
}

export type OrderPage = Page<OrderSummary>

/**
 * What a shared 微心愿 card opens to for someone not signed in (or not a member of its community): the
 * wish as a notice board would show it — never who made it, their phone or their home — and the
 * community to register with.
 */
export interface PublicWish {
  id: string
  category: PostType
  title: string
  description: string
  photos: Photo[]
  /** open: 待认领; claimed: 已有党员认领; completed, closed: 已圆梦. */
  status: 'open' | 'claimed' | 'completed' | 'closed'
  communityId: string
  communityName: string
  gridName: string | null
  createdAt: string
}
