// 走访: what this visit to the household found, with photos — and, when the finding needs doing, 「转为
// 需求」: the same step places an order for one of its people (入户走访代办): a registered one then sees it
// as theirs; for one known only from the file, staff confirm it in their words when it is done.
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ORDER_KINDS, POST_TYPES, type OrderKind, type PostType } from '@shared/enums'
import { HOUSEHOLD_LIMITS, ORDER_LIMITS } from '@shared/limits'
import Btn from '@/components/btn'
import Card from '@/components/card'
import { AreaField, Chips, Field, InputField } from '@/components/field'
import PhotoPicker, { usePhotoPicker } from '@/components/photo-picker'
import Screen from '@/components/screen'
import { DetailPending, isGone } from '@/components/state'
import Switch from '@/components/switch'
import { POST_TYPE_LABEL } from '@/constants/labels'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { householdsApi } from '@/services/households'
import { back } from '@/utils/nav'
import './index.scss'

/** The kinds as the 代办 page words them: said for the resident, not by them. */
const KIND_WORDS: Record<OrderKind, string> = { service: '要人帮忙', hazard: '报个隐患', wish: '微心愿' }

export default function Visit() {
  const id = useRouter().params.id ?? ''
  const remote = useRemote(() => householdsApi.get(id), [id], { refreshOnShow: false })
  const [found, setFound] = useState('')
  const photos = usePhotoPicker()
  const [toOrder, setToOrder] = useState(false)
  const [memberId, setMemberId] = useState<string>()
  const [kind, setKind] = useState<OrderKind>('service')
  const [category, setCategory] = useState<PostType>('elderly_child')
  const [title, setTitle] = useState('')
  const [showErrors, setShowErrors] = useState(false)
  const save = useAction((requestId: string) =>
    householdsApi.logVisit(
      {
        householdId: id,
        found: found.trim(),
        photos: photos.fileIds,
        ...(toOrder && memberId ? { order: { memberId, kind, category, title: title.trim() } } : {}),
      },
      requestId,
    ),
  )

  const h = remote.data
  if (!h) return <DetailPending of={remote} gone={isGone(remote.error)} title="没有找到这户" hint="可能不在您负责的网格里。" />
  const chosen = h.members.find((m) => m.id === memberId)
  const foundError = found.trim().length < HOUSEHOLD_LIMITS.found.min ? '请写下这次走访看到的情况' : undefined
  const orderError = !toOrder
    ? undefined
    : !memberId
      ? '请选择为谁提需求'
      : title.trim().length < ORDER_LIMITS.title.min
        ? `请用几个字说说是什么事（至少 ${ORDER_LIMITS.title.min} 个字）`
        : kind === 'hazard' && photos.fileIds.length === 0
          ? '隐患需要至少一张照片'
          : undefined

  const submit = async () => {
    if (photos.uploading) return toast('照片还在上传，请稍等')
    if (foundError || orderError) {
      setShowErrors(true)
      return toast(foundError ?? orderError ?? '')
    }
    const done = await save.exec({ done: toOrder ? '已记下走访，需求已提交' : '已记下走访' })
    if (done) back()
  }

  return (
    <Screen className="visit">
      <Card title={`${h.buildingName} ${h.room} · ${h.head}`}>
        <AreaField
          label="走访情况"
          className="input-visit-found"
          value={found}
          onChange={setFound}
          placeholder="身体怎么样、家里有什么困难、需要什么帮助"
          maxLength={HOUSEHOLD_LIMITS.found.max}
          error={showErrors ? foundError : undefined}
        />
        <Field label="照片（可选）">
          <PhotoPicker picker={photos} cameraFirst addText="拍照" />
        </Field>
      </Card>

      <Card>
        <View className="visit__to-order">
          <View>
            <View className="visit__to-order-title">转为需求</View>
            <View className="visit__hint">看到的事要办，就替居民提交</View>
          </View>
          <Switch className="switch-to-order" checked={toOrder} label="转为需求：替居民提交" onChange={setToOrder} />
        </View>
        {toOrder && (
          <>
            <Field label="为谁提" error={showErrors && !memberId ? '请选择为谁提需求' : undefined}>
              <Chips
                className="order-member-chips"
                options={h.members.map((m) => ({
                  value: m.id,
                  label: `${m.name}（${m.relation}${m.residentId ? '' : '，未注册'}）`,
                }))}
                value={memberId}
                onChange={setMemberId}
              />
            </Field>
            <Field label="什么事">
              <Chips
                className="order-kind-chips"
                options={ORDER_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] }))}
                value={kind}
                onChange={setKind}
              />
            </Field>
            <Field label="哪一类">
              <Chips
                className="order-category-chips"
                options={POST_TYPES.map((c) => ({ value: c, label: POST_TYPE_LABEL[c] }))}
                value={category}
                onChange={setCategory}
              />
            </Field>
            <InputField
              label="需求标题"
              className="input-order-title"
              value={title}
              onChange={setTitle}
              placeholder="例如：帮王奶奶修水龙头"
              maxLength={ORDER_LIMITS.title.max}
              error={showErrors && title.trim().length < ORDER_LIMITS.title.min ? '请用几个字说说是什么事' : undefined}
            />
            <View className="visit__hint">
              {chosen && !chosen.residentId
                ? `${chosen.name}没有注册，需求记在这户的档案上；办完后由社区工作人员按本人的原话代为确认。照片随需求一起提交。`
                : '提交后需求归居民本人，进展会通知他；照片随需求一起提交。'}
            </View>
          </>
        )}
      </Card>

      <Btn block type="primary" size="large" className="btn-save-visit" loading={save.busy} onClick={() => void submit()}>
        {toOrder ? '记下走访并提交需求' : '记下走访'}
      </Btn>
    </Screen>
  )
}
