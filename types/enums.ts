// Enum codes on the wire (DESIGN.md §9). No zod here: the app imports this file and stays small.

export const POST_TYPES = ['self_governance', 'education', 'elderly_child', 'environment', 'care', 'convenience', 'targeted'] as const
export type PostType = (typeof POST_TYPES)[number]

export const ORDER_KINDS = ['service', 'hazard', 'wish'] as const
export type OrderKind = (typeof ORDER_KINDS)[number]

export const URGENCIES = ['low', 'normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]

export const ROLES = ['resident', 'member', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ORDER_STATUSES = ['submitted', 'open', 'claimed', 'completed', 'closed', 'rejected', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Every transition of the order machine has one action name (DESIGN.md §3). */
export const ORDER_ACTIONS = ['dispatch', 'reject', 'claim', 'decline', 'release', 'complete', 'confirm', 'dispute', 'cancel'] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

export const ORDER_SCOPES = ['mine', 'hall', 'review', 'assigned', 'overdue'] as const
export type OrderScope = (typeof ORDER_SCOPES)[number]

/** The escalation ladder (分级响应): 网格 → 社区 → 街道. */
export const LEVELS = ['grid', 'community', 'street'] as const
export type Level = (typeof LEVELS)[number]

export const LEDGER_REASONS = ['order_award', 'activity_award', 'redemption', 'refund', 'adjustment', 'expiry'] as const
export type LedgerReason = (typeof LEDGER_REASONS)[number]

/** Error codes and the HTTP status each maps to; the envelope carries the code, the gateway the status. */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SOLD_OUT: 409,
  LIMIT_REACHED: 409,
  INSUFFICIENT_POINTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The server's disk is full (local mode): nothing was written; the operator is told. */
  STORAGE_FULL: 507,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

export const PHOTO_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const MAX_PHOTOS = 9
