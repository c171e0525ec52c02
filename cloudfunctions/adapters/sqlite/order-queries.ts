// The order lists whose SQL depends on which filters are set: named parameters only, so equal shapes
// share one cached statement. Exported for the query-plan test and the routing benchmark.
import type { OrderKind, PostType } from '@shared/enums'
import type { HallQuery, OrderQuery } from '../../core/ports'
import { decodeCursor, inList, numberAndId } from './sql'

export interface SqlQuery {
  sql: string
  params: Record<string, unknown>
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

/** The SQL for one order list, newest first. */
export function orderListSql(query: OrderQuery): SqlQuery {
  const where = ['community_id = @community']
  const params: Record<string, unknown> = { community: query.communityId, limit: query.limit + 1 }
  if (query.statuses?.length) {
    where.push(inList('status', 's', query.statuses, params))
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
  if (query.gridIds) where.push(query.gridIds.length ? inList('grid_id', 'g', query.gridIds, params) : '0')
  if (query.agentId) {
    where.push('agent_id = @agent')
    params.agent = query.agentId
  }
  if (query.householdId) {
    where.push('household_id = @household')
    params.household = query.householdId
  }
  if (query.revisitDue !== undefined) {
    where.push('revisit_due = @revisit')
    params.revisit = query.revisitDue ? 1 : 0
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
export function hallSql(query: HallQuery & { posts?: PostType[] }, fitting: boolean): SqlQuery {
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
    const inPosts = posts.length ? inList('category', 'p', posts, params) : '0'
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
  // nearest first cannot come from an index (it depends on the member), so every open order of the
  // community is sorted: sort their keys only, then read the page's rows (sorting whole rows of 5,000 open
  // orders cost more than the rest of the call)
  const keys = `SELECT id, ${near} AS near, created_at FROM orders WHERE ${where.join(' AND ')} ORDER BY near, created_at DESC, id DESC LIMIT @limit`
  const sql = `SELECT o.*, k.near FROM (${keys}) k JOIN orders o ON o.id = k.id ORDER BY k.near, k.created_at DESC, k.id DESC`
  return { sql, params }
}

/**
 * The queues by deadline, most overdue first: 逾期/升级 (past due, or above 网格) in one community,
 * perhaps only some of its grids; or what stands at 街道 in a street's communities.
 */
export function queueSql(
  scope: { communityIds: string[]; gridIds?: string[]; now?: number; atStreet?: boolean },
  cursor: string | undefined,
  limit: number,
): SqlQuery {
  const params: Record<string, unknown> = { limit: limit + 1 }
  const where = [
    scope.communityIds.length ? inList('community_id', 'c', scope.communityIds, params) : '0',
    "status IN ('open', 'claimed', 'referred')",
  ]
  if (scope.atStreet) where.push("level = 'street'")
  else {
    where.push("(due_at <= @now OR level <> 'grid')")
    params.now = scope.now ?? 0
  }
  if (scope.gridIds) where.push(scope.gridIds.length ? inList('grid_id', 'g', scope.gridIds, params) : '0')
  const [cDue, cId] = numberAndId(cursor) ?? [null, null]
  if (cDue !== null) {
    where.push('(due_at > @cDue OR (due_at = @cDue AND id > @cId))')
    params.cDue = cDue
    params.cId = cId
  }
  return { sql: `SELECT * FROM orders WHERE ${where.join(' AND ')} ORDER BY due_at, id LIMIT @limit`, params }
}
