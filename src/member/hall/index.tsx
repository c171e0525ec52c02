// 接单大厅: open orders of my community (building only, never flat or phone), filter by post type.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { POST_TYPES, type PostType } from '@shared/enums'
import OrderCard from '@/components/order-card'
import Screen from '@/components/screen'
import { EmptyState, LoadMore, StateSwitch } from '@/components/state'
import FilterBar, { type FilterOption } from '@/components/filter-bar'
import { POST_TYPE_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { useSession } from '@/store/session'
import { go } from '@/utils/nav'

export default function Hall() {
  const { user } = useSession()
  const myPosts = user?.member?.posts ?? []
  // the post types I serve come first
  const ordered = [...POST_TYPES].sort((a, b) => Number(myPosts.includes(b)) - Number(myPosts.includes(a)))
  const filters: Array<FilterOption<PostType>> = [{ value: '', label: '全部' }, ...ordered.map((p) => ({ value: p, label: POST_TYPE_LABEL[p] }))]
  const [category, setCategory] = useState<PostType | ''>('')
  const list = usePaged((cursor) => ordersApi.list({ scope: 'hall', limit: 20, ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) }), [category])

  return (
    <Screen className='hall'>
      <FilterBar options={filters} value={category} onChange={setCategory} />
      <StateSwitch
        loading={list.loading}
        error={list.error}
        empty={list.items.length === 0}
        onRetry={() => void list.reload()}
        emptyNode={
          <EmptyState
            title={category ? `暂时没有「${POST_TYPE_LABEL[category]}」的工单` : '暂时没有等人接的工单'}
            hint={category ? '换个类别看看，或者下拉刷新。' : '有新工单时会出现在这里，下拉可以刷新。'}
            action={category ? { text: '看全部', onClick: () => setCategory('') } : undefined}
          />
        }
      >
        <View>
          {list.items.map((o) => (
            <OrderCard key={o.id} order={o} showPoints showStatus={false} onClick={() => go(withQuery(ROUTES.taskDetail, { id: o.id }))} />
          ))}
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onMore={() => void list.loadMore()} />
        </View>
      </StateSwitch>
    </Screen>
  )
}
