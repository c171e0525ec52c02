// accounts.* — who the caller is, 居民登记 / 双报到 and their review, the admin's staff and grids, the
// inbox, and the caller's own data (PIPL).
import { z } from 'zod'
import { id, text } from './common'
import { MANAGEMENTS, MEMBER_STATUSES, POST_TYPES } from './enums'
import type { Management, MemberStatus, PostType, Role } from './enums'
import { ACCOUNT_LIMITS as L } from './limits'
import type { InboxItem } from './inbox'
import type { Redemption } from './mall'
import type { OrderDetail } from './orders'
import type { Balance, LedgerEntry } from './points'
import type { ActivitySummary } from './activities'
import type { EvaluationPacket } from './points'
import { TEMPLATE_KEYS, type SubscriptionView, type TemplateKey } from './subscribe'
import type { GridTaskDetail } from './grid-tasks'
import type { CareRecordView, CareTaskView } from './care'

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

/**
 * 党员报到 (在职党员双报到, and the retired and floating members too): status (在职 / 退休 / 流动), how the
 * member is managed (直管 / 联管 / 代管 / 双管), party branch, a work unit (asked of the in-service only),
 * the posts claimed (认领岗位), skills and the home grid.
 */
export const RegisterMemberInput = z
  .strictObject({
    status: z.enum(MEMBER_STATUSES).default('on_job'),
    management: z.enum(MANAGEMENTS).default('direct'),
    workUnit: text(L.workUnit).optional(),
    branch: text(L.branch),
    posts: z
      .array(z.enum(POST_TYPES))
      .min(1, '请至少认领一个岗位')
      .max(POST_TYPES.length)
      .refine((p) => new Set(p).size === p.length, '岗位不能重复'),
    skills: z.array(text(L.skill)).max(L.maxSkills).default([]),
    gridId: id,
  })
  .refine((v) => v.status !== 'on_job' || v.workUnit !== undefined, { path: ['workUnit'], message: '在职党员请填写工作单位' })

/** approveMember / approveResident: staff of the same community decide a pending registration. */
export const DecideRegistrationInput = z
  .strictObject({ userId: id, approve: z.boolean(), reason: text(L.reason).optional() })
  .refine((v) => v.approve || v.reason !== undefined, { path: ['reason'], message: '不通过需要写明原因' })

/** WeChat: the getPhoneNumber button's one-time code (5 minutes), exchanged for the verified number. */
export const VerifyPhoneInput = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, '手机号授权已失效，请重新授权') })

export const ListPendingInput = z.strictObject({ kind: z.enum(REGISTRATION_KINDS).optional() })
export const PlacesInput = z.strictObject({ communityId: id.optional() })
export const SetStaffInput = z.strictObject({ userId: id, staff: z.boolean() })
/** Admin: makes a person a 网格员 of these grids (a 网格长 when lead), or no grid worker at all (none). */
export const SetGridWorkerInput = z.strictObject({
  userId: id,
  gridIds: z
    .array(id)
    .max(20)
    .refine((g) => new Set(g).size === g.length, '网格不能重复'),
  lead: z.boolean().default(false),
})
/** 楼栋长 (no unit) or 单元长 of a building, marked by community workers; null clears it. */
export const SetHeadInput = z.strictObject({
  userId: id,
  head: z.strictObject({ buildingId: id, unit: text(L.unit).optional() }).nullable(),
})
/** The residents a 网格员 or 社区工作者 may order for (代办): of their grids, found by name, building or phone. */
export const ResidentsInput = z.strictObject({ q: text(L.search).optional(), gridId: id.optional() })
export const UpsertGridInput = z.strictObject({ id: id.optional(), name: text(L.name) })
export const PeopleInput = z.strictObject({ role: z.enum(['resident', 'member', 'staff', 'admin']).optional() })
export const UpsertBuildingInput = z.strictObject({ id: id.optional(), name: text(L.buildingName), gridId: id })

// ---- the self-hosted door (DESIGN.md §10): invitation → password (and passkeys) → session ------------

/** A one-time link's token, as the link carries it. */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, '链接无效，请向社区工作人员索取新的链接')

/** A new password: long enough to resist guessing, any characters (spaces too). */
export const newPassword = z
  .string()
  .min(L.password.min, `密码至少 ${L.password.min} 位`)
  .max(L.password.max, `密码最多 ${L.password.max} 位`)
  .refine((p) => new Set(p).size > 2, '密码太简单了，请换一个')

/** accounts.signIn: the phone number and the password. */
export const SignInInput = z.strictObject({ login: phoneNumber, password: z.string().min(1, '请输入密码').max(L.password.max) })
/** accounts.invite: staff invite a registered person of the community to set a password (or reset it). */
export const InviteInput = z.strictObject({ userId: id })
/** accounts.acceptInvite: the invitation's token and the password the person chooses (none in WeChat, which binds the OPENID). */
export const AcceptInviteInput = z.strictObject({ token: linkToken, password: newPassword.optional() })
/** accounts.setupCommunity: the one-time setup link of a new server makes the community and its first admin. */
export const SetupCommunityInput = z.strictObject({
  token: linkToken,
  communityName: text(L.communityName),
  name: text(L.name),
  phone: phoneNumber,
  password: newPassword,
})
/** A passkey's credential id, base64url (WebAuthn allows up to 1023 bytes). */
export const credentialId = z.string().regex(/^[A-Za-z0-9_-]{16,1400}$/, '编号格式不对')
/** accounts.addPasskey / signInWithPasskey: the browser's WebAuthn answer to a challenge the server handed out. */
export const PasskeyAnswerInput = z.strictObject({ challengeId: id, response: z.record(z.string(), z.unknown()) })
/** accounts.removePasskey: one of the caller's passkeys. */
export const RemovePasskeyInput = z.strictObject({ id: credentialId })

/** A session opened: the bearer token for the Authorization header, and who it signs in. */
export interface SignedIn {
  token: string
  expiresAt: string
  user: Me
}

/** An invitation made: the link to send (as text or a QR code), once; it works until `expiresAt`. */
export interface InvitationLink {
  userId: string
  name: string
  /** The app page that takes it (the mini-program's path; in H5 the gateway's /invite?token=… leads there). */
  path: string
  token: string
  expiresAt: string
}

/** A WebAuthn challenge: the id to send back with the answer, and the options for the browser. */
export interface PasskeyChallengeView {
  challengeId: string
  options: Record<string, unknown>
}

/** One of the caller's passkeys (accounts.passkeys): when it was added and last used. */
export interface PasskeyView {
  id: string
  createdAt: string
  lastUsedAt: string | null
}

export type RegisterResidentInput = z.input<typeof RegisterResidentInput>
export type RegisterMemberInput = z.input<typeof RegisterMemberInput>

export interface MemberProfileView {
  status: MemberStatus
  management: Management
  workUnit: string | null
  branch: string | null
  posts: PostType[]
  skills: string[]
}

/** A person's standing beyond their roles, in words for cards: "第一网格网格长", "4号楼楼栋长". */
export interface Standing {
  /** 网格员: the grids they serve; `lead` marks a 网格长. */
  gridWork: { grids: Array<{ id: string; name: string }>; lead: boolean } | null
  /** "4号楼楼栋长", "3号楼2单元单元长". */
  head: string | null
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

export interface PersonView extends Standing {
  id: string
  name: string
  roles: Role[]
  gridName: string | null
  phone: string | null
}

/** accounts.residents: a resident one may order for (代办), with the home to recognise them by. */
export interface ResidentItem {
  id: string
  name: string
  gridName: string | null
  address: string | null
  phone: string | null
}

export interface Me extends Standing {
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
  member: MemberProfileView | null
  /** A street account (街道): its street and the communities it answers for. */
  street: { id: string; name: string; communities: Array<{ id: string; name: string }> } | null
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
  /** 网格台账: a 网格员's own tasks, with the progress they uploaded (others: none). */
  gridTasks: GridTaskDetail[]
  /** 结对帮扶: the pairs the caller stands in (each with its current task) and the care tasks they closed, reports and photos. */
  care: { pairs: CareTaskView[]; done: CareRecordView[] }
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

// ---- 社区设置表: setting a community up from its spreadsheets --------------------------------------

/** accounts.importRoster: the workbook's sheets as rows of cell texts (header row first); a dry run unless `commit`. */
export const ImportRosterInput = z.strictObject({
  sheets: z
    .record(z.string().max(31), z.array(z.array(z.string().max(200)).max(40)).max(5001))
    .refine((s) => Object.keys(s).length <= 20, '工作表太多了'),
  commit: z.boolean(),
})

export interface RosterIssue {
  sheet: string
  /** The row as Excel numbers it (the header is row 1); null: the whole sheet. */
  row: number | null
  column: string | null
  message: string
}

/** What an import found and (when committed without errors) wrote, sheet by sheet. */
export interface RosterPreview {
  committed: boolean
  errors: RosterIssue[]
  warnings: string[]
  counts: Array<{ sheet: string; rows: number; created: number; updated: number; unchanged: number }>
}
