// 网格员 home: my grid's 待处理 — what waits for review, what runs late, low ratings to visit — one tap to
// 代办 (order for a resident who phoned or was visited), then what I ordered for residents.
import { View } from '@tarojs/components'
import Btn from '@/components/btn'
import GridTaskCard from '@/components/grid-task-card'
import HouseholdCard from '@/components/household-card'
import OrderCard from '@/components/order-card'
import Section from '@/components/section'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { gridTasksApi } from '@/services/grid-tasks'
import { householdsApi } from '@/services/households'
import { ordersApi } from '@/services/orders'
import { useSession } from '@/store/session'
import { go } from '@/utils/nav'
import { CountCard, QueueCards, VisitCard } from './counts'

export default function GridHome() {
  const { user } = useSession()
  const review = useRemote(() => ordersApi.list({ scope: 'review', limit: 50 }), [])
  const overdue = useRemote(() => ordersApi.list({ scope: 'overdue', limit: 50 }), [])
  const revisit = useRemote(() => ordersApi.list({ scope: 'revisit', limit: 50 }), [])
  const proxied = useRemote(() => ordersApi.list({ scope: 'proxied', limit: 5 }), [])
  const due = useRemote(() => householdsApi.due(), [])
  const tasks = useRemote(() => gridTasksApi.list({ mine: true }), [])
  const todo = (tasks.data ?? []).filter((t) => t.status !== 'confirmed')
  const grids = user?.gridWork?.grids.map((g) => g.name).join('、') ?? ''
  const open = (id: string) => go(withQuery(ROUTES.reviewDetail, { id }))

  return (
    <View className="grid-home">
      <View className="grid-home__who">
        {grids}
        {user?.gridWork?.lead ? '网格长' : '网格员'}
      </View>
      <Btn block type="primary" size="large" className="btn-proxy" onClick={() => go(ROUTES.proxy)}>
        代办：替居民下单
      </Btn>
      <View className="grid-home__hint">居民打电话、上门走访或来访说的事，您替他提交；进展会通知居民本人。</View>

      <View className="count-cards">
        <QueueCards review={review} overdue={overdue} revisit={revisit} />
        <VisitCard due={due} />
        <CountCard
          value={tasks.data ? String(todo.length) : tasks.error ? '—' : '…'}
          label="网格任务"
          className="link-my-grid-tasks"
          urgent={todo.some((t) => t.overdue || t.returnedReason)}
          onClick={() => go(withQuery(ROUTES.gridTasks, { mine: 1 }))}
        />
        <CountCard hint="本网格的数字" label="数据看板" className="link-dashboard" onClick={() => go(ROUTES.dashboard)} />
        {user?.gridWork?.lead && (
          <CountCard hint="给网格员发任务" label="发布任务" className="link-lead-grid-tasks" onClick={() => go(ROUTES.gridTasks)} />
        )}
      </View>

      <Section title="我的网格任务" more={{ text: '全部', onClick: () => go(withQuery(ROUTES.gridTasks, { mine: 1 })) }}>
        <StateSwitch
          of={tasks}
          empty={todo.length === 0}
          rows={2}
          emptyNode={<EmptyState title="手上没有网格任务" hint="社区发布任务后会出现在这里，做完上传进展、提交完成。" />}
        >
          {todo.slice(0, 3).map((t) => (
            <GridTaskCard key={t.id} task={t} onClick={() => go(withQuery(ROUTES.gridTask, { id: t.id }))} />
          ))}
        </StateSwitch>
      </Section>

      <Section title="该走访了" more={{ text: '一户一档', onClick: () => go(ROUTES.households) }}>
        <StateSwitch
          of={due}
          empty={(due.data?.items.length ?? 0) === 0}
          rows={2}
          emptyNode={<EmptyState title="都走访过了" hint="独居、高龄的住户每周走访一次，到日子会出现在这里。" />}
        >
          {(due.data?.items ?? []).slice(0, 3).map((h) => (
            <HouseholdCard key={h.id} household={h} onClick={() => go(withQuery(ROUTES.household, { id: h.id }))} />
          ))}
        </StateSwitch>
      </Section>

      <Section title="待审核" more={{ text: '全部', onClick: () => go(ROUTES.review) }}>
        <StateSwitch
          of={review}
          empty={(review.data?.items.length ?? 0) === 0}
          rows={2}
          emptyNode={<EmptyState title="本网格没有待审核的" hint="居民提交或您代办的需求会出现在这里。" />}
        >
          {(review.data?.items ?? []).slice(0, 3).map((o) => (
            <OrderCard key={o.id} order={o} onClick={() => open(o.id)} />
          ))}
        </StateSwitch>
      </Section>

      <Section title="我代办的" more={{ text: '全部', onClick: () => go(withQuery(ROUTES.review, { scope: 'proxied' })) }}>
        <StateSwitch
          of={proxied}
          empty={(proxied.data?.items.length ?? 0) === 0}
          rows={2}
          emptyNode={<EmptyState title="还没有代办过" hint="点上面的“代办”，替不方便用手机的居民下单。" />}
        >
          {(proxied.data?.items ?? []).map((o) => (
            <OrderCard key={o.id} order={o} onClick={() => open(o.id)} />
          ))}
        </StateSwitch>
      </Section>
    </View>
  )
}
