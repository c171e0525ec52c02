// accounts.* — who the caller is, 居民登记 / 双报到 and their review, the admin's staff and grids, the
// inbox, and the caller's own data (PIPL).
import { z } from 'zod'
import { id, text } from './common'
import { POST_TYPES } from './enums'
import type { PostType, Role } from './enums'
import { ACCOUNT_LIMITS as L } from './limits'
import type { InboxItem } from './inbox'
import type { Redemption } from './mall'
import type { OrderDetail } from './orders'
import type { Balance, LedgerEntry } from './points'
import type { ActivitySummary } from './activities'
import type { EvaluationPacket } from './points'
import { TEMPLATE_KEYS, type SubscriptionView, type TemplateKey } from './subscribe'

// ---- onboarding (双报到) ------------------------------------------------------------------------

export const REGISTRATION_KINDS = ['resident', 'member'] as const
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number]
export type RegistrationStatus = 'pending' | 'approved' | 'rejected'

/** A mainland mobile number, typed (local mode) or from WeChat's getPhoneNumber (cloud). */
export const phoneNumber = z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号')

/** 居民登记: binds a home (楼栋 → 单元 → 房号); staff verify it before the resident role is granted. */
export const RegisterResidentInput = z.strictObject({
  name: text(L.name),
  /** Typed locally; in WeChat the getPhoneNumber button fills it through accounts.verifyPhone. */
  phone: phoneNumber,
  buildingId: id,
  /** "2" or "2单元" */
  unit: text(L.unit),
  /** "301" */
  room: text(L.room),
})

/** 在职党员双报到: work unit, party branch, the posts claimed (认领岗位), skills and the home grid. */
export const RegisterMemberInput = z.strictObject({
  workUnit: text(L.workUnit),
  branch: text(L.branch),
  posts: z
    .array(z.enum(POST_TYPES))
    .min(1, '请至少认领一个岗位')
    .max(POST_TYPES.length)
    .refine((p) => new Set(p).size === p.length, '岗位不能重复'),
  skills: z.array(text(L.skill)).max(L.maxSkills).default([]),
  gridId: id,
})

/** approveMember / approveResident: staff of the same community decide a pending registration. */
export const DecideRegistrationInput = z
  .strictObject({ userId: id, approve: z.boolean(), reason: text(L.reason).optional() })
  .refine((v) => v.approve || v.reason !== undefined, { path: ['reason'], message: '不通过需要写明原因' })

/** WeChat: the getPhoneNumber button's one-time code (5 minutes), exchanged for the verified number. */
export const VerifyPhoneInput = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '手机号授权已失效，请重新授权') })

export const ListPendingInput = z.strictObject({ kind: z.enum(REGISTRATION_KINDS).optional() })
export const PlacesInput = z.strictObject({ communityId: id.optional() })
export const SetStaffInput = z.strictObject({ userId: id, staff: z.boolean() })
export const UpsertGridInput = z.strictObject({ id: id.optional(), name: text(L.name) })
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

export interface Me {
  id: string
  name: string
  roles: Role[]
  communityId: string
  communityName: string
  gridId: string | null
  gridName: string | null
  buildingName: string | null
  address: string | null
  phone: string | null
  member: {
    branch: string | null
    workUnit: string | null
    posts: PostType[]
    skills: string[]
  } | null
}

/** Local demo sign-in (GET /api/auth/demo-users). */
export interface DemoUser {
  id: string
  name: string
  roles: Role[]
  communityId: string
  communityName: string
  gridId?: string
}

/** accounts.listMembers (staff): who an order can be directed to. */
export interface MemberListItem {
  id: string
  name: string
  gridName: string | null
  posts: PostType[]
  skills: string[]
}

/** accounts.updateProfile: the caller's own settings. */
export const UpdateProfileInput = z.strictObject({ rankingOptIn: z.boolean().optional() })

/**
 * accounts.subscribe: the templates the person just accepted in WeChat's subscription sheet
 * (wx.requestSubscribeMessage answers "accept" per template id); each acceptance allows one message.
 */
export const SubscribeInput = z.strictObject({
  accepted: z
    .array(z.enum(TEMPLATE_KEYS as [TemplateKey, ...TemplateKey[]]))
    .min(1)
    .max(TEMPLATE_KEYS.length)
    .refine((keys) => new Set(keys).size === keys.length, { message: '每个模板只能出现一次' }),
})

/** accounts.exportMyData takes nothing: it is always the caller's own data. */
export const ExportMyDataInput = z.strictObject({})

/** accounts.deleteMe: the caller must say so explicitly (注销账号). */
export const DeleteMeInput = z.strictObject({
  confirm: z.literal(true, { message: '请确认要注销账号（confirm: true）' }),
})

/** accounts.exportMyData (PIPL): everything the system holds about the caller, as JSON. */
export interface MyData {
  exportedAt: string
  profile: Me & { rankingOptIn: boolean; createdAt: string }
  /** Orders the caller placed as a resident, with their timelines. */
  orders: OrderDetail[]
  /** Orders the caller holds or held as a member (claimed, or directed to them). */
  tasks: OrderDetail[]
  points: { balance: Balance; ledger: LedgerEntry[] }
  redemptions: Redemption[]
  /** Activities the caller signed up for (not withdrawn), with their place in each. */
  signups: ActivitySummary[]
  inbox: InboxItem[]
  /** 居民登记 / 双报到, as submitted and decided. */
  registrations: RegistrationView[]
  /** 三评 of this year and the last (members). */
  evaluations: EvaluationPacket[]
  /** 订阅消息: how many more messages of each template WeChat lets the app send. */
  subscriptions: SubscriptionView[]
  /** A staff member's 亮身份 card, if any. */
  card: {
    userId: string
    gridId: string
    title: string
    duties: string
    pledge: string
    photo: { fileId: string; url: string } | null
  } | null
}

/** accounts.deleteMe: what was erased, and what is kept for others and why. */
export interface DeleteMeResult {
  deleted: true
  cancelledOrders: number
  releasedOrders: number
  cancelledRedemptions: number
  withdrawnSignups: number
  deletedNotices: number
  deletedPhotos: number
  /** Records kept for other people, in plain words. */
  kept: string[]
}
