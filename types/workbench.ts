// workbench.* — the staff workbench: the dashboard (数据看板), the 工作台账 and its export, and 三亮一晒.
import { z } from 'zod'
import type { OrderStatus, PostType } from './enums'
import { fileId, id, text } from './common'
import { WORKBENCH_LIMITS as L } from './limits'
import type { GridTaskLedgerRow } from './grid-tasks'

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
  /** A 网格员's dashboard counts their grids' orders only: these; null for the whole community. */
  gridNames: string[] | null
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
    /** 满意率: rated 4 or 5 stars, of those rated. */
    satisfied: number
    satisfiedShare: number | null
    /** Orders the resident sent back (还没解决) at least once, of those completed at least once. */
    disputed: number
    completed: number
    /** 重办率: sent back (还没解决) at least once, of those completed at least once. */
    disputeShare: number | null
  }
  /** 转办: of the period's orders, those referred to a unit, and those whose unit has answered. */
  referrals: { referred: number; answered: number }
  /** Members who took a period order or attended a period activity. */
  activeMembers: number
  points: { issued: number; redeemed: number }
  activities: { held: number; signedUp: number; attended: number; attendanceRate: number | null }
}

/** One community's row of the street's dashboard: its figures over the period, without the lists. */
export interface CommunityFigures {
  communityId: string
  name: string
  /** Orders submitted in the period, and of those the ones closed now. */
  orders: number
  closed: number
  medianClaimMinutes: number | null
  medianCloseMinutes: number | null
  slaBreaches: number
  satisfaction: Dashboard['satisfaction']
  referrals: Dashboard['referrals']
  activeMembers: number
  points: Dashboard['points']
  activities: Dashboard['activities']
}

/**
 * 街道数据看板: the street's figures over a period — the street as a whole (every figure of a
 * community's dashboard, its orders by community instead of by grid) and one row per community, by name.
 */
export interface StreetDashboard {
  from: string
  to: string
  streetName: string
  total: Omit<Dashboard, 'from' | 'to' | 'gridNames' | 'orders'> & {
    orders: Omit<Dashboard['orders'], 'byGrid'>
  }
  communities: CommunityFigures[]
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
  /** 结对帮扶: care tasks closed. */
  careTasksDone: number
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
  /** 结对帮扶: the care tasks they closed in the period (每周探望 …), with the points each paid. */
  care: Array<{ recordId: string; at: string; title: string; points: number }>
  entries: Array<{ at: string; note: string; delta: number; balanceAfter: number }>
}

export interface LedgerReport {
  from: string
  to: string
  members: MemberLedger[]
  /**
   * 网格员台账: the grid workers' tasks published or confirmed in the period — in staff's whole-community
   * report (a sheet of the export); null in one member's.
   */
  gridTasks: GridTaskLedgerRow[] | null
}

/** A generated file: a link in H5, Taro.downloadFile + openDocument in WeChat. */
export interface ExportedFile {
  name: string
  url: string
  expiresAt: string
}

// ---- 三亮一晒 ------------------------------------------------------------------------------------

export const ShowcaseInput = z.strictObject({ gridId: id.optional(), communityId: id.optional() })
/** 亮身份、亮职责、亮承诺: a staff member's own card on their grid's page. */
export const SaveCardInput = z.strictObject({
  gridId: id,
  title: text(L.cardTitle),
  duties: text(L.cardDuties),
  pledge: text(L.cardPledge),
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

/** workbench.myCard / saveCard: a staff member's own card, for the edit form. */
export type MyCard = Omit<StaffCardView, 'name' | 'isMe'> & { gridId: string }
