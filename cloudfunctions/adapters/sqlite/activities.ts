// Weekend activities and their sign-ups on better-sqlite3. Every write names one row by its key;
// activities and sign-ups check their version.
import type { ActivityStatus, Attendance, CheckinMethod, SignupStatus } from '@shared/activities'
import type { PostType } from '@shared/enums'
import type { Activity, ActivityPlace, Signup } from '../../core/domain/model'
import { placeFor } from '../../core/domain/activity'
import type { ActivityQuery, ActivityRepo } from '../../core/ports'
import { type Statements, assignments, countOf, inList, insertInto, int, intOrNull, jsonOf, numberAndId, oneOf, oneOfOrNull } from './sql'
import { pageOf, pluck, rowMapper, text, textOrNull, uniquely, versioned } from './sql'

const ACTIVITY = rowMapper<Activity>({
  id: text,
  communityId: text,
  seriesId: textOrNull,
  title: text,
  description: text,
  category: oneOf<PostType>(),
  startAt: int,
  endAt: int,
  signupDeadline: int,
  place: jsonOf<ActivityPlace>(),
  quota: int,
  points: int,
  cover: textOrNull,
  status: oneOf<ActivityStatus>(),
  cancelReason: textOrNull,
  signedCount: int,
  waitingCount: int,
  nextSeq: int,
  checkinSecret: text,
  remindAt: int,
  remindedAt: intOrNull,
  createdBy: text,
  createdAt: int,
  updatedAt: int,
  finishedAt: intOrNull,
  version: int,
})

const SIGNUP = rowMapper<Signup>({
  activityId: text,
  memberId: text,
  communityId: text,
  status: oneOf<SignupStatus>(),
  seq: int,
  signedUpAt: int,
  updatedAt: int,
  checkedInAt: intOrNull,
  checkinMethod: oneOfOrNull<CheckinMethod>(),
  attendance: oneOfOrNull<Attendance>(),
  awardedPoints: intOrNull,
  version: int,
})

const UPDATE_ACTIVITY = `UPDATE activities SET ${assignments(ACTIVITY.columns.filter((c) => c !== 'id'))} WHERE id = @id AND version = @version - 1`
const UPDATE_SIGNUP = `UPDATE activity_signups SET ${assignments(SIGNUP.columns.filter((c) => !['activity_id', 'member_id', 'community_id'].includes(c)))}
  WHERE activity_id = @activity_id AND member_id = @member_id AND version = @version - 1`

export function createActivityRepo(q: Statements): ActivityRepo {
  return {
    async get(id) {
      return ACTIVITY.one(q('SELECT * FROM activities WHERE id = ?').get(id))
    },
    async insert(activity) {
      uniquely(`activity ${activity.id} exists`, () => q(insertInto('activities', ACTIVITY.columns)).run(ACTIVITY.params(activity)))
    },
    async update(activity) {
      versioned(`activity ${activity.id} changed`, () => q(UPDATE_ACTIVITY).run(ACTIVITY.params(activity)))
    },
    async list(query) {
      const { sql, params } = activityListSql(query)
      return pageOf(q(sql).all(params), query.limit, ACTIVITY.read, (last) => [last.startAt, last.id])
    },
    async dueForReminder(now, limit) {
      const sql = `SELECT id FROM activities WHERE status = 'published' AND reminded_at IS NULL AND remind_at <= @now AND start_at > @now
         ORDER BY remind_at LIMIT @limit`
      return pluck(q(sql).all({ now, limit }))
    },
    async signup(activityId, memberId) {
      return SIGNUP.one(q('SELECT * FROM activity_signups WHERE activity_id = ? AND member_id = ?').get(activityId, memberId))
    },
    async takePlace(activity, memberId) {
      // one writer: the transaction already holds the database, so reading and then writing is atomic
      const held = SIGNUP.one(
        q("SELECT * FROM activity_signups WHERE activity_id = ? AND member_id = ? AND status <> 'withdrawn'").get(activity.id, memberId),
      )
      const now = ACTIVITY.one(q('SELECT * FROM activities WHERE id = ?').get(activity.id))
      if (!now) return null
      if (held) return { status: held.status === 'signed' ? 'signed' : 'waitlisted', seq: held.seq, waitingCount: now.waitingCount }
      if (now.status !== 'published' || now.quota !== activity.quota) return null
      const status = placeFor(now)
      const taken = {
        ...now,
        nextSeq: now.nextSeq + 1,
        signedCount: now.signedCount + (status === 'signed' ? 1 : 0),
        waitingCount: now.waitingCount + (status === 'waitlisted' ? 1 : 0),
        version: now.version + 1,
      }
      versioned(`activity ${activity.id} changed`, () => q(UPDATE_ACTIVITY).run(ACTIVITY.params(taken)))
      return { status, seq: now.nextSeq, waitingCount: taken.waitingCount }
    },
    async releasePlace() {
      // the place is the sign-up row itself, already withdrawn; the counters move with the activity's save
    },
    async insertSignup(signup) {
      uniquely(`sign-up ${signup.activityId}:${signup.memberId} exists`, () =>
        q(insertInto('activity_signups', SIGNUP.columns)).run(SIGNUP.params(signup)),
      )
    },
    async updateSignup(signup) {
      // the version check, and the seq unique per activity: either lost race is a WriteConflict
      uniquely(`sign-up seq ${signup.activityId}:${signup.seq} taken`, () =>
        versioned(`sign-up ${signup.activityId}:${signup.memberId} changed`, () => q(UPDATE_SIGNUP).run(SIGNUP.params(signup))),
      )
    },
    async signups(activityId, statuses) {
      if (!statuses) {
        return SIGNUP.all(q(`SELECT * FROM activity_signups WHERE activity_id = ? AND status <> 'withdrawn' ORDER BY seq`).all(activityId))
      }
      if (statuses.length === 0) return []
      const sql = `SELECT * FROM activity_signups WHERE activity_id = ? AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY seq`
      return SIGNUP.all(q(sql).all(activityId, ...statuses))
    },
    async signupsFor(activityIds) {
      if (activityIds.length === 0) return []
      const sql = `SELECT * FROM activity_signups WHERE activity_id IN (SELECT value FROM json_each(?)) AND status <> 'withdrawn'
        ORDER BY activity_id, seq`
      return SIGNUP.all(q(sql).all(JSON.stringify(activityIds)))
    },
    async waiting(activityId, limit) {
      const sql = `SELECT * FROM activity_signups WHERE activity_id = ? AND status = 'waitlisted' ORDER BY seq LIMIT ?`
      return SIGNUP.all(q(sql).all(activityId, limit))
    },
    async waitingBefore(activityId, seq) {
      const sql = `SELECT COUNT(*) AS n FROM activity_signups WHERE activity_id = ? AND status = 'waitlisted' AND seq < ?`
      return countOf(q(sql).get(activityId, seq))
    },
    async signupsOf(memberId, cursor, limit) {
      const [cAt, cId] = numberAndId(cursor) ?? [null, null]
      const rows = q(
        `SELECT * FROM activity_signups WHERE member_id = @member AND status <> 'withdrawn'
         AND (@cAt IS NULL OR signed_up_at < @cAt OR (signed_up_at = @cAt AND activity_id < @cId))
         ORDER BY signed_up_at DESC, activity_id DESC LIMIT @limit`,
      ).all({ member: memberId, cAt, cId, limit: limit + 1 })
      return pageOf(rows, limit, SIGNUP.read, (last) => [last.signedUpAt, last.activityId])
    },
  }
}

/** The SQL for one activity list; named parameters only, so equal shapes share a prepared statement. */
function activityListSql(query: ActivityQuery): { sql: string; params: Record<string, unknown> } {
  const where = ['community_id = @community']
  const params: Record<string, unknown> = { community: query.communityId, limit: query.limit + 1 }
  if (query.statuses?.length) {
    where.push(inList('status', 's', query.statuses, params))
  }
  const bound = (clause: string, name: string, value: number | undefined) => {
    if (value === undefined) return
    where.push(clause)
    params[name] = value
  }
  bound('end_at > @endsAfter', 'endsAfter', query.endsAfter)
  bound('end_at <= @endedBy', 'endedBy', query.endedBy)
  bound('start_at >= @startsFrom', 'startsFrom', query.startsFrom)
  bound('start_at < @startsBefore', 'startsBefore', query.startsBefore)
  const cursor = numberAndId(query.cursor)
  const dir = query.order === 'asc' ? '>' : '<'
  if (cursor) {
    where.push(`(start_at ${dir} @cAt OR (start_at = @cAt AND id ${dir} @cId))`)
    params.cAt = cursor[0]
    params.cId = cursor[1]
  }
  const order = query.order === 'asc' ? 'ASC' : 'DESC'
  return { sql: `SELECT * FROM activities WHERE ${where.join(' AND ')} ORDER BY start_at ${order}, id ${order} LIMIT @limit`, params }
}
