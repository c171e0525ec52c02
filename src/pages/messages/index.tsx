// 消息: order and activity notices, newest first; unread ones carry a dot (and 未读 in words). Tapping
// one marks it read and opens its page; the tab shows how many are unread.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InboxItem } from '@shared/inbox'
import Btn from '@/components/btn'
import Screen from '@/components/screen'
import { EmptyState, ErrorState, PagedList, Skeleton } from '@/components/state'
import { NOTICE_KIND_LABEL } from '@/constants/labels'
import { useAction } from '@/hooks/useAction'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/useRemote'
import { inboxApi, linkToRoute, showUnread } from '@/services/inbox'
import { newRequestId } from '@/utils/id'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { timeAgo } from '@/utils/time'
import './index.scss'
import Tap from '@/components/tap'

function Inbox() {
  const [unread, setUnread] = useState<number | undefined>(undefined)
  const [readHere, setReadHere] = useState<Set<string>>(() => new Set())
  const list = usePaged(
    (cursor) =>
      inboxApi.list(cursor).then((page) => {
        if (!cursor) {
          setUnread(page.unread)
          setReadHere(new Set())
          showUnread(page.unread)
        }
        return page
      }),
    [],
  )
  const readAll = useAction((rid: string) => inboxApi.markAllRead(rid))
  const isRead = (m: InboxItem) => m.read || readHere.has(m.id)

  const open = (m: InboxItem) => {
    if (!isRead(m)) {
      setReadHere((s) => new Set(s).add(m.id))
      const left = Math.max(0, (unread ?? 1) - 1)
      setUnread(left)
      showUnread(left)
      inboxApi
        .markRead([m.id], newRequestId())
        .then((r) => {
          setUnread(r.unread)
          showUnread(r.unread)
        })
        .catch(() => undefined) // it stays unread on the server; the next refresh shows that
    }
    const route = linkToRoute(m.link)
    if (route) go(route)
  }

  const markAll = () =>
    void readAll.exec({ ask: '把所有消息标为已读？', confirmText: '全部已读', done: '已全部标为已读' }).then((r) => {
      if (!r) return
      setUnread(r.unread)
      showUnread(r.unread)
      setReadHere(new Set(list.items.map((m) => m.id)))
    })

  return (
    <>
      <View className="messages__top">
        <Text className="messages__count">{unread === undefined ? '消息' : unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        {!!unread && (
          <Btn size="small" className="btn-read-all" loading={readAll.busy} onClick={markAll}>
            全部已读
          </Btn>
        )}
      </View>
      <PagedList list={list} emptyNode={<EmptyState title="还没有消息" hint="需求有进展、活动有变化时，会在这里告诉您。" />}>
        {(m) => {
          const read = isRead(m)
          return (
            <Tap
              key={m.id}
              className={cls('message-item', read ? 'message-item--read' : 'message-item--unread')}
              hoverClass="message-item--pressed"
              onTap={() => open(m)}
            >
              <View className="message-item__dot" aria-hidden="true" />
              <View className="message-item__main">
                <View className="message-item__head">
                  <View className="message-item__title">
                    {m.title}
                    {!read && <Text className="message-item__new">未读</Text>}
                  </View>
                  <Text className="message-item__when">{timeAgo(m.at)}</Text>
                </View>
                <View className="message-item__body">
                  <Text className="message-item__kind">{NOTICE_KIND_LABEL[m.kind] ?? '通知'}</Text>
                  {m.body}
                </View>
              </View>
            </Tap>
          )
        }}
      </PagedList>
    </>
  )
}

export default function Messages() {
  const { user, error, refresh, loading } = useMe()
  return (
    <Screen className="messages">
      {user ? <Inbox /> : error ? <ErrorState error={error} onRetry={() => void refresh()} /> : loading ? <Skeleton rows={3} /> : null}
    </Screen>
  )
}
