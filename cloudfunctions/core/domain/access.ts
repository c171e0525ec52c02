// Who the caller is to the rules: resolved on the server from the database, never from the payload.
import type { Role } from '@shared/enums'
import { AppError } from './errors'

export interface Actor {
  userId: string
  /** The caller's tenant: their community, or a street account's street (see User.communityId). */
  communityId: string
  roles: Role[]
  name: string
  /** The session the call came through (bearer-token doors): what signing out ends. */
  sessionId?: string
  /** The client's address as the transport saw it (the local gateway): failed sign-ins count per address. */
  address?: string
  /** 网格员: the grids they serve. */
  grids?: readonly string[]
  /** 网格长: leads the grids they serve (网格台账: publishes tasks to their workers). */
  gridLead?: boolean
  /** 街道: the communities its street owns. */
  streetCommunities?: readonly string[]
}

/** The scheduler and other jobs act as the system: no user, no community limits of their own. */
export const SYSTEM = 'system' as const
export type Caller = Actor | typeof SYSTEM

/**
 * Who calls a public action without signing in — a grid's 三亮一晒 page, a branch's one-time 三评
 * link: no user, no community, no roles. The use case checks whatever else it needs.
 */
export const GUEST: Actor = Object.freeze({ userId: '', communityId: '', roles: [], name: '' }) as Actor

export const hasRole = (who: { roles: readonly Role[] }, role: Role) => who.roles.includes(role)

/** Staff powers: community staff and the community's admin. */
export const isStaff = (who: { roles: readonly Role[] }) => hasRole(who, 'staff') || hasRole(who, 'admin')

/**
 * Separation of duties (DESIGN.md §10): nobody awards, verifies, dispatches to or scores themselves,
 * whatever roles they hold together. `subjectId` is the person the act is for.
 */
export function assertNotSelf(actor: Actor, subjectId: string | null | undefined, message: string) {
  if (subjectId && subjectId === actor.userId) throw new AppError('FORBIDDEN', message)
}

/**
 * Who looks after the orders of a grid (审核、下单、转办): the community's staff for every grid, a
 * 网格员 for the grids they serve. An order with no grid is the community office's.
 */
export function managesGrid(who: Actor, communityId: string, gridId: string | null): boolean {
  if (who.communityId !== communityId) return false
  if (isStaff(who)) return true
  return hasRole(who, 'grid_worker') && gridId !== null && (who.grids ?? []).includes(gridId)
}

/** May the caller manage some grid's orders (a review queue of their own)? */
export const managesOrders = (who: Actor) => isStaff(who) || (hasRole(who, 'grid_worker') && (who.grids ?? []).length > 0)

/** A street account whose street owns the community. */
export const streetOf = (who: Actor, communityId: string) => hasRole(who, 'street') && (who.streetCommunities ?? []).includes(communityId)
