// 我的工单: everything I asked for, newest first, filterable by status.
import { useState } from 'react'
import type { OrderStatus } from '@shared/enums'
import OrderCard from '@/components/order-card'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import FilterBar, { type FilterOption } from '@/components/filter-bar'
import { STATUS_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'

const FILTERS: Array<FilterOption<OrderStatus>> = [
  { value: '', label: '全部' },
  ...(['submitted', 'open', 'claimed', 'referred', 'completed', 'closed'] as OrderStatus[]).map((s) => ({
    value: s,
    label: STATUS_LABEL[s],
  })),
]

export default function MyOrders() {
  const [status, setStatus] = useState<OrderStatus | ''>('')
  const list = usePaged(
    (cursor) => ordersApi.list({ scope: 'mine', limit: 20, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }),
    [status],
  )

  return (
    <Screen className="my-orders">
      <FilterBar options={FILTERS} value={status} onChange={setStatus} />
      <PagedList
        list={list}
        emptyNode={
          <EmptyState
            title={status ? `没有「${STATUS_LABEL[status]}」的需求` : '还没有需求'}
            hint="需要帮忙时，回到首页点「我要点单」。"
            action={{ text: '我要点单', onClick: () => go(withQuery(ROUTES.orderNew, { kind: 'service' })) }}
          />
        }
      >
        {(o) => <OrderCard key={o.id} order={o} onClick={() => go(withQuery(ROUTES.orderDetail, { id: o.id }))} />}
      </PagedList>
    </Screen>
  )
}
