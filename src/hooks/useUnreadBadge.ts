// The unread dot on the 消息 tab: refreshed whenever a tab page shows (tab-bar APIs work on tab pages only).
import { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { refreshUnread } from '@/services/inbox'
import { useSession } from '@/store/session'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

export function useUnreadBadge() {
  const { token, user } = useSession()
  const signedIn = IS_WEAPP ? !!user : !!token
  useEffect(() => {
    if (signedIn) void refreshUnread()
  }, [signedIn])
  useDidShow(() => {
    if (signedIn) void refreshUnread()
  })
}
