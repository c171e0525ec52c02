// points.* — balance, ledger, rules, adjustments and rankings (DESIGN.md §5), and the year-end 三评.
import { z } from 'zod'
import { POINTS_LIMITS as P } from './limits'
import type { LedgerFigures } from './workbench'
import type { LedgerReason, PostType } from './enums'
import { LEVELS, POST_TYPES, URGENCIES } from './enums'
import { id, page, text } from './common'
import type { Page } from './common'

const points = z.number().int().min(0).max(1000)
const slaEntry = z.strictObject({ claimHours: z.number().min(0.25).max(720), completeHours: z.number().min(0.25).max(2160) })
const share = z.number().min(0).max(1)
const severityEntry = z.strictObject({
  /** The level an order of this severity starts at (小事不出网格、大事不出社区). */
  level: z.enum(LEVELS),
  /** Its clock: the urgency's SLA hours times this. */
  clockFactor: z.number().min(0.1).max(1),
  /** The deadline a referral (转办) is offered by default, in hours. */
  referralHours: z.number().min(1).max(720),
})

/** Rules added after communities had stored theirs: a stored set without them reads with these. */
export const RULE_DEFAULTS = {
  ratingShare: { 1: 0.5, 2: 0.5, 3: 1, 4: 1, 5: 1 },
  revisitAtOrBelow: 2,
  carePoints: 10,
  severity: {
    general: { level: 'grid', clockFactor: 1, referralHours: 72 },
    major: { level: 'community', clockFactor: 0.5, referralHours: 48 },
    critical: { level: 'street', clockFactor: 0.25, referralHours: 24 },
  },
  gridTaskPoints: 10,
} as const

/** Points rules are data per community; admins change them (points.updateRules). */
export const PointsRulesSchema = z.strictObject({
  /** Base points for an order, by post type. */
  basePoints: z.strictObject(Object.fromEntries(POST_TYPES.map((p) => [p, points])) as Record<(typeof POST_TYPES)[number], typeof points>),
  /** Multiplier on base points by urgency. */
  urgencyFactor: z.strictObject(
    Object.fromEntries(URGENCIES.map((u) => [u, z.number().min(0.5).max(5)])) as Record<(typeof URGENCIES)[number], z.ZodNumber>,
  ),
  /** Extra points on close, by the resident's rating (1–5). */
  ratingBonus: z.strictObject({ 1: points, 2: points, 3: points, 4: points, 5: points }),
  /** The share of the dispatched points paid on close, by the rating (经居民评价打分后): low ratings pay less. */
  ratingShare: z.strictObject({ 1: share, 2: share, 3: share, 4: share, 5: share }).default(RULE_DEFAULTS.ratingShare),
  /** A rating at or below this flags the order for a 回访 (0: never). */
  revisitAtOrBelow: z.number().int().min(0).max(5).default(RULE_DEFAULTS.revisitAtOrBelow),
  /** Default points for a weekend activity. */
  activityPoints: points,
  /** Points for a 结对帮扶 care task done (photo + report), paid to the member who closes it. */
  carePoints: points.default(RULE_DEFAULTS.carePoints),
  /** Most points a member can be awarded in one Beijing day (0: no cap). Adjustments and refunds are not capped. */
  dailyCap: z.number().int().min(0).max(10000),
  /** Points lapse at the end of the year after the one they were earned in (oldest spent first). */
  expiryEnabled: z.boolean(),
  /** Hours to be claimed once dispatched, and to be completed once claimed, by urgency (分级响应时限). */
  sla: z.strictObject({ low: slaEntry, normal: slaEntry, urgent: slaEntry }),
  /** Most orders a member holds at once; at the cap they are not offered more. */
  memberLoadCap: z.number().int().min(1).max(50),
  /** 分级响应 by severity (一般 / 较大 / 重大): where an order starts and how fast its clock runs. */
  severity: z.strictObject({ general: severityEntry, major: severityEntry, critical: severityEntry }).default(RULE_DEFAULTS.severity),
  /** 网格台账: points a 网格员 earns for a task community staff confirmed (评优), once per task. */
  gridTaskPoints: points.default(RULE_DEFAULTS.gridTaskPoints),
})
export type PointsRules = z.infer<typeof PointsRulesSchema>

export const LedgerInput = z.strictObject({ ...page })
export const UpdateRulesInput = z.strictObject({ rules: PointsRulesSchema })
export const AdjustInput = z.strictObject({
  memberId: id,
  delta: z
    .number()
    .int()
    .min(-P.maxAdjust)
    .max(P.maxAdjust)
    .refine((n) => n !== 0, '调整分值不能为 0'),
  reason: text(P.adjustReason),
})
export const RankingInput = z.strictObject({
  by: z.enum(['person', 'branch', 'workUnit']),
  year: z.number().int().min(2020).max(2100).optional(),
})

/** points.adjust: the member's balance after a staff adjustment. */
export interface AdjustResult {
  memberId: string
  balance: number
}

export interface Balance {
  balance: number
  /** All-time totals. */
  earned: number
  spent: number
  /** This Beijing calendar year. */
  yearEarned: number
  yearSpent: number
  /** Points that lapse at the end of this year, if expiry is on. */
  expiringThisYear: number
  rankingOptIn: boolean
}

/**
 * What an order's award is made of, for the line 「助老扶幼 20 + 五星 5」 (the app words it): the points
 * it was dispatched with (by its post type, urgency included), the rating's bonus, and what the daily
 * cap held back (negative).
 */
export type AwardPart =
  | { kind: 'post'; postType: PostType; points: number }
  | { kind: 'rating'; stars: number; points: number }
  | { kind: 'cap'; points: number }

export interface LedgerEntry {
  id: string
  delta: number
  reason: LedgerReason
  /** Chinese line for the list: 完成工单「帮老人取药」 */
  note: string
  /** An order's award, part by part (entries written before parts were kept have none). */
  parts?: AwardPart[]
  balanceAfter: number
  at: string
}

export type LedgerPage = Page<LedgerEntry>

export interface RulesView {
  rules: PointsRules
  /** The rules in plain words, for members. */
  explained: string[]
  updatedAt: string | null
  updatedBy: string | null
}

export interface RankingRow {
  rank: number
  /** A person's name (opted in only), a party branch or a work unit. */
  name: string
  points: number
  /** For branch / work-unit rows: how many members count toward it. */
  members?: number
  isMe?: boolean
}

export interface Ranking {
  by: 'person' | 'branch' | 'workUnit'
  year: number
  rows: RankingRow[]
}

// ---- 三评 (year-end evaluation) -----------------------------------------------------------------

const year = z.number().int().min(2020).max(2100)
const score = z.number().int().min(P.score.min).max(P.score.max)

export const EvaluationInput = z.strictObject({ memberId: id.optional(), year })
export const EvaluationYearInput = z.strictObject({ year })
/** 自评: the member's own account of the year, with a score out of 100. */
export const SelfEvaluationInput = z.strictObject({ year, score, text: text(P.selfText) })
/** 社区测评 by staff, or 组织考评 entered by staff on the branch's behalf. */
export const ScoreEvaluationInput = z.strictObject({
  memberId: id,
  year,
  part: z.enum(['community', 'branch']),
  score,
  comment: text(P.comment).optional(),
})
export const BranchLinkInput = z.strictObject({ memberId: id, year })
export const BranchTokenInput = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, '链接无效，请向社区索取新的链接') })
export const BranchScoreInput = z.strictObject({
  token: BranchTokenInput.shape.token,
  score,
  comment: text(P.comment).optional(),
  /** Who scored for the branch, e.g. "市税务局第一党支部 张书记". */
  scorer: text(P.scorer),
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
