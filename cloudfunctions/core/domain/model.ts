// The records the rules work on. Times are epoch milliseconds (instants); display is the app's job.
import type { LedgerReason, OrderKind, OrderStatus, PostType, Role, Urgency } from '@shared/enums'

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

export interface PointAccount {
  memberId: string
  communityId: string
  balance: number
  earned: number
  spent: number
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
