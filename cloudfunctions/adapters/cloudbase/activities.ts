// Weekend activities and their sign-ups on CloudBase, with the SQLite adapter's semantics
// (adapters/sqlite/activities.ts): activities are versioned documents carrying the counters; each
// sign-up lives at `${activityId}:${memberId}`; queries read committed data.
import type { Activity, Signup } from '../../core/domain/model'
import type { ActivityRepo } from '../../core/ports'
import { byId, fromDoc, paged, toDoc } from './docs'
import { type Cond, type Sort, eq } from './query'
import type { Doc, Scope } from './scope'

const signupId = (activityId: string, memberId: string) => `${activityId}:${memberId}`

const toActivity = (d: Doc) => fromDoc<Activity>(d, 'id')
const toSignup = (d: Doc) => fromDoc<Signup>(d)

export function createActivityRepo(scope: Scope): ActivityRepo {
  const bySeq: Sort = [['seq', 'asc']]
  return {
    get: (id) => byId(scope, 'activities', id, toActivity),
    async insert(activity) {
      await scope.insert('activities', toDoc(activity.id, activity, 'id'), `activity ${activity.id}`)
    },
    async update(activity) {
      await scope.replaceVersioned('activities', toDoc(activity.id, activity, 'id'), `activity ${activity.id}`)
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
      return paged(scope, 'activities', where, sort, query.cursor, query.limit, toActivity)
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
    signup: (activityId, memberId) => byId(scope, 'activity_signups', signupId(activityId, memberId), toSignup),
    async insertSignup(signup) {
      const id = signupId(signup.activityId, signup.memberId)
      await scope.insert('activity_signups', toDoc(id, signup), `sign-up ${id}`)
    },
    async updateSignup(signup) {
      const id = signupId(signup.activityId, signup.memberId)
      await scope.replaceVersioned('activity_signups', toDoc(id, signup), `sign-up ${id}`)
    },
    async signups(activityId, statuses) {
      if (statuses && statuses.length === 0) return []
      const status: Cond = statuses ? { f: 'status', op: 'in', v: statuses } : { f: 'status', op: 'neq', v: 'withdrawn' }
      return (await scope.queryAll('activity_signups', { where: [eq('activityId', activityId), status], sort: bySeq })).map(toSignup)
    },
    async signupsFor(activityIds) {
      const out: Signup[] = []
      const unique = [...new Set(activityIds)]
      for (let i = 0; i < unique.length; i += 100) {
        const where: Cond[] = [
          { f: 'activityId', op: 'in', v: unique.slice(i, i + 100) },
          { f: 'status', op: 'neq', v: 'withdrawn' },
        ]
        out.push(...(await scope.queryAll('activity_signups', { where, sort: bySeq })).map(toSignup))
      }
      return out.sort((a, b) => (a.activityId === b.activityId ? a.seq - b.seq : a.activityId < b.activityId ? -1 : 1))
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
      return paged(scope, 'activity_signups', where, sort, cursor, limit, toSignup)
    },
  }
}
