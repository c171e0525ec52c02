// Loading skeleton, empty state and error state: every list shows one of these before its items, every
// detail page before its thing.
import { View } from '@tarojs/components'
import type { PropsWithChildren, ReactNode } from 'react'
import type { Paged } from '@/hooks/useRemote'
import type { ApiError } from '@/services/transport'
import { back } from '@/utils/nav'
import Btn from '../btn'
import Screen from '../screen'
import './index.scss'
import Tap from '@/components/tap'

export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <View className="skeleton" aria-busy="true" aria-label="正在加载">
      {Array.from({ length: rows }, (_, i) => `row-${i}`).map((key) => (
        <View key={key} className="skeleton-card">
          <View className="skeleton-line skeleton-line--short" />
          <View className="skeleton-line" />
          <View className="skeleton-line skeleton-line--mid" />
        </View>
      ))}
    </View>
  )
}

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: { text: string; onClick: () => void } }) {
  return (
    <View className="empty-state">
      <View className="empty-state__title">{title}</View>
      {hint && <View className="empty-state__hint">{hint}</View>}
      {action && (
        <Btn type="primary" className="empty-state__action" onClick={action.onClick}>
          {action.text}
        </Btn>
      )}
    </View>
  )
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <View className="error-state">
      <View className="error-state__title">没有加载出来</View>
      <View className="error-state__hint">{error.message}</View>
      <Btn type="primary" className="btn-retry" onClick={onRetry}>
        重试
      </Btn>
    </View>
  )
}

/** What a screen loads: a `useRemote` or `usePaged` result. */
export interface Loading {
  loading: boolean
  error?: ApiError
  reload: () => Promise<void>
}

export interface StateSwitchProps {
  of: Loading
  empty: boolean
  emptyNode: ReactNode
  rows?: number
}

/** Pick the state to show; children render only when there is something to show. */
export function StateSwitch({ of, empty, emptyNode, rows, children }: PropsWithChildren<StateSwitchProps>) {
  const retry = () => void of.reload()
  if (of.loading) return <Skeleton rows={rows} />
  if (of.error && empty) return <ErrorState error={of.error} onRetry={retry} />
  if (empty) return <>{emptyNode}</>
  return (
    <>
      {of.error && (
        <Tap className="inline-error" onTap={retry}>
          {of.error.message}，点这里重试
        </Tap>
      )}
      {children}
    </>
  )
}

export function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  if (!hasMore) return <View className="list-end">没有更多了</View>
  return (
    <Btn block className="btn-more" loading={loading} onClick={onMore}>
      加载更多
    </Btn>
  )
}

export interface PagedListProps<T> {
  list: Paged<T>
  emptyNode: ReactNode
  /** The items to show, when the page orders or picks them (default: the list's). */
  items?: T[]
  /** The items' wrapper. */
  className?: string
  rows?: number
  children: (item: T) => ReactNode
}

/** A cursor-paged list in its states: skeleton, empty, failed with 重试; then its items and 加载更多. */
export function PagedList<T>({ list, emptyNode, items = list.items, className, rows, children }: PagedListProps<T>) {
  return (
    <StateSwitch of={list} empty={items.length === 0} emptyNode={emptyNode} rows={rows}>
      <View className={className}>{items.map(children)}</View>
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onMore={() => void list.loadMore()} />
    </StateSwitch>
  )
}

/** NOT_FOUND or FORBIDDEN: what the page asked for is not there, or not for this person. */
export const isGone = (error: ApiError | undefined) => error?.code === 'NOT_FOUND' || error?.code === 'FORBIDDEN'

export interface DetailPendingProps {
  of: Loading
  /** Not there to show: says so (title, hint) with a way back instead of loading or failing. */
  gone: boolean
  title: string
  hint?: string
  backText?: string
  rows?: number
}

/** A detail page until its thing is there: gone (with 返回), loading, or failed (with 重试). */
export function DetailPending({ of, gone, title, hint, backText = '返回', rows = 3 }: DetailPendingProps) {
  return (
    <Screen>
      {gone ? (
        <EmptyState title={title} hint={hint} action={{ text: backText, onClick: back }} />
      ) : of.loading ? (
        <Skeleton rows={rows} />
      ) : (
        of.error && <ErrorState error={of.error} onRetry={() => void of.reload()} />
      )}
    </Screen>
  )
}
