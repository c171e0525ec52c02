// Weekend activities, their sign-ups and the in-app inbox on better-sqlite3. As in repos.ts, every
// write names one row by its key; activities and sign-ups check their version.
import type Database from 'better-sqlite3'
import type { Activity, NotificationRecord, Signup } from '../../core/domain/model'
import type { ActivityQuery, ActivityRepo, InboxRepo } from '../../core/ports'
import { WriteConflict } from '../../core/ports'
import { type Row, decodeCursor, encodeCursor, uniquely, statementCache } from './sql'

/** A cursor of a number and a string, or null for a missing or forged one (which pages from the start). */
function cursorOf(cursor: string | undefined): [number, string] | null {
  const parts = decodeCursor(cursor)
  return parts && typeof parts[0] === 'number' && typeof parts[1] === 'string' ? [parts[0], parts[1]] : null
}

function toActivity(r: Row): Activity {
  return {
    id: r.id as string,
    communityId: r.community_id as string,
    seriesId: (r.series_id as string | null) ?? null,
    title: r.title as string,
    description: r.description as string,
    category: r.category as Activity['category'],
    startAt: r.start_at as number,
    endAt: r.end_at as number,
    signupDeadline: r.signup_deadline as number,
    place: JSON.parse(r.place as string),
    quota: r.quota as number,
    points: r.points as number,
    cover: (r.cover as string | null) ?? null,
    status: r.status as Activity['status'],
    cancelReason: (r.cancel_reason as string | null) ?? null,
    signedCount: r.signed_count as number,
    waitingCount: r.waiting_count as number,
    nextSeq: r.next_seq as number,
    checkinSecret: r.checkin_secret as string,
    remindAt: r.remind_at as number,
    remindedAt: (r.reminded_at as number | null) ?? null,
    createdBy: r.created_by as string,
    createdAt: r.created_at as number,
    updatedAt: r.updated_at as number,
    finishedAt: (r.finished_at as number | null) ?? null,
    version: r.version as number,
  }
}

const activityParams = (a: Activity) => ({ ...a, place: JSON.stringify(a.place) })

const ACTIVITY_FIELDS: Array<[column: string, param: keyof Activity]> = [
  ['community_id', 'communityId'],
  ['series_id', 'seriesId'],
  ['title', 'title'],
  ['description', 'description'],
  ['category', 'category'],
  ['start_at', 'startAt'],
  ['end_at', 'endAt'],
  ['signup_deadline', 'signupDeadline'],
  ['place', 'place'],
  ['quota', 'quota'],
  ['points', 'points'],
  ['cover', 'cover'],
  ['status', 'status'],
  ['cancel_reason', 'cancelReason'],
  ['signed_count', 'signedCount'],
  ['waiting_count', 'waitingCount'],
  ['next_seq', 'nextSeq'],
  ['checkin_secret', 'checkinSecret'],
  ['remind_at', 'remindAt'],
  ['reminded_at', 'remindedAt'],
  ['created_by', 'createdBy'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
  ['finished_at', 'finishedAt'],
  ['version', 'version'],
]

function toSignup(r: Row): Signup {
  return {
    activityId: r.activity_id as string,
    memberId: r.member_id as string,
    communityId: r.community_id as string,
    status: r.status as Signup['status'],
    seq: r.seq as number,
    signedUpAt: r.signed_up_at as number,
    updatedAt: r.updated_at as number,
    checkedInAt: (r.checked_in_at as number | null) ?? null,
    checkinMethod: (r.checkin_method as Signup['checkinMethod']) ?? null,
    attendance: (r.attendance as Signup['attendance']) ?? null,
    awardedPoints: (r.awarded_points as number | null) ?? null,
    version: r.version as number,
  }
}

function toNotification(r: Row): NotificationRecord {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    communityId: r.community_id as string,
    kind: r.kind as NotificationRecord['kind'],
    title: r.title as string,
    body: r.body as string,
    link: r.link as string,
    at: r.at as number,
    readAt: (r.read_at as number | null) ?? null,
  }
}

export function createActivityRepo(db: Database.Database): ActivityRepo {
  const q = {
    get: db.prepare('SELECT * FROM activities WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO activities (id, ${ACTIVITY_FIELDS.map(([c]) => c).join(', ')}) VALUES (@id, ${ACTIVITY_FIELDS.map(([, p]) => `@${p}`).join(', ')})`,
    ),
    update: db.prepare(
      `UPDATE activities SET ${ACTIVITY_FIELDS.map(([c, p]) => `${c} = @${p}`).join(', ')} WHERE id = @id AND version = @version - 1`,
    ),
    dueForReminder: db.prepare(
      `SELECT id FROM activities WHERE status = 'published' AND reminded_at IS NULL AND remind_at <= @now AND start_at > @now
       ORDER BY remind_at LIMIT @limit`,
    ),
    signup: db.prepare('SELECT * FROM activity_signups WHERE activity_id = ? AND member_id = ?'),
    insertSignup: db.prepare(
      `INSERT INTO activity_signups (activity_id, member_id, community_id, status, seq, signed_up_at, updated_at, checked_in_at,
       checkin_method, attendance, awarded_points, version)
       VALUES (@activityId, @memberId, @communityId, @status, @seq, @signedUpAt, @updatedAt, @checkedInAt, @checkinMethod,
       @attendance, @awardedPoints, @version)`,
    ),
    updateSignup: db.prepare(
      `UPDATE activity_signups SET status = @status, seq = @seq, signed_up_at = @signedUpAt, updated_at = @updatedAt,
       checked_in_at = @checkedInAt, checkin_method = @checkinMethod, attendance = @attendance, awarded_points = @awardedPoints,
       version = @version WHERE activity_id = @activityId AND member_id = @memberId AND version = @version - 1`,
    ),
    active: db.prepare(`SELECT * FROM activity_signups WHERE activity_id = ? AND status <> 'withdrawn' ORDER BY seq`),
    waiting: db.prepare(`SELECT * FROM activity_signups WHERE activity_id = ? AND status = 'waitlisted' ORDER BY seq LIMIT ?`),
    waitingBefore: db.prepare(`SELECT COUNT(*) AS n FROM activity_signups WHERE activity_id = ? AND status = 'waitlisted' AND seq < ?`),
    signupsOf: db.prepare(
      `SELECT * FROM activity_signups WHERE member_id = @member AND status <> 'withdrawn'
       AND (@cAt IS NULL OR signed_up_at < @cAt OR (signed_up_at = @cAt AND activity_id < @cId))
       ORDER BY signed_up_at DESC, activity_id DESC LIMIT @limit`,
    ),
  }
  /** Statements whose SQL depends on which filters are set: one prepared statement per shape. */
  const cached = statementCache(db)

  return {
    async get(id) {
      const r = q.get.get(id) as Row | undefined
      return r ? toActivity(r) : null
    },
    async insert(activity) {
      uniquely(`activity ${activity.id} exists`, () => q.insert.run(activityParams(activity)))
    },
    async update(activity) {
      if (q.update.run(activityParams(activity)).changes !== 1) throw new WriteConflict(`activity ${activity.id} changed`)
    },
    async list(query) {
      const { sql, params } = activityListSql(query)
      const rows = cached(sql).all(params) as Row[]
      const items = rows.slice(0, query.limit).map(toActivity)
      const last = items[items.length - 1]
      return { items, nextCursor: rows.length > query.limit && last ? encodeCursor([last.startAt, last.id]) : undefined }
    },
    async dueForReminder(now, limit) {
      return (q.dueForReminder.all({ now, limit }) as Row[]).map((r) => r.id as string)
    },
    async signup(activityId, memberId) {
      const r = q.signup.get(activityId, memberId) as Row | undefined
      return r ? toSignup(r) : null
    },
    async insertSignup(signup) {
      uniquely(`sign-up ${signup.activityId}:${signup.memberId} exists`, () => q.insertSignup.run(signup))
    },
    async updateSignup(signup) {
      // the version check, and the seq unique per activity: either lost race is a WriteConflict
      uniquely(`sign-up seq ${signup.activityId}:${signup.seq} taken`, () => {
        if (q.updateSignup.run(signup).changes !== 1) throw new WriteConflict(`sign-up ${signup.activityId}:${signup.memberId} changed`)
      })
    },
    async signups(activityId, statuses) {
      if (!statuses) return (q.active.all(activityId) as Row[]).map(toSignup)
      if (statuses.length === 0) return []
      const sql = `SELECT * FROM activity_signups WHERE activity_id = ? AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY seq`
      return (cached(sql).all(activityId, ...statuses) as Row[]).map(toSignup)
    },
    async waiting(activityId, limit) {
      return (q.waiting.all(activityId, limit) as Row[]).map(toSignup)
    },
    async waitingBefore(activityId, seq) {
      return (q.waitingBefore.get(activityId, seq) as { n: number }).n
    },
    async signupsOf(memberId, cursor, limit) {
      const c = cursorOf(cursor)
      const rows = q.signupsOf.all({ member: memberId, cAt: c?.[0] ?? null, cId: c?.[1] ?? null, limit: limit + 1 }) as Row[]
      const items = rows.slice(0, limit).map(toSignup)
      const last = items[items.length - 1]
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.signedUpAt, last.activityId]) : undefined }
    },
  }
}

/** The SQL for one activity list; named parameters only, so equal shapes share a prepared statement. */
function activityListSql(query: ActivityQuery): { sql: string; params: Record<string, unknown> } {
  const where = ['community_id = @community']
  const params: Record<string, unknown> = { community: query.communityId, limit: query.limit + 1 }
  if (query.statuses?.length) {
    where.push(`status IN (${query.statuses.map((_, i) => `@s${i}`).join(', ')})`)
    query.statuses.forEach((s, i) => {
      params[`s${i}`] = s
    })
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
  const cursor = cursorOf(query.cursor)
  const dir = query.order === 'asc' ? '>' : '<'
  if (cursor) {
    where.push(`(start_at ${dir} @cAt OR (start_at = @cAt AND id ${dir} @cId))`)
    params.cAt = cursor[0]
    params.cId = cursor[1]
  }
  const order = query.order === 'asc' ? 'ASC' : 'DESC'
  return { sql: `SELECT * FROM activities WHERE ${where.join(' AND ')} ORDER BY start_at ${order}, id ${order} LIMIT @limit`, params }
}

export function createInboxRepo(db: Database.Database): InboxRepo {
  const q = {
    add: db.prepare(
      `INSERT INTO notifications (id, user_id, community_id, kind, title, body, link, at, read_at)
       VALUES (@id, @userId, @communityId, @kind, @title, @body, @link, @at, @readAt)`,
    ),
    get: db.prepare('SELECT * FROM notifications WHERE id = ?'),
    list: db.prepare(
      // notices of the same millisecond keep the order they were written in (ids are random)
      `SELECT rowid AS seq, * FROM notifications WHERE user_id = @user AND (@cAt IS NULL OR at < @cAt OR (at = @cAt AND rowid < @cSeq))
       ORDER BY at DESC, rowid DESC LIMIT @limit`,
    ),
    unread: db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL'),
    unreadIds: db.prepare('SELECT id FROM notifications WHERE user_id = ? AND read_at IS NULL ORDER BY at DESC, rowid DESC LIMIT ?'),
    markRead: db.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL'),
    remove: db.prepare('DELETE FROM notifications WHERE id = ?'),
  }
  return {
    async add(n) {
      uniquely(`notification ${n.id} exists`, () => q.add.run(n))
    },
    async get(id) {
      const r = q.get.get(id) as Row | undefined
      return r ? toNotification(r) : null
    },
    async list(userId, cursor, limit) {
      const c = cursorOf(cursor)
      const rows = q.list.all({ user: userId, cAt: c?.[0] ?? null, cSeq: c ? Number(c[1]) : null, limit: limit + 1 }) as Row[]
      const items = rows.slice(0, limit).map(toNotification)
      const last = rows[Math.min(rows.length, limit) - 1]
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.at as number, String(last.seq)]) : undefined }
    },
    async unreadCount(userId) {
      return (q.unread.get(userId) as { n: number }).n
    },
    async unreadIds(userId, limit) {
      return (q.unreadIds.all(userId, limit) as Row[]).map((r) => r.id as string)
    },
    async markRead(id, at) {
      q.markRead.run(at, id)
    },
    async remove(id) {
      q.remove.run(id)
    },
  }
}
