// Weekend activities, their sign-ups and the in-app inbox on CloudBase, with the SQLite adapter's
// semantics (adapters/sqlite/activity-repos.ts): activities are versioned documents carrying the
// counters; each sign-up lives at `${activityId}:${memberId}`; queries read committed data.
import type { Activity, NotificationRecord, Signup } from '../../core/domain/model'
import type { ActivityRepo, InboxRepo } from '../../core/ports'
import { WriteConflict } from '../../core/ports'
import { type Cond, type Sort, decodeCursor, encodeCursor, eq, sortValues, totalOrder } from './query'
import type { Doc, Scope } from './scope'

const signupId = (activityId: string, memberId: string) => `${activityId}:${memberId}`

const fromDoc = <T>(d: Doc, idField: string | null): T => {
  const { _id, _openid, ...rest } = d
  return (idField ? { ...rest, [idField]: _id } : rest) as T
}
const toActivity = (d: Doc) => fromDoc<Activity>(d, 'id')
const toSignup = (d: Doc) => fromDoc<Signup>(d, null)
const toNotification = (d: Doc) => fromDoc<NotificationRecord>(d, 'id')
const docOf = (id: string, record: object, drop?: string): Doc => {
  const copy = structuredClone(record) as Record<string, unknown>
  if (drop) delete copy[drop]
  return { ...copy, _id: id }
}

async function page<T>(
  scope: Scope,
  coll: string,
  where: Cond[],
  sort: Sort,
  cursor: string | undefined,
  limit: number,
  map: (d: Doc) => T,
) {
  const total = totalOrder(sort)
  const docs = await scope.query(coll, { where, sort: total }, limit + 1, decodeCursor(cursor, total) ?? undefined)
  const items = docs.slice(0, limit)
  const last = items[items.length - 1]
  return { items: items.map(map), nextCursor: docs.length > limit && last ? encodeCursor(sortValues(total, last)) : undefined }
}

export function createActivityRepo(scope: Scope): ActivityRepo {
  const bySeq: Sort = [['seq', 'asc']]
  return {
    async get(id) {
      const d = await scope.get('activities', id)
      return d ? toActivity(d) : null
    },
    async insert(activity) {
      await scope.insert('activities', docOf(activity.id, activity, 'id'), `activity ${activity.id}`)
    },
    async update(activity) {
      await scope.replaceVersioned('activities', docOf(activity.id, activity, 'id'), `activity ${activity.id}`)
    },
    list(query) {
      const where: Cond[] = [eq('communityId', query.communityId)]
      if (query.statuses?.length) where.push({ f: 'status', op: 'in', v: query.statuses })
      if (query.endsAfter !== undefined) where.push({ f: 'endAt', op: 'gt', v: query.endsAfter })
      if (query.endedBy !== undefined) where.push({ f: 'endAt', op: 'lte', v: query.endedBy })
      if (query.startsFrom !== undefined) where.push({ f: 'startAt', op: 'gte', v: query.startsFrom })
      if (query.startsBefore !== undefined) where.push({ f: 'startAt', op: 'lt', v: query.startsBefore })
      const sort: Sort = [
        ['startAt', query.order],
        ['_id', query.order],
      ]
      return page(scope, 'activities', where, sort, query.cursor, query.limit, toActivity)
    },
    async dueForReminder(now, limit) {
      const where: Cond[] = [
        eq('status', 'published'),
        eq('remindedAt', null),
        { f: 'remindAt', op: 'lte', v: now },
        { f: 'startAt', op: 'gt', v: now },
      ]
      return (await scope.queryAll('activities', { where, sort: [['remindAt', 'asc']] }, limit)).map((d) => d._id)
    },
    async signup(activityId, memberId) {
      const d = await scope.get('activity_signups', signupId(activityId, memberId))
      return d ? toSignup(d) : null
    },
    async insertSignup(signup) {
      const id = signupId(signup.activityId, signup.memberId)
      await scope.insert('activity_signups', docOf(id, signup), `sign-up ${id}`)
    },
    async updateSignup(signup) {
      const id = signupId(signup.activityId, signup.memberId)
      const current = await scope.get('activity_signups', id)
      if (!current || current.version !== signup.version - 1) throw new WriteConflict(`sign-up ${id} changed`)
      await scope.put('activity_signups', docOf(id, signup))
    },
    async signups(activityId, statuses) {
      if (statuses && statuses.length === 0) return []
      const status: Cond = statuses ? { f: 'status', op: 'in', v: statuses } : { f: 'status', op: 'neq', v: 'withdrawn' }
      return (await scope.queryAll('activity_signups', { where: [eq('activityId', activityId), status], sort: bySeq })).map(toSignup)
    },
    async waiting(activityId, limit) {
      const where = [eq('activityId', activityId), eq('status', 'waitlisted')]
      return (await scope.queryAll('activity_signups', { where, sort: bySeq }, limit)).map(toSignup)
    },
    async waitingBefore(activityId, seq) {
      const where: Cond[] = [eq('activityId', activityId), eq('status', 'waitlisted'), { f: 'seq', op: 'lt', v: seq }]
      return (await scope.queryAll('activity_signups', { where, sort: bySeq })).length
    },
    signupsOf(memberId, cursor, limit) {
      const where: Cond[] = [eq('memberId', memberId), { f: 'status', op: 'neq', v: 'withdrawn' }]
      const sort: Sort = [
        ['signedUpAt', 'desc'],
        ['activityId', 'desc'],
        ['_id', 'desc'],
      ]
      return page(scope, 'activity_signups', where, sort, cursor, limit, toSignup)
    },
  }
}

export function createInboxRepo(scope: Scope): InboxRepo {
  const newest: Sort = [
    ['at', 'desc'],
    ['_id', 'desc'],
  ]
  const unread = (userId: string): Cond[] => [eq('userId', userId), eq('readAt', null)]
  return {
    async add(n) {
      await scope.insert('notifications', docOf(n.id, n, 'id'), `notification ${n.id}`)
    },
    async get(id) {
      const d = await scope.get('notifications', id)
      return d ? toNotification(d) : null
    },
    list: (userId, cursor, limit) => page(scope, 'notifications', [eq('userId', userId)], newest, cursor, limit, toNotification),
    async unreadCount(userId) {
      return (await scope.queryAll('notifications', { where: unread(userId), sort: newest })).length
    },
    async unreadIds(userId, limit) {
      return (await scope.queryAll('notifications', { where: unread(userId), sort: newest }, limit)).map((d) => d._id)
    },
    async markRead(id, at) {
      const d = await scope.get('notifications', id)
      if (d && (d.readAt === null || d.readAt === undefined)) await scope.patch('notifications', id, { readAt: at })
    },
    async remove(id) {
      await scope.remove('notifications', id)
    },
  }
}
