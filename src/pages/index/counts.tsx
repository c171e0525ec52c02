// The workbench's count cards (待审核, 逾期/升级, 待回访 …), each a tap away from its list.
import { View } from '@tarojs/components'
import type { Page } from '@shared/common'
import Tap from '@/components/tap'
import type { Remote } from '@/hooks/useRemote'
import { ROUTES, withQuery } from '@/constants/routes'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'

/** "12" · "50+" (more pages) · "—" (failed) · "…" (loading) */
export function countOf(r: Pick<Remote<Page<unknown>>, 'data' | 'error'>): string {
  if (r.data) return `${r.data.items.length}${r.data.nextCursor ? '+' : ''}`
  return r.error ? '—' : '…'
}

export function CountCard({
  value,
  hint,
  label,
  className,
  urgent,
  onClick,
}: {
  value?: string
  hint?: string
  label: string
  className: string
  urgent?: boolean
  onClick: () => void
}) {
  return (
    <Tap className={cls('count-card', urgent && 'count-card--urgent', className)} hoverClass="count-card--pressed" onTap={onClick}>
      {value !== undefined ? <View className="count-card__value">{value}</View> : <View className="count-card__hint">{hint}</View>}
      <View className="count-card__label">{label} ›</View>
    </Tap>
  )
}

type Queue = Pick<Remote<Page<unknown>>, 'data' | 'error'>
const some = (r: Queue) => (r.data?.items.length ?? 0) > 0

/** What those who look after orders act on first: 待审核, 逾期/升级, 待回访 — their grids' for a 网格员. */
export function QueueCards({ review, overdue, revisit }: { review: Queue; overdue: Queue; revisit: Queue }) {
  return (
    <>
      <CountCard value={countOf(review)} label="待审核" className="link-review" onClick={() => go(ROUTES.review)} />
      <CountCard
        value={countOf(overdue)}
        label="逾期/升级"
        className="link-overdue"
        urgent={some(overdue)}
        onClick={() => go(ROUTES.overdue)}
      />
      <CountCard
        value={countOf(revisit)}
        label="待回访"
        className="link-revisit"
        urgent={some(revisit)}
        onClick={() => go(withQuery(ROUTES.review, { scope: 'revisit' }))}
      />
    </>
  )
}

/** 该走访了: households whose visit by their tags' cadence is due — the caller's grids' for a 网格员. */
export function VisitCard({ due }: { due: Queue }) {
  return (
    <CountCard
      value={countOf(due)}
      label="该走访了"
      className="link-due-visits"
      urgent={some(due)}
      onClick={() => go(withQuery(ROUTES.households, { due: 1 }))}
    />
  )
}
