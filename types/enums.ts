// Enum codes on the wire (DESIGN.md §9). No zod here: the app imports this file and stays small.

export const POST_TYPES = ['self_governance', 'education', 'elderly_child', 'environment', 'care', 'convenience', 'targeted'] as const
export type PostType = (typeof POST_TYPES)[number]

export const ORDER_KINDS = ['service', 'hazard', 'wish'] as const
export type OrderKind = (typeof ORDER_KINDS)[number]

export const URGENCIES = ['low', 'normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]

/**
 * `staff` is a community worker (社区工作者) who sees every grid; `grid_worker` (网格员, a 网格长 when
 * marked lead) serves named grids; `street` (街道) answers what escalates to the street.
 */
export const ROLES = ['resident', 'member', 'staff', 'admin', 'grid_worker', 'street'] as const
export type Role = (typeof ROLES)[number]

/** `referred`: sent to a unit of the community's directory (转办), waiting for its answer. */
export const ORDER_STATUSES = ['submitted', 'open', 'claimed', 'completed', 'closed', 'rejected', 'cancelled', 'referred'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Every transition of the order machine has one action name (DESIGN.md §3). */
export const ORDER_ACTIONS = [
  'dispatch',
  'reject',
  'claim',
  'decline',
  'release',
  'complete',
  'confirm',
  'dispute',
  'cancel',
  'refer',
  'answer',
  'sendDown',
  'revisit',
] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

/** `proxied`: orders the caller placed for residents (代办); `street`: what reached 街道; `revisit`: low ratings to visit. */
export const ORDER_SCOPES = ['mine', 'hall', 'review', 'assigned', 'overdue', 'proxied', 'street', 'revisit'] as const
export type OrderScope = (typeof ORDER_SCOPES)[number]

/** The escalation ladder (分级响应): 网格 → 社区 → 街道. */
export const LEVELS = ['grid', 'community', 'street'] as const
export type Level = (typeof LEVELS)[number]

/** 一般 / 较大 / 重大: set when an order is taken in; the community's rules map it to a starting level and clock. */
export const SEVERITIES = ['general', 'major', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

/** How a 网格员 or 社区工作者 heard of a need they order on a resident's behalf (代办). */
export const CHANNELS = ['phone', 'home_visit', 'walk_in', 'patrol'] as const
export type Channel = (typeof CHANNELS)[number]

/** A party member as they are: 在职 / 退休 / 流动; a work unit is asked of the in-service only. */
export const MEMBER_STATUSES = ['on_job', 'retired', 'floating'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/** How the member's party relationship is managed with the community: 直管 / 联管 / 代管 / 双管. */
export const MANAGEMENTS = ['direct', 'joint', 'entrusted', 'dual'] as const
export type Management = (typeof MANAGEMENTS)[number]

/** The community's directory (转办 goes to one of these): 部门 / 物业 / 共建单位. */
export const UNIT_KINDS = ['department', 'property', 'partner'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** A referral's lifecycle as residents see it: 已转办 → 已反馈 → 已办结. */
export const REFERRAL_STATUSES = ['sent', 'answered', 'done'] as const
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]

/** 一户一档: what marks a household for care — 独居 / 空巢 / 高龄 / 残疾 / 低保 / 困境儿童 / 退役军人. */
export const HOUSEHOLD_TAGS = ['alone', 'empty_nest', 'elderly', 'disabled', 'low_income', 'child_in_need', 'veteran'] as const
export type HouseholdTag = (typeof HOUSEHOLD_TAGS)[number]

/** How the household agreed to be kept on file: 口头 / 书面. */
export const CONSENT_METHODS = ['oral', 'written'] as const
export type ConsentMethod = (typeof CONSENT_METHODS)[number]

/** A household member's age, as a band (no birth dates on file): 儿童 / 成年 / 老年 / 高龄. */
export const AGE_BANDS = ['child', 'adult', 'senior', 'aged'] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/** 结对帮扶: what a pair's recurring care task is — 探望 / 代购 / 陪诊 / 家务. */
export const CARE_KINDS = ['visit', 'shopping', 'escort', 'chores'] as const
export type CareKind = (typeof CARE_KINDS)[number]

/** How often a pair's care task comes round (the care rules, CARE_CADENCE): 每周 / 每两周 / 每月. */
export const CARE_CADENCES = ['weekly', 'fortnightly', 'monthly'] as const
export type CareCadence = (typeof CARE_CADENCES)[number]

export const LEDGER_REASONS = [
  'order_award',
  'activity_award',
  'redemption',
  'refund',
  'adjustment',
  'expiry',
  'care_award',
  'grid_task_award',
] as const
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

/** 网格台账: a grid worker's task — 进行中 (open, also after being sent back), 待确认 (submitted), 已确认 (confirmed). */
export const GRID_TASK_STATUSES = ['open', 'submitted', 'confirmed'] as const
export type GridTaskStatus = (typeof GRID_TASK_STATUSES)[number]
