// Repositories on CloudBase collections, with the SQLite adapter's semantics: every write names one
// document by a known _id; versioned records check `version - 1`; uniqueness is the _id itself.
import type {
  Building,
  Community,
  Goods,
  Grid,
  LedgerRecord,
  Order,
  OrderEventRecord,
  PointAccount,
  Redemption,
  RulesChange,
  User,
} from '../../core/domain/model'
import { oldestLotYear } from '../../core/domain/ledger'
import { PointsRulesSchema } from '../../core/domain/rules'
import type { HallQuery, OrderQuery, Repos } from '../../core/ports'
import { type MemberStats, NO_STATS } from '../../core/domain/routing'
import { WriteConflict } from '../../core/ports'
import { createActivityRepo, createInboxRepo } from './activity-repos'
import { createWorkbenchRepo } from './workbench-repos'
import { type Cond, type Sort, decodeCursor, encodeCursor, eq, sortValues, totalOrder } from './query'
import type { Doc, Scope } from './scope'
import type { Fields } from './sdk'

/** A record stored under `_id`, its other fields as they are in the model. */
const toDoc = <T extends object>(id: string, record: T, drop: keyof T): Doc => {
  const { [drop]: _dropped, ...rest } = record as Record<string, unknown>
  return { ...structuredClone(rest), _id: id }
}

const str = (v: unknown) => (v === undefined || v === null ? null : String(v))
const num = (v: unknown) => (typeof v === 'number' ? v : null)
const withoutId = (d: Fields) => {
  const { _id, _openid, ...rest } = d
  return rest
}

function toUser(d: Doc): User {
  return {
    id: d._id,
    communityId: d.communityId as string,
    name: d.name as string,
    phone: str(d.phone),
    roles: (d.roles as User['roles']) ?? [],
    gridId: str(d.gridId),
    buildingId: str(d.buildingId),
    room: str(d.room),
    member: (d.member as User['member']) ?? null,
    rankingOptIn: d.rankingOptIn === true,
    createdAt: d.createdAt as number,
  }
}

const toOrder = (d: Doc): Order => ({ ...(withoutId(d) as Omit<Order, 'id'>), id: d._id })

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

function toAccount(d: Doc): PointAccount {
  return {
    memberId: d._id,
    communityId: d.communityId as string,
    balance: d.balance as number,
    earned: d.earned as number,
    spent: d.spent as number,
    lots: (d.lots as PointAccount['lots']) ?? {},
    years: (d.years as PointAccount['years']) ?? {},
    day: (d.day as PointAccount['day']) ?? null,
    version: d.version as number,
  }
}

function toLedger(d: Doc): LedgerRecord {
  return {
    sourceKey: d._id,
    memberId: d.memberId as string,
    communityId: d.communityId as string,
    delta: d.delta as number,
    reason: d.reason as LedgerRecord['reason'],
    note: d.note as string,
    balanceAfter: d.balanceAfter as number,
    at: d.at as number,
  }
}

const toGoods = (d: Doc): Goods => ({ ...(withoutId(d) as Omit<Goods, 'id'>), id: d._id, image: str(d.image), onShelf: d.onShelf === true })

const toRedemption = (d: Doc): Redemption => ({
  ...(withoutId(d) as Omit<Redemption, 'id'>),
  id: d._id,
  goodsImage: str(d.goodsImage),
  pickedAt: num(d.pickedAt),
  verifiedBy: str(d.verifiedBy),
  consumed: (d.consumed as Redemption['consumed']) ?? {},
})

/** Rule-change audit ids sort by sequence within a community. */
const auditId = (communityId: string, seq: number) => `${communityId}:${String(seq).padStart(10, '0')}`

/** One page newest-first (or in `sort`), with the SQLite adapter's cursor contract: opaque, no gaps. */
async function paged<T>(
  scope: Scope,
  collection: string,
  where: Cond[],
  sort: Sort,
  cursor: string | undefined,
  limit: number,
  map: (d: Doc) => T,
) {
  const total = totalOrder(sort)
  const after = decodeCursor(cursor, total) ?? undefined
  const docs = await scope.query(collection, { where, sort: total }, limit + 1, after)
  const items = docs.slice(0, limit)
  const last = items[items.length - 1]
  return { items: items.map(map), nextCursor: docs.length > limit && last ? encodeCursor(sortValues(total, last)) : undefined }
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
  return where
}

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

const NEWEST: Sort = [
  ['createdAt', 'desc'],
  ['_id', 'desc'],
]

export function createRepos(scope: Scope): Repos {
  const get = async <T>(collection: string, id: string, map: (d: Doc) => T) => {
    const d = await scope.get(collection, id)
    return d ? map(d) : null
  }

  return {
    users: {
      get: (id) => get('users', id, toUser),
      async getMany(ids) {
        const unique = [...new Set(ids)]
        const out: User[] = []
        for (let i = 0; i < unique.length; i += 100) {
          const docs = await scope.queryAll('users', { where: [{ f: '_id', op: 'in', v: unique.slice(i, i + 100) }], sort: [] })
          out.push(...docs.map(toUser))
        }
        return out
      },
      async listMembers(communityId) {
        const where = [eq('communityId', communityId), eq('roles', 'member')]
        return (await scope.queryAll('users', { where, sort: [['name', 'asc']] })).map(toUser)
      },
      async listStaff(communityId) {
        // roles is an array: a query per role, merged (an admin who is also staff appears once)
        const found = new Map<string, User>()
        for (const role of ['staff', 'admin']) {
          const docs = await scope.queryAll('users', {
            where: [eq('communityId', communityId), eq('roles', role)],
            sort: [['name', 'asc']],
          })
          for (const d of docs) found.set(d._id as string, toUser(d))
        }
        return [...found.values()].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1))
      },
      async saveSettings(user) {
        await scope.patch('users', user.id, { rankingOptIn: user.rankingOptIn })
      },
      async listCommunity(communityId) {
        return (await scope.queryAll('users', { where: [eq('communityId', communityId)], sort: [['name', 'asc']] })).map(toUser)
      },
      async insert(user) {
        await scope.insert('users', toDoc(user.id, user, 'id'), `user ${user.id}`)
      },
      async saveProfile(user) {
        const current = await scope.get('users', user.id)
        if (!current) return // as SQLite: an UPDATE of a missing person changes nothing
        const { name, phone, roles, gridId, buildingId, room, member } = structuredClone(user)
        await scope.put('users', { ...current, name, phone, roles, gridId, buildingId, room, member, _id: user.id })
      },
      async erasePersonal(user) {
        const current = await scope.get('users', user.id)
        if (!current) return
        const { id: _id, communityId: _c, createdAt: _t, ...personal } = user
        await scope.put('users', { ...current, ...structuredClone(personal), _id: user.id })
      },
      async forgetLogins(userId) {
        // identities are keyed by OPENID: found by query (committed data), removed one by one in the transaction
        for (const d of await scope.queryAll('identities', { where: [eq('userId', userId)], sort: [] }))
          await scope.remove('identities', d._id)
      },
    },
    places: {
      community: (id) => get('communities', id, (d): Community => ({ id: d._id, name: d.name as string })),
      grid: (id) => get('grids', id, (d): Grid => ({ id: d._id, communityId: d.communityId as string, name: d.name as string })),
      building: (id) =>
        get(
          'buildings',
          id,
          (d): Building => ({ id: d._id, communityId: d.communityId as string, gridId: d.gridId as string, name: d.name as string }),
        ),
      async rules(communityId) {
        const d = await scope.get('communities', communityId)
        return d?.rules ? PointsRulesSchema.parse(d.rules) : null
      },
      async lastRulesChange(communityId) {
        const c = await scope.get('communities', communityId)
        const seq = typeof c?.rulesSeq === 'number' ? c.rulesSeq : 0
        if (!seq) return null
        return get(
          'rules_audit',
          auditId(communityId, seq),
          (d): RulesChange => ({
            communityId,
            by: d.by as string,
            at: d.at as number,
            before: (d.before as RulesChange['before']) ?? null,
            rules: PointsRulesSchema.parse(d.after),
          }),
        )
      },
      async saveRules(change) {
        const c = await scope.get('communities', change.communityId)
        if (!c) return // SQLite's UPDATE of a missing community changes nothing either
        const seq = (typeof c.rulesSeq === 'number' ? c.rulesSeq : 0) + 1
        // the audit id is unique per sequence number: two concurrent saves cannot both land
        await scope.insert('rules_audit', {
          _id: auditId(change.communityId, seq),
          communityId: change.communityId,
          seq,
          by: change.by,
          at: change.at,
          before: change.before ?? null,
          after: change.rules,
        })
        await scope.put('communities', { ...c, rules: change.rules, rulesSeq: seq })
      },
      async grids(communityId) {
        const docs = await scope.queryAll('grids', { where: [eq('communityId', communityId)], sort: [['name', 'asc']] })
        return docs.map((d): Grid => ({ id: d._id, communityId: d.communityId as string, name: d.name as string }))
      },
      async buildings(communityId) {
        const docs = await scope.queryAll('buildings', { where: [eq('communityId', communityId)], sort: [['name', 'asc']] })
        return docs.map(
          (d): Building => ({ id: d._id, communityId: d.communityId as string, gridId: d.gridId as string, name: d.name as string }),
        )
      },
      async saveGrid(grid) {
        await scope.put('grids', { _id: grid.id, communityId: grid.communityId, name: grid.name })
      },
    },
    orders: {
      async createdBetween(communityId, from, to) {
        const where: Cond[] = [eq('communityId', communityId), { f: 'createdAt', op: 'gte', v: from }, { f: 'createdAt', op: 'lt', v: to }]
        return (await scope.queryAll('orders', { where, sort: [['createdAt', 'asc']] })).map(toOrder)
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
      async eventsFor(orderIds) {
        const out: OrderEventRecord[] = []
        const unique = [...new Set(orderIds)]
        for (let i = 0; i < unique.length; i += 100) {
          const where: Cond[] = [{ f: 'orderId', op: 'in', v: unique.slice(i, i + 100) }]
          out.push(
            ...(
              await scope.queryAll('order_events', {
                where,
                sort: [
                  ['orderId', 'asc'],
                  ['seq', 'asc'],
                ],
              })
            ).map(toEvent),
          )
        }
        return out.sort((a, b) => (a.orderId === b.orderId ? a.seq - b.seq : a.orderId < b.orderId ? -1 : 1))
      },
      get: (id) => get('orders', id, toOrder),
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
      list: (query) => paged(scope, 'orders', orderConds(query), NEWEST, query.cursor, query.limit, toOrder),
      async dueForAutoConfirm(now, limit) {
        const where: Cond[] = [eq('status', 'completed'), { f: 'dueAt', op: 'lte', v: now }]
        return (await scope.queryAll('orders', { where, sort: [['dueAt', 'asc']] }, limit)).map((d) => d._id)
      },
      async dueForEscalation(now, limit) {
        const where: Cond[] = [
          { f: 'status', op: 'in', v: ['open', 'claimed'] },
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
      async overdue(communityId, now, cursor, limit) {
        const where: Cond[] = [
          eq('communityId', communityId),
          { f: 'status', op: 'in', v: ['open', 'claimed'] },
          { or: [[{ f: 'dueAt', op: 'lte', v: now }], [{ f: 'level', op: 'neq', v: 'grid' }]] },
        ]
        return paged(
          scope,
          'orders',
          where,
          [
            ['dueAt', 'asc'],
            ['_id', 'asc'],
          ],
          cursor,
          limit,
          toOrder,
        )
      },
      async memberStats(communityId, since, memberId) {
        const stats: Record<string, MemberStats> = {}
        const of = (m: string) => {
          stats[m] ??= { ...NO_STATS }
          return stats[m]
        }
        const mine: Cond[] = memberId ? [eq('claimerId', memberId)] : []
        for (const d of await scope.queryAll('orders', {
          where: [eq('communityId', communityId), eq('status', 'claimed'), ...mine],
          sort: [],
        })) {
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
      },
    },
    points: {
      account: (memberId) => get('point_accounts', memberId, toAccount),
      async saveAccount(account) {
        // oldestLotYear is stored for the yearly expiry sweep's query
        const doc: Doc = { ...toDoc(account.memberId, account, 'memberId'), oldestLotYear: oldestLotYear(account) }
        if (account.version === 1) await scope.insert('point_accounts', doc, `account ${account.memberId}`)
        else await scope.replaceVersioned('point_accounts', doc, `account ${account.memberId}`)
      },
      entry: (sourceKey) => get('ledger', sourceKey, toLedger),
      async append(record) {
        await scope.insert('ledger', toDoc(record.sourceKey, record, 'sourceKey'), `ledger entry ${record.sourceKey}`)
      },
      ledger: (memberId, cursor, limit) =>
        paged(
          scope,
          'ledger',
          [eq('memberId', memberId)],
          [
            ['at', 'desc'],
            ['_id', 'desc'],
          ],
          cursor,
          limit,
          toLedger,
        ),
      async accounts(communityId) {
        return (await scope.queryAll('point_accounts', { where: [eq('communityId', communityId)], sort: [] })).map(toAccount)
      },
      async entriesBetween(communityId, from, to, memberId) {
        const where: Cond[] = [eq('communityId', communityId), { f: 'at', op: 'gte', v: from }, { f: 'at', op: 'lt', v: to }]
        if (memberId) where.push(eq('memberId', memberId))
        return (await scope.queryAll('ledger', { where, sort: [['at', 'asc']] })).map(toLedger)
      },
      async withLotsFrom(year, limit) {
        const docs = await scope.queryAll('point_accounts', { where: [{ f: 'oldestLotYear', op: 'lte', v: year }], sort: [] }, limit)
        return docs.map((d) => d._id)
      },
    },
    mall: {
      goods: (id) => get('goods', id, toGoods),
      async listGoods(communityId, includeOffShelf) {
        const where = [eq('communityId', communityId), ...(includeOffShelf ? [] : [eq('onShelf', true)])]
        const sort: Sort = [
          ['onShelf', 'desc'],
          ['createdAt', 'desc'],
          ['_id', 'asc'],
        ]
        return (await scope.queryAll('goods', { where, sort })).map(toGoods)
      },
      async insertGoods(goods) {
        await scope.insert('goods', toDoc(goods.id, goods, 'id'), `goods ${goods.id}`)
      },
      async updateGoods(goods) {
        const current = await scope.get('goods', goods.id)
        if (!current || current.version !== goods.version - 1) throw conflict(`goods ${goods.id}`)
        // as SQLite: the community and creation time never change here
        await scope.put('goods', { ...toDoc(goods.id, goods, 'id'), communityId: current.communityId, createdAt: current.createdAt })
      },
      async holding(goodsId, memberId) {
        const d = await scope.get('holdings', `${goodsId}:${memberId}`)
        return typeof d?.count === 'number' ? d.count : 0
      },
      async setHolding(goodsId, memberId, count) {
        await scope.put('holdings', { _id: `${goodsId}:${memberId}`, goodsId, memberId, count })
      },
      redemption: (id) => get('redemptions', id, toRedemption),
      async insertRedemption(r) {
        await scope.insert('redemptions', toDoc(r.id, r, 'id'), `redemption ${r.id}`)
      },
      async updateRedemption(r) {
        const current = await scope.get('redemptions', r.id)
        if (!current || current.version !== r.version - 1) throw conflict(`redemption ${r.id}`)
        // as SQLite: only the pickup state moves
        await scope.patch('redemptions', r.id, { status: r.status, pickedAt: r.pickedAt, verifiedBy: r.verifiedBy, version: r.version })
      },
      redemptions: (memberId, cursor, limit) =>
        paged(scope, 'redemptions', [eq('memberId', memberId)], NEWEST, cursor, limit, toRedemption),
      async redemptionByCode(communityId, code) {
        return str((await scope.get('pickup_codes', `${communityId}:${code}`))?.redemptionId)
      },
      async claimCode(communityId, code, redemptionId) {
        await scope.insert('pickup_codes', { _id: `${communityId}:${code}`, communityId, code, redemptionId }, `pickup code ${code}`)
      },
      async dueForExpiry(now, limit) {
        const where: Cond[] = [eq('status', 'pending'), { f: 'expiresAt', op: 'lt', v: now }]
        return (await scope.queryAll('redemptions', { where, sort: [['expiresAt', 'asc']] }, limit)).map((d) => d._id)
      },
    },
    activities: createActivityRepo(scope),
    workbench: createWorkbenchRepo(scope),
    inbox: createInboxRepo(scope),
    idempotency: {
      async get(key) {
        const d = await scope.get('idempotency', key)
        // the response is stored as JSON text: any shape, no field-name limits, never merged
        return d ? { key, hash: d.hash as string, response: JSON.parse(d.response as string), at: d.at as number } : null
      },
      async put(rec) {
        await scope.insert(
          'idempotency',
          { _id: rec.key, hash: rec.hash, response: JSON.stringify(rec.response), at: rec.at },
          `request ${rec.key}`,
        )
      },
      async forget(userId) {
        // keys are `${userId}:${requestId}`; user ids never hold ':' so ';' (the next character) ends the range
        const where: Cond[] = [
          { f: '_id', op: 'gte', v: `${userId}:` },
          { f: '_id', op: 'lt', v: `${userId};` },
        ]
        for (const d of await scope.queryAll('idempotency', { where, sort: [] })) await scope.remove('idempotency', d._id)
      },
    },
  }
}

function conflict(what: string) {
  return new WriteConflict(`${what} changed`)
}
