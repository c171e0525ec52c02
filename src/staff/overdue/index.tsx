// 逾期/升级: orders past their deadline or already escalated, oldest deadline first, with the level
// (网格 / 社区 / 街道) and how long they have run over.
import { View } from '@tarojs/components'
import type { OrderSummary } from '@shared/orders'
import QueueItem from '@/components/queue-item'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import { LEVEL_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'
import { clockNow, formatDuration } from '@/utils/time'
import './index.scss'

/** "没人接单，已超过网格时限 3 小时" · "还没完成，社区时限还剩 5 小时" */
function lateness(o: Pick<OrderSummary, 'status' | 'dueAt' | 'level'>, now: number): string {
  const what = o.status === 'open' ? '没人接单' : '还没完成'
  if (!o.dueAt) return what
  const left = Date.parse(o.dueAt) - now
  const level = LEVEL_LABEL[o.level]
  if (left <= 0) return `${what}，已超过${level}时限 ${formatDuration(-left)}`
  return `${what}，${level}时限还剩 ${formatDuration(left)}`
}

export default function Overdue() {
  const list = usePaged((cursor) => ordersApi.list({ scope: 'overdue', limit: 20, ...(cursor ? { cursor } : {}) }), [])
  const now = clockNow()

  return (
    <Screen className="overdue">
      <View className="overdue__head">逾期/升级 {list.loading ? '' : `${list.items.length}${list.hasMore ? '+' : ''} 个`}</View>
      <View className="overdue__hint">超过时限没人接或没完成的工单会逐级上报：网格 → 社区 → 街道。最早超时的排在前面。</View>
      <PagedList list={list} emptyNode={<EmptyState title="没有逾期的工单" hint="所有工单都在时限内，下拉可以刷新。" />}>
        {(o) => (
          <QueueItem
            key={o.id}
            className="overdue-item"
            order={o}
            tag={`${LEVEL_LABEL[o.level]}处理`}
            tone={o.level}
            onClick={() => go(withQuery(ROUTES.reviewDetail, { id: o.id }))}
          >
            {lateness(o, now)}
          </QueueItem>
        )}
      </PagedList>
    </Screen>
  )
}
