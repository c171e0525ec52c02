// accounts.* — who the caller is.
import { z } from 'zod'
import type { PostType, Role } from './enums'
import type { InboxItem } from './inbox'
import type { Redemption } from './mall'
import type { OrderDetail } from './orders'
import type { Balance, LedgerEntry } from './points'
import type { ActivitySummary } from './activities'
import type { EvaluationPacket, RegistrationView } from './workbench'

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
