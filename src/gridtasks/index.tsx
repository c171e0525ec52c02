// 网格任务: ?mine=1 is a 网格员's 我的网格任务 (their own, soonest due first); otherwise what the caller
// looks after — community staff every grid's, a 网格长 the grids they lead — opening on 待确认 (or on
// ?status=, as after publishing: 进行中), with 发布任务 for those who may publish.
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { GridTaskStatus } from '@shared/enums'
import Btn from '@/components/btn'
import { Chips } from '@/components/field'
import GridTaskCard from '@/components/grid-task-card'
import Screen from '@/components/screen'
import { EmptyState, StateSwitch } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useRemote } from '@/hooks/useRemote'
import { gridTasksApi } from '@/services/grid-tasks'
import { go } from '@/utils/nav'
import './index.scss'

type Filter = GridTaskStatus | 'all'
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'submitted', label: '待确认' },
  { value: 'open', label: '进行中' },
  { value: 'confirmed', label: '已确认' },
  { value: 'all', label: '全部' },
]

export default function GridTasks() {
  const params = useRouter().params
  const mine = Boolean(params.mine)
  const asked = FILTERS.find((f) => f.value === params.status)?.value
  const [filter, setFilter] = useState<Filter>(asked ?? (mine ? 'all' : 'submitted'))
  const list = useRemote(
    () => gridTasksApi.list({ ...(mine ? { mine: true } : {}), ...(filter !== 'all' ? { status: filter } : {}) }),
    [mine, filter],
  )
  const items = list.data ?? []
  const open = (id: string) => go(withQuery(ROUTES.gridTask, { id }))

  return (
    <Screen className="grid-tasks">
      {mine ? (
        <View className="grid-tasks__hint">
          社区和网格长发布给您的任务。做的过程中上传照片和进展，做完点“提交完成”，社区确认后计入积分。
        </View>
      ) : (
        <>
          <Btn block type="primary" size="large" className="btn-publish-grid-task" onClick={() => go(ROUTES.publishGridTask)}>
            发布网格任务
          </Btn>
          <Chips className="grid-task-filter" options={FILTERS} value={filter} onChange={setFilter} />
        </>
      )}
      <StateSwitch
        of={list}
        empty={items.length === 0}
        rows={3}
        emptyNode={
          mine ? (
            <EmptyState title="暂时没有网格任务" hint="社区发布任务后会出现在这里，也会发消息提醒您。" />
          ) : filter === 'submitted' ? (
            <EmptyState title="没有待确认的任务" hint="网格员提交完成后会出现在这里，请看过进展照片再确认。" />
          ) : (
            <EmptyState title="还没有网格任务" hint="点上面的“发布网格任务”，给网格员布置工作。" />
          )
        }
      >
        {items.map((t) => (
          <GridTaskCard key={t.id} task={t} showWorker={!mine} onClick={() => open(t.id)} />
        ))}
      </StateSwitch>
    </Screen>
  )
}
