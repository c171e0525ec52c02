// Member home: my points (→ ledger, → mall), 结对帮扶 (the care tasks of my pairs, when I have any),
// 为你推荐 from the hall, this weekend's activities with places left, and my tasks in progress.
import { Text, View } from '@tarojs/components'
import ActivityCard from '@/components/activity-card'
import Btn from '@/components/btn'
import CareCard from '@/components/care-card'
import OrderCard from '@/components/order-card'
import Section from '@/components/section'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { activitiesApi } from '@/services/activities'
import { householdsApi } from '@/services/households'
import { ordersApi } from '@/services/orders'
import { pointsApi } from '@/services/points'
import { go } from '@/utils/nav'
import Tap from '@/components/tap'

export default function MemberHome() {
  const balance = useRemote(() => pointsApi.balance(), [])
  const tasks = useRemote(() => ordersApi.list({ scope: 'assigned', limit: 10 }), [])
  const hall = useRemote(() => ordersApi.list({ scope: 'hall', limit: 3 }), [])
  const activities = useRemote(() => activitiesApi.list('upcoming', undefined, 10), [])
  const care = useRemote(() => householdsApi.careTasks(), [])
  const inProgress = (tasks.data?.items ?? []).filter((o) => o.status === 'claimed' || o.status === 'open' || o.status === 'completed')
  const weekend = (activities.data?.items ?? []).filter((a) => a.thisWeekend)

  return (
    <View className="member-home">
      <View className="points-card">
        <Tap className="points-card__main link-points" hoverClass="points-card--pressed" onTap={() => go(ROUTES.points)}>
          <View className="points-card__label">我的积分</View>
          <View className="points-card__value">{balance.data ? balance.data.balance : balance.error ? '—' : '…'}</View>
          <View className="points-card__more">查看积分明细 ›</View>
        </Tap>
        <Tap className="points-card__mall link-mall" hoverClass="points-card--pressed" onTap={() => go(ROUTES.mall)}>
          <Text className="points-card__mall-title">积分商城</Text>
          <Text className="points-card__mall-hint">用积分换东西 ›</Text>
        </Tap>
      </View>

      {(care.data?.length ?? 0) > 0 && (
        <Section title="结对帮扶" more={{ text: '全部', onClick: () => go(ROUTES.tasks), className: 'link-care-all' }}>
          {(care.data ?? []).map((t) => (
            <CareCard key={t.pairId} task={t} onClick={() => go(withQuery(ROUTES.careTask, { id: t.pairId }))} />
          ))}
        </Section>
      )}

      <Section title="为你推荐" more={{ text: '接单大厅', onClick: () => go(ROUTES.hall), className: 'link-hall' }}>
        <StateSwitch
          of={hall}
          empty={(hall.data?.items.length ?? 0) === 0}
          rows={2}
          emptyNode={<EmptyState title="暂时没有等人接的工单" hint="有新工单时会出现在这里，下拉可以刷新。" />}
        >
          {(hall.data?.items ?? []).map((o) => (
            <OrderCard key={o.id} order={o} showPoints showStatus={false} onClick={() => go(withQuery(ROUTES.taskDetail, { id: o.id }))} />
          ))}
        </StateSwitch>
        <View className="member-home__links">
          <Btn type="primary" className="btn-hall" onClick={() => go(ROUTES.hall)}>
            去接单大厅
          </Btn>
          <Btn className="link-wishes" onClick={() => go(ROUTES.wishes)}>
            心愿墙
          </Btn>
        </View>
      </Section>

      <Section title="本周末活动" more={{ text: '全部活动', onClick: () => go(ROUTES.activities), className: 'link-activities' }}>
        <StateSwitch
          of={activities}
          empty={weekend.length === 0}
          rows={1}
          emptyNode={
            <EmptyState
              title="本周末还没有活动"
              hint={(activities.data?.items.length ?? 0) > 0 ? '之后还有活动，去看看吧。' : '社区发布新活动后会出现在这里。'}
              action={(activities.data?.items.length ?? 0) > 0 ? { text: '看全部活动', onClick: () => go(ROUTES.activities) } : undefined}
            />
          }
        >
          {weekend.slice(0, 3).map((a) => (
            <ActivityCard key={a.id} activity={a} weekendTag={false} onClick={() => go(withQuery(ROUTES.activityDetail, { id: a.id }))} />
          ))}
        </StateSwitch>
      </Section>

      <Section title="我的任务" more={{ text: '全部', onClick: () => go(ROUTES.tasks), className: 'link-tasks' }}>
        <StateSwitch
          of={tasks}
          empty={inProgress.length === 0}
          rows={1}
          emptyNode={<EmptyState title="手上没有任务" hint="去接单大厅看看，有邻居需要帮忙。" />}
        >
          {inProgress.slice(0, 3).map((o) => (
            <OrderCard key={o.id} order={o} onClick={() => go(withQuery(ROUTES.taskDetail, { id: o.id }))} />
          ))}
        </StateSwitch>
      </Section>
    </View>
  )
}
