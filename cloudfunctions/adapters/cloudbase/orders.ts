// Orders and their timelines on CloudBase, with the SQLite adapter's semantics: an order is a
// versioned document at its id, each event a document at `orderId:seq`; lists read committed data.
import type { Order, OrderEventRecord } from '../../core/domain/model'
import { factsOf } from '../../core/domain/dashboard'
import { type MemberStats, NO_STATS } from '../../core/domain/routing'
import type { HallQuery, OrderQuery, OrderRepo, OverdueQuery } from '../../core/ports'
import { NEWEST, byId, fromDoc, paged, str, toDoc } from './docs'
import { type Cond, type Sort, decodeCursor, encodeCursor, eq } from './query'
import type { Doc, Scope } from './scope'

/** Fields added after orders were first stored read as they were before: self-ordered, 一般, no referral, no household. */
const LATER_FIELDS: Pick<
  Order,
  'severity' | 'agentId' | 'channel' | 'referralId' | 'revisitDue' | 'awardNote' | 'householdId' | 'householdMemberId'
> = {
  severity: 'general',
  agentId: null,
  channel: null,
  referralId: null,
  revisitDue: false,
  awardNote: null,
  householdId: null,
  householdMemberId: null,
}

const toOrder = (d: Doc): Order => ({ ...LATER_FIELDS, ...fromDoc<Order>(d, 'id') })

/** The statuses the queues hold: an order waiting on someone. */
const WAITING = ['open', 'claimed', 'referred']

function toEvent(d: Doc): OrderEventRecord {
  return {
    orderId: d.orderId as string,
    seq: d.seq as number,
    at: d.at as number,
    actorId: str(d.actorId),
    action: d.action as string,
    from: (d.from as OrderEventRecord['from']) ?? null,
    to: d.to as OrderEventRecord['to'],
    note: str(d.note),
  }
}

function orderConds(query: OrderQuery): Cond[] {
  const where: Cond[] = [eq('communityId', query.communityId)]
  if (query.statuses?.length) where.push({ f: 'status', op: 'in', v: query.statuses })
  if (query.residentId) where.push(eq('residentId', query.residentId))
  if (query.memberId) {
    const m = query.memberId
    where.push({ or: [[eq('claimerId', m)], [eq('assigneeId', m), eq('claimerId', null)]] })
  }
  if (query.category) where.push(eq('category', query.category))
  if (query.kind) where.push(eq('kind', query.kind))
  if (query.gridId) where.push(eq('gridId', query.gridId))
  if (query.gridIds) where.push({ f: 'gridId', op: 'in', v: query.gridIds })
  if (query.agentId) where.push(eq('agentId', query.agentId))
  if (query.householdId) where.push(eq('householdId', query.householdId))
  if (query.revisitDue !== undefined) where.push(eq('revisitDue', query.revisitDue))
  return where
}

/** Most overdue first, as the SQLite adapter pages them. */
const MOST_OVERDUE: Sort = [
  ['dueAt', 'asc'],
  ['_id', 'asc'],
]

/** The hall's base: open orders of the community the member may take (not their own, not directed to someone else). */
function hallConds(query: HallQuery): Cond[] {
  const where: Cond[] = [
    eq('communityId', query.communityId),
    eq('status', 'open'),
    { f: 'residentId', op: 'neq', v: query.memberId },
    { or: [[eq('assigneeId', null)], [eq('assigneeId', query.memberId)]] },
  ]
  if (query.category) where.push(eq('category', query.category))
  if (query.kind) where.push(eq('kind', query.kind))
  return where
}

/**
 * Nearest first: same building (0), same grid (1), the rest (2), newest first within each. CloudBase
 * cannot sort by a computed value, so each tier is its own query, paged with one cursor
 * [tier, createdAt, id] exactly like the SQLite adapter's.
 */
async function hall(scope: Scope, query: HallQuery) {
  const b = query.buildingId ?? ''
  const g = query.gridId ?? ''
  const tiers: Cond[][] = [
    [eq('buildingId', b)],
    [{ f: 'buildingId', op: 'neq', v: b }, eq('gridId', g)],
    [
      { f: 'buildingId', op: 'neq', v: b },
      { f: 'gridId', op: 'neq', v: g },
    ],
  ]
  const c = decodeCursor(query.cursor, [['near', 'asc'], ...NEWEST])
  const start = c && typeof c[0] === 'number' && typeof c[1] === 'number' && typeof c[2] === 'string' ? c : null
  const rows: Array<{ near: number; doc: Doc }> = []
  for (let near = start ? (start[0] as number) : 0; near < tiers.length && rows.length <= query.limit; near++) {
    const after = start && near === start[0] ? [start[1], start[2]] : undefined
    const docs = await scope.query(
      'orders',
      { where: [...hallConds(query), ...tiers[near]], sort: NEWEST },
      query.limit + 1 - rows.length,
      after,
    )
    for (const doc of docs) rows.push({ near, doc })
  }
  const items = rows.slice(0, query.limit)
  const last = items[items.length - 1]
  return {
    items: items.map((r) => toOrder(r.doc)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.near, last.doc.createdAt as number, last.doc._id]) : undefined,
  }
}

/** Per member of the community (or one member): held orders, recent ratings and releases since `since`. */
async function memberStats(scope: Scope, communityId: string, since: number, memberId?: string) {
  const stats: Record<string, MemberStats> = {}
  const of = (m: string) => {
    stats[m] ??= { ...NO_STATS }
    return stats[m]
  }
  const mine: Cond[] = memberId ? [eq('claimerId', memberId)] : []
  for (const d of await scope.queryAll('orders', { where: [eq('communityId', communityId), eq('status', 'claimed'), ...mine], sort: [] })) {
    if (typeof d.claimerId === 'string') of(d.claimerId).open += 1
  }
  const rated: Cond[] = [
    eq('communityId', communityId),
    eq('status', 'closed'),
    { f: 'rating', op: 'neq', v: null },
    { f: 'updatedAt', op: 'gte', v: since },
    ...mine,
  ]
  for (const d of await scope.queryAll('orders', { where: rated, sort: [] })) {
    if (typeof d.claimerId !== 'string' || typeof d.rating !== 'number') continue
    of(d.claimerId).ratingSum += d.rating
    of(d.claimerId).ratingCount += 1
  }
  // releases: the events carry no community, so keep those whose order is in this community
  const released = await scope.queryAll('order_events', {
    where: [eq('action', 'release'), { f: 'at', op: 'gte', v: since }, ...(memberId ? [eq('actorId', memberId)] : [])],
    sort: [],
  })
  const orderIds = [...new Set(released.map((e) => e.orderId as string))]
  const inCommunity = new Set<string>()
  for (let i = 0; i < orderIds.length; i += 100) {
    const docs = await scope.queryAll('orders', {
      where: [{ f: '_id', op: 'in', v: orderIds.slice(i, i + 100) }, eq('communityId', communityId)],
      sort: [],
    })
    for (const d of docs) inCommunity.add(d._id)
  }
  for (const e of released) if (typeof e.actorId === 'string' && inCommunity.has(e.orderId as string)) of(e.actorId).releases += 1
  return stats
}

export function createOrderRepo(scope: Scope): OrderRepo {
  const repo: OrderRepo = {
    get: (id) => byId(scope, 'orders', id, toOrder),
    async insert(order) {
      await scope.insert('orders', toDoc(order.id, order, 'id'), `order ${order.id}`)
    },
    async update(order) {
      await scope.replaceVersioned('orders', toDoc(order.id, order, 'id'), `order ${order.id}`)
    },
    async appendEvent(e) {
      await scope.insert('order_events', { _id: `${e.orderId}:${e.seq}`, ...e }, `event ${e.orderId}:${e.seq}`)
    },
    async events(orderId) {
      return (await scope.queryAll('order_events', { where: [eq('orderId', orderId)], sort: [['seq', 'asc']] })).map(toEvent)
    },
    async eventsFor(orderIds) {
      const out: OrderEventRecord[] = []
      const unique = [...new Set(orderIds)]
      for (let i = 0; i < unique.length; i += 100) {
        const where: Cond[] = [{ f: 'orderId', op: 'in', v: unique.slice(i, i + 100) }]
        const sort: Sort = [
          ['orderId', 'asc'],
          ['seq', 'asc'],
        ]
        out.push(...(await scope.queryAll('order_events', { where, sort })).map(toEvent))
      }
      return out.sort((a, b) => (a.orderId === b.orderId ? a.seq - b.seq : a.orderId < b.orderId ? -1 : 1))
    },
    list: (query) => paged(scope, 'orders', orderConds(query), NEWEST, query.cursor, query.limit, toOrder),
    async dueForAutoConfirm(now, limit) {
      const where: Cond[] = [eq('status', 'completed'), { f: 'dueAt', op: 'lte', v: now }]
      return (await scope.queryAll('orders', { where, sort: [['dueAt', 'asc']] }, limit)).map((d) => d._id)
    },
    async dueForEscalation(now, limit) {
      const where: Cond[] = [
        { f: 'status', op: 'in', v: WAITING },
        { f: 'dueAt', op: 'lte', v: now },
        { f: 'level', op: 'neq', v: 'street' },
      ]
      return (await scope.queryAll('orders', { where, sort: [['dueAt', 'asc']] }, limit)).map((d) => d._id)
    },
    hall: (query) => hall(scope, query),
    async fitting(query) {
      const near: Cond[][] = [[eq('gridId', query.gridId)]]
      if (query.posts.length) near.unshift([{ f: 'category', op: 'in', v: query.posts }])
      const docs = await scope.queryAll('orders', { where: [...hallConds(query), { or: near }], sort: NEWEST }, query.limit)
      return docs.map(toOrder)
    },
    overdue(query: OverdueQuery) {
      const where: Cond[] = [
        eq('communityId', query.communityId),
        { f: 'status', op: 'in', v: WAITING },
        { or: [[{ f: 'dueAt', op: 'lte', v: query.now }], [{ f: 'level', op: 'neq', v: 'grid' }]] },
      ]
      if (query.gridIds) where.push({ f: 'gridId', op: 'in', v: query.gridIds })
      return paged(scope, 'orders', where, MOST_OVERDUE, query.cursor, query.limit, toOrder)
    },
    atStreet(communityIds, cursor, limit) {
      const where: Cond[] = [{ f: 'communityId', op: 'in', v: communityIds }, { f: 'status', op: 'in', v: WAITING }, eq('level', 'street')]
      return paged(scope, 'orders', where, MOST_OVERDUE, cursor, limit, toOrder)
    },
    memberStats: (communityId, since, memberId) => memberStats(scope, communityId, since, memberId),
    async createdBetween(communityId, from, to) {
      const where: Cond[] = [eq('communityId', communityId), { f: 'createdAt', op: 'gte', v: from }, { f: 'createdAt', op: 'lt', v: to }]
      return (await scope.queryAll('orders', { where, sort: [['createdAt', 'asc']] })).map(toOrder)
    },
    async dashboardFacts(communityId, from, to) {
      const orders = await repo.createdBetween(communityId, from, to)
      return factsOf(orders, await repo.eventsFor(orders.map((o) => o.id)))
    },
    async closedBy(memberId, from, to) {
      const where: Cond[] = [
        eq('claimerId', memberId),
        eq('status', 'closed'),
        { f: 'updatedAt', op: 'gte', v: from },
        { f: 'updatedAt', op: 'lt', v: to },
      ]
      return (await scope.queryAll('orders', { where, sort: [['updatedAt', 'asc']] })).map(toOrder)
    },
  }
  return repo
}
