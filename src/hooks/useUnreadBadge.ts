// The unread dot on the 消息 tab: refreshed whenever a tab page shows (tab-bar APIs work on tab pages only).
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { platform } from '@/platform'
import { refreshUnread } from '@/services/inbox'
import { useSession } from '@/store/session'

export function useUnreadBadge() {
  const { token, user } = useSession()
  const signedIn = platform.signIn === 'wechat' ? !!user : !!token
  useEffect(() => {
    if (signedIn) void refreshUnread()
  }, [signedIn])
  useDidShow(() => {
    if (signedIn) void refreshUnread()
  })
}
