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
  gridWorker: { ...person('u_gw', ['grid_worker']), grids: ['g_1'] },
  otherGridWorker: { ...person('u_gw2', ['grid_worker']), grids: ['g_2'] },
  street: { ...person('u_street', ['street'], 'st_1'), streetCommunities: [C] },
  member: person('u_member', ['member', 'resident']),
  claimer: person('u_claimer', ['member']),
  resident: person('u_neighbour', ['resident']),
  otherStaff: person('u_staff2', ['staff', 'admin'], 'c_two'),
  otherMember: person('u_member2', ['member'], 'c_two'),
  system: SYSTEM,
}

const GRID_STAFF = ['staff', 'admin', 'gridWorker'] as const
const each = (personas: readonly string[], actions: OrderAction[]) => Object.fromEntries(personas.map((p) => [p, actions]))

/**
 * Written out by hand from DESIGN.md §3 and §10: status → persona → what they may do, for an order of
 * grid g_1 at 网格 level (a closed one flagged for a 回访). Community staff and the grid's 网格员 look
 * after it; a 网格员 of another grid and the street (until it reaches 街道) have no standing.
 */
const ALLOWED: Record<OrderStatus, Partial<Record<keyof typeof PERSONAS, OrderAction[]>>> = {
  submitted: { owner: ['cancel'], ownerMember: ['cancel'], ...each(GRID_STAFF, ['dispatch', 'reject', 'refer']) },
  open: { owner: ['cancel'], ownerMember: ['cancel'], member: ['claim'], claimer: ['claim'], ...each(GRID_STAFF, ['refer']) },
  claimed: { claimer: ['release', 'complete'] },
  // staff may confirm for the resident (with the resident's words): never the member who served it
  completed: { owner: ['confirm', 'dispute'], ownerMember: ['confirm', 'dispute'], system: ['confirm'], ...each(GRID_STAFF, ['confirm']) },
  closed: each(GRID_STAFF, ['revisit']),
  rejected: {},
  cancelled: {},
  referred: each(GRID_STAFF, ['answer']),
}

/** Where each action leads; `same`: the order keeps its status (a move on the ladder, a 回访). */
const TO: Record<OrderAction, OrderStatus | 'same'> = {
  dispatch: 'open',
  reject: 'rejected',
  cancel: 'cancelled',
  claim: 'claimed',
  decline: 'open',
  release: 'open',
  complete: 'completed',
  confirm: 'closed',
  dispute: 'claimed',
  refer: 'referred',
  answer: 'completed',
  sendDown: 'same',
  revisit: 'same',
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
    gridId: 'g_1',
    buildingId: null,
    summary: null,
    completionPhotos: [],
    rating: null,
    comment: null,
    rejectReason: null,
    releaseCount: 0,
    disputeCount: 0,
    awardedPoints: null,
    severity: 'general',
    agentId: null,
    channel: null,
    referralId: status === 'referred' ? 'rf_1' : null,
    revisitDue: status === 'closed',
    awardNote: null,
    householdId: null,
    householdMemberId: null,
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
      expect(nextStatus(order, action, caller)).toBe(TO[action] === 'same' ? status : TO[action])
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

describe('代办 and separation of duties', () => {
  const agent = { ...person('u_gw', ['grid_worker', 'member']), grids: ['g_1'] }

  it('never lets whoever placed an order for a resident claim it', () => {
    const placed = orderIn('open', { agentId: 'u_gw', channel: 'phone' })
    expect(allowedActions(placed, agent)).toEqual(['refer'])
    expect(() => nextStatus(placed, 'claim', agent)).toThrow('不能接自己代办的需求')
    expect(allowedActions(placed, PERSONAS.member)).toEqual(['claim'])
  })

  it('lets staff confirm for the resident, but not the one who placed it nor the one who served it', () => {
    const placed = orderIn('completed', { agentId: 'u_gw', channel: 'phone' })
    expect(allowedActions(placed, agent)).toEqual([])
    expect(() => nextStatus(placed, 'confirm', agent)).toThrow('代办人不能替居民确认')
    expect(nextStatus(placed, 'confirm', PERSONAS.staff)).toBe('closed')
    const servedByStaff = orderIn('completed', { claimerId: 'u_staff' })
    expect(allowedActions(servedByStaff, { ...person('u_staff', ['staff', 'member']) })).toEqual([])
  })
})

describe('转办 and 街道', () => {
  it('does not send a unit’s answer back to a member: the resident rates it instead', () => {
    const answered = orderIn('completed', { claimerId: null, referralId: 'rf_1' })
    expect(allowedActions(answered, PERSONAS.owner)).toEqual(['confirm'])
    expect(() => nextStatus(answered, 'dispute', PERSONAS.owner)).toThrow('社区会回访')
  })

  it('gives the street standing once an order stands at 街道, in its own communities only', () => {
    const atStreet = orderIn('referred', { level: 'street' })
    expect(allowedActions(atStreet, PERSONAS.street)).toEqual(['answer', 'sendDown'])
    expect(nextStatus(atStreet, 'sendDown', PERSONAS.street)).toBe('referred')
    expect(allowedActions(orderIn('open', { level: 'street' }), PERSONAS.street)).toEqual(['sendDown'])
    expect(allowedActions(orderIn('referred', { level: 'community' }), PERSONAS.street)).toEqual([])
    const elsewhere = { ...person('u_street2', ['street'], 'st_2'), streetCommunities: ['c_two'] }
    expect(() => nextStatus(atStreet, 'answer', elsewhere)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as AppError)
  })

  it('asks for a 回访 only where a low rating flagged one', () => {
    const fine = orderIn('closed', { revisitDue: false })
    expect(allowedActions(fine, PERSONAS.staff)).toEqual([])
    expect(() => nextStatus(fine, 'revisit', PERSONAS.staff)).toThrow('不需要回访')
  })
})

describe('escalation (分级响应), a system step', () => {
  const ladder: OrderStatus[] = ['open', 'claimed', 'referred']

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
