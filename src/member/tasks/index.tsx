// 我的任务: 结对帮扶 — the care tasks of the households I am paired with — then the orders I hold or that
// the community directed to me.
import { useState } from 'react'
import type { OrderStatus } from '@shared/enums'
import CareCard from '@/components/care-card'
import OrderCard from '@/components/order-card'
import Section from '@/components/section'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import FilterBar, { type FilterOption } from '@/components/filter-bar'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged, useRemote } from '@/hooks/useRemote'
import { householdsApi } from '@/services/households'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'

const FILTERS: Array<FilterOption<OrderStatus>> = [
  { value: '', label: '全部' },
  { value: 'open', label: '请我帮忙' },
  { value: 'claimed', label: '服务中' },
  { value: 'completed', label: '待居民确认' },
  { value: 'closed', label: '已完成' },
]

export default function Tasks() {
  const [status, setStatus] = useState<OrderStatus | ''>('')
  const list = usePaged(
    (cursor) => ordersApi.list({ scope: 'assigned', limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }),
    [status],
  )

  const care = useRemote(() => householdsApi.careTasks(), [])

  return (
    <Screen className="tasks">
      {(care.data?.length ?? 0) > 0 && (
        <Section title="结对帮扶">
          {(care.data ?? []).map((t) => (
            <CareCard key={t.pairId} task={t} onClick={() => go(withQuery(ROUTES.careTask, { id: t.pairId }))} />
          ))}
        </Section>
      )}
      <FilterBar options={FILTERS} value={status} onChange={setStatus} />
      <PagedList
        list={list}
        emptyNode={
          <EmptyState title="这里还没有任务" hint="去接单大厅接一个吧。" action={{ text: '去接单大厅', onClick: () => go(ROUTES.hall) }} />
        }
      >
        {(o) => <OrderCard key={o.id} order={o} showPoints onClick={() => go(withQuery(ROUTES.taskDetail, { id: o.id }))} />}
      </PagedList>
    </Screen>
  )
}
