// 导出我的数据 (PIPL): everything the system holds about the caller, as JSON — shown as each screen
// shows it to them, so an export never reveals more of other people than the app does.
import type { MyData } from '@shared/accounts'
import type { ActivitySummary } from '@shared/activities'
import type { GridTaskDetail } from '@shared/grid-tasks'
import type { InboxItem } from '@shared/inbox'
import type { Redemption } from '@shared/mall'
import type { OrderDetail } from '@shared/orders'
import type { LedgerEntry } from '@shared/points'
import type { EvaluationPacket } from '@shared/points'
import { type Actor, hasRole, isStaff } from '../../domain/access'
import { yearOf } from '../../domain/time'
import { getEvaluation } from '../points/evaluation'
import { getMyCard } from '../workbench/showcase'
import { myRegistrations } from './register'
import { AppError } from '../../domain/errors'
import type { Order } from '../../domain/model'
import type { Ctx, OrderQuery } from '../../ports'
import { listActivities } from '../activities/list'
import { myRedemptions } from '../mall/redemptions'
import { presentTask } from '../grid-tasks/present'
import { myCareTasks } from '../households/care'
import { presentCare } from '../households/present'
import { presentDetail } from '../orders/present'
import { getBalance, getLedger } from '../points/balance'
import { getInbox } from './inbox'
import { getMe } from './me'
import { subscriptionsOf } from './subscribe'

const PAGE = 50
/** Pages read per section at most: an export is bounded even for the busiest account. */
const MAX_PAGES = 200

/** Every item of a paged list, page by page. */
export async function allPages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const out: T[] = []
  let cursor: string | undefined
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await load(cursor)
    out.push(...page.items)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return out
}

/** Every order of the community matching `query` (a resident's own, or a member's held and directed ones). */
export function allOrders(ctx: Ctx, query: Omit<OrderQuery, 'cursor' | 'limit'>): Promise<Order[]> {
  return allPages((cursor) => ctx.repos.orders.list({ ...query, cursor, limit: PAGE }))
}

export async function exportMyData(ctx: Ctx, actor: Actor): Promise<MyData> {
  const user = await ctx.repos.users.get(actor.userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  const details = async (orders: Order[]) => {
    const out: OrderDetail[] = []
    for (const o of orders) out.push(await presentDetail(ctx, o, actor))
    return out
  }
  const ledger: LedgerEntry[] = await allPages((cursor) => getLedger(ctx, actor, { cursor, limit: PAGE }))
  const redemptions: Redemption[] = await allPages((cursor) => myRedemptions(ctx, actor, { cursor, limit: PAGE }))
  const signups: ActivitySummary[] = await allPages((cursor) => listActivities(ctx, actor, { scope: 'mine', cursor, limit: PAGE }))
  const inbox: InboxItem[] = await allPages((cursor) => getInbox(ctx, actor, { cursor, limit: PAGE }))
  return {
    exportedAt: new Date(ctx.clock.now()).toISOString(),
    profile: { ...(await getMe(ctx, actor)), rankingOptIn: user.rankingOptIn, createdAt: new Date(user.createdAt).toISOString() },
    orders: await details(await allOrders(ctx, { communityId: actor.communityId, residentId: actor.userId })),
    tasks: await details(await allOrders(ctx, { communityId: actor.communityId, memberId: actor.userId })),
    points: { balance: await getBalance(ctx, actor), ledger },
    redemptions,
    signups,
    inbox,
    registrations: (await myRegistrations(ctx, actor)).items,
    evaluations: await evaluations(ctx, actor),
    subscriptions: (await subscriptionsOf(ctx.repos, actor.userId)).items,
    gridTasks: await myGridTasks(ctx, actor),
    care: await myCare(ctx, actor),
    card: isStaff(actor) ? (await getMyCard(ctx, actor)).card : null,
  }
}

/** A 网格员's own grid tasks as their task page shows them, progress and all. */
async function myGridTasks(ctx: Ctx, actor: Actor): Promise<GridTaskDetail[]> {
  if (!hasRole(actor, 'grid_worker')) return []
  const tasks = (await ctx.repos.gridTasks.ofWorker(actor.userId)).filter((t) => t.communityId === actor.communityId)
  const out: GridTaskDetail[] = []
  for (const t of tasks) out.push(await presentTask(ctx, actor, t))
  return out
}

/** The pairs the caller stands in, as their task list shows them, and every care task they closed, as the household's page shows it. */
async function myCare(ctx: Ctx, actor: Actor): Promise<MyData['care']> {
  const records = await ctx.repos.care.recordsOfMember(actor.communityId, actor.userId)
  const pairs = (await Promise.all([...new Set(records.map((r) => r.pairId))].map((id) => ctx.repos.care.pair(id)))).filter(
    (p) => p !== null,
  )
  const me = { id: actor.userId, name: actor.name }
  return {
    pairs: (await myCareTasks(ctx, actor)).items,
    done: await Promise.all(records.map((r) => presentCare(ctx, r, pairs, () => me))),
  }
}

/** The caller's 三评 of this year and the last, as they see them (members only). */
async function evaluations(ctx: Ctx, actor: Actor): Promise<EvaluationPacket[]> {
  if (!hasRole(actor, 'member')) return []
  const year = yearOf(ctx.clock.now())
  const out: EvaluationPacket[] = []
  for (const y of [year, year - 1]) out.push(await getEvaluation(ctx, actor, { year: y }))
  return out
}
