// The people and the staff workbench: 双报到 onboarding (accounts.*), the dashboard, the 工作台账 export
// and 三亮一晒 (workbench.*), and the year-end 三评 packet (points.evaluation and friends).
import { z } from 'zod'
import { POST_TYPES } from './enums'
import type { OrderStatus, PostType, Role } from './enums'
import { fileId, id, text } from './common'

// ---- onboarding (双报到) ------------------------------------------------------------------------

export const REGISTRATION_KINDS = ['resident', 'member'] as const
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number]
export type RegistrationStatus = 'pending' | 'approved' | 'rejected'

/** A mainland mobile number, typed (local mode) or from WeChat's getPhoneNumber (cloud). */
export const phoneNumber = z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号')

/** 居民登记: binds a home (楼栋 → 单元 → 房号); staff verify it before the resident role is granted. */
export const RegisterResidentInput = z.strictObject({
  name: text(2, 20),
  /** Typed locally; in WeChat the getPhoneNumber button fills it through accounts.verifyPhone. */
  phone: phoneNumber,
  buildingId: id,
  /** "2" or "2单元" */
  unit: text(1, 10),
  /** "301" */
  room: text(1, 10),
})

/** 在职党员双报到: work unit, party branch, the posts claimed (认领岗位), skills and the home grid. */
export const RegisterMemberInput = z.strictObject({
  workUnit: text(2, 40),
  branch: text(2, 40),
  posts: z
    .array(z.enum(POST_TYPES))
    .min(1, '请至少认领一个岗位')
    .max(POST_TYPES.length)
    .refine((p) => new Set(p).size === p.length, '岗位不能重复'),
  skills: z.array(text(1, 12)).max(10).default([]),
  gridId: id,
})

/** approveMember / approveResident: staff of the same community decide a pending registration. */
export const DecideRegistrationInput = z
  .strictObject({ userId: id, approve: z.boolean(), reason: text(2, 200).optional() })
  .refine((v) => v.approve || v.reason !== undefined, { path: ['reason'], message: '不通过需要写明原因' })

/** WeChat: the getPhoneNumber button's one-time code (5 minutes), exchanged for the verified number. */
export const VerifyPhoneInput = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '手机号授权已失效，请重新授权') })

export const ListPendingInput = z.strictObject({ kind: z.enum(REGISTRATION_KINDS).optional() })
export const PlacesInput = z.strictObject({ communityId: id.optional() })
export const SetStaffInput = z.strictObject({ userId: id, staff: z.boolean() })
export const UpsertGridInput = z.strictObject({ id: id.optional(), name: text(2, 20) })
export const PeopleInput = z.strictObject({ role: z.enum(['resident', 'member', 'staff', 'admin']).optional() })

export type RegisterResidentInput = z.input<typeof RegisterResidentInput>
export type RegisterMemberInput = z.input<typeof RegisterMemberInput>

export interface MemberProfileView {
  workUnit: string | null
  branch: string | null
  posts: PostType[]
  skills: string[]
}

export interface RegistrationView {
  userId: string
  kind: RegistrationKind
  status: RegistrationStatus
  name: string
  /** Seen by the person and their community's staff only. */
  phone: string | null
  /** Resident: "1号楼 2单元 301". */
  address: string | null
  gridName: string | null
  member: MemberProfileView | null
  submittedAt: string
  decidedAt: string | null
  /** Why it was turned down. */
  reason: string | null
}

export interface Places {
  communityId: string
  communityName: string
  grids: Array<{ id: string; name: string; buildings: Array<{ id: string; name: string }> }>
}

export interface PersonView {
  id: string
  name: string
  roles: Role[]
  gridName: string | null
  phone: string | null
}

// ---- dashboard (数据看板) ------------------------------------------------------------------------

/** A Beijing calendar day. */
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-06-13')

/** Both ends included, Beijing days; at most a year and a day. */
export const PeriodInput = z
  .strictObject({ from: day, to: day })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86400_000, { path: ['to'], message: '时段最长一年' })

export interface Dashboard {
  from: string
  to: string
  /** Orders submitted in the period, counted by where they stand now. */
  orders: {
    total: number
    byStatus: Array<{ status: OrderStatus; count: number }>
    byCategory: Array<{ category: PostType; count: number }>
    byGrid: Array<{ gridId: string | null; gridName: string; count: number }>
    /** One entry per day of the period: submitted that day, and closed that day (of those). */
    byDay: Array<{ day: string; created: number; closed: number }>
  }
  /** From dispatch to the first claim, over the period's orders that were claimed. */
  medianClaimMinutes: number | null
  /** From submission to closing, over the period's orders that closed. */
  medianCloseMinutes: number | null
  /** Orders that ran past a deadline (分级响应) and climbed at least one level. */
  slaBreaches: number
  satisfaction: {
    rated: number
    averageRating: number | null
    /** Orders the resident sent back (还没解决) at least once, of those completed at least once. */
    disputed: number
    completed: number
    disputeShare: number | null
  }
  /** Members who took a period order or attended a period activity. */
  activeMembers: number
  points: { issued: number; redeemed: number }
  activities: { held: number; signedUp: number; attended: number; attendanceRate: number | null }
}

// ---- 工作台账 (ledger) and exports ----------------------------------------------------------------

/** A member's ledger over a period; staff pick the member (none: every member), a member sees their own. */
export const LedgerReportInput = z
  .strictObject({ memberId: id.optional(), from: day, to: day })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86400_000, { path: ['to'], message: '时段最长一年' })

export interface LedgerFigures {
  ordersServed: number
  activitiesAttended: number
  /** Volunteer hours: the length of each activity attended. */
  hours: number
  averageRating: number | null
  pointsEarned: number
  pointsSpent: number
}

export interface MemberLedger extends LedgerFigures {
  memberId: string
  name: string
  branch: string | null
  workUnit: string | null
  orders: Array<{ orderId: string; closedAt: string; title: string; category: PostType; rating: number | null; points: number }>
  activities: Array<{ activityId: string; startAt: string; title: string; category: PostType; hours: number; points: number }>
  entries: Array<{ at: string; note: string; delta: number; balanceAfter: number }>
}

export interface LedgerReport {
  from: string
  to: string
  members: MemberLedger[]
}

/** A generated file: a link in H5, Taro.downloadFile + openDocument in WeChat. */
export interface ExportedFile {
  name: string
  url: string
  expiresAt: string
}

// ---- 三评 (year-end evaluation) -----------------------------------------------------------------

const year = z.number().int().min(2020).max(2100)
const score = z.number().int().min(0).max(100)

export const EvaluationInput = z.strictObject({ memberId: id.optional(), year })
export const EvaluationYearInput = z.strictObject({ year })
/** 自评: the member's own account of the year, with a score out of 100. */
export const SelfEvaluationInput = z.strictObject({ year, score, text: text(10, 2000) })
/** 社区测评 by staff, or 组织考评 entered by staff on the branch's behalf. */
export const ScoreEvaluationInput = z.strictObject({
  memberId: id,
  year,
  part: z.enum(['community', 'branch']),
  score,
  comment: text(0, 500).optional(),
})
export const BranchLinkInput = z.strictObject({ memberId: id, year })
export const BranchTokenInput = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '链接无效，请向社区索取新的链接') })
export const BranchScoreInput = z.strictObject({
  token: BranchTokenInput.shape.token,
  score,
  comment: text(0, 500).optional(),
  /** Who scored for the branch, e.g. "市税务局第一党支部 张书记". */
  scorer: text(2, 40),
})

export type EvaluationPart = 'self' | 'community' | 'branch'

export interface EvaluationScore {
  score: number
  /** 自评 text, or the scorer's comment. */
  text: string | null
  by: string | null
  at: string
}

export interface EvaluationPacket {
  memberId: string
  name: string
  branch: string | null
  workUnit: string | null
  year: number
  figures: LedgerFigures
  self: EvaluationScore | null
  community: EvaluationScore | null
  branchScore: EvaluationScore | null
  /** 自评 20% + 社区测评 40% + 组织考评 40%, once all three are in. */
  combined: number | null
  /** 优秀 / 合格 / 基本合格 / 不合格, once combined. */
  grade: string | null
  missing: EvaluationPart[]
}

export interface EvaluationList {
  year: number
  items: EvaluationPacket[]
}

export interface BranchLink {
  /** The page the branch opens: `/workbench/branch-score/index?token=…`. */
  path: string
  token: string
  expiresAt: string
}

/** What the branch scorer sees: no phone, no address. */
export interface BranchForm {
  name: string
  branch: string | null
  workUnit: string | null
  year: number
  communityName: string
  figures: LedgerFigures
  selfText: string | null
  done: boolean
}

// ---- 三亮一晒 ------------------------------------------------------------------------------------

export const ShowcaseInput = z.strictObject({ gridId: id.optional(), communityId: id.optional() })
/** 亮身份、亮职责、亮承诺: a staff member's own card on their grid's page. */
export const SaveCardInput = z.strictObject({
  gridId: id,
  title: text(2, 20),
  duties: text(4, 300),
  pledge: text(4, 300),
  photo: fileId.nullable().optional(),
})
/** The resident lets a closed order of theirs appear in 晒服务 (default: not shown), or withdraws it. */
export const ShowcaseConsentInput = z.strictObject({ orderId: id, consent: z.boolean() })
export const OrderConsentRef = z.strictObject({ orderId: id })

export interface StaffCardView {
  userId: string
  name: string
  title: string
  duties: string
  pledge: string
  photo: { fileId: string; url: string } | null
  isMe: boolean
}

/** A closed service, as the public sees it: no resident name, phone or address. */
export interface ShowcaseService {
  orderId: string
  category: PostType
  title: string
  summary: string | null
  memberName: string | null
  rating: number | null
  closedAt: string
  photo: { fileId: string; url: string } | null
}

export interface Showcase {
  communityName: string
  gridId: string
  gridName: string
  grids: Array<{ id: string; name: string }>
  cards: StaffCardView[]
  services: ShowcaseService[]
}

export interface ShowcaseConsentView {
  orderId: string
  consent: boolean
}
