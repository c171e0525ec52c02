// 发布网格任务: community staff give a grid's 网格员 a task (a 网格长: the grids they lead) — which grid,
// what to do, by which day (a week from today unless changed). Each of the grid's workers gets it as their
// own, and a message. After publishing: to the task list, or publish another.
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { GRID_TASK_LIMITS as L } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Chips, Field, InputField } from '@/components/field'
import Screen from '@/components/screen'
import { DetailPending } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { gridTasksApi } from '@/services/grid-tasks'
import { peopleApi } from '@/services/workbench'
import { useSession } from '@/store/session'
import { replace } from '@/utils/nav'
import { addDays, beijingDate, beijingInstant, clockNow, formatDayLong } from '@/utils/time'
import './index.scss'

export default function PublishGridTask() {
  const { user } = useSession()
  const places = useRemote(() => peopleApi.places(), [], { refreshOnShow: false })
  const workers = useRemote(() => gridTasksApi.workers(), [], { refreshOnShow: false })
  const [workerId, setWorkerId] = useState('')
  const today = beijingDate(clockNow())
  const [gridId, setGridId] = useState<string>()
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [dueDate, setDueDate] = useState(addDays(today, 7))
  const [tried, setTried] = useState(false)
  const publish = useAction((requestId: string) =>
    gridTasksApi.publish(
      { gridId: gridId ?? '', ...(workerId ? { workerId } : {}), title: title.trim(), body: body.trim(), dueDate },
      requestId,
    ),
  )

  if (!places.data) return <DetailPending of={places} gone={false} title="没有找到网格" />
  const staff = user?.roles.some((r) => r === 'staff' || r === 'admin')
  // a 网格长 publishes to the grids they lead; staff to every grid of the community
  const led = new Set(user?.gridWork?.lead ? user.gridWork.grids.map((g) => g.id) : [])
  const grids = places.data.grids.filter((g) => staff || led.has(g.id))
  const ofGrid = (workers.data ?? []).filter((w) => w.gridId === gridId)
  const pickGrid = (id: string) => {
    setGridId(id)
    setWorkerId('')
  }
  const errors = {
    grid: gridId ? undefined : '请选择网格',
    title: title.trim().length < L.title.min ? `请用几个字说说是什么任务（至少 ${L.title.min} 个字）` : undefined,
    body: body.trim().length < L.body.min ? '请写清楚要做什么' : undefined,
  }

  const submit = async () => {
    const first = errors.grid ?? errors.title ?? errors.body
    if (first) {
      setTried(true)
      return toast(first)
    }
    const grid = grids.find((g) => g.id === gridId)?.name ?? ''
    const to = ofGrid.find((w) => w.id === workerId)?.name ?? `${grid}的网格员`
    const out = await publish.exec({ ask: `把任务「${title.trim()}」发给${to}？`, confirmText: '发布', done: '已发布' })
    if (out) replace(withQuery(ROUTES.gridTasks, { status: 'open' }))
  }

  return (
    <Screen className="publish-grid-task">
      <Card>
        <Field label="发给哪个网格" error={tried ? errors.grid : undefined}>
          {grids.length === 0 ? (
            <View className="publish-grid-task__hint">您没有可以发布任务的网格。</View>
          ) : (
            <Chips
              className="grid-task-grid-chips"
              options={grids.map((g) => ({ value: g.id, label: g.name }))}
              value={gridId}
              onChange={pickGrid}
            />
          )}
        </Field>
        {ofGrid.length > 1 && (
          <Field label="发给谁">
            <Chips
              className="grid-task-worker-chips"
              options={[
                { value: '', label: '全部网格员' },
                ...ofGrid.map((w) => ({ value: w.id, label: w.lead ? `${w.name}（网格长）` : w.name })),
              ]}
              value={workerId}
              onChange={setWorkerId}
            />
          </Field>
        )}
        <View className="publish-grid-task__hint">
          {gridId && ofGrid.length === 1 ? `发给${ofGrid[0].name}。` : '网格里的每位网格员各收到一份，各自上传进展、各自确认计分。'}
        </View>
        <InputField
          label="任务"
          className="input-grid-task-title"
          value={title}
          onChange={setTitle}
          placeholder="例如：排查楼道消防通道"
          maxLength={L.title.max}
          error={tried ? errors.title : undefined}
        />
        <AreaField
          label="要做什么"
          className="input-grid-task-body"
          value={body}
          onChange={setBody}
          placeholder="例如：检查每个单元的楼道，拍下堆放杂物的位置，提醒住户清理"
          maxLength={L.body.max}
          error={tried ? errors.body : undefined}
        />
        <Field label="截止日期">
          <Picker mode="date" value={dueDate} start={today} onChange={(e) => setDueDate(String(e.detail.value))}>
            <View className="publish-grid-task__picker picker-grid-task-due">
              <Text>{formatDayLong(beijingInstant(dueDate, '12:00'))}</Text>
              <Text className="publish-grid-task__arrow">›</Text>
            </View>
          </Picker>
        </Field>
      </Card>
      <Btn block type="primary" size="large" className="btn-publish-grid-task-submit" loading={publish.busy} onClick={() => void submit()}>
        发布
      </Btn>
    </Screen>
  )
}
