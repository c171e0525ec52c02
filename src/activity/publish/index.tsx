// 发布活动 (staff): a form that is mostly filled in already — this Saturday 09:00–11:00 Beijing time,
// sign-up until Friday 18:00, 20 places, points from the rules — with a weekly repeat and a cover.
// What the person changes is their draft (store/drafts), kept until 发布 or 放弃; the rest follows the
// defaults (the dates count from the server's clock, which the demo's test clock may move ahead).
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { POST_TYPES, type PostType } from '@shared/enums'
import type { PublishActivityInput } from '@shared/activities'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Chips, Field, InputField } from '@/components/field'
import PhotoPicker, { type SavedPhoto, usePhotoPicker } from '@/components/photo-picker'
import Screen from '@/components/screen'
import { POST_TYPE_LABEL } from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { platform } from '@/platform'
import { activitiesApi } from '@/services/activities'
import { confirm, toast } from '@/services/feedback'
import { refusedForPrivacy } from '@/services/privacy'
import { pointsApi } from '@/services/points'
import { useDraft } from '@/store/drafts'
import { replace } from '@/utils/nav'
import {
  addDays,
  beijingDate,
  beijingInstant,
  beijingMs,
  clockNow,
  formatDateTime,
  formatDayLong,
  formatSpan,
  weekendDefaults,
} from '@/utils/time'
import './index.scss'
import { ACTIVITY_LIMITS as L } from '@shared/limits'

const CATEGORIES = POST_TYPES.map((p) => ({ value: p, label: POST_TYPE_LABEL[p] }))

interface Form {
  title: string
  description: string
  category: PostType
  date: string
  start: string
  end: string
  deadlineDate: string
  deadlineTime: string
  placeName: string
  address: string
  lat: number | null
  lng: number | null
  quota: string
  points: string
  weeks: number
  cover: SavedPhoto[]
}

function initial(rulePoints: number | undefined): Form {
  const d = weekendDefaults()
  return {
    title: '',
    description: '',
    category: 'environment',
    date: d.date,
    start: d.start,
    end: d.end,
    deadlineDate: d.deadlineDate,
    deadlineTime: d.deadlineTime,
    placeName: '',
    address: '',
    lat: null,
    lng: null,
    quota: '20',
    points: rulePoints === undefined ? '' : String(rulePoints),
    weeks: 1,
    cover: [],
  }
}

/** A field that opens the platform's date or time picker. */
function When({
  mode,
  value,
  onChange,
  className,
  start,
}: {
  mode: 'date' | 'time'
  value: string
  onChange: (v: string) => void
  className: string
  start?: string
}) {
  return (
    <Picker mode={mode} value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={`publish__picker ${className}`}>
        <Text>{mode === 'date' ? formatDayLong(beijingInstant(value, '12:00')) : value}</Text>
        <Text className="publish__arrow">›</Text>
      </View>
    </Picker>
  )
}

export default function Publish() {
  const [tried, setTried] = useState(false)
  const rules = useRemote(() => pointsApi.rules(), [], { refreshOnShow: false })
  // points default to the community's rule once it is known (the person may still change it)
  const rulePoints = rules.data?.rules.activityPoints
  const draft = useDraft<Form>('publish', () => initial(rulePoints))
  const form = draft.value
  const set = draft.update
  const cover = usePhotoPicker(1, { saved: form.cover, onSaved: (p) => set({ cover: p }) })
  const publish = useAction((rid: string, input: PublishActivityInput) => activitiesApi.publish(input, rid))

  const now = clockNow()
  const startMs = beijingMs(form.date, form.start)
  const endMs = beijingMs(form.date, form.end)
  const deadlineMs = beijingMs(form.deadlineDate, form.deadlineTime)
  const quota = Number(form.quota)
  const points = form.points.trim() === '' ? undefined : Number(form.points)
  const errors = {
    title: form.title.trim().length < L.title.min ? `请写活动名称（至少 ${L.title.min} 个字）` : undefined,
    start: !(startMs > now) ? '开始时间已经过去了' : undefined,
    end: !(endMs > startMs) ? '结束时间要晚于开始时间' : undefined,
    deadline: !(deadlineMs > now) ? '报名截止时间已经过去了' : deadlineMs > startMs ? '报名截止不能晚于活动开始' : undefined,
    place: form.placeName.trim().length < L.placeName.min ? `请写活动地点（至少 ${L.placeName.min} 个字）` : undefined,
    quota: !Number.isInteger(quota) || quota < 1 || quota > 500 ? '名额请填 1 到 500' : undefined,
    points: points !== undefined && (!Number.isInteger(points) || points < 0 || points > 1000) ? '积分请填 0 到 1000' : undefined,
  }
  const show = (e: string | undefined) => (tried ? e : undefined)
  const span =
    Number.isFinite(startMs) && Number.isFinite(endMs) ? formatSpan(new Date(startMs).toISOString(), new Date(endMs).toISOString()) : ''

  // moving the day moves the deadline with it (the evening before at 18:00), unless that is already past
  const setDate = (date: string) => {
    const deadlineDate = addDays(date, -1)
    set(beijingMs(deadlineDate, '18:00') > clockNow() ? { date, deadlineDate, deadlineTime: '18:00' } : { date })
  }

  const chooseLocation = async () => {
    try {
      const p = await platform.pickPlace()
      if (p) set({ placeName: p.name || form.placeName, address: p.address || form.address, lat: p.lat, lng: p.lng })
    } catch (e) {
      // the place can always be typed: the map only fills it in
      toast(refusedForPrivacy(e) ? '没有同意隐私保护指引，不能在地图上选；请直接填写地点' : '地图没有打开，请直接填写地点')
    }
  }

  const submit = () => {
    setTried(true)
    if (cover.uploading) return toast('封面还在上传，请稍等')
    if (Object.values(errors).some(Boolean)) return toast('请按红字提示改一下')
    const input: PublishActivityInput = {
      title: form.title.trim(),
      description: form.description.trim(),
      category: form.category,
      startAt: beijingInstant(form.date, form.start),
      endAt: beijingInstant(form.date, form.end),
      signupDeadline: beijingInstant(form.deadlineDate, form.deadlineTime),
      place: {
        name: form.placeName.trim(),
        ...(form.address.trim() ? { address: form.address.trim() } : {}),
        ...(form.lat !== null && form.lng !== null ? { lat: form.lat, lng: form.lng } : {}),
      },
      quota,
      ...(points !== undefined ? { points } : {}),
      ...(cover.fileIds[0] ? { cover: cover.fileIds[0] } : {}),
      ...(form.weeks > 1 ? { repeatWeeks: form.weeks } : {}),
    }
    const repeat = form.weeks > 1 ? `\n每周同一时间，连续 ${form.weeks} 周，共 ${form.weeks} 场。` : ''
    void publish
      .exec(
        { ask: `发布「${input.title}」？\n${span}，${input.place.name}，名额 ${quota}。${repeat}`, confirmText: '发布', done: '已发布' },
        input,
      )
      .then((a) => {
        if (!a) return
        draft.clear()
        replace(withQuery(ROUTES.activityDetail, { id: a.id }))
      })
  }

  const discard = async () => {
    if (!(await confirm('不要这次填写的内容了吗？', { confirmText: '放弃' }))) return
    draft.clear()
    setTried(false)
  }

  return (
    <Screen className="publish">
      <Card>
        <InputField
          label="活动名称"
          error={show(errors.title)}
          className="input-activity-title"
          value={form.title}
          onChange={(v) => set({ title: v })}
          placeholder="例：周六清理小区楼道杂物"
          maxLength={L.title.max}
        />
        <Field label="类别">
          <Chips className="chips-category" options={CATEGORIES} value={form.category} onChange={(v) => set({ category: v })} />
        </Field>
      </Card>

      <Card title="时间">
        <Field label="日期" error={show(errors.start)}>
          <When mode="date" value={form.date} start={beijingDate(now)} onChange={setDate} className="picker-date" />
        </Field>
        <View className="publish__row">
          <Field label="开始">
            <When mode="time" value={form.start} onChange={(v) => set({ start: v })} className="picker-start" />
          </Field>
          <Field label="结束" error={show(errors.end)}>
            <When mode="time" value={form.end} onChange={(v) => set({ end: v })} className="picker-end" />
          </Field>
        </View>
        <View className="publish__row">
          <Field label="报名截止日期" error={show(errors.deadline)}>
            <When
              mode="date"
              value={form.deadlineDate}
              start={beijingDate(now)}
              onChange={(v) => set({ deadlineDate: v })}
              className="picker-deadline-date"
            />
          </Field>
          <Field label="截止时间">
            <When mode="time" value={form.deadlineTime} onChange={(v) => set({ deadlineTime: v })} className="picker-deadline-time" />
          </Field>
        </View>
        <Field label="每周重复" hint={form.weeks > 1 ? `每周同一时间发一场，共 ${form.weeks} 场` : '只发这一场'}>
          <View className="publish__weeks">
            <Btn
              size="small"
              className="btn-weeks-minus"
              disabled={form.weeks <= 1}
              onClick={() => set({ weeks: Math.max(1, form.weeks - 1) })}
            >
              少一周
            </Btn>
            <Text className="publish__weeks-value weeks-value">{form.weeks} 周</Text>
            <Btn
              size="small"
              className="btn-weeks-plus"
              disabled={form.weeks >= 12}
              onClick={() => set({ weeks: Math.min(12, form.weeks + 1) })}
            >
              多一周
            </Btn>
          </View>
        </Field>
      </Card>

      <Card>
        <InputField
          label="地点"
          error={show(errors.place)}
          className="input-place"
          value={form.placeName}
          onChange={(v) => set({ placeName: v })}
          placeholder="例：红星社区服务中心门口"
          maxLength={L.placeName.max}
        />
        <InputField
          label="详细地址（可不填）"
          className="input-address"
          value={form.address}
          onChange={(v) => set({ address: v })}
          placeholder="例：幸福路 12 号"
          maxLength={L.placeAddress.max}
        />
        {platform.canPickPlace && (
          <Btn block className="btn-choose-location" onClick={() => void chooseLocation()}>
            {form.lat !== null ? '已在地图上选好，重新选' : '在地图上选位置（方便大家导航）'}
          </Btn>
        )}
      </Card>

      <Card>
        <View className="publish__row">
          <InputField
            label="名额"
            error={show(errors.quota)}
            className="input-quota"
            type="number"
            value={form.quota}
            onChange={(v) => set({ quota: v })}
            placeholder="20"
            maxLength={3}
          />
          <InputField
            label="每人积分"
            error={show(errors.points)}
            hint={rulePoints !== undefined ? `社区规则 ${rulePoints} 分` : undefined}
            className="input-activity-points"
            type="number"
            value={form.points}
            onChange={(v) => set({ points: v })}
            placeholder="按规则"
            maxLength={4}
          />
        </View>
        <AreaField
          label="活动介绍（可不填）"
          className="input-activity-desc"
          value={form.description}
          onChange={(v) => set({ description: v })}
          placeholder="例：请穿方便活动的衣服，社区准备手套和垃圾袋。"
          maxLength={L.description.max}
        />
        <Field label="封面图片（可不放）">
          <PhotoPicker picker={cover} addText="加封面" />
        </Field>
      </Card>

      <View className="publish__summary publish-summary">
        {span ? `${span}` : '请选时间'}
        {form.weeks > 1 ? `，每周一场，共 ${form.weeks} 场` : ''}。报名截止{' '}
        {formatDateTime(beijingInstant(form.deadlineDate, form.deadlineTime))}。
      </View>
      <Btn block type="primary" size="large" className="btn-publish" loading={publish.busy} onClick={submit}>
        发布活动
      </Btn>
      {draft.saved && (
        <Btn block type="plain" className="btn-discard publish__discard" onClick={() => void discard()}>
          放弃这次填写
        </Btn>
      )}
    </Screen>
  )
}
