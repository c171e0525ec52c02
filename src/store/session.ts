// The only client store: who is signed in, which role they are looking as, and 长辈模式.
// Everything else is server state, loaded by hooks. Persisted with Taro storage.
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

const KEY_AUTH = 'redgrid.auth'
const KEY_ROLE = 'redgrid.role'
const KEY_ELDER = 'redgrid.elder'

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

const stored = read<{ token: string | null; user: Me | null }>(KEY_AUTH, { token: null, user: null })
let state: SessionState = {
  token: stored.token ?? null,
  user: stored.user ?? null,
  role: read<ViewRole | null>(KEY_ROLE, null),
  elder: read<boolean>(KEY_ELDER, false) === true,
}

const listeners = new Set<() => void>()

function set(patch: Partial<SessionState>) {
  state = { ...state, ...patch }
  if ('token' in patch || 'user' in patch) write(KEY_AUTH, state.token || state.user ? { token: state.token, user: state.user } : null)
  if ('role' in patch) write(KEY_ROLE, state.role)
  if ('elder' in patch) write(KEY_ELDER, state.elder)
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
  signedIn(token: string | null, user: Me) {
    set({ token, user })
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
  /** Forget who is signed in; the chosen role and 长辈模式 stay (they belong to the device). */
  clear() {
    set({ token: null, user: null })
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

/** The remembered role if the user still has it, else their first one. */
export function activeRole(s: SessionState): ViewRole | null {
  const roles = viewRolesOf(s.user?.roles)
  if (roles.length === 0) return null
  return s.role && roles.includes(s.role) ? s.role : roles[0]
}
