// 亮身份、亮职责、亮承诺: a staff member writes their own card for their grid's 三亮一晒 page.
import { Image, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import Btn from '@/components/btn'
import { AreaField, Chips, Field, TextInput } from '@/components/field'
import PhotoPicker, { usePhotoPicker } from '@/components/photo-picker'
import { ErrorState, Skeleton } from '@/components/state'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { photoSrc } from '@/services/transport'
import { peopleApi, workbenchApi } from '@/services/workbench'
import { useSession } from '@/store/session'
import { replace } from '@/utils/nav'
import '@/styles/blocks.scss'
import '../shared/shared.scss'
import './index.scss'
import { WORKBENCH_LIMITS as L } from '@shared/limits'

const TITLES = ['网格长', '网格员', '社区党委书记', '社区居委会主任', '社区工作者'] as const

/** The 三亮一晒 page with ?edit=1: a staff member's own card. */
export default function CardEditor() {
  const { user } = useSession()
  const current = useRemote(() => workbenchApi.myCard(), [], { refreshOnShow: false })
  const places = useRemote(() => peopleApi.places(), [], { refreshOnShow: false })
  const [gridId, setGridId] = useState('')
  const [title, setTitle] = useState('')
  const [duties, setDuties] = useState('')
  const [pledge, setPledge] = useState('')
  const [keepPhoto, setKeepPhoto] = useState<{ fileId: string; url: string } | null>(null)
  const picker = usePhotoPicker(1)
  const save = useAction((requestId: string, photo: string | null) =>
    workbenchApi.saveCard({ gridId, title: title.trim(), duties: duties.trim(), pledge: pledge.trim(), photo }, requestId),
  )

  useEffect(() => {
    const c = current.data
    if (c === undefined) return
    setGridId(c?.gridId ?? user?.gridId ?? places.data?.grids[0]?.id ?? '')
    setTitle(c?.title ?? '')
    setDuties(c?.duties ?? '')
    setPledge(c?.pledge ?? '')
    setKeepPhoto(c?.photo ?? null)
  }, [current.data, user?.gridId, places.data])

  const submit = async () => {
    if (!gridId) return toast('请选择网格')
    if (title.trim().length < L.cardTitle.min) return toast('请填写身份，如 网格员')
    if (duties.trim().length < L.cardDuties.min || pledge.trim().length < L.cardPledge.min)
      return toast(`职责和承诺各写至少 ${L.cardDuties.min} 个字`)
    if (picker.uploading) return toast('照片还在上传，请稍等')
    const uploaded = picker.fileIds[0]
    const saved = await save.exec({ done: '已保存' }, uploaded ?? keepPhoto?.fileId ?? null)
    if (saved) replace(withQuery(ROUTES.showcase, { gridId }))
  }

  if (current.loading || places.loading) return <Skeleton rows={3} />
  if (current.error || places.error) {
    const error = current.error ?? places.error
    return error ? <ErrorState error={error} onRetry={() => void Promise.all([current.reload(), places.reload()])} /> : null
  }
  return (
    <View className="my-card">
      <View className="wb-hint">名片会公示在网格的“三亮一晒”页面，所有居民都能看到。</View>
      <Field label="照片（亮身份）">
        {keepPhoto && picker.items.length === 0 ? (
          <View className="wb-row">
            <PhotoPreview url={keepPhoto.url} />
            <Btn className="btn-photo-remove" onClick={() => setKeepPhoto(null)}>
              换一张
            </Btn>
          </View>
        ) : (
          <PhotoPicker picker={picker} addText="上传照片" />
        )}
      </Field>
      <Field label="所在网格">
        <Chips
          className="chips-grid"
          options={(places.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={gridId}
          onChange={setGridId}
        />
      </Field>
      <Field label="身份">
        <Chips
          className="chips-title"
          options={TITLES.map((t) => ({ value: t, label: t }))}
          value={title as (typeof TITLES)[number]}
          onChange={setTitle}
        />
        <TextInput className="input-title" value={title} onChange={setTitle} maxLength={L.cardTitle.max} placeholder="或写上您的身份" />
      </Field>
      <AreaField
        label="亮职责"
        hint="您负责哪些事"
        className="input-duties"
        value={duties}
        onChange={setDuties}
        maxLength={L.cardDuties.max}
        placeholder="如：走访入户、收集民意、调解邻里纠纷"
      />
      <AreaField
        label="亮承诺"
        hint="您向居民承诺什么"
        className="input-pledge"
        value={pledge}
        onChange={setPledge}
        maxLength={L.cardPledge.max}
        placeholder="如：工作日 24 小时内回复，小事不出网格"
      />
      <Btn block type="primary" size="large" className="btn-save-card" loading={save.busy} onClick={() => void submit()}>
        保存名片
      </Btn>
    </View>
  )
}

function PhotoPreview({ url }: { url: string }) {
  return <Image className="staff-card__photo my-card__photo" src={photoSrc(url)} mode="aspectFill" />
}
