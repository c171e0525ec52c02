// orders.* — input schemas and output shapes (DESIGN.md §3, §8).
import { z } from 'zod'
import { ORDER_LIMITS as L } from './limits'
import { MAX_PHOTOS, ORDER_KINDS, ORDER_SCOPES, ORDER_STATUSES, POST_TYPES, URGENCIES } from './enums'
import type { Level, OrderAction, OrderKind, OrderStatus, PostType, Urgency } from './enums'
import { fileId, id, page, text } from './common'
import type { Page } from './common'

export const CreateOrderInput = z.strictObject({
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
})

export const DisputeOrderInput = z.strictObject({ orderId: id, reason: text(L.disputeReason) })

export type CreateOrderInput = z.input<typeof CreateOrderInput>
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
  gridName: string | null
  buildingName: string | null
  createdAt: string
  updatedAt: string
  /** Set when the order is directed to one member by staff. */
  assignee: PersonRef | null
  claimer: PersonRef | null
  /** Where it stands on the escalation ladder (网格 → 社区 → 街道). */
  level: Level
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
  escalations: Escalation[]
  timeline: OrderEvent[]
  /** What the caller may do now, from the transition table. */
  actions: OrderAction[]
}

export type OrderPage = Page<OrderSummary>
