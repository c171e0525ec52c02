// Where a person was going when the app had to ask who they are: a shared card opened before signing in
// (or registering), or a page whose session ran out. Signing in or submitting 登记 brings them back
// there once; kept in storage so a WeChat registration that reopens the app still finds it, and
// forgotten after an hour; a page someone's session ran out on is theirs only, so the next person on a
// shared phone is not taken to it.
import Taro from '@tarojs/taro'
import { ROUTES, TAB_ROUTES } from '@/constants/routes'

const KEY = 'redgrid.returnTo'
const FOR_MS = 3600_000
/** Pages that are doors, not destinations. */
const DOORS: string[] = [ROUTES.login, ROUTES.register, ROUTES.acceptInvite, ROUTES.setup]

interface Kept {
  url: string
  at: number
  /** Whose page it was (a session that ran out); null: anyone's (a shared card). */
  for: string | null
}

const pathOf = (url: string) => `/${url.replace(/^\//, '').split('?')[0]}`

export const returnTo = {
  /** Remember `url` (a route with its query) to come back to after signing in or registering; `forUser`: only for them. */
  remember(url: string, forUser: string | null = null) {
    if (DOORS.includes(pathOf(url))) return
    try {
      Taro.setStorageSync(KEY, { url, at: Date.now(), for: forUser } satisfies Kept)
    } catch {
      // storage unavailable: the person lands on the home page instead
    }
  },
  /** The place `userId` goes back to, once (then forgotten); null when none, too old, or someone else's. */
  take(userId: string | null): string | null {
    let kept: Kept | '' = ''
    try {
      kept = Taro.getStorageSync(KEY) as Kept | ''
      Taro.removeStorageSync(KEY)
    } catch {
      return null
    }
    if (!kept || typeof kept.url !== 'string' || Date.now() - kept.at > FOR_MS) return null
    return kept.for && kept.for !== userId ? null : kept.url
  },
  /** Drops what was kept (a person chose to go elsewhere). */
  forget() {
    try {
      Taro.removeStorageSync(KEY)
    } catch {
      // nothing kept
    }
  },
}

/** The page on top with its query, as a URL to come back to. */
export function currentUrl(): string | null {
  const pages = Taro.getCurrentPages()
  const here = pages[pages.length - 1] as
    | { route?: string; options?: Record<string, unknown>; $taroParams?: Record<string, unknown> }
    | undefined
  if (!here?.route) return null
  // WeChat keeps a page's query on it (options); the browser's router has it as $taroParams and for the
  // page shown in the current instance
  const router = Taro.getCurrentInstance().router
  const params = {
    ...(router && pathOf(router.path) === pathOf(here.route) ? router.params : {}),
    ...here.$taroParams,
    ...here.options,
  }
  const query = Object.entries(params)
    .filter(([k]) => k !== '$taroTimestamp' && k !== 'stamp')
    .filter((kv): kv is [string, string] => typeof kv[1] === 'string' && kv[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  const path = pathOf(here.route)
  return query ? `${path}?${query}` : path
}

/** After `userId` signed in or registered: back where they were going, else `fallback` (home). */
export function goOnAfterSignIn(userId: string | null, fallback: { url: string; tab: boolean } = { url: ROUTES.home, tab: true }) {
  const back = returnTo.take(userId)
  // a page of its own starts the stack afresh (the door behind it is not "back"); a tab is switched to
  if (back) return void (TAB_ROUTES.includes(pathOf(back)) ? Taro.switchTab({ url: pathOf(back) }) : Taro.reLaunch({ url: back }))
  void (fallback.tab ? Taro.switchTab({ url: fallback.url }) : Taro.redirectTo({ url: fallback.url }))
}
