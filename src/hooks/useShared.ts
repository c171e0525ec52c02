// A page a shared card opens (an activity, a 微心愿): the whole record for whoever may see it; for someone
// not signed in, not registered yet, or not of its community, what anyone may see of it — never a
// detour to 登录 before they have seen what was shared with them.
import type { DependencyList } from 'react'
import { type Remote, useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { fetchMe } from '@/services/accounts'
import { type ApiError, type CallOptions, toApiError } from '@/services/transport'
import { session } from '@/store/session'

export type SharedView<F, P> = { full: F; shared?: undefined } | { shared: P; full?: undefined }

/** The answers that mean "not yours to see in full": the card is still everyone's. */
const forAnyone = (e: ApiError) => e.code === 'UNAUTHENTICATED' || e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN'

export function useShared<F, P>(
  full: (opts: CallOptions) => Promise<F>,
  shared: () => Promise<P>,
  deps: DependencyList,
  opts: { skip?: boolean } = {},
) {
  return useRemote<SharedView<F, P>>(
    async () => {
      // WeChat knows who calls (maybe nobody registered): who this is decides what the page offers
      // (registered elsewhere, waiting for 审核, or nobody yet); the browser asks only with a session
      const wechat = platform.signIn === 'wechat'
      if (wechat && !session.get().user) await fetchMe({ guestOk: true }).catch(() => undefined)
      const asks = wechat || !!session.get().token
      if (asks) {
        try {
          return { full: await full({ guestOk: true }) }
        } catch (e) {
          if (!forAnyone(toApiError(e))) throw e
        }
      }
      try {
        return { shared: await shared() }
      } catch (e) {
        // not a card anyone may open (a link from a notice, an order): the browser asks who this is first
        if (asks || toApiError(e).code !== 'NOT_FOUND') throw e
        return { full: await full({}) }
      }
    },
    deps,
    opts,
  )
}

/** The whole record's side of a shared view, as a page that only ever shows the whole record reads it. */
export function fullOf<F, P>(view: Remote<SharedView<F, P>>): Remote<F> {
  return {
    data: view.data?.full,
    error: view.error,
    loading: view.loading,
    reload: view.reload,
    setData: (data: F) => view.setData({ full: data }),
  }
}
