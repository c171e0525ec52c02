// 双报到 and 居民登记: who may decide a registration, and what approving it does to the person.
import type { Role } from '@shared/enums'
import { type Actor, isStaff } from './access'
import { conflict, forbidden, notFound } from './errors'
import type { Building, BuildingHead, Grid, MemberProfile, Registration, User } from './model'

/** "2" → "2单元"; "2单元" stays; the room follows: "2单元 301". */
export function formatRoom(unit: string, room: string): string {
  const u = /^\d+$/.test(unit) ? `${unit}单元` : unit
  return `${u} ${room}`
}

/** A person as first created: in a tenant, with a name, and nothing else until someone decides more. */
export function newPerson(p: Pick<User, 'id' | 'communityId' | 'name' | 'createdAt'> & Partial<Pick<User, 'phone' | 'roles'>>): User {
  return {
    phone: null,
    roles: [],
    gridId: null,
    buildingId: null,
    room: null,
    member: null,
    rankingOptIn: false,
    workGrids: [],
    gridLead: false,
    headOf: null,
    ...p,
  }
}

/** A member profile with every field: one kept before status and management existed was an in-service, 直管 member. */
export function withMemberDefaults(p: Partial<MemberProfile>): MemberProfile {
  return {
    branch: p.branch ?? null,
    workUnit: p.workUnit ?? null,
    posts: p.posts ?? [],
    skills: p.skills ?? [],
    status: p.status ?? 'on_job',
    management: p.management ?? 'direct',
  }
}

/** "4号楼楼栋长", "4号楼2单元单元长" (a unit typed "2" or "2单元"). */
export function headLabel(head: BuildingHead, buildingName: string): string {
  if (!head.unit) return `${buildingName}楼栋长`
  return `${buildingName}${/^\d+$/.test(head.unit) ? `${head.unit}单元` : head.unit}单元长`
}

/**
 * Admin: the grids a person serves as 网格员 (none: no longer one). Grids are the community's own; a
 * 网格长 (lead) serves at least one grid.
 */
export function withGridWork(user: User, grids: Grid[], lead: boolean): User {
  const roles = grids.length ? withRole(user.roles, 'grid_worker') : withoutRole(user.roles, 'grid_worker')
  return { ...user, roles, workGrids: grids.map((g) => g.id), gridLead: grids.length > 0 && lead }
}

export const withRole = (roles: readonly Role[], role: Role): Role[] => (roles.includes(role) ? [...roles] : [...roles, role])
export const withoutRole = (roles: readonly Role[], role: Role): Role[] => roles.filter((r) => r !== role)

/**
 * Staff of the registration's community decide it, once, and never their own. A registration of
 * another community does not exist for the caller (no hint that the person is real).
 */
export function assertCanDecide(registration: Registration | null, actor: Actor): asserts registration is Registration {
  if (!registration || registration.communityId !== actor.communityId || !isStaff(actor)) throw notFound('没有找到这份登记')
  if (registration.userId === actor.userId) throw forbidden('不能审核自己的登记')
  if (registration.status !== 'pending') throw conflict(registration.status === 'approved' ? '这份登记已经通过了' : '这份登记已经处理过了')
}

/** A new submission: refused while one of the same kind waits; after a decision it replaces it. */
export function assertCanSubmit(previous: Registration | null) {
  if (previous?.status === 'pending') throw conflict('您已提交过登记，请等待社区审核')
}

/**
 * What approval grants. Resident: the role and the bound home (grid from the building). Member: the
 * role, the profile, and the home grid unless a home already fixes it.
 */
export function applyRegistration(user: User, r: Registration, building: Building | null): User {
  if (r.kind === 'resident') {
    return {
      ...user,
      name: r.name,
      phone: r.phone ?? user.phone,
      buildingId: building?.id ?? r.buildingId,
      gridId: building?.gridId ?? r.gridId,
      room: r.room,
      roles: withRole(user.roles, 'resident'),
    }
  }
  return {
    ...user,
    gridId: user.buildingId ? user.gridId : r.gridId,
    member: r.member,
    roles: withRole(user.roles, 'member'),
  }
}

const NUMERALS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' }

/** Places in the order people count them: 第一网格, 第二网格, 第三网格 … 第十网格; 2号楼 before 10号楼. */
export function byPlaceName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  const key = (s: string) => s.replace(/[一二三四五六七八九十]/g, (c) => NUMERALS[c])
  return key(a.name).localeCompare(key(b.name), 'zh-CN', { numeric: true }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
