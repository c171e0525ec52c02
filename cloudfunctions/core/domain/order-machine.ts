// The order lifecycle (DESIGN.md §3) as data: which action moves which status, and who may take it.
import { ORDER_ACTIONS, type OrderAction, type OrderStatus } from '@shared/enums'
import { type Caller, SYSTEM, hasRole, managesGrid, streetOf } from './access'
import { AppError } from './errors'
import type { Order } from './model'

/**
 * How the caller stands to one order. `staff`: looks after its grid (社区工作者, the grid's 网格员);
 * `proxy`: staff who may act for the resident — never the one who placed it for them or served it;
 * `street`: the 街道 account of its community while it stands at 街道.
 */
export type Relation = 'owner' | 'staff' | 'proxy' | 'member' | 'assignee' | 'claimer' | 'street' | 'system'

/**
 * Steps only the system takes (the scheduler): in the table so every timeline event comes from it,
 * never offered to a person, so never on the wire's list of actions.
 */
export type SystemAction = 'escalate'
export type MachineAction = OrderAction | SystemAction

export interface Transition {
  action: MachineAction
  from: readonly OrderStatus[]
  /** Null: the order keeps its status (escalation moves it up the ladder, not along the lifecycle). */
  to: OrderStatus | null
  by: readonly Relation[]
  /** Extra condition on the order, with the reason shown when it fails. */
  guard?: { test: (order: Order) => boolean; message: string | ((order: Order) => string) }
}

const served = (o: Order) => o.claimerId !== null

export const ORDER_TRANSITIONS: readonly Transition[] = [
  { action: 'dispatch', from: ['submitted'], to: 'open', by: ['staff'] }, // 社区下单
  { action: 'reject', from: ['submitted'], to: 'rejected', by: ['staff'] }, // 不受理
  { action: 'refer', from: ['submitted', 'open'], to: 'referred', by: ['staff'] }, // 转办: to a unit, with a deadline
  { action: 'cancel', from: ['submitted', 'open'], to: 'cancelled', by: ['owner'] }, // 撤销
  { action: 'claim', from: ['open'], to: 'claimed', by: ['member'] }, // 党员接单 (a directed order: its assignee accepts)
  { action: 'decline', from: ['open'], to: 'open', by: ['assignee'] }, // 指派的党员退回: back to the hall
  { action: 'release', from: ['claimed'], to: 'open', by: ['claimer'] }, // 退单
  { action: 'complete', from: ['claimed'], to: 'completed', by: ['claimer'] }, // 结单
  { action: 'answer', from: ['referred'], to: 'completed', by: ['staff', 'street'] }, // the unit's answer, recorded (已反馈)
  { action: 'confirm', from: ['completed'], to: 'closed', by: ['owner', 'proxy', 'system'] }, // 评价确认 (or 代为确认)
  {
    action: 'dispute', // 还没解决: once only, back to the member who did it
    from: ['completed'],
    to: 'claimed',
    by: ['owner'],
    guard: {
      test: (o) => served(o) && o.disputeCount === 0,
      // a unit's answer is not sent back to a member: a low rating asks the grid for a 回访 instead
      message: (o) => (served(o) ? '每张工单只能申诉一次' : '转办的需求请在评价里说明，社区会回访'),
    },
  },
  { action: 'sendDown', from: ['open', 'claimed', 'referred'], to: null, by: ['street'] }, // 街道发回社区, with its instruction
  {
    action: 'revisit', // 回访 after a low rating
    from: ['closed'],
    to: null,
    by: ['staff'],
    guard: { test: (o) => o.revisitDue, message: '这张工单不需要回访' },
  },
  { action: 'escalate', from: ['open', 'claimed', 'referred'], to: null, by: ['system'] }, // 分级响应: past its deadline, one level up
]

const byAction = new Map(ORDER_TRANSITIONS.map((t) => [t.action, t]))

export function transitionFor(action: MachineAction): Transition {
  const t = byAction.get(action)
  if (!t) throw new Error(`no transition for ${action}`)
  return t
}

/** Every relation the caller holds to the order right now. */
export function relationsOf(order: Order, caller: Caller): Set<Relation> {
  const rel = new Set<Relation>()
  if (caller === SYSTEM) {
    rel.add('system')
    return rel
  }
  if (order.level === 'street' && streetOf(caller, order.communityId)) rel.add('street')
  if (caller.communityId !== order.communityId) return rel
  const me = caller.userId
  if (me === order.residentId) rel.add('owner')
  if (managesGrid(caller, order.communityId, order.gridId)) {
    rel.add('staff')
    // separation of duties: whoever placed the order for the resident, or served it, never closes it for them
    if (me !== order.agentId && me !== order.claimerId && me !== order.residentId) rel.add('proxy')
  }
  if (order.claimerId === me) rel.add('claimer')
  if (order.assigneeId === me && hasRole(caller, 'member')) rel.add('assignee')
  const mayTake = order.assigneeId === null || order.assigneeId === me
  if (hasRole(caller, 'member') && me !== order.residentId && me !== order.agentId && mayTake) rel.add('member')
  return rel
}

const isOrderAction = (action: MachineAction): action is OrderAction => (ORDER_ACTIONS as readonly string[]).includes(action)

/** The actions the caller may take on the order now: what the UI shows as buttons (system steps are none of them). */
export function allowedActions(order: Order, caller: Caller): OrderAction[] {
  const rel = relationsOf(order, caller)
  return ORDER_TRANSITIONS.filter((t) => t.from.includes(order.status) && t.by.some((r) => rel.has(r)) && (!t.guard || t.guard.test(order)))
    .map((t) => t.action)
    .filter(isOrderAction)
}

/**
 * Checks that the caller may take `action` now and returns the status it leads to.
 * Someone with no standing on the order gets FORBIDDEN; the right person at the wrong time gets CONFLICT.
 */
export function nextStatus(order: Order, action: MachineAction, caller: Caller): OrderStatus {
  const t = transitionFor(action)
  const rel = relationsOf(order, caller)
  if (!t.by.some((r) => rel.has(r))) {
    if (action === 'claim' && caller !== SYSTEM && caller.userId === order.residentId) {
      throw new AppError('FORBIDDEN', '不能接自己提交的工单')
    }
    if (caller !== SYSTEM && caller.userId === order.agentId && (action === 'claim' || action === 'confirm')) {
      throw new AppError('FORBIDDEN', action === 'claim' ? '不能接自己代办的需求' : '代办人不能替居民确认')
    }
    if (action === 'claim' && order.assigneeId !== null && caller !== SYSTEM && hasRole(caller, 'member')) {
      throw new AppError('FORBIDDEN', '这个需求已指派给其他党员')
    }
    throw new AppError('FORBIDDEN', '没有权限做这件事')
  }
  if (!t.from.includes(order.status)) {
    throw new AppError('CONFLICT', STATE_MESSAGES[order.status] ?? '工单状态已变化，请刷新')
  }
  if (t.guard && !t.guard.test(order)) {
    const { message } = t.guard
    throw new AppError('CONFLICT', typeof message === 'string' ? message : message(order))
  }
  return t.to ?? order.status
}

const STATE_MESSAGES: Partial<Record<OrderStatus, string>> = {
  claimed: '工单已有党员接单',
  closed: '工单已完成',
  cancelled: '工单已撤销',
  rejected: '工单未受理',
  submitted: '工单还在审核中',
  referred: '工单已转办，正在等答复',
}
