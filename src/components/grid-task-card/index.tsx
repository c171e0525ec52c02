// One grid task in a list: what, whose and which grid, its status in words, when it is due, its progress.
import { Text, View } from '@tarojs/components'
import type { GridTaskSummary } from '@shared/grid-tasks'
import Tap from '@/components/tap'
import { GRID_TASK_STATUS_LABEL } from '@/constants/labels'
import { cls } from '@/utils/cls'
import { formatDate } from '@/utils/time'
import './index.scss'

/** "6月14日前完成 · 已上传 2 次进展" · "已过期 · 还没有进展" · "社区已确认 · 10 分" */
export function gridTaskWords(t: Pick<GridTaskSummary, 'status' | 'dueAt' | 'overdue' | 'progressCount' | 'points'>): string {
  if (t.status === 'confirmed') return t.points ? `社区已确认 · 计 ${t.points} 分` : '社区已确认'
  const progress = t.progressCount > 0 ? `已上传 ${t.progressCount} 次进展` : '还没有进展'
  if (t.status === 'submitted') return `已提交，等社区确认 · ${progress}`
  return `${t.overdue ? '已过期' : `${formatDate(t.dueAt)}前完成`} · ${progress}`
}

export default function GridTaskCard({
  task: t,
  showWorker,
  onClick,
}: {
  task: GridTaskSummary
  showWorker?: boolean
  onClick: () => void
}) {
  return (
    <Tap className={cls('grid-task-card', t.overdue && 'grid-task-card--late')} hoverClass="grid-task-card--pressed" onTap={onClick}>
      <View className="grid-task-card__head">
        <Text className="grid-task-card__title">{t.title}</Text>
        <Text className={`grid-task-status grid-task-status--${t.status}`}>{GRID_TASK_STATUS_LABEL[t.status]}</Text>
      </View>
      <View className="grid-task-card__who">
        {t.gridName}
        {showWorker ? ` · ${t.worker.name}` : ''}
      </View>
      {t.returnedReason && <View className="grid-task-card__returned">被退回：{t.returnedReason}</View>}
      <View className={cls('grid-task-card__when', t.overdue && 'grid-task-card__when--late')}>{gridTaskWords(t)}</View>
    </Tap>
  )
}
