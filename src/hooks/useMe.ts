// The signed-in person for pages that need one: refreshes them quietly, sends H5 visitors to sign in.
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { ROUTES } from '@/constants/routes'
import { platform } from '@/platform'
import { fetchMe } from '@/services/accounts'
import { type ApiError, toApiError } from '@/services/transport'
import { activeRole, session, useSession } from '@/store/session'

/** WeChat knows who calls; the browser needs the demo sign-in's token. */
const hasSession = (token: string | null) => platform.signIn === 'wechat' || !!token

export function useMe() {
  const s = useSession()
  const [error, setError] = useState<ApiError>()
  const signedIn = hasSession(s.token)

  const refresh = useCallback(async () => {
    if (!hasSession(session.get().token)) return
    setError(undefined)
    try {
      await fetchMe()
    } catch (e) {
      setError(toApiError(e)) // 401 is handled by the transport (back to sign-in)
    }
  }, [])

  useEffect(() => {
    if (!signedIn) void Taro.reLaunch({ url: ROUTES.login })
    else void refresh()
  }, [signedIn, refresh])

  useDidShow(() => {
    if (!hasSession(session.get().token)) void Taro.reLaunch({ url: ROUTES.login })
  })

  return { user: s.user, role: activeRole(s), error, refresh, loading: signedIn && !s.user && !error }
}
