// The lengths and counts both sides check: the zod schemas build on these, and the app's forms show
// and check the same numbers (counters, "至少 10 个字"). No zod here: the app imports this file.

/** A text field's length range, after trimming. */
export interface Span {
  readonly min: number
  readonly max: number
}

const span = (min: number, max: number): Span => ({ min, max })

export const ORDER_LIMITS = {
  title: span(2, 40),
  description: span(0, 1000),
  preferredTime: span(0, 40),
  /** 不受理 / 退单 / 不接 reasons. */
  reason: span(2, 200),
  cancelReason: span(0, 200),
  /** 工作简述 when closing (完成服务). */
  summary: span(10, 500),
  comment: span(0, 300),
  disputeReason: span(2, 300),
  /** What the resident said, when staff confirm for them. */
  residentWords: span(2, 300),
  referralNote: span(0, 300),
  /** The unit's answer to a referral. */
  answer: span(2, 500),
  revisitNote: span(2, 300),
  unitName: span(2, 40),
  unitContact: span(0, 20),
  /** The most points staff may set on dispatch. */
  maxPoints: 500,
} as const

export const ACTIVITY_LIMITS = {
  title: span(2, 40),
  description: span(0, 2000),
  placeName: span(2, 60),
  placeAddress: span(0, 120),
  reason: span(2, 200),
  quota: span(1, 500),
  points: span(0, 1000),
  repeatWeeks: span(1, 12),
} as const

export const MALL_LIMITS = {
  name: span(2, 30),
  description: span(0, 500),
  price: span(1, 100000),
  stock: span(0, 100000),
  limitPerMember: span(1, 100),
} as const

export const ACCOUNT_LIMITS = {
  name: span(2, 20),
  unit: span(1, 10),
  room: span(1, 10),
  workUnit: span(2, 40),
  branch: span(2, 40),
  skill: span(1, 12),
  maxSkills: 10,
  reason: span(2, 200),
  gridName: span(2, 20),
  buildingName: span(1, 20),
  communityName: span(2, 30),
  /** A password set through an invitation (self-hosted sign-in). */
  password: span(8, 128),
  search: span(1, 20),
} as const

export const POINTS_LIMITS = {
  adjustReason: span(2, 200),
  /** The largest single adjustment either way. */
  maxAdjust: 10000,
  selfText: span(10, 2000),
  score: span(0, 100),
  comment: span(0, 500),
  scorer: span(2, 40),
} as const

export const WORKBENCH_LIMITS = {
  cardTitle: span(2, 20),
  cardDuties: span(4, 300),
  cardPledge: span(4, 300),
} as const

export const HOUSEHOLD_LIMITS = {
  room: span(1, 20),
  memberName: span(1, 20),
  /** 户主 / 配偶 / 子女 / 租户 … */
  relation: span(1, 10),
  maxMembers: 12,
  consentBy: span(1, 20),
  note: span(0, 300),
  /** What a visit found (走访情况). */
  found: span(2, 500),
  query: span(1, 20),
} as const

export const CARE_LIMITS = {
  /** 一对一 or 二对一. */
  maxMembers: 2,
  /** What the care task found and did (a short report, as an order's 结单). */
  report: span(10, 500),
  /** Households without a visit or care task in this many days (coverage). */
  coverageDays: { min: 1, max: 365 },
}

/** 网格台账: a grid worker's task and its progress reports. */
export const GRID_TASK_LIMITS = {
  title: span(2, 40),
  /** What to do (任务要求). */
  body: span(2, 500),
  /** A progress report's words (工作进展). */
  progress: span(2, 300),
  /** Why staff send it back (退回原因). */
  returnReason: span(2, 200),
  /** Progress reports one task holds at most. */
  maxProgress: 20,
} as const
