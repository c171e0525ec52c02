// 三评: staff see every member's packet for the year (and export it); a member writes their 自评 and
// sees how the three parts combine with the year's 工作台账.
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { EvaluationPacket } from '@shared/points'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Field } from '@/components/field'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import EvaluationDetail from './Detail'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { toast } from '@/services/feedback'
import { photoSrc, toApiError } from '@/services/transport'
import { evaluationApi, workbenchApi } from '@/services/workbench'
import { useSession } from '@/store/session'
import { cls } from '@/utils/cls'
import { go } from '@/utils/nav'
import { Packet, PART_LABEL, ScoreInput, scoreOf, thisYear } from '../shared'
import '@/styles/blocks.scss'
import '../shared/shared.scss'
import './index.scss'
import { POINTS_LIMITS } from '@shared/limits'
import Tap from '@/components/tap'

const SELF = POINTS_LIMITS.selfText

function YearBar({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  const now = thisYear()
  return (
    <View className="period-bar__chips evaluation__years">
      {[now, now - 1].map((y) => (
        <Tap
          key={y}
          role="radio"
          on={y === year}
          className={cls('period-chip', `year-${y}`, y === year && 'period-chip--on')}
          onTap={() => onChange(y)}
        >
          {y} 年
        </Tap>
      ))}
    </View>
  )
}

function Row({ p, year }: { p: EvaluationPacket; year: number }) {
  const score = (s: { score: number } | null) => (s ? String(s.score) : '—')
  return (
    <Tap
      className="evaluation-row"
      hoverClass="evaluation-row--pressed"
      onTap={() => go(withQuery(ROUTES.evaluation, { memberId: p.memberId, year }))}
    >
      <View className="evaluation-row__top">
        <Text className="evaluation-row__name">{p.name}</Text>
        <Text className={cls('evaluation-row__grade', p.grade ? 'evaluation-row__grade--done' : '')}>
          {p.grade ? `${p.combined} · ${p.grade}` : '待完成'}
        </Text>
      </View>
      <View className="evaluation-row__line">{p.branch ?? '未填写党支部'}</View>
      <View className="evaluation-row__line">
        自评 {score(p.self)} · 社区 {score(p.community)} · 组织 {score(p.branchScore)}
      </View>
    </Tap>
  )
}

function StaffView({ year }: { year: number }) {
  const list = useRemote(() => evaluationApi.list(year), [year])
  const [exporting, setExporting] = useState(false)
  const items = list.data?.items ?? []
  const done = items.filter((p) => p.combined !== null).length
  const doExport = async () => {
    setExporting(true)
    try {
      const f = await workbenchApi.exportEvaluation(year)
      await platform.openFile({ url: photoSrc(f.url), name: f.name })
    } catch (e) {
      toast(toApiError(e).message, 'error')
    } finally {
      setExporting(false)
    }
  }
  return (
    <>
      <Btn block type="primary" size="large" className="btn-export-evaluation" loading={exporting} onClick={() => void doExport()}>
        {exporting ? '正在生成表格…' : `导出 ${year} 年三评汇总`}
      </Btn>
      <View className="wb-hint evaluation__progress">
        {list.data ? `${items.length} 位党员，${done} 位三评已完成。点一位党员打分或发链接给所在党支部。` : ''}
      </View>
      <StateSwitch of={list} empty={items.length === 0} emptyNode={<EmptyState title="还没有党员" hint="党员双报到通过后会出现在这里。" />}>
        {items.map((p) => (
          <Row key={p.memberId} p={p} year={year} />
        ))}
      </StateSwitch>
    </>
  )
}

function MemberView({ year }: { year: number }) {
  const packet = useRemote(() => evaluationApi.packet(year), [year])
  const [score, setScore] = useState('')
  const [text, setText] = useState('')
  const [editing, setEditing] = useState(false)
  const save = useAction((requestId: string) => evaluationApi.selfEvaluate(year, scoreOf(score) ?? 0, text.trim(), requestId))
  const p = packet.data
  const open = editing || (p !== undefined && p.self === null)
  const submit = async () => {
    if (scoreOf(score) === null) return toast('请填写 0–100 的分数')
    if (text.trim().length < SELF.min) return toast(`自评至少写 ${SELF.min} 个字`)
    const saved = await save.exec({ ask: '确认提交自评？', confirmText: '提交', done: '已保存' })
    if (saved) {
      packet.setData(saved)
      setEditing(false)
    }
  }
  return (
    <StateSwitch of={packet} empty={!p} emptyNode={null}>
      {p && (
        <>
          {open ? (
            <Card title={`${PART_LABEL.self}（${year} 年）`} className="self-form">
              <Field label="给自己打分">
                <ScoreInput value={score} onChange={setScore} />
              </Field>
              <AreaField
                label="这一年做了什么"
                hint={`至少 ${SELF.min} 个字：服务了哪些居民、参加了哪些活动、有什么体会`}
                className="input-self-text"
                value={text}
                onChange={setText}
                maxLength={SELF.max}
                placeholder="写写您这一年的服务"
              />
              <Btn block type="primary" className="btn-save-self" loading={save.busy} onClick={() => void submit()}>
                提交自评
              </Btn>
            </Card>
          ) : (
            <Btn
              block
              className="btn-edit-self"
              onClick={() => {
                setScore(String(p.self?.score ?? ''))
                setText(p.self?.text ?? '')
                setEditing(true)
              }}
            >
              修改自评
            </Btn>
          )}
          <Packet p={p} />
        </>
      )}
    </StateSwitch>
  )
}

export default function Evaluation() {
  const { params } = useRouter()
  const { user } = useSession()
  const staff = !!user && (user.roles.includes('staff') || user.roles.includes('admin'))
  const [year, setYear] = useState(() => Number(params.year) || thisYear())
  // staff open one member's packet to score it: the same page with ?memberId=
  if (staff && params.memberId) {
    return (
      <Screen className="wb evaluation">
        <EvaluationDetail memberId={params.memberId} year={year} />
      </Screen>
    )
  }
  return (
    <Screen className="wb evaluation">
      <YearBar year={year} onChange={setYear} />
      {staff ? <StaffView year={year} /> : <MemberView year={year} />}
    </Screen>
  )
}
