// 任务详情 (member): the order; 接单; once mine: the resident's contact, 结单, 退单. Buttons follow `actions`.
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderAction } from '@shared/enums'
import type { OrderDetail, PublicWish } from '@shared/orders'
import Btn from '@/components/btn'
import { AreaField, Field } from '@/components/field'
import OrderActions from '@/components/order-actions'
import OrderFacts, { OrderHistory, OrderPending, OrderReport } from '@/components/order-facts'
import PhotoPicker, { type SavedPhoto, usePhotoPicker } from '@/components/photo-picker'
import Screen from '@/components/screen'
import { useAction } from '@/hooks/useAction'
import type { Remote } from '@/hooks/useRemote'
import { fullOf, useShared } from '@/hooks/useShared'
import GuestCard from '@/components/guest-card'
import PhotoGrid from '@/components/photo-grid'
import { CategoryTag } from '@/components/tags'
import Card, { InfoRow } from '@/components/card'
import { formatDateTime } from '@/utils/time'
import { confirm, toast } from '@/services/feedback'
import { ordersApi } from '@/services/orders'
import { useDraft } from '@/store/drafts'
import { useSession } from '@/store/session'
import { back } from '@/utils/nav'
import { ROUTES, withQuery } from '@/constants/routes'
import { platform } from '@/platform'
import { photoSrc } from '@/services/transport'
import { useEffect } from 'react'
import './index.scss'
import { ORDER_LIMITS } from '@shared/limits'

const SUMMARY = ORDER_LIMITS.summary

/** A 微心愿 passed on in a chat, opened by someone who cannot take it here (yet): the wish, and what to do first. */
function SharedWish({ w }: { w: PublicWish }) {
  useEffect(() => platform.showShareMenu(), [])
  return (
    <Screen className="task-detail task-detail--shared">
      <View className="order-info shared-wish">
        <View className="order-info__tags">
          <CategoryTag category={w.category} />
          <Text className="tag order-info__kind">微心愿</Text>
          <Text className={`tag shared-wish__status shared-wish__status--${w.status}`}>{WISH_STATUS[w.status]}</Text>
        </View>
        <View className="order-info__title">{w.title}</View>
        <InfoRow label="社区" value={[w.communityName, w.gridName].filter(Boolean).join(' · ')} />
        <InfoRow label="许愿时间" value={formatDateTime(w.createdAt)} />
        {w.description && <View className="order-info__desc">{w.description}</View>}
        {w.photos.length > 0 && <PhotoGrid photos={w.photos} />}
      </View>
      {w.status === 'open' ? (
        <GuestCard act="认领" communityId={w.communityId} communityName={w.communityName} />
      ) : (
        <View className="shared-wish__taken">
          {w.status === 'claimed' ? '这个心愿已有党员认领，正在帮忙实现。' : '这个心愿已经实现了，谢谢关心。'}
        </View>
      )}
    </Screen>
  )
}

const WISH_STATUS: Record<PublicWish['status'], string> = { open: '待认领', claimed: '已认领', completed: '已圆梦', closed: '已圆梦' }

export default function TaskDetailPage() {
  const id = useRouter().params.id ?? ''
  const view = useShared(
    (opts) => ordersApi.get(id, opts),
    () => ordersApi.publicWish(id),
    [id],
    { skip: !id },
  )
  // 微心愿: a card to pass on to other members, opening this wish; any other order shares the hall
  // (its details are the resident's business)
  useShareAppMessage(() => {
    const o = view.data?.full ?? view.data?.shared
    if (!o || (view.data?.full && view.data.full.kind !== 'wish')) return { title: '社区接单大厅：邻居们需要帮忙', path: ROUTES.hall }
    const photo = o.photos[0]
    return {
      title: `微心愿：${o.title}，一起来认领`,
      path: withQuery(ROUTES.taskDetail, { id: o.id }),
      ...(photo ? { imageUrl: photoSrc(photo.url) } : {}),
    }
  })
  if (view.data?.shared) return <SharedWish w={view.data.shared} />
  return <TaskDetail id={id} order={fullOf(view)} />
}

function TaskDetail({ id, order }: { id: string; order: Remote<OrderDetail> }) {
  const { user } = useSession()
  // undefined until the person opens or closes a form: a draft of 完成服务 opens its form again
  const [chosen, setOpen] = useState<OrderAction | null>()
  const draft = useDraft<{ summary: string; photos: SavedPhoto[] }>(`complete.${id}`, () => ({ summary: '', photos: [] }))
  const summary = draft.value.summary
  const photos = usePhotoPicker(undefined, { saved: draft.value.photos, onSaved: (p) => draft.update({ photos: p }) })

  const onDone = (o: OrderDetail | undefined, action?: OrderAction) => {
    if (!o) return
    // sent, or no longer mine to complete (退单, 婉拒): the draft has nothing left to finish
    if (!o.actions.includes('complete')) draft.clear()
    // 婉拒: no longer mine, back to the list
    if (action === 'decline') setTimeout(back, 1200)
    else {
      order.setData(o)
      setOpen(null)
    }
  }
  const completeAct = useAction((rid: string) => ordersApi.complete(id, summary.trim(), photos.fileIds, rid))

  // 微心愿: a card to pass on (the page answers onShareAppMessage)
  const isWish = order.data?.kind === 'wish'
  useEffect(() => {
    if (isWish) platform.showShareMenu()
  }, [isWish])

  if (!order.data) return <OrderPending id={id} order={order} />
  const o = order.data
  const open = chosen !== undefined ? chosen : draft.saved && o.actions.includes('complete') ? 'complete' : null
  const directedToMe = o.status === 'open' && o.assignee && o.assignee.id === user?.id
  const summaryShort = summary.trim().length < SUMMARY.min

  const discard = async () => {
    if (!(await confirm('不要写好的内容和照片了吗？', { confirmText: '放弃' }))) return
    draft.clear()
    setOpen(null)
  }

  const submitComplete = () => {
    if (photos.uploading) return toast('照片还在上传，请稍等')
    if (summaryShort) return toast(`请写几句做了什么（至少 ${SUMMARY.min} 个字）`)
    if (photos.fileIds.length === 0) return toast('请至少拍一张照片')
    void completeAct.exec({ ask: '确认结单？提交后请居民确认。', confirmText: '提交', done: '已提交，等居民确认' }).then(onDone)
  }

  return (
    <Screen className="task-detail">
      <OrderFacts order={o} contact notice={directedToMe && <View className="notice">社区请您帮忙处理这个工单，请确认是否接单。</View>} />

      <OrderReport order={o}>
        {o.status === 'completed' && <View className="task-detail__wait">等居民确认；72 小时没确认会自动完成。</View>}
      </OrderReport>
      {o.status === 'closed' && o.awardedPoints !== null && (
        <View className="notice notice--good award-notice">
          服务完成，获得 {o.awardedPoints} 积分{o.rating ? `，居民评了 ${o.rating} 星` : ''}。
          {o.awardNote && <View className="award-notice__why">怎么算的：{o.awardNote}</View>}
        </View>
      )}

      {open === 'complete' && (
        <Card title="结单" className="complete-form">
          <AreaField
            label="做了什么"
            hint={`至少 ${SUMMARY.min} 个字，现在 ${summary.trim().length} 个`}
            value={summary}
            onChange={(v) => draft.update({ summary: v })}
            placeholder="例：已帮王阿姨取回降压药，并讲清楚了用法。"
            maxLength={SUMMARY.max}
            className="input-summary"
          />
          <Field label="现场照片" hint="1 到 9 张">
            <PhotoPicker picker={photos} cameraFirst addText="拍照" />
          </Field>
          <View className="task-detail__buttons">
            {draft.saved ? (
              <Btn className="btn-discard" onClick={() => void discard()}>
                放弃
              </Btn>
            ) : (
              <Btn onClick={() => setOpen(null)}>不了</Btn>
            )}
            <Btn
              type="primary"
              className="btn-complete-submit"
              disabled={summaryShort || photos.fileIds.length === 0 || photos.uploading}
              loading={completeAct.busy}
              onClick={submitComplete}
            >
              提交完成
            </Btn>
          </View>
        </Card>
      )}

      <OrderActions order={o} offer={['claim', 'decline', 'complete', 'release']} open={open} onOpen={setOpen} onDone={onDone} />
      <OrderHistory order={o} />
    </Screen>
  )
}
