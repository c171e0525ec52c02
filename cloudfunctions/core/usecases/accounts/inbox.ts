// 消息: the caller's in-app notices, newest first, and marking them read. Only ever one's own.
import type { InboxItem, InboxPage, MarkReadResult } from '@shared/inbox'
import type { Actor } from '../../domain/access'
import type { NotificationRecord } from '../../domain/model'
import type { Ctx } from '../../ports'

/** Most notices one "mark all read" touches; the rest stay unread for the next. */
const MARK_ALL_BATCH = 500

const present = (n: NotificationRecord): InboxItem => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  at: new Date(n.at).toISOString(),
  read: n.readAt !== null,
})

export async function getInbox(ctx: Ctx, actor: Actor, input: { cursor?: string; limit?: number }): Promise<InboxPage> {
  const page = await ctx.repos.inbox.list(actor.userId, input.cursor, input.limit ?? 20)
  return { items: page.items.map(present), nextCursor: page.nextCursor, unread: await ctx.repos.inbox.unreadCount(actor.userId) }
}

export async function markRead(ctx: Ctx, actor: Actor, input: { ids?: string[]; all?: boolean }): Promise<MarkReadResult> {
  const now = ctx.clock.now()
  const ids = input.all ? await ctx.repos.inbox.unreadIds(actor.userId, MARK_ALL_BATCH) : [...new Set(input.ids ?? [])]
  for (const id of ids) {
    const n = await ctx.repos.inbox.get(id)
    // another person's notice is passed over in silence: no hint that the id exists
    if (n?.userId === actor.userId && n.readAt === null) await ctx.repos.inbox.markRead(id, now)
  }
  return { unread: await ctx.repos.inbox.unreadCount(actor.userId) }
}
