// The only client store: who is signed in, which role they are looking as, and 长辈模式 — the last two
// per person (kept for their next sign-in, never passed to the next person). Everything else is server
// state, loaded by hooks. Persisted with Taro storage.
import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import type { Me } from '@shared/accounts'
import type { Role } from '@shared/enums'

/** The roles a home page exists for; admin sees the staff home (社区工作者), a 网格员 and 街道 their own. */
export type ViewRole = 'resident' | 'member' | 'staff' | 'grid_worker' | 'street'
export const VIEW_ROLES: ViewRole[] = ['resident', 'member', 'grid_worker', 'staff', 'street']

export interface SessionState {
  token: string | null
  user: Me | null
  role: ViewRole | null
  elder: boolean
}

/** What a person chose on this device: 长辈模式 and the home they look at. Theirs, not the next person's. */
interface Prefs {
  role?: ViewRole
  elder?: boolean
}

const KEY_AUTH = 'redgrid.auth'
const prefsKey = (userId: string) => `redgrid.prefs.${userId}`
// before prefs were per person they were the device's; the person signed in then takes them over
const LEGACY_ROLE = 'redgrid.role'
const LEGACY_ELDER = 'redgrid.elder'

function read<T>(key: string, fallback: T): T {
  try {
    const v = Taro.getStorageSync(key)
    return v === '' || v === undefined || v === null ? fallback : (v as T)
  } catch {
    return fallback
  }
}

function write(key: string, value: unknown) {
  try {
    if (value === null || value === undefined) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // storage full or unavailable: the session still works for this run
  }
}

function prefsOf(userId: string): Prefs {
  const prefs = read<Prefs>(prefsKey(userId), {})
  const legacyRole = read<ViewRole | null>(LEGACY_ROLE, null)
  const legacyElder = read<boolean | null>(LEGACY_ELDER, null)
  if (legacyRole === null && legacyElder === null) return prefs
  const merged: Prefs = { role: prefs.role ?? legacyRole ?? undefined, elder: prefs.elder ?? legacyElder === true }
  write(prefsKey(userId), merged)
  write(LEGACY_ROLE, null)
  write(LEGACY_ELDER, null)
  return merged
}

const stored = read<{ token: string | null; user: Me | null }>(KEY_AUTH, { token: null, user: null })
const storedPrefs = stored.user ? prefsOf(stored.user.id) : {}
let state: SessionState = {
  token: stored.token ?? null,
  user: stored.user ?? null,
  role: storedPrefs.role ?? null,
  elder: storedPrefs.elder === true,
}

const listeners = new Set<() => void>()

function set(patch: Partial<SessionState>) {
  state = { ...state, ...patch }
  if ('token' in patch || 'user' in patch) write(KEY_AUTH, state.token || state.user ? { token: state.token, user: state.user } : null)
  if (('role' in patch || 'elder' in patch) && state.user) {
    write(prefsKey(state.user.id), { ...(state.role ? { role: state.role } : {}), elder: state.elder })
  }
  for (const l of listeners) l()
}

export const session = {
  get: (): SessionState => state,
  subscribe(listener: () => void) {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
  /** Someone signed in (or was confirmed again): a different person brings their own 长辈模式 and role. */
  signedIn(token: string | null, user: Me) {
    if (state.user?.id === user.id) return set({ token, user })
    const prefs = prefsOf(user.id)
    set({ token, user, role: prefs.role ?? null, elder: prefs.elder === true })
  },
  setUser(user: Me) {
    set({ user })
  },
  setRole(role: ViewRole) {
    set({ role })
  },
  setElder(elder: boolean) {
    set({ elder })
  },
  /** Forget who is signed in; their 长辈模式 and role stay theirs, for their next sign-in. */
  clear() {
    set({ token: null, user: null, role: null, elder: false })
  },
}

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get)
}

/** Home pages this user can switch between, in a fixed order. */
export function viewRolesOf(roles: readonly Role[] | undefined): ViewRole[] {
  if (!roles) return []
  const has = (r: Role) => roles.includes(r)
  return VIEW_ROLES.filter((v) => (v === 'staff' ? has('staff') || has('admin') : has(v)))
}

/** The first time, the most particular of a person's views: a member who is also a resident opens as 党员. */
const FIRST_VIEW: ViewRole[] = ['staff', 'member', 'resident']

/** The view the person used last if they still have it, else the most particular one they have. */
export function activeRole(s: SessionState): ViewRole | null {
  const roles = viewRolesOf(s.user?.roles)
  if (roles.length === 0) return null
  return s.role && roles.includes(s.role) ? s.role : (FIRST_VIEW.find((r) => roles.includes(r)) ?? roles[0])
}
