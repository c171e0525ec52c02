// Steps every order use case shares: load within the caller's community, move through the machine.
import { type Actor, type Caller, SYSTEM, hasRole, managesGrid, streetOf } from '../../domain/access'
import { AppError, notFound } from '../../domain/errors'
import type { Order } from '../../domain/model'
import { deadline } from '../../domain/escalation'
import { type MachineAction, nextStatus } from '../../domain/order-machine'
import { noticeTransition } from './notices'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'

/** A street account sees the orders of its communities that have reached 街道 (climbed to it, or started there). */
const reachedStreet = (order: Order) => order.level === 'street' || order.escalations.some((e) => e.to === 'street' || e.from === 'street')

/**
 * Orders of another community do not exist for the caller (no hint that the id is real); a street
 * account finds those of its communities that have reached 街道.
 */
export async function loadOrder(ctx: Ctx, caller: Caller, orderId: string): Promise<Order> {
  const order = await ctx.repos.orders.get(orderId)
  const mine = (o: Order, c: Actor) => o.communityId === c.communityId || (reachedStreet(o) && streetOf(c, o.communityId))
  if (!order || (caller !== SYSTEM && !mine(order, caller))) throw notFound('没有找到这张工单')
  return order
}

/**
 * Who may open an order at all: its resident, whoever placed it for them, the staff who look after its
 * grid (every grid for 社区工作者, their own for a 网格员), the member serving it, members once it is in
 * the hall, and the street account once it has reached 街道.
 */
export function canView(order: Order, actor: Actor): boolean {
  if (reachedStreet(order) && streetOf(actor, order.communityId)) return true
  if (order.communityId !== actor.communityId) return false
  if (order.residentId === actor.userId || order.agentId === actor.userId) return true
  if (managesGrid(actor, order.communityId, order.gridId)) return true
  if (order.claimerId === actor.userId || order.assigneeId === actor.userId) return true
  return hasRole(actor, 'member') && order.status !== 'submitted' && order.status !== 'rejected' && order.status !== 'referred'
}

/**
 * Contact details (phone, exact address): the resident, the staff who look after the grid, and the
 * member while they hold it. Never the street, which answers without taking the order.
 */
export function canSeeContact(order: Order, actor: Actor): boolean {
  if (order.communityId !== actor.communityId) return false
  if (order.residentId === actor.userId || managesGrid(actor, order.communityId, order.gridId)) return true
  return order.status === 'claimed' && order.claimerId === actor.userId
}

export const rulesOf = async (ctx: Ctx, communityId: string) => (await ctx.repos.places.rules(communityId)) ?? DEFAULT_RULES

/**
 * Applies one transition: checks it against the table, saves the order with its version bumped and
 * appends the timeline event. Returns the saved order.
 */
export async function transition(
  ctx: Ctx,
  order: Order,
  action: MachineAction,
  caller: Caller,
  changes: Partial<Order>,
  note: string | null = null,
): Promise<Order> {
  const to = nextStatus(order, action, caller)
  const at = ctx.clock.now()
  const rules = await rulesOf(ctx, order.communityId)
  // every move that starts a wait (to be claimed, to be completed) starts its clock, at the severity's pace
  const dueAt = deadline(rules, { ...order, ...changes }, to, at)
  const saved: Order = { ...order, dueAt, ...changes, status: to, updatedAt: at, version: order.version + 1 }
  await ctx.repos.orders.update(saved)
  await ctx.repos.orders.appendEvent({
    orderId: order.id,
    seq: saved.version,
    at,
    actorId: caller === SYSTEM ? null : caller.userId,
    action,
    from: order.status,
    to,
    note,
  })
  await noticeTransition(ctx, action, order, saved, caller === SYSTEM ? '' : caller.name)
  return saved
}

/** Refuses the caller unless `ok`: for role checks that depend on the input (a list scope, say). */
export function requireRole(ok: boolean, message: string) {
  if (!ok) throw new AppError('FORBIDDEN', message)
}
