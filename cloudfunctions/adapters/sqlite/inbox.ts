// The in-app inbox (消息) on better-sqlite3: one row per user and notice; a notice is read once.
import type { NoticeKind } from '@shared/inbox'
import type { NotificationRecord } from '../../core/domain/model'
import type { InboxRepo } from '../../core/ports'
import { type Statements, countOf, decodeCursor, insertInto, int, intOrNull, oneOf, pageOf, pluck, rowMapper, text, uniquely } from './sql'

const NOTICE = rowMapper<NotificationRecord>({
  id: text,
  userId: text,
  communityId: text,
  kind: oneOf<NoticeKind>(),
  title: text,
  body: text,
  link: text,
  at: int,
  readAt: intOrNull,
})

export function createInboxRepo(q: Statements): InboxRepo {
  return {
    async add(notice) {
      uniquely(`notification ${notice.id} exists`, () => q(insertInto('notifications', NOTICE.columns)).run(NOTICE.params(notice)))
    },
    async get(id) {
      return NOTICE.one(q('SELECT * FROM notifications WHERE id = ?').get(id))
    },
    async list(userId, cursor, limit) {
      const c = decodeCursor(cursor)
      const [cAt, cSeq] = c && typeof c[0] === 'number' && typeof c[1] === 'string' ? [c[0], Number(c[1])] : [null, null]
      const rows = q(
        // notices of the same millisecond keep the order they were written in (ids are random)
        `SELECT rowid AS seq, * FROM notifications WHERE user_id = @user AND (@cAt IS NULL OR at < @cAt OR (at = @cAt AND rowid < @cSeq))
         ORDER BY at DESC, rowid DESC LIMIT @limit`,
      ).all({ user: userId, cAt, cSeq, limit: limit + 1 })
      return pageOf(rows, limit, NOTICE.read, (last, row) => [last.at, String(row.seq)])
    },
    async unreadCount(userId) {
      return countOf(q('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId))
    },
    async unreadIds(userId, limit) {
      const sql = 'SELECT id FROM notifications WHERE user_id = ? AND read_at IS NULL ORDER BY at DESC, rowid DESC LIMIT ?'
      return pluck(q(sql).all(userId, limit))
    },
    async markRead(id, at) {
      q('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL').run(at, id)
    },
    async remove(id) {
      q('DELETE FROM notifications WHERE id = ?').run(id)
    },
  }
}
