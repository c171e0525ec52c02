// The order transition table, checked against an independent list of what each person may do.
import { ORDER_ACTIONS, ORDER_STATUSES, type OrderAction, type OrderStatus } from '@shared/enums'
import { type Actor, type Caller, SYSTEM } from '../../cloudfunctions/core/domain/access'
import type { AppError } from '../../cloudfunctions/core/domain/errors'
import type { Order } from '../../cloudfunctions/core/domain/model'
import { allowedActions, nextStatus } from '../../cloudfunctions/core/domain/order-machine'

const C = 'c_one'
const person = (userId: string, roles: Actor['roles'], communityId = C): Actor => ({ userId, roles, communityId, name: userId })

const PERSONAS: Record<string, Caller> = {
  owner: person('u_owner', ['resident']),
  ownerMember: person('u_owner', ['resident', 'member']),
  staff: person('u_staff', ['staff']),
  admin: person('u_admin', ['admin']),
  member: person('u_member', ['member', 'resident']),
  claimer: person('u_claimer', ['member']),
  resident: person('u_neighbour', ['resident']),
  otherStaff: person('u_staff2', ['staff', 'admin'], 'c_two'),
  otherMember: person('u_member2', ['member'], 'c_two'),
  system: SYSTEM,
}

/** Written out by hand from DESIGN.md §3: status → persona → what they may do. */
const ALLOWED: Record<OrderStatus, Partial<Record<keyof typeof PERSONAS, OrderAction[]>>> = {
  submitted: { owner: ['cancel'], ownerMember: ['cancel'], staff: ['dispatch', 'reject'], admin: ['dispatch', 'reject'] },
  open: { owner: ['cancel'], ownerMember: ['cancel'], member: ['claim'], claimer: ['claim'] },
  claimed: { claimer: ['release', 'complete'] },
  completed: { owner: ['confirm', 'dispute'], ownerMember: ['confirm', 'dispute'], system: ['confirm'] },
  closed: {},
  rejected: {},
  cancelled: {},
}

const TO: Record<OrderAction, OrderStatus> = {
  dispatch: 'open',
  reject: 'rejected',
  cancel: 'cancelled',
  claim: 'claimed',
  decline: 'open',
  release: 'open',
  complete: 'completed',
  confirm: 'closed',
  dispute: 'claimed',
}

function orderIn(status: OrderStatus, extra: Partial<Order> = {}): Order {
  const held = status === 'claimed' || status === 'completed' || status === 'closed'
  return {
    id: 'o_1',
    communityId: C,
    residentId: 'u_owner',
    kind: 'service',
    category: 'care',
    title: '帮忙',
    description: '',
    urgency: 'normal',
    photos: [],
    preferredTime: null,
    status,
    points: 10,
    assigneeId: null,
    claimerId: held ? 'u_claimer' : null,
    gridId: null,
    buildingId: null,
    summary: null,
    completionPhotos: [],
    rating: null,
    comment: null,
    rejectReason: null,
    releaseCount: 0,
    disputeCount: 0,
    awardedPoints: null,
    level: 'grid',
    escalations: [],
    dueAt: null,
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...extra,
  }
}

/** A person who may take the action in some status only meets CONFLICT elsewhere; anyone else FORBIDDEN. */
const everAllowed = (persona: string, action: OrderAction) =>
  Object.values(ALLOWED).some((byPersona) => byPersona[persona as keyof typeof PERSONAS]?.includes(action))

const cases = ORDER_STATUSES.flatMap((status) =>
  Object.keys(PERSONAS).flatMap((persona) => ORDER_ACTIONS.map((action) => [status, persona, action] as const)),
)

describe('order transition table', () => {
  it.each(cases)('%s: %s → %s', (status, persona, action) => {
    const order = orderIn(status)
    const caller = PERSONAS[persona]
    const allowed = ALLOWED[status][persona as keyof typeof PERSONAS]?.includes(action) ?? false
    expect(allowedActions(order, caller).includes(action)).toBe(allowed)
    if (allowed) {
      expect(nextStatus(order, action, caller)).toBe(TO[action])
    } else {
      // the claimer only holds the order once it has been claimed; before that they are any member
      const standing = persona === 'claimer' && order.claimerId === null ? 'member' : persona
      const expected = everAllowed(standing, action) ? 'CONFLICT' : 'FORBIDDEN'
      expect(() => nextStatus(order, action, caller)).toThrow(expect.objectContaining({ code: expected }) as unknown as AppError)
    }
  })

  it('covers every status × persona × action', () => {
    expect(cases).toHaveLength(ORDER_STATUSES.length * Object.keys(PERSONAS).length * ORDER_ACTIONS.length)
  })
})

describe('guards and directed orders', () => {
  it('lets a resident dispute once only', () => {
    const disputed = orderIn('completed', { disputeCount: 1 })
    expect(allowedActions(disputed, PERSONAS.owner)).toEqual(['confirm'])
    expect(() => nextStatus(disputed, 'dispute', PERSONAS.owner)).toThrow('只能申诉一次')
  })

  it('keeps a directed order for its assignee', () => {
    const directed = orderIn('open', { assigneeId: 'u_member' })
    expect(allowedActions(directed, PERSONAS.member)).toEqual(['claim', 'decline'])
    expect(nextStatus(directed, 'decline', PERSONAS.member)).toBe('open')
    expect(() => nextStatus(directed, 'decline', PERSONAS.claimer)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as AppError,
    )
    expect(allowedActions(directed, PERSONAS.claimer)).toEqual([])
    expect(() => nextStatus(directed, 'claim', PERSONAS.claimer)).toThrow('已指派给其他党员')
  })

  it('tells a member why they cannot take their own order', () => {
    expect(() => nextStatus(orderIn('open'), 'claim', PERSONAS.ownerMember)).toThrow('不能接自己提交的工单')
  })
})

describe('escalation (分级响应), a system step', () => {
  const ladder: OrderStatus[] = ['open', 'claimed']

  it.each(ORDER_STATUSES)('%s: only the system escalates, and the status stays', (status) => {
    const order = orderIn(status)
    if (ladder.includes(status)) expect(nextStatus(order, 'escalate', SYSTEM)).toBe(status)
    else expect(() => nextStatus(order, 'escalate', SYSTEM)).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as unknown as AppError)
    for (const caller of Object.values(PERSONAS).filter((p) => p !== SYSTEM)) {
      expect(() => nextStatus(order, 'escalate', caller)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as AppError)
    }
  })

  it('is never offered as a button, not even to the system', () => {
    for (const status of ORDER_STATUSES) {
      for (const caller of Object.values(PERSONAS)) expect(allowedActions(orderIn(status), caller)).not.toContain('escalate')
    }
  })
})
