// 点单 in at most 3 steps: what kind of help → describe it → confirm with the home address.
// 随手拍 (hazard) starts with the photo; the kind comes from the home page (?kind=). Each step is a page
// of its own (?step=2), so back — the browser's, the phone's, WeChat's — goes one step back; what was
// typed is the person's draft (store/drafts), kept across steps, reloads and visits until sent or 放弃.
// 代办 comes here from staff/proxy with ?for=<resident>&forName=&forAddress=&channel=: the same form, for
// the resident (every step keeps those, and the draft is the one for that resident); with &household=<id>
// `for` is a person of that household's file without an account (一户一档).
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'
import { CHANNELS, ORDER_KINDS, POST_TYPES, type Channel, type OrderKind, type PostType, type Urgency } from '@shared/enums'
import { CHANNEL_LABELS } from '@shared/labels'
import Btn from '@/components/btn'
import { AreaField, Chips, Field, InputField } from '@/components/field'
import PhotoPicker, { type SavedPhoto, usePhotoPicker } from '@/components/photo-picker'
import Screen from '@/components/screen'
import Tap from '@/components/tap'
import {
  KIND_LABEL,
  KIND_NOUN,
  POST_TYPE_COLOR,
  POST_TYPE_EXAMPLE,
  POST_TYPE_GLYPH,
  POST_TYPE_LABEL,
  URGENCY_LABEL,
} from '@/constants/labels'
import { ROUTES, withQuery } from '@/constants/routes'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { fetchMe } from '@/services/accounts'
import { confirm, toast } from '@/services/feedback'
import { ordersApi } from '@/services/orders'
import { useDraft } from '@/store/drafts'
import { useSession } from '@/store/session'
import { cls } from '@/utils/cls'
import { back, go } from '@/utils/nav'
import './index.scss'
import { ORDER_LIMITS as L } from '@shared/limits'

type Step = 'category' | 'describe' | 'confirm'

interface OrderDraft {
  category: PostType | null
  title: string
  description: string
  urgency: Urgency
  preferredTime: string
  photos: SavedPhoto[]
}

const TIME_OPTIONS = ['尽快', '今天', '明天上午', '明天下午', '这个周末', '时间都行'].map((t) => ({ value: t, label: t }))
const URGENCY_OPTIONS = (['low', 'normal', 'urgent'] as Urgency[]).map((u) => ({ value: u, label: URGENCY_LABEL[u] }))

const TITLE_PLACEHOLDER: Record<OrderKind, string> = {
  service: '例：帮忙去医院取药',
  hazard: '例：3号楼楼道灯坏了',
  wish: '例：想学用手机视频通话',
}

export default function OrderNew() {
  const router = useRouter()
  const kind: OrderKind = (ORDER_KINDS as readonly string[]).includes(router.params.kind ?? '')
    ? (router.params.kind as OrderKind)
    : 'service'
  const isHazard = kind === 'hazard'
  const p = router.params
  const channel = (CHANNELS as readonly string[]).includes(p.channel ?? '') ? (p.channel as Channel) : 'phone'
  // 代办: whom for, as the picker found them
  const forResident = p.for
    ? {
        id: p.for,
        name: decodeURIComponent(p.forName ?? ''),
        address: decodeURIComponent(p.forAddress ?? ''),
        householdId: p.household || null,
      }
    : null
  // hazards: photo and words first, then the category; others: category first
  const steps: Step[] = isHazard ? ['describe', 'category', 'confirm'] : ['category', 'describe', 'confirm']

  const stepIndex = Math.min(Math.max(Number(router.params.step ?? 1) - 1, 0), steps.length - 1)
  const draft = useDraft<OrderDraft>(forResident ? `order-new.${kind}.for.${forResident.id}` : `order-new.${kind}`, () => ({
    category: isHazard ? 'environment' : null,
    title: '',
    description: '',
    urgency: isHazard ? 'urgent' : 'normal',
    preferredTime: '',
    photos: [],
  }))
  const { category, title, description, urgency, preferredTime } = draft.value
  const update = draft.update
  const [showErrors, setShowErrors] = useState(false)
  const photos = usePhotoPicker(undefined, { saved: draft.value.photos, onSaved: (p) => update({ photos: p }) })
  const me = useRemote(fetchMe, [], { refreshOnShow: false, skip: !!forResident })
  const signedIn = useSession().user
  const step = steps[stepIndex]
  const forQuery = forResident
    ? {
        for: forResident.id,
        forName: forResident.name,
        forAddress: forResident.address,
        channel,
        ...(forResident.householdId ? { household: forResident.householdId } : {}),
      }
    : {}
  const stepUrl = (i: number) => withQuery(ROUTES.orderNew, { kind, step: i + 1, ...forQuery })

  // a later step opened without what the earlier ones ask (a link, a draft sent meanwhile): start over
  const incomplete = (step !== steps[0] && !category) || (step === 'confirm' && title.trim().length < L.title.min)
  // biome-ignore lint/correctness/useExhaustiveDependencies: checked once, when the step opens
  useEffect(() => {
    if (incomplete) void Taro.redirectTo({ url: stepUrl(0) })
  }, [])

  const titleError = useMemo(() => {
    const t = title.trim()
    if (t.length < L.title.min) return `请用几个字说说是什么事（至少 ${L.title.min} 个字）`
    return undefined
  }, [title])
  const photoError = isHazard && photos.fileIds.length === 0 ? '随手拍需要至少一张照片' : undefined

  const submit = useAction((requestId: string) =>
    ordersApi.create(
      {
        ...(forResident
          ? {
              onBehalfOf: forResident.householdId
                ? { householdId: forResident.householdId, memberId: forResident.id, channel }
                : { residentId: forResident.id, channel },
            }
          : {}),
        kind,
        category: category as PostType,
        title: title.trim(),
        description: description.trim(),
        urgency,
        photos: photos.fileIds,
        ...(preferredTime.trim() ? { preferredTime: preferredTime.trim() } : {}),
      },
      requestId,
    ),
  )

  const next = () => {
    if (step === 'category' && !category) {
      toast('请先选一种帮助')
      return
    }
    if (step === 'describe') {
      if (photos.uploading) {
        toast('照片还在上传，请稍等')
        return
      }
      if (titleError || photoError) {
        setShowErrors(true)
        toast(photoError ?? titleError ?? '')
        return
      }
    }
    go(stepUrl(stepIndex + 1))
  }

  // the step before is the page below this one, unless this step was opened on its own (a reload)
  const prev = () => {
    const pages = Taro.getCurrentPages()
    if (pages.length > 1 && pages[pages.length - 2].route?.includes('order-new')) back()
    else void Taro.redirectTo({ url: stepUrl(stepIndex - 1) })
  }

  const discard = async () => {
    if (!(await confirm('不要这次填写的内容了吗？', { confirmText: '放弃' }))) return
    draft.clear()
    void Taro.reLaunch({ url: ROUTES.home })
  }

  const send = async () => {
    const ask = forResident ? `确认替${forResident.name}提交？` : '确认提交这个需求吗？'
    // 进度通知 for the resident's own order (asked first, inside the tap); one placed for a resident (代办) reaches them as notices
    const order = await submit.exec({ ask, confirmText: '提交', subscribe: forResident ? [] : ['order_progress'] })
    if (!order) return
    toast(forResident ? `已替${forResident.name}提交` : '已提交，网格员和社区工作者会尽快处理')
    // the steps are done with: the order's page alone — for 代办 as staff see it, to 下单 it now (the
    // resident follows it in their own list); otherwise offering what to do next (查看我的需求 / 回首页)
    setTimeout(() => {
      draft.clear()
      const url = forResident
        ? withQuery(ROUTES.reviewDetail, { id: order.id })
        : withQuery(ROUTES.orderDetail, { id: order.id, submitted: 1 })
      void Taro.reLaunch({ url })
    }, 1200)
  }

  // the signed-in person's copy shows the address at once; the fresh answer replaces it
  const person = me.data ?? signedIn
  const address = forResident ? forResident.address || null : (person?.address ?? person?.buildingName ?? null)

  return (
    <Screen className="order-new">
      {forResident && (
        <View className="order-new__for">
          替 {forResident.name} 下单（{CHANNEL_LABELS[channel]}代办），
          {forResident.householdId ? '本人没有注册，办完后由社区工作人员按本人的原话代为确认' : '进展会通知居民本人'}
        </View>
      )}
      <View className="order-new__kind">
        <Text className="order-new__kind-name">{KIND_LABEL[kind]}</Text>
        <Text className="order-new__step">
          第 {stepIndex + 1} 步，共 {steps.length} 步
        </Text>
      </View>

      {step === 'category' && (
        <View className="step-category">
          <View className="order-new__question">
            {isHazard ? '这是哪一类问题？' : kind === 'wish' ? '这个心愿属于哪一类？' : '您需要哪一类帮助？'}
          </View>
          <View className="category-tiles">
            {POST_TYPES.map((p) => (
              <Tap
                key={p}
                className={cls('category-tile', `category-tile--${p}`, category === p && 'category-tile--on')}
                onTap={() => {
                  update({ category: p })
                  if (!isHazard) go(stepUrl(stepIndex + 1))
                }}
              >
                <View className="category-tile__glyph" style={{ background: POST_TYPE_COLOR[p] }}>
                  {POST_TYPE_GLYPH[p]}
                </View>
                <View className="category-tile__text">
                  <View className="category-tile__name">{POST_TYPE_LABEL[p]}</View>
                  <View className="category-tile__example">{POST_TYPE_EXAMPLE[p]}</View>
                </View>
                {category === p && <View className="category-tile__check">✓ 已选</View>}
              </Tap>
            ))}
          </View>
        </View>
      )}

      {step === 'describe' && (
        <View className="step-describe">
          {isHazard && (
            <Field label="先拍张照片" error={showErrors ? photoError : undefined} hint="拍清楚问题在哪里，最多 9 张">
              <PhotoPicker picker={photos} cameraFirst addText="拍照" />
            </Field>
          )}
          <InputField
            label={isHazard ? '是什么问题？' : '什么事？'}
            error={showErrors ? titleError : undefined}
            hint="一句话说清楚，2 到 40 个字"
            className="input-title"
            value={title}
            onChange={(v) => update({ title: v })}
            placeholder={TITLE_PLACEHOLDER[kind]}
            maxLength={L.title.max}
          />
          <AreaField
            label="详细说说（可以不写）"
            className="input-description"
            value={description}
            onChange={(v) => update({ description: v })}
            placeholder="在哪里、什么情况、需要怎么帮"
            maxLength={L.description.max}
          />
          {!isHazard && (
            <Field label="照片（可以不拍）" hint="最多 9 张">
              <PhotoPicker picker={photos} />
            </Field>
          )}
          <Field label="急不急？">
            <Chips className="urgency-chips" options={URGENCY_OPTIONS} value={urgency} onChange={(v) => update({ urgency: v })} />
          </Field>
          <Field label="希望什么时候来？（可以不选）">
            <Chips
              className="time-chips"
              options={TIME_OPTIONS}
              value={preferredTime}
              onChange={(v) => update({ preferredTime: v === preferredTime ? '' : v })}
            />
          </Field>
        </View>
      )}

      {step === 'confirm' && (
        <View className="step-confirm">
          <View className="order-new__question">请核对一下</View>
          <View className="confirm-card">
            {forResident && <ConfirmRow label="替谁" value={`${forResident.name}（${CHANNEL_LABELS[channel]}代办）`} />}
            <ConfirmRow label="类型" value={`${KIND_NOUN[kind]} · ${category ? POST_TYPE_LABEL[category] : ''}`} />
            <ConfirmRow label="事项" value={title.trim()} />
            {description.trim() && <ConfirmRow label="说明" value={description.trim()} />}
            <ConfirmRow label="照片" value={photos.fileIds.length > 0 ? `${photos.fileIds.length} 张` : '没有'} />
            <ConfirmRow label="急不急" value={URGENCY_LABEL[urgency]} />
            {preferredTime && <ConfirmRow label="希望时间" value={preferredTime} />}
          </View>
          <View className="confirm-card confirm-address">
            <View className="confirm-address__label">上门地址</View>
            <View className="confirm-address__value">
              {!forResident && !person && me.loading ? '正在读取…' : (address ?? '还没有登记住址')}
            </View>
            {!forResident && <View className="confirm-address__hint">地址不对？请联系网格员或社区工作者修改。</View>}
          </View>
        </View>
      )}

      <View className="order-new__nav">
        {stepIndex > 0 && (
          <Btn className="btn-prev" onClick={prev}>
            上一步
          </Btn>
        )}
        {step !== 'confirm' ? (
          <Btn type="primary" className="btn-next" disabled={step === 'category' && !category} onClick={next}>
            下一步
          </Btn>
        ) : (
          <Btn type="primary" size="large" className="btn-submit" loading={submit.busy} onClick={() => void send()}>
            提交
          </Btn>
        )}
      </View>
      {draft.saved ? (
        <Tap className="order-new__cancel btn-discard" onTap={() => void discard()}>
          放弃这次填写
        </Tap>
      ) : (
        stepIndex === 0 && (
          <Tap className="order-new__cancel" onTap={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.home }))}>
            不点了，返回
          </Tap>
        )
      )}
    </Screen>
  )
}

function ConfirmRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="confirm-row">
      <Text className="confirm-row__label">{label}</Text>
      <Text className="confirm-row__value">{value}</Text>
    </View>
  )
}
