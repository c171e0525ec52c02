// One user intent → one requestId: a retried tap after a lost answer reuses it, so it runs once.
import { useCallback, useRef, useState } from 'react'
import type { TemplateKey } from '@shared/subscribe'
import { confirm, toast } from '@/services/feedback'
import { askToSubscribe } from '@/services/subscribe'
import { type ApiError, toApiError } from '@/services/transport'
import { newRequestId } from '@/utils/id'

export interface ActionOptions {
  /** Ask first ("确认接单？"); skipped when empty. */
  ask?: string
  confirmText?: string
  /** Toast after success. */
  done?: string
  /**
   * 订阅消息 to ask for first (WeChat only, templates with an id): the sheet shows before the confirm and
   * before any network call, as WeChat requires, so call `exec` synchronously from the tap.
   */
  subscribe?: readonly TemplateKey[]
}

/**
 * `intentOf` names the intent when one hook runs several (the order's actions): each keeps its own
 * requestId, so retrying 退单 never reuses the id of a 撤销 that failed.
 */
export function useAction<A extends unknown[], R>(run: (requestId: string, ...args: A) => Promise<R>, intentOf?: (...args: A) => string) {
  const [busy, setBusy] = useState(false)
  /** The last failure, for pages that show it beside the button as well (cleared on the next try). */
  const [error, setError] = useState<ApiError>()
  const busyRef = useRef(false)
  const requestIds = useRef(new Map<string, string>())
  const runRef = useRef(run)
  runRef.current = run
  const intentRef = useRef(intentOf)
  intentRef.current = intentOf

  const exec = useCallback(async (opts: ActionOptions, ...args: A): Promise<R | undefined> => {
    if (busyRef.current) return undefined
    if (opts.subscribe?.length) await askToSubscribe(opts.subscribe)
    if (opts.ask && !(await confirm(opts.ask, { confirmText: opts.confirmText }))) return undefined
    const intent = intentRef.current?.(...args) ?? ''
    const requestId = requestIds.current.get(intent) ?? newRequestId()
    requestIds.current.set(intent, requestId)
    busyRef.current = true
    setBusy(true)
    setError(undefined)
    try {
      const out = await runRef.current(requestId, ...args)
      requestIds.current.delete(intent)
      if (opts.done) toast(opts.done, 'success')
      return out
    } catch (e) {
      // keep the id only when we cannot know whether the server ran it; the transport toasted already
      const err = toApiError(e)
      setError(err)
      if (!err.ambiguous) requestIds.current.delete(intent)
      return undefined
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }, [])

  return { exec, busy, error }
}
