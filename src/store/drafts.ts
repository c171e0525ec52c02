// Forms a person is part-way through (点单, 完成服务, 发布活动): kept in storage under the person's id, so
// a reload, a back, the next step or a later visit finds what was typed, and the next person on the
// phone never sees it. Cleared when the form is sent or the person taps 放弃 (after being asked).
import Taro from '@tarojs/taro'
import { useCallback, useSyncExternalStore } from 'react'
import { session } from './session'

const loaded = new Map<string, unknown>()
const listeners = new Set<() => void>()

const keyOf = (name: string) => {
  const userId = session.get().user?.id
  return userId ? `redgrid.draft.${userId}.${name}` : null
}

function read<T>(key: string): T | null {
  if (!loaded.has(key)) {
    let value: unknown = null
    try {
      value = Taro.getStorageSync(key) || null
    } catch {
      // unreadable storage: no draft
    }
    loaded.set(key, value)
  }
  return loaded.get(key) as T | null
}

function write(key: string, value: unknown) {
  loaded.set(key, value)
  try {
    if (value === null) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // storage full: the draft lives until the page closes
  }
  for (const l of listeners) l()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export interface Draft<T> {
  /** What was typed, over the blank form; the blank form when there is no draft. */
  value: T
  /** Something was typed (and kept): 放弃 has something to throw away. */
  saved: boolean
  update: (patch: Partial<T>) => void
  clear: () => void
}

/** A form's draft for the signed-in person; `name` tells forms (and orders) apart: 'order-new.service'. */
export function useDraft<T extends object>(name: string, blank: () => T): Draft<T> {
  const stored = useSyncExternalStore(
    subscribe,
    () => {
      const key = keyOf(name)
      return key ? read<Partial<T>>(key) : null
    },
    () => null,
  )
  const update = useCallback(
    (patch: Partial<T>) => {
      const key = keyOf(name)
      if (key) write(key, { ...(read<Partial<T>>(key) ?? {}), ...patch })
    },
    [name],
  )
  const clear = useCallback(() => {
    const key = keyOf(name)
    if (key) write(key, null)
  }, [name])
  return { value: { ...blank(), ...(stored ?? {}) }, saved: stored !== null, update, clear }
}
