// 网格任务: one task — what to do and by when, who published it, its progress (words and photos) oldest
// first. Its 网格员 uploads progress (上传进展) as often as the work needs, then 提交完成; community staff
// look at the progress and 确认 (the points follow by the rules) or 退回 with the reason.
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { GridTaskDetail } from '@shared/grid-tasks'
import { GRID_TASK_LIMITS } from '@shared/limits'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { AreaField, Field } from '@/components/field'
import { gridTaskWords } from '@/components/grid-task-card'
import PhotoGrid from '@/components/photo-grid'
import PhotoPicker, { usePhotoPicker } from '@/components/photo-picker'
import ReasonForm from '@/components/reason-form'
import Screen from '@/components/screen'
import { DetailPending, EmptyState, isGone } from '@/components/state'
import { GRID_TASK_STATUS_LABEL } from '@/constants/labels'
import { ROUTES } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { gridTasksApi } from '@/services/grid-tasks'
import { useSession } from '@/store/session'
import { go } from '@/utils/nav'
import { formatDate, formatDateTime } from '@/utils/time'
import './index.scss'

const RETURN_TEMPLATES = ['照片看不清，请补拍', '还有几户没有走访到', '进展写得不清楚，请补充']

export default function GridTaskPage() {
  const id = useRouter().params.id ?? ''
  const remote = useRemote(() => gridTasksApi.get(id), [id])
  const { user } = useSession()
  const [returning, setReturning] = useState(false)
  const act = useAction(
    (requestId: string, what: 'submit' | 'confirm' | 'return', reason: string) =>
      what === 'submit'
        ? gridTasksApi.submit(id, requestId)
        : what === 'confirm'
          ? gridTasksApi.confirm(id, requestId)
          : gridTasksApi.sendBack(id, reason, requestId),
    (what) => what,
  )
  const t = remote.data
  if (!t) return <DetailPending of={remote} gone={isGone(remote.error)} title="没有找到这项任务" hint="可能不是发给您的任务。" />

  const run = async (what: 'submit' | 'confirm' | 'return', ask: string | undefined, done: string, reason = '') => {
    const out = await act.exec({ ask, done, confirmText: what === 'submit' ? '提交' : '确认' }, what, reason)
    if (out) {
      remote.setData(out)
      setReturning(false)
    }
  }

  return (
    <Screen className="grid-task">
      <Card>
        <View className="grid-task__title">{t.title}</View>
        <View className="grid-task__meta">
          {t.status === 'open' ? `${GRID_TASK_STATUS_LABEL.open} · ` : ''}
          {gridTaskWords(t)}
        </View>
        {t.returnedReason && <View className="grid-task__returned">社区退回：{t.returnedReason}</View>}
        <View className="grid-task__body">{t.body}</View>
        <InfoRow label="网格" value={t.gridName} />
        <InfoRow label="网格员" value={t.worker.name} />
        <InfoRow label="截止" value={formatDate(t.dueAt)} />
        <InfoRow label="发布" value={`${t.publishedBy.name} · ${formatDate(t.publishedAt)}`} />
        {t.confirmedBy && <InfoRow label="确认" value={`${t.confirmedBy.name} · ${formatDate(t.confirmedAt)}`} />}
        {t.status === 'confirmed' && <InfoRow label="积分" value={t.points ? `${t.points} 分` : '不计分'} />}
      </Card>

      <Card title={`工作进展 ${t.progress.length} 次`}>
        {t.progress.length === 0 ? (
          <EmptyState title="还没有上传进展" hint="做的过程中拍几张照片，写下做了什么。" />
        ) : (
          t.progress.map((p) => (
            <View key={p.at} className="grid-task-progress">
              <View className="grid-task-progress__at">{formatDateTime(p.at)}</View>
              <View className="grid-task-progress__text">{p.text}</View>
              {p.photos.length > 0 && <PhotoGrid photos={p.photos} />}
            </View>
          ))
        )}
      </Card>

      {t.actions.includes('report') && <ProgressForm key={t.progress.length} task={t} onDone={(next) => remote.setData(next)} />}

      {t.actions.includes('submit') && (
        <Btn
          block
          type="primary"
          size="large"
          className="btn-submit-grid-task"
          loading={act.busy}
          onClick={() => void run('submit', '确认这项任务已经做完，提交给社区确认？', '已提交，等社区确认')}
        >
          提交完成
        </Btn>
      )}

      {t.actions.includes('confirm') &&
        (returning ? (
          <ReasonForm
            title="退回的原因"
            span={GRID_TASK_LIMITS.returnReason}
            templates={RETURN_TEMPLATES}
            submitText="退回"
            submitClassName="btn-return-submit"
            busy={act.busy}
            onSubmit={(reason) => void run('return', undefined, '已退回', reason)}
            onCancel={() => setReturning(false)}
          />
        ) : (
          <View className="grid-task__decide">
            <Btn className="btn-return-grid-task" onClick={() => setReturning(true)}>
              退回
            </Btn>
            <Btn
              type="primary"
              className="btn-confirm-grid-task"
              loading={act.busy}
              onClick={() => void run('confirm', `确认${t.worker.name}完成了这项任务？确认后按积分规则计分。`, '已确认')}
            >
              确认完成
            </Btn>
          </View>
        ))}

      {t.status === 'confirmed' && t.worker.id === user?.id && !!t.points && (
        <Btn block className="link-my-points" onClick={() => go(ROUTES.points)}>
          查看积分
        </Btn>
      )}
    </Screen>
  )
}

/** 上传进展: words and at least one photo; a fresh form after each upload. */
function ProgressForm({ task, onDone }: { task: GridTaskDetail; onDone: (t: GridTaskDetail) => void }) {
  const [text, setText] = useState('')
  const [tried, setTried] = useState(false)
  const photos = usePhotoPicker()
  const save = useAction((requestId: string) =>
    gridTasksApi.report({ taskId: task.id, text: text.trim(), photos: photos.fileIds }, requestId),
  )
  const textError = text.trim().length < GRID_TASK_LIMITS.progress.min ? '请写下做了什么' : undefined
  const photoError = photos.fileIds.length === 0 ? '请至少上传一张照片' : undefined

  const submit = async () => {
    if (photos.uploading) return toast('照片还在上传，请稍等')
    if (textError || photoError) {
      setTried(true)
      return toast(textError ?? photoError ?? '')
    }
    const out = await save.exec({ done: '进展已上传' })
    if (out) onDone(out)
  }

  return (
    <Card title="上传进展">
      <AreaField
        label="做了什么"
        className="input-grid-task-progress"
        value={text}
        onChange={setText}
        placeholder="例如：检查了3号楼1单元，楼道堆放的纸箱已提醒住户清理"
        maxLength={GRID_TASK_LIMITS.progress.max}
        error={tried ? textError : undefined}
      />
      <Field label="照片" error={tried ? photoError : undefined}>
        <PhotoPicker picker={photos} cameraFirst addText="拍照" />
      </Field>
      <Btn block className="btn-report-grid-task" loading={save.busy} onClick={() => void submit()}>
        上传进展
      </Btn>
    </Card>
  )
}
