// The in-app inbox (消息) on CloudBase: one document per notice at its id; a notice is read once.
import type { NotificationRecord } from '../../core/domain/model'
import type { InboxRepo } from '../../core/ports'
import { byId, fromDoc, paged, toDoc } from './docs'
import { type Cond, type Sort, eq } from './query'
import type { Doc, Scope } from './scope'

const toNotification = (d: Doc) => fromDoc<NotificationRecord>(d, 'id')

export function createInboxRepo(scope: Scope): InboxRepo {
  const newest: Sort = [
    ['at', 'desc'],
    ['_id', 'desc'],
  ]
  const unread = (userId: string): Cond[] => [eq('userId', userId), eq('readAt', null)]
  return {
    async add(n) {
      await scope.insert('notifications', toDoc(n.id, n, 'id'), `notification ${n.id}`)
    },
    get: (id) => byId(scope, 'notifications', id, toNotification),
    list: (userId, cursor, limit) => paged(scope, 'notifications', [eq('userId', userId)], newest, cursor, limit, toNotification),
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
