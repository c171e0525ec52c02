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

/** Pull-down and page-show refresh, shared by both hooks. */
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

/** A cursor-paged list: first page on load/refresh, more on demand. */
export function usePaged<T>(loader: (cursor?: string) => Promise<Page<T>>, deps: DependencyList, opts: RemoteOptions = {}): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string>()
  const [error, setError] = useState<ApiError>()
  const [loading, setLoading] = useState(!opts.skip)
  const [loadingMore, setLoadingMore] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const seq = useRef(0)
  const loaderRef = useRef(loader)
  loaderRef.current = loader
  const skip = !!opts.skip

  const reload = useCallback(async () => {
    if (skip) return
    const mine = ++seq.current
    setError(undefined)
    try {
      const [page] = await Promise.all([loaderRef.current(), platform.syncClock()])
      if (mine !== seq.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setLoaded(true)
    } catch (e) {
      if (mine === seq.current) setError(toApiError(e))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [skip])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return
    const mine = seq.current
    setLoadingMore(true)
    try {
      const page = await loaderRef.current(cursor)
      if (mine !== seq.current) return
      setItems((prev) => [...prev, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      if (mine === seq.current) setError(toApiError(e))
    } finally {
      setLoadingMore(false)
    }
  }, [cursor, loadingMore])

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when to load again
  useEffect(() => {
    setLoading(!skip)
    setLoaded(false)
    setItems([])
    setCursor(undefined)
    void reload()
  }, [reload, ...deps])

  useRefresh(reload, opts.refreshOnShow ?? true)
  return { items, error, loading: loading && !loaded, hasMore: !!cursor, loadingMore, reload, loadMore }
}
