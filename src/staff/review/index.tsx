// 审核队列: submitted orders waiting for staff, oldest first as the server sends them.
import { View } from '@tarojs/components'
import OrderCard from '@/components/order-card'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'
import './index.scss'

export default function ReviewQueue() {
  const list = usePaged((cursor) => ordersApi.list({ scope: 'review', limit: 20, ...(cursor ? { cursor } : {}) }), [])

  return (
    <Screen className="review">
      <View className="review__head">待审核 {list.loading ? '' : `${list.items.length}${list.hasMore ? '+' : ''} 个`}</View>
      <PagedList
        list={list}
        className="review__list"
        emptyNode={<EmptyState title="都审核完了" hint="居民提交新工单后会出现在这里，下拉可以刷新。" />}
      >
        {(o) => <OrderCard key={o.id} order={o} onClick={() => go(withQuery(ROUTES.reviewDetail, { id: o.id }))} />}
      </PagedList>
    </Screen>
  )
}
