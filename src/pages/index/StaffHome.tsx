// Staff home: what needs action now — 待审核 count with the first few in the queue.
import { View } from '@tarojs/components'
import OrderCard from '@/components/order-card'
import Section from '@/components/section'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'

export default function StaffHome() {
  const review = useRemote(() => ordersApi.list({ scope: 'review', limit: 50 }), [])
  const items = review.data?.items ?? []
  const count = review.data ? `${items.length}${review.data.nextCursor ? '+' : ''}` : review.error ? '—' : '…'

  return (
    <View className='staff-home'>
      <View className='count-cards'>
        <View className='count-card link-review' hoverClass='count-card--pressed' onClick={() => go(ROUTES.review)}>
          <View className='count-card__value'>{count}</View>
          <View className='count-card__label'>待审核 ›</View>
        </View>
      </View>

      <Section title='最早提交的' more={{ text: '审核队列', onClick: () => go(ROUTES.review) }}>
        <StateSwitch
          loading={review.loading}
          error={review.error}
          empty={items.length === 0}
          onRetry={() => void review.reload()}
          rows={2}
          emptyNode={<EmptyState title='没有待审核的工单' hint='居民提交新工单后会出现在这里。' />}
        >
          {items.slice(0, 3).map((o) => (
            <OrderCard key={o.id} order={o} onClick={() => go(withQuery(ROUTES.reviewDetail, { id: o.id }))} />
          ))}
        </StateSwitch>
      </Section>
    </View>
  )
}
