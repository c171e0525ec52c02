// Weekend activities and their sign-ups on CloudBase, with the SQLite adapter's semantics
// (adapters/sqlite/activities.ts): activities are versioned documents carrying the counters; each
// sign-up lives at `${activityId}:${memberId}`; queries read committed data.
//
// A sign-up takes its place with one conditional update of the activity that the database applies in
// turn (`takePlace`), outside the transaction: a transaction per sign-up on the one activity document
// let through one sign-up per transaction's lifetime (~4 a second at 30 ms a database call; the
// Saturday burst in bench/README.md). The activity document also keeps who holds a place
// (`holders.<memberId>`: 'signed' | 'waitlisted'), so a second tap or a retry never takes a second
// place; the domain never sees that map, and a save of the activity carries it over.
import type { Activity, Signup } from '../../core/domain/model'
import { type ActivityRepo, type TakenPlace, WriteConflict } from '../../core/ports'
import { byId, fromDoc, paged, toDoc } from './docs'
import { type Cond, type Sort, eq } from './query'
import type { Doc, Scope } from './scope'
import type { CbCommand } from './sdk'

const signupId = (activityId: string, memberId: string) => `${activityId}:${memberId}`

const toActivity = ({ holders: _, ...d }: Doc) => fromDoc<Activity>(d as Doc, 'id')
type Holders = Record<string, 'signed' | 'waitlisted'>
const holdersOf = (d: Doc | null): Holders => ({ ...((d?.holders as Holders | undefined) ?? {}) })
/** The field of the member's entry in the activity's holders (member ids hold no dots). */
const holder = (memberId: string) => `holders.${memberId}`
const toSignup = (d: Doc) => fromDoc<Signup>(d)

export function createActivityRepo(scope: Scope): ActivityRepo {
  const bySeq: Sort = [['seq', 'asc']]
  /**
   * The place a member already holds: their sign-up's, or — taken by a request that never wrote it
   * (it failed, or is still on its way) — the status taken then with the next arrival number.
   */
  const heldPlace = async (activity: Doc, memberId: string, held: 'signed' | 'waitlisted'): Promise<TakenPlace> => {
    const mine = await scope.getNow('activity_signups', signupId(activity._id, memberId))
    if (mine && mine.status !== 'withdrawn')
      return {
        status: mine.status === 'signed' ? 'signed' : 'waitlisted',
        seq: mine.seq as number,
        waitingCount: activity.waitingCount as number,
      }
    const ticket = await scope.updateNow(
      'activities',
      () => ({ _id: activity._id }),
      (_) => ({ nextSeq: _.inc(1), version: _.inc(1) }),
    )
    if (!ticket) throw new WriteConflict(`activity ${activity._id} gone`)
    return { status: held, seq: (ticket.nextSeq as number) - 1, waitingCount: ticket.waitingCount as number }
  }
  return {
    get: (id) => byId(scope, 'activities', id, toActivity),
    async insert(activity) {
      await scope.insert('activities', toDoc(activity.id, activity, 'id'), `activity ${activity.id}`)
    },
    async update(activity) {
      // who holds a place is not the domain's to save: kept as read (a take since then makes this conflict)
      const holders = holdersOf(await scope.get('activities', activity.id))
      await scope.replaceVersioned('activities', { ...toDoc(activity.id, activity, 'id'), holders }, `activity ${activity.id}`)
    },
    async takePlace(activity, memberId) {
      const key = `takePlace:${activity.id}:${memberId}`
      const before = scope.outside.done.get(key) as TakenPlace | undefined
      if (before) return before
      const open = (_: CbCommand) => ({ _id: activity.id, status: 'published', quota: activity.quota, [holder(memberId)]: _.exists(false) })
      // placeFor (domain/activity.ts) as the database's two conditions: a place while fewer than the
      // quota are signed, else the end of the waitlist; a place freed between the two is tried again
      for (let attempt = 0; attempt < 3; attempt++) {
        const signed = await scope.updateNow(
          'activities',
          (_) => ({ ...open(_), signedCount: _.lt(activity.quota) }),
          (_) => ({ signedCount: _.inc(1), nextSeq: _.inc(1), version: _.inc(1), [holder(memberId)]: 'signed' }),
        )
        const waiting =
          signed ??
          (await scope.updateNow(
            'activities',
            (_) => ({ ...open(_), signedCount: _.gte(activity.quota) }),
            (_) => ({ waitingCount: _.inc(1), nextSeq: _.inc(1), version: _.inc(1), [holder(memberId)]: 'waitlisted' }),
          ))
        if (waiting) {
          const taken: TakenPlace = {
            status: signed ? 'signed' : 'waitlisted',
            seq: (waiting.nextSeq as number) - 1,
            waitingCount: waiting.waitingCount as number,
          }
          scope.outside.done.set(key, taken)
          return taken
        }
        const now = await scope.getNow('activities', activity.id)
        if (now?.status !== 'published' || now.quota !== activity.quota) return null
        const held = holdersOf(now)[memberId]
        if (held) return heldPlace(now, memberId, held)
      }
      throw new WriteConflict(`activity ${activity.id}: places moving`)
    },
    async releasePlace(activityId, memberId) {
      const current = await scope.get('activities', activityId)
      if (!current) return
      const holders = holdersOf(current)
      delete holders[memberId]
      await scope.put('activities', { ...current, holders })
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
