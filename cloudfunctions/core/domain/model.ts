// The records the rules work on. Times are epoch milliseconds (instants); display is the app's job.
import type { Channel, LedgerReason, Level, Management, MemberStatus, OrderKind, OrderStatus, PostType, Role } from '@shared/enums'
import type { ReferralStatus, Severity, UnitKind, Urgency } from '@shared/enums'
import type { AgeBand, CareCadence, CareKind, ConsentMethod, GridTaskStatus, HouseholdTag } from '@shared/enums'
import type { AwardPart, PointsRules } from '@shared/points'
import type { ActivityStatus, Attendance, CheckinMethod, SignupStatus } from '@shared/activities'
import type { NoticeKind } from '@shared/inbox'
import type { TemplateKey } from '@shared/subscribe'

export interface Community {
  id: string
  name: string
  /** The street (街道) that owns the community, if one does. */
  streetId: string | null
}

/** A street (街道): a record owning communities; its accounts answer what escalates to it. */
export interface Street {
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
  /** Asked of in-service members (在职) only. */
  workUnit: string | null
  posts: PostType[]
  skills: string[]
  status: MemberStatus
  management: Management
}

/** 楼栋长 (unit null) or 单元长 of a building: an attribute shown on cards and read by routing, not a role. */
export interface BuildingHead {
  buildingId: string
  unit: string | null
}

export interface User {
  id: string
  /**
   * The tenant the person belongs to: their community, or for a street account (role `street`) its
   * street. A street account has no community, so no community's data is ever its own.
   */
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
  /** 网格员: the grids they serve (empty for everyone else); `gridLead` marks a 网格长. */
  workGrids: string[]
  gridLead: boolean
  headOf: BuildingHead | null
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
  /** 一般 / 较大 / 重大, set when the order is taken in (review or referral): its starting level and clock. */
  severity: Severity
  /** 代办: who placed it for the resident, and how they heard of it; null when the resident ordered. */
  agentId: string | null
  channel: Channel | null
  /**
   * 一户一档: the household and the person of its file the order is for, when placed for a household
   * member (代办). A person without an account is the order's resident: `residentId` is then their
   * member id (`householdMemberId`), not a user's — they never sign in, staff confirm in their words.
   */
  householdId: string | null
  householdMemberId: string | null
  /** The referral (转办) it waits on or was answered by, the latest one. */
  referralId: string | null
  /** A low rating flagged it for a 回访 that has not been made yet. */
  revisitDue: boolean
  /** Why the member was paid what they were, in words, once closed. */
  awardNote: string | null
  /** The escalation ladder: where the order stands and how it got there. */
  level: Level
  escalations: Array<{ at: number; from: Level; to: Level; reason: string }>
  /** The deadline it runs against now: to be claimed (open) or completed (claimed); null otherwise. */
  dueAt: number | null
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
  /** An order's award, part by part; absent on other entries (and on awards written before). */
  parts?: AwardPart[]
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
  /** When the 领取提醒 went out (a few days before expiry), once. */
  remindedAt: number | null
  version: number
}

export interface ActivityPlace {
  name: string
  address: string | null
  lat: number | null
  lng: number | null
}

/** A weekend activity (周末志愿活动). Its counters move with a version check: sign-ups serialize on it. */
export interface Activity {
  id: string
  communityId: string
  /** Shared by the weekly copies published together; null for a one-off. */
  seriesId: string | null
  title: string
  description: string
  category: PostType
  startAt: number
  endAt: number
  signupDeadline: number
  place: ActivityPlace
  quota: number
  points: number
  cover: string | null
  status: ActivityStatus
  cancelReason: string | null
  /** Sign-ups holding a place; never above the quota. */
  signedCount: number
  /** Sign-ups on the waitlist. */
  waitingCount: number
  /** The next sign-up's arrival number (接龙 order); waitlist positions rank by it. */
  nextSeq: number
  /** Key of the rotating check-in token (HMAC); never leaves the server. */
  checkinSecret: string
  /** When the evening-before reminder is due, and when it went out. */
  remindAt: number
  remindedAt: number | null
  createdBy: string
  createdAt: number
  updatedAt: number
  finishedAt: number | null
  version: number
}

/** One member's sign-up, stored at the known id `${activityId}:${memberId}`. */
export interface Signup {
  activityId: string
  memberId: string
  communityId: string
  status: SignupStatus
  /** Arrival number, unique within the activity; a new sign-up after withdrawing gets a new one. */
  seq: number
  signedUpAt: number
  updatedAt: number
  checkedInAt: number | null
  checkinMethod: CheckinMethod | null
  attendance: Attendance | null
  awardedPoints: number | null
  version: number
}

/** A message in a user's in-app inbox (消息). */
export interface NotificationRecord {
  id: string
  userId: string
  communityId: string
  kind: NoticeKind
  title: string
  body: string
  link: string
  at: number
  readAt: number | null
}

/**
 * A person's 订阅消息 grants of one template, at the known id `${userId}:${template}`: each "accept" in
 * WeChat's subscription sheet allows one message, each message sent uses one.
 */
export interface SubscriptionGrant {
  userId: string
  template: TemplateKey
  left: number
  updatedAt: number
}

/** Where a photo is shown: the record and the field that holds its file id. */
export type PhotoPlace =
  | { kind: 'order'; id: string; field: 'photos' | 'completionPhotos' }
  | { kind: 'goods'; id: string }
  | { kind: 'activity'; id: string }
  | { kind: 'card'; id: string }
  | { kind: 'care'; id: string }
  | { kind: 'gridTask'; id: string }

export type PhotoVerdict = 'pending' | 'pass' | 'review' | 'risky'

/**
 * One photo sent to WeChat's asynchronous check (mediaCheckAsync), at its trace id: the verdict event
 * names only that id, which never leaves the server.
 */
export interface PhotoCheck {
  traceId: string
  fileId: string
  ownerId: string
  communityId: string
  place: PhotoPlace
  verdict: PhotoVerdict
  /** WeChat's label for a risky or review verdict (e.g. 20002). */
  label: number | null
  submittedAt: number
  decidedAt: number | null
}

/**
 * A registration waiting for staff (双报到 / 居民登记), stored at the known id `${userId}:${kind}`:
 * one per person and kind; a new submission after a decision replaces it (version + 1).
 */
export interface Registration {
  userId: string
  communityId: string
  kind: 'resident' | 'member'
  status: 'pending' | 'approved' | 'rejected'
  name: string
  phone: string | null
  /** Resident: the home to bind. */
  buildingId: string | null
  /** Resident: the building's grid; member: the home grid they serve. */
  gridId: string | null
  /** "2单元 301" */
  room: string | null
  member: MemberProfile | null
  submittedAt: number
  decidedAt: number | null
  decidedBy: string | null
  reason: string | null
  version: number
}

/** 亮身份、亮职责、亮承诺: a staff member's card on their grid's page, stored by user id. */
export interface StaffCard {
  userId: string
  communityId: string
  gridId: string
  title: string
  duties: string
  pledge: string
  photo: string | null
  updatedAt: number
}

export interface EvaluationEntry {
  score: number
  text: string | null
  /** A user id, or null when the branch scored through its link. */
  by: string | null
  /** Who scored, in words (the branch's scorer names themself). */
  byName: string | null
  at: number
}

/** A member's 三评 for one year, stored at the known id `${memberId}:${year}`. */
export interface Evaluation {
  memberId: string
  communityId: string
  year: number
  self: EvaluationEntry | null
  community: EvaluationEntry | null
  branch: EvaluationEntry | null
  version: number
}

/** A one-time link for the member's employer branch to enter 组织考评; only its hash is kept. */
export interface EvaluationLink {
  tokenHash: string
  memberId: string
  communityId: string
  year: number
  createdBy: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
}

/** The resident's consent to show a closed order in 晒服务 (absent: not shown). */
export interface ShowcaseConsent {
  orderId: string
  communityId: string
  gridId: string | null
  consent: boolean
  at: number
}

/** A department, 物业 or 共建单位 in a community's directory: where orders are referred (转办). */
/** A person of a household (一户一档): a registered resident, or someone known only from the file. */
export interface HouseholdMember {
  id: string
  residentId: string | null
  name: string
  relation: string
  ageBand: AgeBand
  phone: string | null
}

/** The household's agreement to be kept on file: who gave it, how, when, and who recorded it. */
export interface HouseholdConsent {
  by: string
  method: ConsentMethod
  at: number
  recordedBy: string
}

/** 一户一档: a home of a building, its people, tags and consent; `visitDueAt` follows its tags' cadence. */
export interface Household {
  id: string
  communityId: string
  gridId: string
  buildingId: string
  room: string
  members: HouseholdMember[]
  tags: HouseholdTag[]
  consent: HouseholdConsent
  note: string
  lastVisitAt: number | null
  visitDueAt: number
  createdBy: string
  createdAt: number
  updatedAt: number
  version: number
}

/** 走访: one visit to a household — who, when, what was found, photos, and the order it became. */
export interface Visit {
  id: string
  householdId: string
  communityId: string
  visitorId: string
  at: number
  found: string
  photos: string[]
  orderId: string | null
}

/**
 * 结对帮扶: one or two party members paired with a household (一对一 / 二对一) and its recurring care
 * task — what it is (探望 / 代购 …) and how often (the care rules' cadence). The current task is due at
 * `nextDueAt`; closing it moves that on by one cadence (versioned, like orders: one close per task).
 */
export interface Pair {
  id: string
  communityId: string
  householdId: string
  /** The household's grid, for the 网格员 who look after it. */
  gridId: string
  memberIds: string[]
  kind: CareKind
  cadence: CareCadence
  nextDueAt: number
  lastCareAt: number | null
  tasksDone: number
  status: 'active' | 'ended'
  pairedBy: string
  pairedAt: number
  endedBy: string | null
  endedAt: number | null
  version: number
}

/** A care task done: by which member of the pair, the task's due time, the report, photos and points paid. */
export interface CareRecord {
  id: string
  pairId: string
  householdId: string
  communityId: string
  memberId: string
  dueAt: number
  at: number
  report: string
  photos: string[]
  points: number
}

export interface Unit {
  id: string
  communityId: string
  name: string
  kind: UnitKind
  /** The person to call there, and their number. */
  contact: string | null
  phone: string | null
  active: boolean
  updatedAt: number
}

/** One referral of an order to a unit, with its deadline and the answer the unit gave (recorded by staff). */
export interface Referral {
  id: string
  orderId: string
  communityId: string
  unitId: string
  /** The unit's name when referred: the record stays readable if the directory changes. */
  unitName: string
  status: ReferralStatus
  note: string | null
  deadline: number
  referredBy: string
  referredAt: number
  answer: string | null
  answeredBy: string | null
  answeredAt: number | null
  version: number
}

/** One progress report of a grid task (工作进展): what was done, with photos. */
export interface GridTaskProgress {
  at: number
  text: string
  photos: string[]
}

/**
 * 网格台账: a task published to one 网格员 of a grid (a task to a whole grid is one per worker), its
 * progress reports, and its confirmation by community staff — which pays `points` once.
 */
export interface GridTask {
  id: string
  communityId: string
  gridId: string
  workerId: string
  title: string
  body: string
  dueAt: number
  status: GridTaskStatus
  progress: GridTaskProgress[]
  publishedBy: string
  publishedAt: number
  submittedAt: number | null
  /** Why it was last sent back (退回), while it is open again; null once submitted anew. */
  returnedReason: string | null
  confirmedBy: string | null
  confirmedAt: number | null
  points: number | null
  updatedAt: number
  version: number
}
