// The records the rules work on. Times are epoch milliseconds (instants); display is the app's job.
import type { LedgerReason, OrderKind, OrderStatus, PostType, Role, Urgency } from '@shared/enums'
import type { PointsRules } from '@shared/points'

export interface Community {
  id: string
  name: string
}

export interface Grid {
  id: string
  communityId: string
  name: string
}

export interface Building {
  id: string
  communityId: string
  gridId: string
  name: string
}

export interface MemberProfile {
  branch: string | null
  workUnit: string | null
  posts: PostType[]
  skills: string[]
}

export interface User {
  id: string
  communityId: string
  name: string
  phone: string | null
  roles: Role[]
  gridId: string | null
  buildingId: string | null
  /** Unit and room inside the building, e.g. "2单元 301". */
  room: string | null
  member: MemberProfile | null
  /** Shown by name in personal rankings only when true (opt-in). */
  rankingOptIn: boolean
  createdAt: number
}

export interface Order {
  id: string
  communityId: string
  residentId: string
  kind: OrderKind
  category: PostType
  title: string
  description: string
  urgency: Urgency
  photos: string[]
  preferredTime: string | null
  status: OrderStatus
  points: number | null
  assigneeId: string | null
  claimerId: string | null
  gridId: string | null
  buildingId: string | null
  summary: string | null
  completionPhotos: string[]
  rating: number | null
  comment: string | null
  rejectReason: string | null
  releaseCount: number
  disputeCount: number
  awardedPoints: number | null
  createdAt: number
  updatedAt: number
  /** Optimistic-concurrency counter: every write checks and bumps it. */
  version: number
}

export interface OrderEventRecord {
  orderId: string
  seq: number
  at: number
  actorId: string | null
  action: string
  from: OrderStatus | null
  to: OrderStatus
  note: string | null
}

/** Points still unspent, by the Beijing year they were earned in: spent oldest first, lapse by year. */
export type Lots = Record<string, number>

export interface PointAccount {
  memberId: string
  communityId: string
  /** Always the sum of the ledger, and of `lots`; never below zero. */
  balance: number
  /** All-time: awards and positive adjustments. */
  earned: number
  /** All-time: redemptions less refunds. */
  spent: number
  lots: Lots
  /** Per Beijing year, for "this year earned / spent". */
  years: Record<string, { earned: number; spent: number }>
  /** Awards so far on one Beijing day, for the daily cap. */
  day: { key: string; awarded: number } | null
  version: number
}

export interface LedgerRecord {
  /** The source key doubles as the id: `order:<id>:award` can be written once only. */
  sourceKey: string
  memberId: string
  communityId: string
  delta: number
  reason: LedgerReason
  note: string
  balanceAfter: number
  at: number
}

export interface RulesChange {
  communityId: string
  rules: PointsRules
  before: PointsRules | null
  by: string
  at: number
}

export interface Goods {
  id: string
  communityId: string
  name: string
  image: string | null
  description: string
  price: number
  stock: number
  limitPerMember: number
  onShelf: boolean
  createdAt: number
  updatedAt: number
  version: number
}

export type RedemptionStatus = 'pending' | 'picked' | 'cancelled' | 'expired'

export interface Redemption {
  id: string
  communityId: string
  memberId: string
  goodsId: string
  goodsName: string
  goodsImage: string | null
  price: number
  code: string
  status: RedemptionStatus
  /** The lots the points came from, so a refund puts them back where they were. */
  consumed: Lots
  createdAt: number
  expiresAt: number
  pickedAt: number | null
  verifiedBy: string | null
  version: number
}
