// 任务详情 (member): the order; 接单; once mine: the resident's contact, 完成服务, 退单. Buttons follow `actions`.
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderDetail } from '@shared/orders'
import Btn from '@/components/btn'
import ContactCard from '@/components/contact-card'
import { Field, TextArea } from '@/components/field'
import OrderInfo from '@/components/order-info'
import PhotoGrid from '@/components/photo-grid'
import PhotoPicker, { usePhotoPicker } from '@/components/photo-picker'
import ReasonForm from '@/components/reason-form'
import Screen from '@/components/screen'
import { ErrorState, MissingOrder, Skeleton } from '@/components/state'
import StepBar from '@/components/step-bar'
import Timeline from '@/components/timeline'
import { useAction } from '@/hooks/useAction'
import { useRemote } from '@/hooks/useRemote'
import { toast } from '@/services/feedback'
import { ordersApi } from '@/services/orders'
import { useSession } from '@/store/session'
import { back } from '@/utils/nav'
import './index.scss'

const MIN_SUMMARY = 10

export default function TaskDetail() {
  const id = useRouter().params.id ?? ''
  const { user } = useSession()
  const order = useRemote(() => ordersApi.get(id), [id], { skip: !id })
  const [open, setOpen] = useState<'complete' | 'release' | 'decline' | null>(null)
  const [summary, setSummary] = useState('')
  const photos = usePhotoPicker()

  const onDone = (o: OrderDetail | undefined) => {
    if (o) {
      order.setData(o)
      setOpen(null)
    }
  }
  const claimAct = useAction((rid: string) => ordersApi.claim(id, rid))
  const declineAct = useAction((rid: string, reason: string) => ordersApi.decline(id, reason || undefined, rid))
  const releaseAct = useAction((rid: string, reason: string) => ordersApi.release(id, reason, rid))
  const completeAct = useAction((rid: string) => ordersApi.complete(id, summary.trim(), photos.fileIds, rid))

  if (!id) return <MissingOrder />
  if (order.loading)
    return (
      <Screen>
        <Skeleton rows={3} />
      </Screen>
    )
  if (!order.data) {
    if (order.error?.code === 'NOT_FOUND' || order.error?.code === 'FORBIDDEN') return <MissingOrder />
    return <Screen>{order.error && <ErrorState error={order.error} onRetry={() => void order.reload()} />}</Screen>
  }

  const o = order.data
  const can = (a: OrderDetail['actions'][number]) => o.actions.includes(a)
  const directedToMe = o.status === 'open' && o.assignee && o.assignee.id === user?.id
  const summaryShort = summary.trim().length < MIN_SUMMARY
  const isWish = o.kind === 'wish'

  const submitComplete = () => {
    if (photos.uploading) return toast('照片还在上传，请稍等')
    if (summaryShort) return toast(`请写几句做了什么（至少 ${MIN_SUMMARY} 个字）`)
    if (photos.fileIds.length === 0) return toast('请至少拍一张照片')
    void completeAct.exec({ ask: '确认已完成服务？提交后请居民确认。', confirmText: '提交', done: '已提交，等居民确认' }).then(onDone)
  }

  return (
    <Screen className="task-detail">
      <StepBar status={o.status} note={o.status === 'rejected' ? o.rejectReason : undefined} />
      {directedToMe && <View className="notice">社区请您帮忙处理这个工单，请确认是否接单。</View>}
      <OrderInfo order={o} />

      {o.contact && <ContactCard contact={o.contact} />}

      {o.summary && (
        <View className="card">
          <View className="card__title">服务情况</View>
          <View className="task-detail__summary">{o.summary}</View>
          <PhotoGrid photos={o.completionPhotos} />
          {o.status === 'completed' && <View className="task-detail__wait">等居民确认；72 小时没确认会自动完成。</View>}
        </View>
      )}
      {o.status === 'closed' && o.awardedPoints !== null && (
        <View className="notice notice--good">
          服务完成，获得 {o.awardedPoints} 积分{o.rating ? `，居民评了 ${o.rating} 星` : ''}。
        </View>
      )}

      {can('claim') && (
        <Btn
          block
          type="primary"
          size="large"
          className="btn-claim"
          loading={claimAct.busy}
          onClick={() =>
            void claimAct
              .exec(
                isWish
                  ? { ask: '认领这个微心愿？认领后请尽快联系居民。', confirmText: '认领', done: '认领成功' }
                  : { ask: '确认接单？接单后请尽快联系居民。', confirmText: '接单', done: '接单成功' },
              )
              .then(onDone)
          }
        >
          {isWish ? '认领心愿' : '接单'}
        </Btn>
      )}

      {open === 'complete' && (
        <View className="card complete-form">
          <View className="card__title">完成服务</View>
          <Field label="做了什么" hint={`至少 ${MIN_SUMMARY} 个字，现在 ${summary.trim().length} 个`}>
            <TextArea
              value={summary}
              onChange={setSummary}
              placeholder="例：已帮王阿姨取回降压药，并讲清楚了用法。"
              maxLength={500}
              className="input-summary"
            />
          </Field>
          <Field label="现场照片" hint="1 到 9 张">
            <PhotoPicker picker={photos} cameraFirst addText="拍照" />
          </Field>
          <View className="task-detail__buttons">
            <Btn onClick={() => setOpen(null)}>不了</Btn>
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
        </View>
      )}
      {open === 'decline' && (
        <ReasonForm
          title="为什么不方便接？（可以不写）"
          templates={['最近没空', '这件事我做不了', '离得太远']}
          min={0}
          submitText="确认婉拒"
          submitClassName="btn-decline-submit"
          busy={declineAct.busy}
          onCancel={() => setOpen(null)}
          onSubmit={(reason) =>
            void declineAct.exec({ ask: '确定婉拒这个派单吗？社区会另找人。', confirmText: '婉拒', done: '已婉拒' }, reason).then((o) => {
              if (o) setTimeout(back, 1200) // no longer mine: back to the list
            })
          }
        />
      )}
      {open === 'release' && (
        <ReasonForm
          title="为什么退单？"
          templates={['临时有事，去不了', '这件事我做不了', '联系不上居民']}
          submitText="确认退单"
          submitClassName="btn-release-submit"
          busy={releaseAct.busy}
          onCancel={() => setOpen(null)}
          onSubmit={(reason) =>
            void releaseAct.exec({ ask: '确定退单吗？工单会回到接单大厅。', confirmText: '退单', done: '已退单' }, reason).then(onDone)
          }
        />
      )}

      {!open && can('decline') && (
        <Btn block type="danger" className="btn-decline" onClick={() => setOpen('decline')}>
          婉拒这单
        </Btn>
      )}

      {!open && (can('complete') || can('release')) && (
        <View className="action-bar">
          {can('complete') && (
            <Btn block type="primary" size="large" className="btn-complete" onClick={() => setOpen('complete')}>
              完成服务
            </Btn>
          )}
          {can('release') && (
            <Btn block type="danger" className="btn-release" onClick={() => setOpen('release')}>
              退单
            </Btn>
          )}
        </View>
      )}

      <View className="card">
        <View className="card__title">办理经过</View>
        <Timeline events={o.timeline} />
      </View>
    </Screen>
  )
}
