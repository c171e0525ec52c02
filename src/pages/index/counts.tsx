// The workbench's count cards (待审核, 逾期/升级, 待回访 …), each a tap away from its list.
import { View } from '@tarojs/components'
import type { Page } from '@shared/common'
import type { Remote } from '@/hooks/useRemote'
import { cls } from '@/utils/cls'

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
    <View className={cls('count-card', urgent && 'count-card--urgent', className)} hoverClass="count-card--pressed" onClick={onClick}>
      {value !== undefined ? <View className="count-card__value">{value}</View> : <View className="count-card__hint">{hint}</View>}
      <View className="count-card__label">{label} ›</View>
    </View>
  )
}
