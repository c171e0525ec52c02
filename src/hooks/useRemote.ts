// Server state for a page: load, reload on pull-down and when the page shows again.
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '@shared/common'
import { platform } from '@/platform'
import { type ApiError, toApiError } from '@/services/transport'

export interface RemoteOptions {
  /** Reload when the page comes back into view (after a child page changed something). Default true. */
  refreshOnShow?: boolean
  /** Skip loading (e.g. a required route param is missing). */
  skip?: boolean
}

export interface Remote<T> {
  data: T | undefined
  error: ApiError | undefined
  /** True only while nothing is shown yet (first load or after an error). */
  loading: boolean
  reload: () => Promise<void>
  setData: (data: T) => void
}

export function useRemote<T>(loader: () => Promise<T>, deps: DependencyList, opts: RemoteOptions = {}): Remote<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(!opts.skip)
  const seq = useRef(0)
  const loaderRef = useRef(loader)
  loaderRef.current = loader
  const skip = !!opts.skip

  const reload = useCallback(async () => {
    if (skip) return
    const mine = ++seq.current
    setError(undefined)
    try {
      // the demo's test clock may have moved: learn its time along with the data, before showing it
      const [value] = await Promise.all([loaderRef.current(), platform.syncClock()])
      if (mine === seq.current) setData(value)
    } catch (e) {
      if (mine === seq.current) setError(toApiError(e))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [skip])

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to load again
  useEffect(() => {
    setLoading(!skip)
    setData(undefined)
    void reload()
  }, [reload, ...deps])

  useRefresh(reload, opts.refreshOnShow ?? true)
  return { data, error, loading: loading && data === undefined, reload, setData }
}

/** Pull-down and page-show refresh. */
function useRefresh(reload: () => Promise<void>, onShow: boolean) {
  const shownOnce = useRef(false)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  useDidShow(() => {
    if (shownOnce.current && onShow) void reload()
    shownOnce.current = true
  })
}

export interface Paged<T> {
  items: T[]
  error: ApiError | undefined
  loading: boolean
  hasMore: boolean
  loadingMore: boolean
  reload: () => Promise<void>
  loadMore: () => Promise<void>
}

/** A cursor-paged list: the first page is a `useRemote` (load, refresh); more pages append on demand. */
export function usePaged<T>(loader: (cursor?: string) => Promise<Page<T>>, deps: DependencyList, opts: RemoteOptions = {}): Paged<T> {
  const first = useRemote(() => loader(), deps, opts)
  // pages after the first belong to that first page: a reload (a new first page) drops them
  const [more, setMore] = useState<{ base: Page<T>; items: T[]; cursor?: string; error?: ApiError }>()
  const [loadingMore, setLoadingMore] = useState(false)
  const loaderRef = useRef(loader)
  loaderRef.current = loader
  const base = first.data
  const baseRef = useRef(base)
  baseRef.current = base
  const extra = more && more.base === base ? more : undefined
  const cursor = extra ? extra.cursor : base?.nextCursor

  const loadMore = useCallback(async () => {
    if (!base || !cursor || loadingMore) return
    setLoadingMore(true)
    const sofar = extra?.items ?? []
    try {
      const page = await loaderRef.current(cursor)
      if (baseRef.current === base) setMore({ base, items: [...sofar, ...page.items], cursor: page.nextCursor })
    } catch (e) {
      if (baseRef.current === base) setMore({ base, items: sofar, cursor, error: toApiError(e) })
    } finally {
      setLoadingMore(false)
    }
  }, [base, cursor, extra, loadingMore])

  return {
    items: base ? [...base.items, ...(extra?.items ?? [])] : [],
    error: first.error ?? extra?.error,
    loading: first.loading,
    hasMore: !!cursor,
    loadingMore,
    reload: first.reload,
    loadMore,
  }
}
