// 街道数据看板 (the street's accounts): its communities over a period — the street's figures over them
// all (as a community's dashboard shows them, the orders by community instead of by grid), then one
// line per community: orders and closed, 满意率, SLA breaches, active members.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { CommunityFigures } from '@shared/workbench'
import Card from '@/components/card'
import Screen from '@/components/screen'
import { ErrorState, Skeleton } from '@/components/state'
import { useRemote } from '@/hooks/useRemote'
import { workbenchApi } from '@/services/workbench'
import { Bars, DashboardFigures, PeriodBar, minutes, pct, periodOf } from '../shared'
import '@/styles/blocks.scss'
import '../shared/shared.scss'

function CommunityLine({ c }: { c: CommunityFigures }) {
  return (
    <View className="wb-line street-community">
      <Text className="wb-line__label">{c.name}</Text>
      <Text className="wb-line__value">
        工单 {c.orders} · 办结 {c.closed} · 满意率 {pct(c.satisfaction.satisfiedShare)} · 超时 {c.slaBreaches} · 办结用时{' '}
        {minutes(c.medianCloseMinutes)} · 活跃党员 {c.activeMembers} 人
      </Text>
    </View>
  )
}

export default function StreetDashboardPage() {
  const [period, setPeriod] = useState(() => periodOf('month'))
  const d = useRemote(() => workbenchApi.streetDashboard(period), [period.from, period.to])
  return (
    <Screen className="wb dashboard street-dashboard">
      <PeriodBar value={period} onChange={setPeriod} />
      {d.loading ? (
        <Skeleton rows={4} />
      ) : d.error && !d.data ? (
        <ErrorState error={d.error} onRetry={() => void d.reload()} />
      ) : d.data ? (
        <DashboardFigures
          d={d.data.total}
          head={
            <View className="wb-head dashboard__scope">
              {d.data.streetName}：{d.data.communities.length} 个社区合计
            </View>
          }
          places={
            <>
              <Card title="按社区">
                <Bars
                  bars={d.data.communities.map((c) => ({ key: c.communityId, label: c.name, value: c.orders, color: '#2b6cb0' }))}
                  unit=" 件"
                />
              </Card>
              <Card title="各社区">
                {d.data.communities.map((c) => (
                  <CommunityLine key={c.communityId} c={c} />
                ))}
              </Card>
            </>
          }
        />
      ) : null}
    </Screen>
  )
}
