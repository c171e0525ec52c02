// Steps every order use case shares: load within the caller's community, move through the machine.
import { type Actor, type Caller, SYSTEM, hasRole, isStaff } from '../../domain/access'
import { AppError, notFound } from '../../domain/errors'
import type { Order } from '../../domain/model'
import { deadline } from '../../domain/escalation'
import { type MachineAction, nextStatus } from '../../domain/order-machine'
import { noticeTransition } from './notices'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'

/** Orders of another community do not exist for the caller (no hint that the id is real). */
export async function loadOrder(ctx: Ctx, caller: Caller, orderId: string): Promise<Order> {
  const order = await ctx.repos.orders.get(orderId)
  if (!order || (caller !== SYSTEM && order.communityId !== caller.communityId)) throw notFound('没有找到这张工单')
  return order
}

/** Who may open an order at all: its resident, staff, and members once it has been dispatched. */
export function canView(order: Order, actor: Actor): boolean {
  if (order.communityId !== actor.communityId) return false
  if (order.residentId === actor.userId || isStaff(actor)) return true
  if (order.claimerId === actor.userId || order.assigneeId === actor.userId) return true
  return hasRole(actor, 'member') && order.status !== 'submitted' && order.status !== 'rejected'
}

/** Contact details (phone, exact address): the resident, staff, and the member while they hold it. */
export function canSeeContact(order: Order, actor: Actor): boolean {
  if (order.communityId !== actor.communityId) return false
  if (order.residentId === actor.userId || isStaff(actor)) return true
  return order.status === 'claimed' && order.claimerId === actor.userId
}

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
  const rules = (await ctx.repos.places.rules(order.communityId)) ?? DEFAULT_RULES
  // every move that starts a wait (to be claimed, to be completed) starts its clock
  const dueAt = deadline(rules, order.urgency, to, at)
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
