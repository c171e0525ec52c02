// 审核队列 and the worker's other lists, oldest first as the server sends them: 待审核 (default),
// 待回访 (?scope=revisit: low ratings to visit) and 我代办的 (?scope=proxied: orders placed for residents).
import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect } from 'react'
import OrderCard from '@/components/order-card'
import Screen from '@/components/screen'
import { EmptyState, PagedList } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'
import './index.scss'

const LISTS = {
  review: { title: '待审核', empty: '都审核完了', hint: '居民点单、网格员代办的需求会出现在这里，下拉可以刷新。' },
  revisit: { title: '待回访', empty: '没有要回访的', hint: '居民评了低分的会出现在这里，回访后就不在了。' },
  proxied: { title: '我代办的', empty: '还没有代办过', hint: '替居民下的单会出现在这里，可以随时看进展。' },
} as const
type Scope = keyof typeof LISTS

export default function ReviewQueue() {
  const param = useRouter().params.scope
  const scope: Scope = param === 'revisit' || param === 'proxied' ? param : 'review'
  const list = usePaged((cursor) => ordersApi.list({ scope, limit: 20, ...(cursor ? { cursor } : {}) }), [scope])
  const words = LISTS[scope]

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: words.title }).catch(() => undefined)
  }, [words.title])

  return (
    <Screen className="review">
      <View className="review__head">
        {words.title} {list.loading ? '' : `${list.items.length}${list.hasMore ? '+' : ''} 个`}
      </View>
      <PagedList list={list} className="review__list" emptyNode={<EmptyState title={words.empty} hint={words.hint} />}>
        {(o) => <OrderCard key={o.id} order={o} onClick={() => go(withQuery(ROUTES.reviewDetail, { id: o.id }))} />}
      </PagedList>
    </Screen>
  )
}
