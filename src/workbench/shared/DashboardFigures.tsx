// A dashboard's figures (数据看板): the community's and the street's show the same stats, charts and
// activity lines; each page adds how its orders split by place.
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Dashboard } from '@shared/workbench'
import Card from '@/components/card'
import { POST_TYPE_COLOR, POST_TYPE_LABEL, STATUS_LABEL } from '@/constants/labels'
import { formatDuration } from '@/utils/time'
import { Bars, DayColumns, Stat } from './charts'

export const minutes = (m: number | null) => (m === null ? '暂无' : formatDuration(m * 60_000))
export const pct = (r: number | null) => (r === null ? '暂无' : `${Math.round(r * 100)}%`)

/** What a community's and the street's dashboards share: every figure but the period and the orders by grid. */
export type DashboardCore = Omit<Dashboard, 'from' | 'to' | 'gridNames' | 'orders'> & { orders: Omit<Dashboard['orders'], 'byGrid'> }

/**
 * The dashboard's figures, charts and activity lines; `places` is the card that counts the orders by
 * place (a community's by grid, the street's by community), shown after the post types.
 */
export default function DashboardFigures({ d, head, places }: { d: DashboardCore; head?: ReactNode; places: ReactNode }) {
  return (
    <>
      {head}
      <View className="stats">
        <Stat className="stat-total" label="工单总数" value={String(d.orders.total)} />
        <Stat className="stat-active" label="活跃党员" value={`${d.activeMembers} 人`} />
        <Stat className="stat-claim" label="接单用时（中位数）" value={minutes(d.medianClaimMinutes)} hint="从社区下单到有人接单" />
        <Stat className="stat-close" label="办结用时（中位数）" value={minutes(d.medianCloseMinutes)} hint="从提交到居民确认" />
        <Stat className="stat-sla" label="超时升级" value={`${d.slaBreaches} 件`} hint="超过时限逐级上报的工单" />
        <Stat
          className="stat-rating"
          label="居民评分"
          value={d.satisfaction.averageRating === null ? '暂无' : `${d.satisfaction.averageRating} 星`}
          hint={`${d.satisfaction.rated} 件评了分`}
        />
        <Stat
          className="stat-satisfied"
          label="满意率"
          value={pct(d.satisfaction.satisfiedShare)}
          hint={`${d.satisfaction.satisfied} / ${d.satisfaction.rated} 件评了 4 星以上`}
        />
        <Stat
          className="stat-dispute"
          label="重办率"
          value={pct(d.satisfaction.disputeShare)}
          hint={`${d.satisfaction.disputed} / ${d.satisfaction.completed} 件要重办`}
        />
        <Stat
          className="stat-referrals"
          label="转办 / 已答复"
          value={`${d.referrals.referred} / ${d.referrals.answered}`}
          hint="转给部门、物业、共建单位的"
        />
        <Stat className="stat-points" label="积分发放 / 兑换" value={`${d.points.issued} / ${d.points.redeemed}`} />
      </View>

      <Card title="每天的工单">
        <DayColumns
          aLabel="提交"
          bLabel="办结"
          columns={d.orders.byDay.map((x) => ({
            key: x.day,
            label: `${Number(x.day.slice(5, 7))}/${Number(x.day.slice(8, 10))}`,
            a: x.created,
            b: x.closed,
          }))}
        />
      </Card>

      <Card title="按状态">
        <Bars bars={d.orders.byStatus.map((s) => ({ key: s.status, label: STATUS_LABEL[s.status], value: s.count }))} unit=" 件" />
      </Card>

      <Card title="按岗位类别">
        <Bars
          bars={d.orders.byCategory.map((c) => ({
            key: c.category,
            label: POST_TYPE_LABEL[c.category],
            value: c.count,
            color: POST_TYPE_COLOR[c.category],
          }))}
          unit=" 件"
        />
      </Card>

      {places}

      <Card title="志愿活动">
        <View className="wb-line">
          <View className="wb-line__label">举办活动</View>
          <View className="wb-line__value">{d.activities.held} 场</View>
        </View>
        <View className="wb-line">
          <View className="wb-line__label">报名 / 到场</View>
          <View className="wb-line__value">
            {d.activities.signedUp} / {d.activities.attended} 人次
          </View>
        </View>
        <View className="wb-line">
          <View className="wb-line__label">到场率</View>
          <View className="wb-line__value">{pct(d.activities.attendanceRate)}</View>
        </View>
      </Card>
      <View className="wb-hint">统计口径：所选时段内提交的工单（按现在的状态）、时段内开始的活动、时段内记入的积分。</View>
    </>
  )
}
