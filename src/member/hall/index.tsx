// 接单大厅: open orders of my community (building only, never flat or phone), 为你推荐 first;
// filter by kind (服务 / 随手拍 / 微心愿 → 心愿墙) and by post type.
import { useState } from 'react'
import { View } from '@tarojs/components'
import { POST_TYPES, type OrderKind, type PostType } from '@shared/enums'
import OrderCard from '@/components/order-card'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import FilterBar, { type FilterOption } from '@/components/filter-bar'
import { KIND_NOUN, POST_TYPE_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { useSession } from '@/store/session'
import { go } from '@/utils/nav'
import './index.scss'
import Tap from '@/components/tap'

const KINDS: Array<FilterOption<OrderKind>> = [
  { value: '', label: '全部' },
  { value: 'service', label: '服务' },
  { value: 'hazard', label: '随手拍' },
  { value: 'wish', label: '微心愿' },
]

export default function Hall() {
  const { user } = useSession()
  const myPosts = user?.member?.posts ?? []
  // the post types I serve come first
  const ordered = [...POST_TYPES].sort((a, b) => Number(myPosts.includes(b)) - Number(myPosts.includes(a)))
  const filters: Array<FilterOption<PostType>> = [
    { value: '', label: '全部类别' },
    ...ordered.map((p) => ({ value: p, label: POST_TYPE_LABEL[p] })),
  ]
  const [category, setCategory] = useState<PostType | ''>('')
  const [kind, setKind] = useState<OrderKind | ''>('')
  const list = usePaged(
    (cursor) =>
      ordersApi.list({
        scope: 'hall',
        limit: 20,
        ...(category ? { category } : {}),
        ...(kind ? { kind } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [category, kind],
  )
  const what = [category ? `「${POST_TYPE_LABEL[category]}」` : '', kind ? KIND_NOUN[kind] : ''].join('')

  return (
    <Screen className="hall">
      <Tap className="hall__wishes link-wishes" hoverClass="hall__wishes--pressed" onTap={() => go(ROUTES.wishes)}>
        <View className="hall__wishes-title">心愿墙</View>
        <View className="hall__wishes-hint">居民的微心愿，认领一个帮他实现 ›</View>
      </Tap>
      <FilterBar className="filter-bar--kind" options={KINDS} value={kind} onChange={setKind} />
      <FilterBar className="filter-bar--category" options={filters} value={category} onChange={setCategory} />
      <PagedList
        list={list}
        emptyNode={
          <EmptyState
            title={what ? `暂时没有${what}的工单` : '暂时没有等人接的工单'}
            hint={what ? '换个条件看看，或者下拉刷新。' : '有新工单时会出现在这里，下拉可以刷新。'}
            action={
              what
                ? {
                    text: '看全部',
                    onClick: () => {
                      setCategory('')
                      setKind('')
                    },
                  }
                : undefined
            }
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
