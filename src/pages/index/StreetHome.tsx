// 街道 home: the way to the street's dashboard, and what reached 街道 across its communities, the
// longest overdue first, with where it came from; each opens the order to answer it or send it back down.
import { View } from '@tarojs/components'
import QueueItem from '@/components/queue-item'
import Section from '@/components/section'
import { EmptyState, PagedList } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { usePaged } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { useSession } from '@/store/session'
import { go } from '@/utils/nav'
import { clockNow, formatDuration } from '@/utils/time'
import { CountCard } from './counts'

export default function StreetHome() {
  const { user } = useSession()
  const list = usePaged((cursor) => ordersApi.list({ scope: 'street', limit: 20, ...(cursor ? { cursor } : {}) }), [])
  const now = clockNow()
  const communities = user?.street?.communities.map((c) => c.name).join('、')

  return (
    <View className="street-home">
      {communities && <View className="street-home__scope">管辖：{communities}</View>}
      <View className="count-cards">
        <CountCard hint="各社区的数字" label="街道数据看板" className="link-street-dashboard" onClick={() => go(ROUTES.streetDashboard)} />
      </View>
      <Section title={`升级到街道的事项${list.loading ? '' : `（${list.items.length}${list.hasMore ? '+' : ''}）`}`}>
        <PagedList
          list={list}
          emptyNode={<EmptyState title="没有升级到街道的事项" hint="社区超过时限没办好的事会升级到这里，下拉可以刷新。" />}
        >
          {(o) => (
            <QueueItem
              key={o.id}
              className="street-item"
              order={o}
              tag={o.communityName}
              onClick={() => go(withQuery(ROUTES.reviewDetail, { id: o.id }))}
            >
              {o.referral ? `已转${o.referral.unitName}，` : ''}
              {o.dueAt && Date.parse(o.dueAt) < now ? `已超时 ${formatDuration(now - Date.parse(o.dueAt))}` : '请督办'}
            </QueueItem>
          )}
        </PagedList>
      </Section>
    </View>
  )
}
