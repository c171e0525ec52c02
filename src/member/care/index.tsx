// 结对帮扶 (member): one pair's care task — for whom, where, when — and 完成帮扶, closed like an order:
// a few lines of what was done and at least one photo (拍照纪实); the care points come at once.
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { CARE_LIMITS } from '@shared/limits'
import Btn from '@/components/btn'
import Card, { InfoRow } from '@/components/card'
import { careWords } from '@/components/care-card'
import { AreaField, Field } from '@/components/field'
import PhotoPicker, { type SavedPhoto, usePhotoPicker } from '@/components/photo-picker'
import Screen from '@/components/screen'
import { DetailPending } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { householdsApi } from '@/services/households'
import { useDraft } from '@/store/drafts'
import { go } from '@/utils/nav'
import { formatDate } from '@/utils/time'
import './index.scss'

const REPORT = CARE_LIMITS.report

export default function CareTask() {
  const id = useRouter().params.id ?? ''
  const tasks = useRemote(() => householdsApi.careTasks(), [id])
  const draft = useDraft<{ report: string; photos: SavedPhoto[] }>(`care.${id}`, () => ({ report: '', photos: [] }))
  const report = draft.value.report
  const photos = usePhotoPicker(undefined, { saved: draft.value.photos, onSaved: (p) => draft.update({ photos: p }) })
  const close = useAction((rid: string) => householdsApi.closeCareTask({ pairId: id, report: report.trim(), photos: photos.fileIds }, rid))

  const t = tasks.data?.find((x) => x.pairId === id)
  if (!t) return <DetailPending of={tasks} gone={!!tasks.data} title="没有找到这项结对帮扶" hint="结对可能已经解除了。" />
  const short = report.trim().length < REPORT.min

  const submit = async () => {
    if (photos.uploading) return toast('照片还在上传，请稍等')
    if (short) return toast(`请写几句做了什么（至少 ${REPORT.min} 个字）`)
    if (photos.fileIds.length === 0) return toast('请至少传一张照片')
    const done = await close.exec({ ask: `确认完成这次${t.title}？`, confirmText: '提交' })
    if (!done) return
    draft.clear()
    toast(done.points > 0 ? `已完成，积分 +${done.points}` : '已完成', 'success')
    tasks.setData((tasks.data ?? []).map((x) => (x.pairId === id ? done.task : x)))
  }

  return (
    <Screen className="care-task">
      <Card title={t.title}>
        <InfoRow label="帮扶对象" value={t.head} />
        <InfoRow label="地址" value={t.address} />
        <InfoRow label="时间" value={t.due ? careWords(t) : `${formatDate(t.dueAt)}前`} />
        {t.lastCareAt && <InfoRow label="上次" value={formatDate(t.lastCareAt)} />}
        {t.partner && <InfoRow label="一起结对" value={`${t.partner.name}（一人完成即可）`} />}
        <InfoRow label="积分" value={`完成一次 ${t.points} 分`} />
        <Btn block className="link-care-household" onClick={() => go(withQuery(ROUTES.household, { id: t.householdId }))}>
          看这户的档案
        </Btn>
      </Card>

      {t.open ? (
        <Card title="完成帮扶" className="care-form">
          <AreaField
            label="做了什么"
            hint={`至少 ${REPORT.min} 个字，现在 ${report.trim().length} 个`}
            value={report}
            onChange={(v) => draft.update({ report: v })}
            placeholder="例如：陪老人聊了一个小时，帮着收拾了厨房，提醒按时吃药"
            maxLength={REPORT.max}
            className="input-care-report"
          />
          <Field label="照片（至少一张）">
            <PhotoPicker picker={photos} cameraFirst addText="拍照" />
          </Field>
          <Btn
            block
            type="primary"
            size="large"
            className="btn-care-submit"
            disabled={short || photos.fileIds.length === 0 || photos.uploading}
            loading={close.busy}
            onClick={() => void submit()}
          >
            提交完成
          </Btn>
        </Card>
      ) : (
        <View className="care-task__done">这次已经完成了，{formatDate(t.opensAt)}起可以做下一次。</View>
      )}
    </Screen>
  )
}
