// 消息: the in-app inbox (accounts.inbox / accounts.markRead) and the unread badge on the tab bar.
import Taro from '@tarojs/taro'
import { call } from './transport'

export const inboxApi = {
  list: (cursor?: string, limit = 20) => call('accounts', 'inbox', { ...(cursor ? { cursor } : {}), limit }),
  markRead: (ids: string[], requestId: string) => call('accounts', 'markRead', { ids }, { requestId, loading: false, quiet: true }),
  markAllRead: (requestId: string) => call('accounts', 'markRead', { all: true }, { requestId }),
}

/** The 消息 tab's position in app.config.ts tabBar.list. */
const MESSAGES_TAB = 1

/** Show the unread count on the 消息 tab (only callable while a tab page is showing). */
export function showUnread(unread: number) {
  const done = () => undefined
  if (unread > 0) Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unread > 99 ? '99+' : String(unread) }).catch(done)
  else Taro.removeTabBarBadge({ index: MESSAGES_TAB }).catch(done)
}

/** Ask for the unread count and put it on the tab; quiet on failure (the badge is a hint). */
export async function refreshUnread(): Promise<number | undefined> {
  try {
    const page = await inboxApi.list(undefined, 1)
    showUnread(page.unread)
    return page.unread
  } catch {
    return undefined
  }
}

/**
 * Where a notice's link opens. The server writes page paths without the leading slash; activity links
 * (`activities/detail/…`) point at the app's `activity/` subpackage.
 */
export function linkToRoute(link: string): string | null {
  const path = link.trim().replace(/^\/+/, '')
  if (!path) return null
  return `/${path.replace(/^activities\//, 'activity/')}`
}
