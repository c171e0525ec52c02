// Staff home (工作台): what needs action now — 待审核, 逾期/升级, 今日活动, 待回访, 待核销 — each a tap
// away, then the oldest orders waiting for review and shortcuts to 代办, publish, goods and pickups.
import { View } from '@tarojs/components'
import ActivityCard from '@/components/activity-card'
import Btn from '@/components/btn'
import OrderCard from '@/components/order-card'
import Section from '@/components/section'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { activitiesApi } from '@/services/activities'
import { gridTasksApi } from '@/services/grid-tasks'
import { householdsApi } from '@/services/households'
import { ordersApi } from '@/services/orders'
import { go } from '@/utils/nav'
import { isSameDay } from '@/utils/time'
import { CountCard, QueueCards, VisitCard } from './counts'

export default function StaffHome() {
  const review = useRemote(() => ordersApi.list({ scope: 'review', limit: 50 }), [])
  const overdue = useRemote(() => ordersApi.list({ scope: 'overdue', limit: 50 }), [])
  const revisit = useRemote(() => ordersApi.list({ scope: 'revisit', limit: 50 }), [])
  const due = useRemote(() => householdsApi.due(), [])
  const toConfirm = useRemote(() => gridTasksApi.list({ status: 'submitted' }), [])
  const activities = useRemote(() => activitiesApi.list('upcoming', undefined, 20), [])
  const items = review.data?.items ?? []
  const today = (activities.data?.items ?? []).filter((a) => isSameDay(a.startAt))

  return (
    <View className="staff-home">
      <View className="count-cards">
        <QueueCards review={review} overdue={overdue} revisit={revisit} />
        <VisitCard due={due} />
        <CountCard
          value={activities.data ? String(today.length) : activities.error ? '—' : '…'}
          label="今日活动"
          className="link-today-activities"
          onClick={() => go(ROUTES.activities)}
        />
        <CountCard
          hint={platform.canScan ? '扫码或输入核销码' : '输入核销码'}
          label="待核销"
          className="link-verify"
          onClick={() => go(ROUTES.verify)}
        />
        <CountCard
          value={toConfirm.data ? String(toConfirm.data.length) : toConfirm.error ? '—' : '…'}
          label="任务待确认"
          className="link-grid-tasks-to-confirm"
          urgent={(toConfirm.data?.length ?? 0) > 0}
          onClick={() => go(ROUTES.gridTasks)}
        />
      </View>

      {today.length > 0 && (
        <Section title="今日活动" more={{ text: '全部活动', onClick: () => go(ROUTES.activities) }}>
          {today.map((a) => (
            <ActivityCard key={a.id} activity={a} onClick={() => go(withQuery(ROUTES.activityDetail, { id: a.id }))} />
          ))}
        </Section>
      )}

      <Section title="最早提交的" more={{ text: '审核队列', onClick: () => go(ROUTES.review) }}>
        <StateSwitch
          of={review}
          empty={items.length === 0}
          rows={2}
          emptyNode={<EmptyState title="没有待审核的需求" hint="居民点单、网格员代办后会出现在这里。" />}
        >
          {items.slice(0, 3).map((o) => (
            <OrderCard key={o.id} order={o} onClick={() => go(withQuery(ROUTES.reviewDetail, { id: o.id }))} />
          ))}
        </StateSwitch>
      </Section>

      <Section title="常用">
        <View className="staff-home__tools">
          <Btn type="primary" className="btn-proxy" onClick={() => go(ROUTES.proxy)}>
            代办
          </Btn>
          <Btn type="primary" className="btn-publish-new" onClick={() => go(ROUTES.publish)}>
            发布活动
          </Btn>
          <Btn className="link-households" onClick={() => go(ROUTES.households)}>
            一户一档
          </Btn>
          <Btn className="link-grid-tasks" onClick={() => go(ROUTES.gridTasks)}>
            网格任务
          </Btn>
          <Btn className="link-activities" onClick={() => go(ROUTES.activities)}>
            全部活动
          </Btn>
          <Btn className="link-staff-goods" onClick={() => go(ROUTES.staffGoods)}>
            商品管理
          </Btn>
          <Btn className="link-verify-tool" onClick={() => go(ROUTES.verify)}>
            核销领取
          </Btn>
          <Btn type="primary" className="link-workbench" onClick={() => go(ROUTES.workbench)}>
            工作台 · 看板 · 审核
          </Btn>
        </View>
      </Section>
    </View>
  )
}
