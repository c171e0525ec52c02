// What a person can do with an order now: the buttons follow the order's `actions` (the server's
// transition table, domain/order-machine), limited to the ones the page offers. 接单 runs on one tap
// (after a confirm); 退单, 撤销, 还没解决, 退回 and 不受理 ask for a reason first; an action with a form of
// its own (结单) opens the page's panel.
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { OrderAction } from '@shared/enums'
import type { OrderDetail } from '@shared/orders'
import { type ActionOptions, useAction } from '@/hooks/useAction'
import { ordersApi } from '@/services/orders'
import Btn, { type BtnProps } from '../btn'
import ReasonForm, { type ReasonFormProps } from '../reason-form'
import './index.scss'
import { ORDER_LIMITS } from '@shared/limits'

interface ActionButton {
  label: string
  type: BtnProps['type']
  size?: BtnProps['size']
}

/** Asked in a reason form, then confirmed. */
interface ReasonAction {
  button: ActionButton
  form: Pick<ReasonFormProps, 'title' | 'templates' | 'span' | 'submitText'>
  confirm: ActionOptions
  run: (orderId: string, reason: string, requestId: string) => Promise<OrderDetail>
}

/** One tap, then confirmed (the words depend on the order: a 微心愿 is 认领ed, not 接ed). */
interface TapAction {
  button: (o: OrderDetail) => ActionButton
  confirm: (o: OrderDetail) => ActionOptions
  run: (orderId: string, requestId: string) => Promise<OrderDetail>
}

const optional = (reason: string) => reason || undefined

const REASON: Partial<Record<OrderAction, ReasonAction>> = {
  dispute: {
    button: { label: '还没解决', type: 'danger' },
    form: {
      title: '哪里还没解决？',
      templates: ['问题还在，没有修好', '党员没有上门', '只做了一部分'],
      span: ORDER_LIMITS.disputeReason,
      submitText: '提交',
    },
    confirm: { ask: '确认告诉党员还没解决？', done: '已告诉党员，请等待处理' },
    run: (id, reason, rid) => ordersApi.dispute(id, reason, rid),
  },
  cancel: {
    button: { label: '撤销', type: 'danger' },
    form: {
      title: '为什么撤销？',
      templates: ['已经自己解决了', '不需要了', '填错了，重新提交'],
      span: ORDER_LIMITS.cancelReason,
      submitText: '确认撤销',
    },
    confirm: { ask: '确定撤销这个需求吗？', confirmText: '撤销', done: '已撤销' },
    run: (id, reason, rid) => ordersApi.cancel(id, optional(reason), rid),
  },
  decline: {
    button: { label: '退回这单', type: 'danger' },
    form: {
      title: '为什么不方便接？（可以不写）',
      templates: ['最近没空', '这件事我做不了', '离得太远'],
      span: { ...ORDER_LIMITS.reason, min: 0 },
      submitText: '确认退回',
    },
    confirm: { ask: '确定退回社区的指派吗？社区会另找人。', confirmText: '退回', done: '已退回' },
    run: (id, reason, rid) => ordersApi.decline(id, optional(reason), rid),
  },
  release: {
    button: { label: '退单', type: 'danger' },
    form: { title: '为什么退单？', templates: ['临时有事，去不了', '这件事我做不了', '联系不上居民'], submitText: '确认退单' },
    confirm: { ask: '确定退单吗？工单会回到接单大厅。', confirmText: '退单', done: '已退单' },
    run: (id, reason, rid) => ordersApi.release(id, reason, rid),
  },
  reject: {
    button: { label: '不受理', type: 'danger' },
    form: {
      title: '不受理的原因（居民会看到）',
      templates: ['不属于社区服务范围', '信息不全，请补充后重新提交', '已由其他部门处理'],
      submitText: '确认不受理',
    },
    confirm: { ask: '确定不受理这个需求吗？', confirmText: '不受理', done: '已处理' },
    run: (id, reason, rid) => ordersApi.reject(id, reason, rid),
  },
}

/** 接单 (from the hall, or one the community directed to the member): 新任务 and 办理提醒 are asked for then. */
const MEMBER_TEMPLATES = ['new_task', 'task_reminder'] as const

const TAP: Partial<Record<OrderAction, TapAction>> = {
  claim: {
    button: (o) => ({ label: o.kind === 'wish' ? '认领心愿' : '接单', type: 'primary', size: 'large' }),
    confirm: (o) =>
      o.kind === 'wish'
        ? { ask: '认领这个微心愿？认领后请尽快联系居民。', confirmText: '认领', done: '认领成功', subscribe: MEMBER_TEMPLATES }
        : { ask: '确认接单？接单后请尽快联系居民。', confirmText: '接单', done: '接单成功', subscribe: MEMBER_TEMPLATES },
    run: (id, rid) => ordersApi.claim(id, rid),
  },
}

/** Actions whose form the page draws itself; their button only opens it. */
const PANEL: Partial<Record<OrderAction, ActionButton>> = {
  complete: { label: '结单', type: 'primary', size: 'large' },
}

export interface OrderActionsProps {
  order: OrderDetail
  /** The actions this page offers, in button order; those the order allows now are shown. */
  offer: OrderAction[]
  /** The reason form or page panel that is open (the page keeps it: its own panels depend on it). */
  open: OrderAction | null
  onOpen: (action: OrderAction | null) => void
  /** After an action ran (the order as it is now) or did not (undefined: refused, or not confirmed). */
  onDone: (next: OrderDetail | undefined, action: OrderAction) => void
}

export default function OrderActions({ order, offer, open, onOpen, onDone }: OrderActionsProps) {
  const allowed = offer.filter((a) => order.actions.includes(a))
  const [running, setRunning] = useState<OrderAction>()
  const act = useAction(
    (requestId: string, action: OrderAction, reason: string) => {
      const tap = TAP[action]
      if (tap) return tap.run(order.id, requestId)
      const withReason = REASON[action]
      if (!withReason) throw new Error(`no way to run ${action} here`)
      return withReason.run(order.id, reason, requestId)
    },
    (action) => action,
  )
  const run = (action: OrderAction, confirm: ActionOptions, reason = '') => {
    setRunning(action)
    void act.exec(confirm, action, reason).then((next) => onDone(next, action))
  }
  const busy = (a: OrderAction) => act.busy && running === a

  const reasonOpen = open ? REASON[open] : undefined
  const buttons = open ? [] : allowed.filter((a) => REASON[a] || PANEL[a])
  return (
    <>
      {allowed.map((a) => {
        const tap = TAP[a]
        if (!tap) return null
        const b = tap.button(order)
        return (
          <Btn
            key={a}
            block
            type={b.type}
            size={b.size}
            className={`order-actions__tap btn-${a}`}
            loading={busy(a)}
            onClick={() => run(a, tap.confirm(order))}
          >
            {b.label}
          </Btn>
        )
      })}
      {open && reasonOpen && (
        <ReasonForm
          key={open}
          {...reasonOpen.form}
          submitClassName={`btn-${open}-submit`}
          busy={busy(open)}
          onCancel={() => onOpen(null)}
          onSubmit={(reason) => run(open, reasonOpen.confirm, reason)}
        />
      )}
      {buttons.length > 0 && (
        <View className="action-bar">
          {buttons.map((a) => {
            const b = REASON[a]?.button ?? PANEL[a]
            return (
              b && (
                <Btn key={a} block type={b.type} size={b.size} className={`btn-${a}`} onClick={() => onOpen(a)}>
                  {b.label}
                </Btn>
              )
            )
          })}
        </View>
      )}
    </>
  )
}
