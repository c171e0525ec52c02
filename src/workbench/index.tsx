// 工作台 (staff): what needs action — registrations waiting, orders to review, overdue — this week's
// orders by status as a chart, and the way to every workbench tool.
import { View } from '@tarojs/components'
import { ORDER_STATUSES } from '@shared/enums'
import Btn from '@/components/btn'
import Card from '@/components/card'
import Screen from '@/components/screen'
import { ErrorState, Skeleton } from '@/components/state'
import { STATUS_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { useMe } from '@/hooks/useMe'
import { useRemote } from '@/hooks/useRemote'
import { ordersApi } from '@/services/orders'
import { peopleApi, workbenchApi } from '@/services/workbench'
import { go } from '@/utils/nav'
import { Bars, periodOf, periodText, Stat } from './shared'
import '@/styles/blocks.scss'
import './shared/shared.scss'
import './index.scss'
import Tap from '@/components/tap'

const STATUS_COLOR: Record<string, string> = {
  submitted: '#d9822b',
  open: '#c62f2f',
  claimed: '#2b6cb0',
  completed: '#6b46c1',
  closed: '#2e7d5b',
  rejected: '#8a8a8a',
  cancelled: '#b0b0b0',
}

export default function Workbench() {
  const { user } = useMe()
  const week = periodOf('week')
  const dash = useRemote(() => workbenchApi.dashboard(week), [week.from, week.to])
  const pending = useRemote(() => peopleApi.pending(), [])
  const review = useRemote(() => ordersApi.list({ scope: 'review', limit: 50 }), [])
  const overdue = useRemote(() => ordersApi.list({ scope: 'overdue', limit: 50 }), [])
  const count = (r: { data?: { items: unknown[]; nextCursor?: string }; error?: unknown }) =>
    r.data ? `${r.data.items.length}${r.data.nextCursor ? '+' : ''}` : r.error ? '—' : '…'
  const isAdmin = !!user?.roles.includes('admin')

  return (
    <Screen className="wb workbench">
      <View className="stats">
        <Tap className="workbench__tap link-pending" onTap={() => go(ROUTES.pending)}>
          <Stat label="待审核登记 ›" value={pending.data ? String(pending.data.length) : pending.error ? '—' : '…'} />
        </Tap>
        <Tap className="workbench__tap link-review" onTap={() => go(ROUTES.review)}>
          <Stat label="待审核工单 ›" value={count(review)} />
        </Tap>
        <Tap className="workbench__tap link-overdue" onTap={() => go(ROUTES.overdue)}>
          <Stat label="逾期/升级 ›" value={count(overdue)} />
        </Tap>
        <Tap className="workbench__tap link-dashboard" onTap={() => go(ROUTES.dashboard)}>
          <Stat label="本周工单 ›" value={dash.data ? String(dash.data.orders.total) : dash.error ? '—' : '…'} />
        </Tap>
      </View>

      <Card title={`本周工单状态（${periodText(week)}）`} className="workbench__chart">
        {dash.loading ? (
          <Skeleton rows={1} />
        ) : dash.error && !dash.data ? (
          <ErrorState error={dash.error} onRetry={() => void dash.reload()} />
        ) : dash.data && dash.data.orders.total === 0 ? (
          <View className="wb-hint">本周还没有工单。居民提交后会出现在这里。</View>
        ) : (
          <Bars
            bars={ORDER_STATUSES.map((s) => ({
              key: s,
              label: STATUS_LABEL[s],
              value: dash.data?.orders.byStatus.find((b) => b.status === s)?.count ?? 0,
              color: STATUS_COLOR[s],
            }))}
            unit=" 件"
          />
        )}
      </Card>

      <View className="workbench__tools">
        <Btn block type="primary" className="link-dashboard-full" onClick={() => go(ROUTES.dashboard)}>
          数据看板
        </Btn>
        <Btn block className="link-pending-tool" onClick={() => go(ROUTES.pending)}>
          成员审核
        </Btn>
        <Btn block className="link-ledger" onClick={() => go(ROUTES.ledger)}>
          台账导出
        </Btn>
        <Btn block className="link-evaluation" onClick={() => go(ROUTES.evaluation)}>
          三评
        </Btn>
        <Btn block className="link-showcase" onClick={() => go(ROUTES.showcase)}>
          三亮一晒
        </Btn>
        <Btn block className="link-my-card" onClick={() => go(withQuery(ROUTES.showcase, { edit: 1 }))}>
          我的亮身份名片
        </Btn>
        {isAdmin && (
          <Btn block className="link-people" onClick={() => go(ROUTES.people)}>
            人员与网格（管理员）
          </Btn>
        )}
        {isAdmin && (
          <Btn block className="link-roster" onClick={() => go(ROUTES.rosterSetup)}>
            社区设置：导入表格、楼栋（管理员）
          </Btn>
        )}
      </View>
    </Screen>
  )
}
