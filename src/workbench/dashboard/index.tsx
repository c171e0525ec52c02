// 数据看板 (staff; a 网格员's holds their grids' orders): the period's orders by status, post type and
// grid, how fast they are taken and closed, SLA breaches, 满意率 and 重办率, referrals, active members,
// points, and activity attendance.
import { View } from '@tarojs/components'
import { useState } from 'react'
import Card from '@/components/card'
import Screen from '@/components/screen'
import { ErrorState, Skeleton } from '@/components/state'
import { useRemote } from '@/hooks/useRemote'
import { workbenchApi } from '@/services/workbench'
import { Bars, DashboardFigures, PeriodBar, periodOf } from '../shared'
import '@/styles/blocks.scss'
import '../shared/shared.scss'

export default function DashboardPage() {
  const [period, setPeriod] = useState(() => periodOf('week'))
  const d = useRemote(() => workbenchApi.dashboard(period), [period.from, period.to])
  return (
    <Screen className="wb dashboard">
      <PeriodBar value={period} onChange={setPeriod} />
      {d.loading ? (
        <Skeleton rows={4} />
      ) : d.error && !d.data ? (
        <ErrorState error={d.error} onRetry={() => void d.reload()} />
      ) : d.data ? (
        <DashboardFigures
          d={d.data}
          head={d.data.gridNames && <View className="wb-head dashboard__scope">{d.data.gridNames.join('、')}的工单</View>}
          places={
            <Card title="按网格">
              <Bars
                bars={d.data.orders.byGrid.map((g) => ({ key: g.gridId ?? 'none', label: g.gridName, value: g.count, color: '#2b6cb0' }))}
                unit=" 件"
              />
            </Card>
          }
        />
      ) : null}
    </Screen>
  )
}
