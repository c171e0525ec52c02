// Repositories on better-sqlite3. Every write names one row by its key, as the CloudBase adapter must.
import type Database from 'better-sqlite3'
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
  User,
} from '../../core/domain/model'
import { oldestLotYear } from '../../core/domain/ledger'
import { DEFAULT_RULES, PointsRulesSchema } from '../../core/domain/rules'
import type { HallQuery, IdempotencyRecord, OrderQuery, Repos } from '../../core/ports'
import type { OrderKind, PostType } from '@shared/enums'
import { type MemberStats, NO_STATS } from '../../core/domain/routing'
import { WriteConflict } from '../../core/ports'
import { type Row, decodeCursor, encodeCursor, uniquely, json, statementCache } from './sql'
import { createActivityRepo, createInboxRepo } from './activity-repos'
import { createWorkbenchRepo } from './workbench-repos'

function toUser(r: Row): User {
  return {
    id: r.id as string,
    communityId: r.community_id as string,
    name: r.name as string,
    phone: (r.phone as string | null) ?? null,
    roles: json(r.roles, []),
    gridId: (r.grid_id as string | null) ?? null,
    buildingId: (r.building_id as string | null) ?? null,
    room: (r.room as string | null) ?? null,
    member: json(r.member, null),
    rankingOptIn: r.ranking_opt_in === 1,
    createdAt: r.created_at as number,
  }
}

/** The columns staff decide about a person (roles, home, profile), as named parameters. */
const userParams = (u: User) => ({
  id: u.id,
  communityId: u.communityId,
  name: u.name,
  phone: u.phone,
  roles: JSON.stringify(u.roles),
  gridId: u.gridId,
  buildingId: u.buildingId,
  room: u.room,
  member: u.member ? JSON.stringify(u.member) : null,
})

function toOrder(r: Row): Order {
  return {
    id: r.id as string,
    communityId: r.community_id as string,
    residentId: r.resident_id as string,
    kind: r.kind as Order['kind'],
    category: r.category as Order['category'],
    title: r.title as string,
    description: r.description as string,
    urgency: r.urgency as Order['urgency'],
    photos: json(r.photos, []),
    preferredTime: (r.preferred_time as string | null) ?? null,
    status: r.status as Order['status'],
    points: (r.points as number | null) ?? null,
    assigneeId: (r.assignee_id as string | null) ?? null,
    claimerId: (r.claimer_id as string | null) ?? null,
    gridId: (r.grid_id as string | null) ?? null,
    buildingId: (r.building_id as string | null) ?? null,
    summary: (r.summary as string | null) ?? null,
    completionPhotos: json(r.completion_photos, []),
    rating: (r.rating as number | null) ?? null,
    comment: (r.comment as string | null) ?? null,
    rejectReason: (r.reject_reason as string | null) ?? null,
    releaseCount: r.release_count as number,
    disputeCount: r.dispute_count as number,
    awardedPoints: (r.awarded_points as number | null) ?? null,
    level: (r.level as Order['level']) ?? 'grid',
    escalations: json(r.escalations, []),
    dueAt: (r.due_at as number | null) ?? null,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
    version: r.version as number,
  }
}

function orderParams(o: Order) {
  return {
    id: o.id,
    community_id: o.communityId,
    resident_id: o.residentId,
    kind: o.kind,
    category: o.category,
    title: o.title,
    description: o.description,
    urgency: o.urgency,
    photos: JSON.stringify(o.photos),
    preferred_time: o.preferredTime,
    status: o.status,
    points: o.points,
    assignee_id: o.assigneeId,
    claimer_id: o.claimerId,
    grid_id: o.gridId,
    building_id: o.buildingId,
    summary: o.summary,
    completion_photos: JSON.stringify(o.completionPhotos),
    rating: o.rating,
    comment: o.comment,
    reject_reason: o.rejectReason,
    release_count: o.releaseCount,
    dispute_count: o.disputeCount,
    awarded_points: o.awardedPoints,
    level: o.level,
    escalations: JSON.stringify(o.escalations),
    due_at: o.dueAt,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    version: o.version,
  }
}

const ORDER_COLUMNS = Object.keys(orderParams({ photos: [], completionPhotos: [], escalations: [] } as unknown as Order))

function toEvent(r: Row): OrderEventRecord {
  return {
    orderId: r.order_id as string,
    seq: r.seq as number,
    at: r.at as number,
    actorId: (r.actor_id as string | null) ?? null,
    action: r.action as string,
    from: (r.from_status as OrderEventRecord['from']) ?? null,
    to: r.to_status as OrderEventRecord['to'],
    note: (r.note as string | null) ?? null,
  }
}

function toAccount(r: Row): PointAccount {
  return {
    memberId: r.member_id as string,
    communityId: r.community_id as string,
    balance: r.balance as number,
    earned: r.earned as number,
    spent: r.spent as number,
    lots: json(r.lots, {}),
    years: json(r.years, {}),
    day: json(r.day, null),
    version: r.version as number,
  }
}

const accountParams = (a: PointAccount) => ({
  memberId: a.memberId,
  communityId: a.communityId,
  balance: a.balance,
  earned: a.earned,
  spent: a.spent,
  lots: JSON.stringify(a.lots),
  years: JSON.stringify(a.years),
  day: a.day ? JSON.stringify(a.day) : null,
  oldest: oldestLotYear(a),
  version: a.version,
})

function toGoods(r: Row): Goods {
  return {
    id: r.id as string,
    communityId: r.community_id as string,
    name: r.name as string,
    image: (r.image as string | null) ?? null,
    description: r.description as string,
    price: r.price as number,
    stock: r.stock as number,
    limitPerMember: r.limit_per_member as number,
    onShelf: r.on_shelf === 1,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
    version: r.version as number,
  }
}

const goodsParams = (g: Goods) => ({ ...g, onShelf: g.onShelf ? 1 : 0 })

function toRedemption(r: Row): Redemption {
  return {
    id: r.id as string,
    communityId: r.community_id as string,
    memberId: r.member_id as string,
    goodsId: r.goods_id as string,
    goodsName: r.goods_name as string,
    goodsImage: (r.goods_image as string | null) ?? null,
    price: r.price as number,
    code: r.code as string,
    status: r.status as Redemption['status'],
    consumed: json(r.consumed, {}),
    createdAt: r.created_at as number,
    expiresAt: r.expires_at as number,
    pickedAt: (r.picked_at as number | null) ?? null,
    verifiedBy: (r.verified_by as string | null) ?? null,
    version: r.version as number,
  }
}

const redemptionParams = (r: Redemption) => ({ ...r, consumed: JSON.stringify(r.consumed) })

function toLedger(r: Row): LedgerRecord {
  return {
    sourceKey: r.source_key as string,
    memberId: r.member_id as string,
    communityId: r.community_id as string,
    delta: r.delta as number,
    reason: r.reason as LedgerRecord['reason'],
    note: r.note as string,
    balanceAfter: r.balance_after as number,
    at: r.at as number,
  }
}

/** Builds the repositories over one connection; statements are prepared once per connection. */
export function createRepos(db: Database.Database): Repos {
  const q = {
    user: db.prepare('SELECT * FROM users WHERE id = ?'),
    members: db.prepare(
      `SELECT * FROM users WHERE community_id = ? AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'member') ORDER BY name, id`,
    ),
    staff: db.prepare(
      `SELECT * FROM users WHERE community_id = ? AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value IN ('staff', 'admin')) ORDER BY name, id`,
    ),
    community: db.prepare('SELECT * FROM communities WHERE id = ?'),
    grid: db.prepare('SELECT * FROM grids WHERE id = ?'),
    building: db.prepare('SELECT * FROM buildings WHERE id = ?'),
    order: db.prepare('SELECT * FROM orders WHERE id = ?'),
    insertOrder: db.prepare(`INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map((c) => `@${c}`).join(', ')})`),
    updateOrder: db.prepare(
      `UPDATE orders SET ${ORDER_COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE id = @id AND version = @version - 1`,
    ),
    insertEvent: db.prepare(
      'INSERT INTO order_events (order_id, seq, at, actor_id, action, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    events: db.prepare('SELECT * FROM order_events WHERE order_id = ? ORDER BY seq'),
    account: db.prepare('SELECT * FROM point_accounts WHERE member_id = ?'),
    insertAccount: db.prepare(
      `INSERT INTO point_accounts (member_id, community_id, balance, earned, spent, lots, years, day, oldest_lot_year, version)
       VALUES (@memberId, @communityId, @balance, @earned, @spent, @lots, @years, @day, @oldest, @version)`,
    ),
    updateAccount: db.prepare(
      `UPDATE point_accounts SET balance = @balance, earned = @earned, spent = @spent, lots = @lots, years = @years, day = @day,
       oldest_lot_year = @oldest, version = @version WHERE member_id = @memberId AND version = @version - 1`,
    ),
    accounts: db.prepare('SELECT * FROM point_accounts WHERE community_id = ?'),
    withLotsFrom: db.prepare('SELECT member_id FROM point_accounts WHERE oldest_lot_year <= ? LIMIT ?'),
    saveSettings: db.prepare('UPDATE users SET ranking_opt_in = ? WHERE id = ?'),
    erasePersonal: db.prepare(
      `UPDATE users SET name = @name, phone = @phone, roles = @roles, grid_id = @gridId, building_id = @buildingId, room = @room,
       member = @member, ranking_opt_in = @optIn WHERE id = @id`,
    ),
    forgetSessions: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
    lastRules: db.prepare('SELECT * FROM rules_audit WHERE community_id = ? ORDER BY seq DESC LIMIT 1'),
    setRules: db.prepare('UPDATE communities SET rules = ? WHERE id = ?'),
    auditRules: db.prepare('INSERT INTO rules_audit (community_id, by_user, at, before, after) VALUES (?, ?, ?, ?, ?)'),
    goods: db.prepare('SELECT * FROM goods WHERE id = ?'),
    listGoods: db.prepare('SELECT * FROM goods WHERE community_id = ? AND (on_shelf = 1 OR ?) ORDER BY on_shelf DESC, created_at DESC, id'),
    insertGoods: db.prepare(
      `INSERT INTO goods (id, community_id, name, image, description, price, stock, limit_per_member, on_shelf, created_at, updated_at, version)
       VALUES (@id, @communityId, @name, @image, @description, @price, @stock, @limitPerMember, @onShelf, @createdAt, @updatedAt, @version)`,
    ),
    updateGoods: db.prepare(
      `UPDATE goods SET name = @name, image = @image, description = @description, price = @price, stock = @stock,
       limit_per_member = @limitPerMember, on_shelf = @onShelf, updated_at = @updatedAt, version = @version
       WHERE id = @id AND version = @version - 1`,
    ),
    holding: db.prepare('SELECT count FROM holdings WHERE goods_id = ? AND member_id = ?'),
    setHolding: db.prepare(
      'INSERT INTO holdings (goods_id, member_id, count) VALUES (?, ?, ?) ON CONFLICT (goods_id, member_id) DO UPDATE SET count = excluded.count',
    ),
    redemption: db.prepare('SELECT * FROM redemptions WHERE id = ?'),
    insertRedemption: db.prepare(
      `INSERT INTO redemptions (id, community_id, member_id, goods_id, goods_name, goods_image, price, code, status, consumed,
       created_at, expires_at, picked_at, verified_by, version)
       VALUES (@id, @communityId, @memberId, @goodsId, @goodsName, @goodsImage, @price, @code, @status, @consumed,
       @createdAt, @expiresAt, @pickedAt, @verifiedBy, @version)`,
    ),
    updateRedemption: db.prepare(
      `UPDATE redemptions SET status = @status, picked_at = @pickedAt, verified_by = @verifiedBy, version = @version
       WHERE id = @id AND version = @version - 1`,
    ),
    redemptions: db.prepare(
      `SELECT * FROM redemptions WHERE member_id = @member AND (@cAt IS NULL OR created_at < @cAt OR (created_at = @cAt AND id < @cId))
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    ),
    codeGet: db.prepare('SELECT redemption_id FROM pickup_codes WHERE community_id = ? AND code = ?'),
    codePut: db.prepare('INSERT INTO pickup_codes (community_id, code, redemption_id) VALUES (?, ?, ?)'),
    dueForExpiry: db.prepare(`SELECT id FROM redemptions WHERE status = 'pending' AND expires_at < ? ORDER BY expires_at LIMIT ?`),
    entry: db.prepare('SELECT * FROM ledger WHERE source_key = ?'),
    append: db.prepare(
      'INSERT INTO ledger (source_key, member_id, community_id, delta, reason, note, balance_after, at) VALUES (@sourceKey, @memberId, @communityId, @delta, @reason, @note, @balanceAfter, @at)',
    ),
    ledger: db.prepare('SELECT rowid AS rid, * FROM ledger WHERE member_id = ? AND rowid < ? ORDER BY rowid DESC LIMIT ?'),
    idem: db.prepare('SELECT * FROM idempotency WHERE key = ?'),
    dueForEscalation: db.prepare(
      `SELECT id FROM orders WHERE status IN ('open', 'claimed') AND due_at <= ? AND level <> 'street' ORDER BY due_at LIMIT ?`,
    ),
    overdue: db.prepare(
      `SELECT * FROM orders WHERE community_id = @community AND status IN ('open', 'claimed') AND (due_at <= @now OR level <> 'grid')
       AND (@cDue IS NULL OR due_at > @cDue OR (due_at = @cDue AND id > @cId)) ORDER BY due_at, id LIMIT @limit`,
    ),
    // one member's figures go through the member's own indexes; the community's through community_id
    statsOpen: db.prepare(
      `SELECT claimer_id AS m, COUNT(*) AS n FROM orders WHERE community_id = @community AND status = 'claimed' GROUP BY claimer_id`,
    ),
    statsRatings: db.prepare(
      `SELECT claimer_id AS m, SUM(rating) AS s, COUNT(rating) AS n FROM orders WHERE community_id = @community AND status = 'closed'
       AND rating IS NOT NULL AND updated_at >= @since GROUP BY claimer_id`,
    ),
    statsReleases: db.prepare(
      `SELECT e.actor_id AS m, COUNT(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE o.community_id = @community AND e.action = 'release' AND e.at >= @since GROUP BY e.actor_id`,
    ),
    memberOpen: db.prepare(
      `SELECT claimer_id AS m, COUNT(*) AS n FROM orders INDEXED BY orders_claimer
       WHERE claimer_id = @member AND community_id = @community AND status = 'claimed'`,
    ),
    memberRatings: db.prepare(
      `SELECT claimer_id AS m, SUM(rating) AS s, COUNT(rating) AS n FROM orders INDEXED BY orders_claimer
       WHERE claimer_id = @member AND community_id = @community AND status = 'closed' AND rating IS NOT NULL AND updated_at >= @since`,
    ),
    memberReleases: db.prepare(
      `SELECT e.actor_id AS m, COUNT(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE e.actor_id = @member AND e.action = 'release' AND e.at >= @since AND o.community_id = @community`,
    ),
    dueForAutoConfirm: db.prepare(`SELECT id FROM orders WHERE status = 'completed' AND due_at <= ? ORDER BY due_at LIMIT ?`),
    putIdem: db.prepare('INSERT INTO idempotency (key, hash, response, at) VALUES (?, ?, ?, ?)'),
    // the people and the workbench's period reads
    communityUsers: db.prepare('SELECT * FROM users WHERE community_id = ? ORDER BY name, id'),
    insertUser: db.prepare(
      `INSERT INTO users (id, community_id, name, phone, roles, grid_id, building_id, room, member, ranking_opt_in, created_at)
       VALUES (@id, @communityId, @name, @phone, @roles, @gridId, @buildingId, @room, @member, @optIn, @createdAt)`,
    ),
    saveProfile: db.prepare(
      `UPDATE users SET name = @name, phone = @phone, roles = @roles, grid_id = @gridId, building_id = @buildingId, room = @room,
       member = @member WHERE id = @id`,
    ),
    grids: db.prepare('SELECT * FROM grids WHERE community_id = ? ORDER BY name, id'),
    buildings: db.prepare('SELECT * FROM buildings WHERE community_id = ? ORDER BY name, id'),
    putGrid: db.prepare(
      'INSERT INTO grids (id, community_id, name) VALUES (@id, @communityId, @name) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
    ),
    createdBetween: db.prepare(
      'SELECT * FROM orders WHERE community_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id',
    ),
    closedBy: db.prepare(
      `SELECT * FROM orders INDEXED BY orders_claimer WHERE claimer_id = ? AND status = 'closed' AND updated_at >= ? AND updated_at < ?
       ORDER BY updated_at, id`,
    ),
    entriesBetween: db.prepare(
      'SELECT * FROM ledger WHERE community_id = @community AND at >= @from AND at < @to AND (@member IS NULL OR member_id = @member) ORDER BY at, rowid',
    ),
    // keys are `${userId}:${requestId}`; user ids never hold ':' so ';' (the next character) ends the range
    forgetIdem: db.prepare("DELETE FROM idempotency WHERE key >= ? || ':' AND key < ? || ';'"),
  }
  /** Statements whose SQL depends on which filters are set: one prepared statement per shape. */
  const cached = statementCache(db)

  return {
    users: {
      async get(id) {
        const r = q.user.get(id) as Row | undefined
        return r ? toUser(r) : null
      },
      async getMany(ids) {
        if (ids.length === 0) return []
        const rows = db.prepare(`SELECT * FROM users WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Row[]
        return rows.map(toUser)
      },
      async listMembers(communityId) {
        return (q.members.all(communityId) as Row[]).map(toUser)
      },
      async listStaff(communityId) {
        return (q.staff.all(communityId) as Row[]).map(toUser)
      },
      async saveSettings(user) {
        q.saveSettings.run(user.rankingOptIn ? 1 : 0, user.id)
      },
      async listCommunity(communityId) {
        return (q.communityUsers.all(communityId) as Row[]).map(toUser)
      },
      async insert(user) {
        uniquely(`user ${user.id} exists`, () =>
          q.insertUser.run({ ...userParams(user), optIn: user.rankingOptIn ? 1 : 0, createdAt: user.createdAt }),
        )
      },
      async saveProfile(user) {
        q.saveProfile.run(userParams(user))
      },
      async erasePersonal(user) {
        q.erasePersonal.run({
          id: user.id,
          name: user.name,
          phone: user.phone,
          roles: JSON.stringify(user.roles),
          gridId: user.gridId,
          buildingId: user.buildingId,
          room: user.room,
          member: user.member ? JSON.stringify(user.member) : null,
          optIn: user.rankingOptIn ? 1 : 0,
        })
      },
      async forgetLogins(userId) {
        q.forgetSessions.run(userId)
      },
    },
    places: {
      async community(id) {
        const r = q.community.get(id) as Row | undefined
        return r ? ({ id: r.id, name: r.name } as Community) : null
      },
      async grid(id) {
        const r = q.grid.get(id) as Row | undefined
        return r ? ({ id: r.id, communityId: r.community_id, name: r.name } as Grid) : null
      },
      async building(id) {
        const r = q.building.get(id) as Row | undefined
        return r ? ({ id: r.id, communityId: r.community_id, gridId: r.grid_id, name: r.name } as Building) : null
      },
      async rules(communityId) {
        const r = q.community.get(communityId) as Row | undefined
        return r?.rules ? PointsRulesSchema.parse(JSON.parse(r.rules as string)) : null
      },
      async lastRulesChange(communityId) {
        const r = q.lastRules.get(communityId) as Row | undefined
        return r
          ? { communityId, by: r.by_user as string, at: r.at as number, before: json(r.before, null), rules: json(r.after, DEFAULT_RULES) }
          : null
      },
      async saveRules(change) {
        const after = JSON.stringify(change.rules)
        q.setRules.run(after, change.communityId)
        q.auditRules.run(change.communityId, change.by, change.at, change.before ? JSON.stringify(change.before) : null, after)
      },
      async grids(communityId) {
        return (q.grids.all(communityId) as Row[]).map((r) => ({ id: r.id, communityId: r.community_id, name: r.name }) as Grid)
      },
      async buildings(communityId) {
        return (q.buildings.all(communityId) as Row[]).map(
          (r) => ({ id: r.id, communityId: r.community_id, gridId: r.grid_id, name: r.name }) as Building,
        )
      },
      async saveGrid(grid) {
        q.putGrid.run(grid)
      },
    },
    orders: {
      async createdBetween(communityId, from, to) {
        return (q.createdBetween.all(communityId, from, to) as Row[]).map(toOrder)
      },
      async closedBy(memberId, from, to) {
        return (q.closedBy.all(memberId, from, to) as Row[]).map(toOrder)
      },
      async eventsFor(orderIds) {
        const out: OrderEventRecord[] = []
        // in chunks: SQLite limits the number of bound parameters
        for (let i = 0; i < orderIds.length; i += 500) {
          const chunk = orderIds.slice(i, i + 500)
          const rows = db
            .prepare(`SELECT * FROM order_events WHERE order_id IN (${chunk.map(() => '?').join(',')}) ORDER BY order_id, seq`)
            .all(...chunk) as Row[]
          out.push(...rows.map(toEvent))
        }
        return out
      },
      async get(id) {
        const r = q.order.get(id) as Row | undefined
        return r ? toOrder(r) : null
      },
      async insert(order) {
        uniquely(`order ${order.id} exists`, () => q.insertOrder.run(orderParams(order)))
      },
      async update(order) {
        if (q.updateOrder.run(orderParams(order)).changes !== 1) throw new WriteConflict(`order ${order.id} changed`)
      },
      async appendEvent(e) {
        uniquely(`event ${e.orderId}:${e.seq} exists`, () =>
          q.insertEvent.run(e.orderId, e.seq, e.at, e.actorId, e.action, e.from, e.to, e.note),
        )
      },
      async dueForEscalation(now, limit) {
        return (q.dueForEscalation.all(now, limit) as Row[]).map((r) => r.id as string)
      },
      async hall(query) {
        const { sql, params } = hallSql(query, false)
        const rows = cached(sql).all(params) as Row[]
        const items = rows.slice(0, query.limit).map(toOrder)
        const last = rows[Math.min(rows.length, query.limit) - 1]
        const more = rows.length > query.limit && last
        return { items, nextCursor: more ? encodeCursor([last.near as number, last.created_at as number, last.id as string]) : undefined }
      },
      async fitting(query) {
        const { sql, params } = hallSql(query, true)
        return (cached(sql).all(params) as Row[]).map(toOrder)
      },
      async overdue(communityId, now, cursor, limit) {
        const c = decodeCursor(cursor)
        const [cDue, cId] = c && typeof c[0] === 'number' && typeof c[1] === 'string' ? c : [null, null]
        const rows = q.overdue.all({ community: communityId, now, cDue, cId, limit: limit + 1 }) as Row[]
        const items = rows.slice(0, limit).map(toOrder)
        const last = items[items.length - 1]
        return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.dueAt ?? 0, last.id]) : undefined }
      },
      async memberStats(communityId, since, memberId) {
        const stats: Record<string, MemberStats> = {}
        const of = (m: string) => {
          stats[m] ??= { ...NO_STATS }
          return stats[m]
        }
        const one = memberId !== undefined
        const params = one ? { community: communityId, since, member: memberId } : { community: communityId, since }
        const rows = (stmt: Database.Statement) => (stmt.all(params) as Row[]).filter((r) => r.m !== null)
        for (const r of rows(one ? q.memberOpen : q.statsOpen)) of(r.m as string).open = r.n as number
        for (const r of rows(one ? q.memberRatings : q.statsRatings)) {
          of(r.m as string).ratingSum = r.s as number
          of(r.m as string).ratingCount = r.n as number
        }
        for (const r of rows(one ? q.memberReleases : q.statsReleases)) of(r.m as string).releases = r.n as number
        return stats
      },
      async dueForAutoConfirm(now, limit) {
        return (q.dueForAutoConfirm.all(now, limit) as Row[]).map((r) => r.id as string)
      },
      async events(orderId) {
        return (q.events.all(orderId) as Row[]).map(toEvent)
      },
      async list(query) {
        const { sql, params } = orderListSql(query)
        const rows = cached(sql).all(params) as Row[]
        const items = rows.slice(0, query.limit).map(toOrder)
        const last = items[items.length - 1]
        return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : undefined }
      },
    },
    points: {
      async account(memberId) {
        const r = q.account.get(memberId) as Row | undefined
        return r ? toAccount(r) : null
      },
      async saveAccount(account) {
        const a = accountParams(account)
        if (a.version === 1) return uniquely(`account ${a.memberId} exists`, () => q.insertAccount.run(a))
        if (q.updateAccount.run(a).changes !== 1) throw new WriteConflict(`account ${a.memberId} changed`)
      },
      async entry(sourceKey) {
        const r = q.entry.get(sourceKey) as Row | undefined
        return r ? toLedger(r) : null
      },
      async append(record) {
        uniquely(`ledger entry ${record.sourceKey} exists`, () => q.append.run(record))
      },
      async ledger(memberId, cursor, limit) {
        const before = Number(decodeCursor(cursor)?.[0] ?? Number.MAX_SAFE_INTEGER)
        const rows = q.ledger.all(memberId, Number.isFinite(before) ? before : 0, limit + 1) as Row[]
        const items = rows.slice(0, limit)
        const last = items[items.length - 1]
        return { items: items.map(toLedger), nextCursor: rows.length > limit && last ? encodeCursor([last.rid as number]) : undefined }
      },
      async accounts(communityId) {
        return (q.accounts.all(communityId) as Row[]).map(toAccount)
      },
      async withLotsFrom(year, limit) {
        return (q.withLotsFrom.all(year, limit) as Row[]).map((r) => r.member_id as string)
      },
      async entriesBetween(communityId, from, to, memberId) {
        return (q.entriesBetween.all({ community: communityId, from, to, member: memberId ?? null }) as Row[]).map(toLedger)
      },
    },
    mall: {
      async goods(id) {
        const r = q.goods.get(id) as Row | undefined
        return r ? toGoods(r) : null
      },
      async listGoods(communityId, includeOffShelf) {
        return (q.listGoods.all(communityId, includeOffShelf ? 1 : 0) as Row[]).map(toGoods)
      },
      async insertGoods(goods) {
        uniquely(`goods ${goods.id} exists`, () => q.insertGoods.run(goodsParams(goods)))
      },
      async updateGoods(goods) {
        if (q.updateGoods.run(goodsParams(goods)).changes !== 1) throw new WriteConflict(`goods ${goods.id} changed`)
      },
      async holding(goodsId, memberId) {
        return ((q.holding.get(goodsId, memberId) as Row | undefined)?.count as number | undefined) ?? 0
      },
      async setHolding(goodsId, memberId, count) {
        q.setHolding.run(goodsId, memberId, count)
      },
      async redemption(id) {
        const r = q.redemption.get(id) as Row | undefined
        return r ? toRedemption(r) : null
      },
      async insertRedemption(r) {
        uniquely(`redemption ${r.id} exists`, () => q.insertRedemption.run(redemptionParams(r)))
      },
      async updateRedemption(r) {
        if (q.updateRedemption.run(redemptionParams(r)).changes !== 1) throw new WriteConflict(`redemption ${r.id} changed`)
      },
      async redemptions(memberId, cursor, limit) {
        const c = decodeCursor(cursor)
        const [cAt, cId] = c && typeof c[0] === 'number' && typeof c[1] === 'string' ? c : [null, null]
        const rows = q.redemptions.all({ member: memberId, cAt, cId, limit: limit + 1 }) as Row[]
        const items = rows.slice(0, limit).map(toRedemption)
        const last = items[items.length - 1]
        return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : undefined }
      },
      async redemptionByCode(communityId, code) {
        return ((q.codeGet.get(communityId, code) as Row | undefined)?.redemption_id as string | undefined) ?? null
      },
      async claimCode(communityId, code, redemptionId) {
        uniquely(`pickup code ${code} taken`, () => q.codePut.run(communityId, code, redemptionId))
      },
      async dueForExpiry(now, limit) {
        return (q.dueForExpiry.all(now, limit) as Row[]).map((r) => r.id as string)
      },
    },
    activities: createActivityRepo(db),
    workbench: createWorkbenchRepo(db),
    inbox: createInboxRepo(db),
    idempotency: {
      async get(key) {
        const r = q.idem.get(key) as Row | undefined
        return r ? ({ key, hash: r.hash, response: JSON.parse(r.response as string), at: r.at } as IdempotencyRecord) : null
      },
      async put(rec) {
        uniquely(`request ${rec.key} exists`, () => q.putIdem.run(rec.key, rec.hash, JSON.stringify(rec.response), rec.at))
      },
      async forget(userId) {
        q.forgetIdem.run(userId, userId)
      },
    },
  }
}

/** The post type and kind filters every order list shares. */
function equalFilters(where: string[], params: Record<string, unknown>, query: { category?: PostType; kind?: OrderKind }) {
  if (query.category) {
    where.push('category = @category')
    params.category = query.category
  }
  if (query.kind) {
    where.push('kind = @kind')
    params.kind = query.kind
  }
}

/** The SQL for one order list; named parameters only, so equal shapes share a prepared statement. */
export function orderListSql(query: OrderQuery): { sql: string; params: Record<string, unknown> } {
  const where = ['community_id = @community']
  const params: Record<string, unknown> = { community: query.communityId, limit: query.limit + 1 }
  if (query.statuses?.length) {
    where.push(`status IN (${query.statuses.map((_, i) => `@s${i}`).join(', ')})`)
    query.statuses.forEach((s, i) => {
      params[`s${i}`] = s
    })
  }
  if (query.residentId) {
    where.push('resident_id = @resident')
    params.resident = query.residentId
  }
  if (query.memberId) {
    where.push('(claimer_id = @member OR (assignee_id = @member AND claimer_id IS NULL))')
    params.member = query.memberId
  }
  equalFilters(where, params, query)
  if (query.gridId) {
    where.push('grid_id = @grid')
    params.grid = query.gridId
  }
  const cursor = decodeCursor(query.cursor)
  if (cursor && typeof cursor[0] === 'number' && typeof cursor[1] === 'string') {
    where.push('(created_at < @cAt OR (created_at = @cAt AND id < @cId))')
    params.cAt = cursor[0]
    params.cId = cursor[1]
  }
  const sql = `SELECT * FROM orders WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`
  return { sql, params }
}

/**
 * The hall: open orders of the community the member may take (not their own, not directed to someone
 * else), nearest first. `fitting` narrows to their posts or grid for 为你推荐.
 */
export function hallSql(query: HallQuery & { posts?: PostType[] }, fitting: boolean): { sql: string; params: Record<string, unknown> } {
  const near = 'CASE WHEN building_id = @building THEN 0 WHEN grid_id = @grid THEN 1 ELSE 2 END'
  const where = ['community_id = @community', "status = 'open'", 'resident_id <> @member', '(assignee_id IS NULL OR assignee_id = @member)']
  const params: Record<string, unknown> = {
    community: query.communityId,
    member: query.memberId,
    building: query.buildingId ?? '',
    grid: query.gridId ?? '',
    limit: query.limit + 1,
  }
  equalFilters(where, params, query)
  if (fitting) {
    const posts = query.posts ?? []
    posts.forEach((p, i) => {
      params[`p${i}`] = p
    })
    const inPosts = posts.length ? `category IN (${posts.map((_, i) => `@p${i}`).join(', ')})` : '0'
    where.push(`(${inPosts} OR grid_id = @grid)`)
    params.limit = query.limit
    return { sql: `SELECT * FROM orders WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT @limit`, params }
  }
  const c = decodeCursor(query.cursor)
  if (c && typeof c[0] === 'number' && typeof c[1] === 'number' && typeof c[2] === 'string') {
    where.push(`(${near} > @cNear OR (${near} = @cNear AND (created_at < @cAt OR (created_at = @cAt AND id < @cId))))`)
    params.cNear = c[0]
    params.cAt = c[1]
    params.cId = c[2]
  }
  const sql = `SELECT *, ${near} AS near FROM orders WHERE ${where.join(' AND ')} ORDER BY near, created_at DESC, id DESC LIMIT @limit`
  return { sql, params }
}
