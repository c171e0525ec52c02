// Orders and their timelines on better-sqlite3. Every write names one row by its key; an order's
// update checks its version. The lists built from filters live in order-queries.ts.
import type { Channel, Level, OrderKind, OrderStatus, PostType, Severity, Urgency } from '@shared/enums'
import type { Order, OrderEventRecord } from '../../core/domain/model'
import { DASHBOARD_STEPS } from '../../core/domain/dashboard'
import { type MemberStats, NO_STATS } from '../../core/domain/routing'
import type { OrderRepo } from '../../core/ports'
import { hallSql, orderListSql, queueSql } from './order-queries'
import { type Statements, assignments, flag, insertInto, int, intOrNull, jsonOf, named, oneOf } from './sql'
import { oneOfOrNull, pageOf, pluck, rowMapper, text, textOrNull, uniquely, versioned } from './sql'

/**
 * The dashboard's facts of a period's orders, in this column order: each step's first time (by seq, in
 * DASHBOARD_STEPS order) is kept on the order by the order_events_first_* triggers (schema.ts).
 */
const FACTS_SQL = `SELECT id, status, category, grid_id, claimer_id, rating, dispute_count, escalations, created_at,
  ${DASHBOARD_STEPS.map((step) => `first_${step}`).join(', ')}
  FROM orders WHERE community_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id`

export const ORDER = rowMapper<Order>({
  id: text,
  communityId: text,
  residentId: text,
  kind: oneOf<OrderKind>(),
  category: oneOf<PostType>(),
  title: text,
  description: text,
  urgency: oneOf<Urgency>(),
  photos: jsonOf<string[]>([]),
  preferredTime: textOrNull,
  status: oneOf<OrderStatus>(),
  points: intOrNull,
  assigneeId: textOrNull,
  claimerId: textOrNull,
  gridId: textOrNull,
  buildingId: textOrNull,
  summary: textOrNull,
  completionPhotos: jsonOf<string[]>([]),
  rating: intOrNull,
  comment: textOrNull,
  rejectReason: textOrNull,
  releaseCount: int,
  disputeCount: int,
  awardedPoints: intOrNull,
  severity: oneOf<Severity>(),
  agentId: textOrNull,
  channel: oneOfOrNull<Channel>(),
  householdId: textOrNull,
  householdMemberId: textOrNull,
  referralId: textOrNull,
  revisitDue: flag,
  awardNote: textOrNull,
  level: oneOf<Level>(),
  escalations: jsonOf<Order['escalations']>([]),
  dueAt: intOrNull,
  createdAt: int,
  updatedAt: int,
  version: int,
})

const EVENT = rowMapper<OrderEventRecord>({
  orderId: text,
  seq: int,
  at: int,
  actorId: textOrNull,
  action: text,
  from: named('from_status', oneOfOrNull<OrderStatus>()),
  to: named('to_status', oneOf<OrderStatus>()),
  note: textOrNull,
})

const INSERT_ORDER = insertInto('orders', ORDER.columns)
const UPDATE_ORDER = `UPDATE orders SET ${assignments(ORDER.columns.filter((c) => c !== 'id'))} WHERE id = @id AND version = @version - 1`

/** Per member: held orders, ratings and releases. One member's figures go through the member's own indexes. */
const STATS = {
  community: {
    open: `SELECT claimer_id AS m, COUNT(*) AS n FROM orders WHERE community_id = @community AND status = 'claimed' GROUP BY claimer_id`,
    ratings: `SELECT claimer_id AS m, SUM(rating) AS s, COUNT(rating) AS n FROM orders WHERE community_id = @community AND status = 'closed'
       AND rating IS NOT NULL AND updated_at >= @since GROUP BY claimer_id`,
    releases: `SELECT e.actor_id AS m, COUNT(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE o.community_id = @community AND e.action = 'release' AND e.at >= @since GROUP BY e.actor_id`,
  },
  member: {
    open: `SELECT claimer_id AS m, COUNT(*) AS n FROM orders INDEXED BY orders_claimer
       WHERE claimer_id = @member AND community_id = @community AND status = 'claimed'`,
    ratings: `SELECT claimer_id AS m, SUM(rating) AS s, COUNT(rating) AS n FROM orders INDEXED BY orders_claimer
       WHERE claimer_id = @member AND community_id = @community AND status = 'closed' AND rating IS NOT NULL AND updated_at >= @since`,
    releases: `SELECT e.actor_id AS m, COUNT(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE e.actor_id = @member AND e.action = 'release' AND e.at >= @since AND o.community_id = @community`,
  },
}

type StatsRow = { m: string | null; n: number; s: number | null }

export function createOrderRepo(q: Statements): OrderRepo {
  return {
    async get(id) {
      return ORDER.one(q('SELECT * FROM orders WHERE id = ?').get(id))
    },
    async insert(order) {
      uniquely(`order ${order.id} exists`, () => q(INSERT_ORDER).run(ORDER.params(order)))
    },
    async update(order) {
      versioned(`order ${order.id} changed`, () => q(UPDATE_ORDER).run(ORDER.params(order)))
    },
    async appendEvent(e) {
      uniquely(`event ${e.orderId}:${e.seq} exists`, () => q(insertInto('order_events', EVENT.columns)).run(EVENT.params(e)))
    },
    async events(orderId) {
      return EVENT.all(q('SELECT * FROM order_events WHERE order_id = ? ORDER BY seq').all(orderId))
    },
    async eventsFor(orderIds) {
      if (orderIds.length === 0) return []
      // one statement for any number of orders (and no limit on bound parameters)
      const sql = 'SELECT * FROM order_events WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, seq'
      return EVENT.all(q(sql).all(JSON.stringify(orderIds)))
    },
    async list(query) {
      const { sql, params } = orderListSql(query)
      return pageOf(q(sql).all(params), query.limit, ORDER.read, (last) => [last.createdAt, last.id])
    },
    async dueForAutoConfirm(now, limit) {
      return pluck(q(`SELECT id FROM orders WHERE status = 'completed' AND due_at <= ? ORDER BY due_at LIMIT ?`).all(now, limit))
    },
    async dueForEscalation(now, limit) {
      const sql = `SELECT id FROM orders WHERE status IN ('open', 'claimed', 'referred') AND due_at <= ? AND level <> 'street' ORDER BY due_at LIMIT ?`
      return pluck(q(sql).all(now, limit))
    },
    async hall(query) {
      const { sql, params } = hallSql(query, false)
      return pageOf(q(sql).all(params), query.limit, ORDER.read, (last, row) => [row.near as number, last.createdAt, last.id])
    },
    async fitting(query) {
      const { sql, params } = hallSql(query, true)
      return ORDER.all(q(sql).all(params))
    },
    async overdue(query) {
      const { sql, params } = queueSql(
        { communityIds: [query.communityId], gridIds: query.gridIds, now: query.now },
        query.cursor,
        query.limit,
      )
      return pageOf(q(sql).all(params), query.limit, ORDER.read, (last) => [last.dueAt ?? 0, last.id])
    },
    async atStreet(communityIds, cursor, limit) {
      const { sql, params } = queueSql({ communityIds, atStreet: true }, cursor, limit)
      return pageOf(q(sql).all(params), limit, ORDER.read, (last) => [last.dueAt ?? 0, last.id])
    },
    async memberStats(communityId, since, memberId) {
      const stats: Record<string, MemberStats> = {}
      const of = (m: string) => {
        stats[m] ??= { ...NO_STATS }
        return stats[m]
      }
      const queries = memberId === undefined ? STATS.community : STATS.member
      const params = { community: communityId, since, member: memberId }
      const rows = (sql: string) => (q(sql).all(params) as StatsRow[]).filter((r): r is StatsRow & { m: string } => r.m !== null)
      for (const r of rows(queries.open)) of(r.m).open = r.n
      for (const r of rows(queries.ratings)) {
        of(r.m).ratingSum = r.s ?? 0
        of(r.m).ratingCount = r.n
      }
      for (const r of rows(queries.releases)) of(r.m).releases = r.n
      return stats
    },
    async createdBetween(communityId, from, to) {
      const sql = 'SELECT * FROM orders WHERE community_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, id'
      return ORDER.all(q(sql).all(communityId, from, to))
    },
    async dashboardFacts(communityId, from, to) {
      // from the covering index orders_community_facts alone; rows as arrays
      // (a street's year is ~90k of them: building an object per row cost more than the query)
      const rows = q(FACTS_SQL).raw(true).all(communityId, from, to) as unknown[][]
      return rows.map((r) => ({
        id: r[0] as string,
        status: r[1] as OrderStatus,
        category: r[2] as PostType,
        gridId: r[3] as string | null,
        claimerId: r[4] as string | null,
        rating: r[5] as number | null,
        disputeCount: r[6] as number,
        escalated: r[7] !== '[]' && (JSON.parse(r[7] as string) as unknown[]).length > 0,
        createdAt: r[8] as number,
        first: {
          dispatch: r[9] as number | null,
          claim: r[10] as number | null,
          complete: r[11] as number | null,
          confirm: r[12] as number | null,
          refer: r[13] as number | null,
          answer: r[14] as number | null,
        },
      }))
    },
    async closedBy(memberId, from, to) {
      const sql = `SELECT * FROM orders INDEXED BY orders_claimer WHERE claimer_id = ? AND status = 'closed' AND updated_at >= ? AND updated_at < ?
         ORDER BY updated_at, id`
      return ORDER.all(q(sql).all(memberId, from, to))
    },
  }
}
