// 心愿墙: residents' open micro-wishes (微心愿) for members to adopt — adopting is claiming the order.
import { View } from '@tarojs/components'
import OrderCard from '@/components/order-card'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'
import './index.scss'

export default function Wishes() {
  const list = usePaged((cursor) => ordersApi.list({ scope: 'hall', kind: 'wish', limit: 20, ...(cursor ? { cursor } : {}) }), [])

  return (
    <Screen className="wishes">
      <View className="wishes__intro">这里是居民许下的微心愿。点开一个，认领后帮他实现。</View>
      <PagedList
        list={list}
        emptyNode={
          <EmptyState
            title="心愿都被认领了"
            hint="有新的微心愿时会出现在这里，下拉可以刷新。"
            action={{ text: '去接单大厅', onClick: () => go(ROUTES.hall) }}
          />
        }
      >
        {(o) => (
          <OrderCard key={o.id} order={o} showPoints showStatus={false} onClick={() => go(withQuery(ROUTES.taskDetail, { id: o.id }))} />
        )}
      </PagedList>
    </Screen>
  )
}
