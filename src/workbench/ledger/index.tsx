// 工作台账: a member's record over a period — orders served, activities attended, hours, ratings, points
// earned and spent — on screen and as an XLSX workbook. Staff pick a member or everyone; a member sees
// their own. H5 downloads the file; WeChat opens it (and can forward it) with openDocument.
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ExportedFile, MemberLedger } from '@shared/workbench'
import Btn from '@/components/btn'
import Card from '@/components/card'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { GRID_TASK_STATUS_LABEL, POST_TYPE_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { listMembers } from '@/services/accounts'
import { toast } from '@/services/feedback'
import { photoSrc, toApiError } from '@/services/transport'
import { workbenchApi } from '@/services/workbench'
import { useSession } from '@/store/session'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { formatDate, formatTime } from '@/utils/time'
import { Figures, PeriodBar, periodOf } from '../shared'
import '@/styles/blocks.scss'
import '../shared/shared.scss'
import './index.scss'
import Tap from '@/components/tap'

function Detail({ m }: { m: MemberLedger }) {
  return (
    <>
      <Figures f={m} />
      <Card title={`服务工单（${m.orders.length}）`}>
        {m.orders.length === 0 && <View className="wb-hint">这段时间没有办结的工单。</View>}
        {m.orders.map((o) => (
          <View key={o.orderId} className="wb-line">
            <Text className="wb-line__label">
              {formatDate(o.closedAt)} · {POST_TYPE_LABEL[o.category]}
            </Text>
            <Text className="wb-line__value">
              {o.title}
              {o.rating ? ` · ${o.rating} 星` : ''} · +{o.points}
            </Text>
          </View>
        ))}
      </Card>
      <Card title={`志愿活动（${m.activities.length}）`}>
        {m.activities.length === 0 && <View className="wb-hint">这段时间没有参加活动。</View>}
        {m.activities.map((a) => (
          <View key={a.activityId} className="wb-line">
            <Text className="wb-line__label">
              {formatDate(a.startAt)} · {a.hours} 小时
            </Text>
            <Text className="wb-line__value">
              {a.title} · +{a.points}
            </Text>
          </View>
        ))}
      </Card>
      <Card title={`结对帮扶（${m.care.length}）`}>
        {m.care.length === 0 && <View className="wb-hint">这段时间没有结对帮扶记录。</View>}
        {m.care.map((c) => (
          <View key={c.recordId} className="wb-line">
            <Text className="wb-line__label">{formatDate(c.at)}</Text>
            <Text className="wb-line__value">
              {c.title} · +{c.points}
            </Text>
          </View>
        ))}
      </Card>
    </>
  )
}

/** Whole seconds since `since` while it is set, ticking once a second; 0 when not. */
function useSecondsSince(since: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === null) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [since])
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000))
}

/** What the export being made holds, from the report on screen: who, the period, and how much. */
function exportingWhat(rows: MemberLedger[], all: boolean, period: { from: string; to: string }): string {
  const who = all ? `全体党员 ${rows.length} 人` : (rows[0]?.name ?? '')
  const orders = rows.reduce((n, m) => n + m.ordersServed, 0)
  const activities = rows.reduce((n, m) => n + m.activitiesAttended, 0)
  return `${who}，${period.from} 至 ${period.to}，工单 ${orders.toLocaleString('zh-CN')} 件、活动 ${activities.toLocaleString('zh-CN')} 次`
}

export default function Ledger() {
  const { params } = useRouter()
  const { user } = useSession()
  const staff = !!user && (user.roles.includes('staff') || user.roles.includes('admin'))
  const [period, setPeriod] = useState(() => periodOf('year'))
  const [memberId, setMemberId] = useState<string>(params.memberId ?? (staff ? '' : (user?.id ?? '')))
  const members = useRemote(() => listMembers(), [], { skip: !staff, refreshOnShow: false })
  const report = useRemote(() => workbenchApi.ledger(period, memberId || undefined), [period.from, period.to, memberId])
  const [file, setFile] = useState<ExportedFile | null>(null)
  const [downloading, setDownloading] = useState(false)
  const [exporting, setExporting] = useState(false)
  // what is being exported, fixed when the export starts (the period may change meanwhile)
  const [making, setMaking] = useState<{ what: string; since: number } | null>(null)
  const seconds = useSecondsSince(making?.since ?? null)
  const rows = report.data?.members ?? []

  const doExport = async () => {
    if (exporting) return
    setExporting(true)
    setMaking({ what: report.data ? exportingWhat(rows, memberId === '', period) : `${period.from} 至 ${period.to}`, since: Date.now() })
    setFile(null)
    try {
      const f = await workbenchApi.exportLedger(period, memberId || undefined)
      setFile(f)
      const how = await platform.openFile({ url: photoSrc(f.url), name: f.name })
      setDownloading(how === 'downloading')
      toast(how === 'opened' ? '已打开表格' : '表格已开始下载', 'success')
    } catch (e) {
      toast(toApiError(e).message, 'error')
    } finally {
      setExporting(false)
      setMaking(null)
    }
  }

  return (
    <Screen className="wb ledger">
      {staff && (
        <View className="ledger__who">
          <View className="field__label">党员</View>
          <View className="chips ledger__members">
            <Tap
              role="radio"
              on={memberId === ''}
              className={cls('chip', 'chip-member-all', memberId === '' && 'chip--on')}
              onTap={() => setMemberId('')}
            >
              全体党员
            </Tap>
            {(members.data ?? []).map((m) => (
              <Tap
                key={m.id}
                className={cls('chip', `chip-member-${m.id}`, memberId === m.id && 'chip--on')}
                role="radio"
                on={memberId === m.id}
                onTap={() => setMemberId(m.id)}
              >
                {m.name}
              </Tap>
            ))}
          </View>
        </View>
      )}
      <PeriodBar value={period} onChange={setPeriod} />

      <Btn block type="primary" size="large" className="btn-export-ledger" loading={exporting} onClick={() => void doExport()}>
        {exporting ? '正在生成表格…' : '导出电子表格'}
      </Btn>
      {making && (
        <View className="ledger__making" role="status" aria-live="polite">
          <Text>正在生成：{making.what}</Text>
          <Text className="ledger__making-time">
            {seconds < 2 ? '请稍候，生成后会自动打开或下载' : `已用 ${seconds} 秒，一年的台账可能要几秒钟，请不要离开本页`}
          </Text>
        </View>
      )}
      {file && (
        <View className="ledger__file">
          <Text>已生成表格：{file.name.replace(/\.xlsx$/, '')}</Text>
          {downloading && (
            <a className="ledger__link link-download" href={photoSrc(file.url)} download={file.name}>
              没有自动下载？点这里下载
            </a>
          )}
          <Text className="ledger__expires">链接 {formatTime(file.expiresAt)} 前有效</Text>
        </View>
      )}

      <StateSwitch
        of={report}
        empty={rows.length === 0}
        emptyNode={<EmptyState title="没有党员的台账" hint="社区有党员报到后，这里会列出他们的服务记录。" />}
      >
        {rows.length === 1 ? (
          <>
            <View className="wb-head ledger__name">
              {rows[0].name}
              {rows[0].branch ? <Text className="ledger__branch"> · {rows[0].branch}</Text> : null}
            </View>
            <Detail m={rows[0]} />
          </>
        ) : (
          <Card title={`全体党员（${rows.length} 人）`}>
            {rows.map((m) => (
              <Tap key={m.memberId} className="wb-line ledger-row" onTap={() => setMemberId(m.memberId)}>
                <Text className="wb-line__label">{m.name}</Text>
                <Text className="wb-line__value">
                  工单 {m.ordersServed} · 活动 {m.activitiesAttended} · {m.hours} 小时
                  {m.careTasksDone > 0 ? ` · 帮扶 ${m.careTasksDone} 次` : ''} · +{m.pointsEarned} 分
                </Text>
              </Tap>
            ))}
          </Card>
        )}
      </StateSwitch>

      {report.data?.gridTasks && (
        <Card title={`网格员台账（${report.data.gridTasks.length} 项）`}>
          {report.data.gridTasks.length === 0 ? (
            <View className="ledger__none">这段时间没有发布或确认的网格任务。</View>
          ) : (
            report.data.gridTasks.map((t) => (
              <Tap key={t.taskId} className="wb-line ledger-grid-task" onTap={() => go(withQuery(ROUTES.gridTask, { id: t.taskId }))}>
                <Text className="wb-line__label">
                  {t.worker} · {t.title}
                </Text>
                <Text className="wb-line__value">
                  {t.grid} · 进展 {t.progressCount} 次 · {GRID_TASK_STATUS_LABEL[t.status]}
                  {t.points ? ` · +${t.points} 分` : ''}
                </Text>
              </Tap>
            ))
          )}
        </Card>
      )}
    </Screen>
  )
}
