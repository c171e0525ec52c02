// orders.* — typed wrappers; every mutation takes the requestId of the person's intent.
import type { CreateOrderInput, ListOrdersInput, OrderDetail, OrderPage, Suggestion } from '@shared/orders'
import { call } from './transport'

const mutate = (action: string, input: object, requestId: string, loading?: string) =>
  call<OrderDetail>('orders', action, input, { requestId, loading })

export const ordersApi = {
  list: (input: ListOrdersInput) => call<OrderPage>('orders', 'list', input),
  get: (orderId: string) => call<OrderDetail>('orders', 'get', { orderId }),
  /** Staff: the best members for an order, with the reasons (推荐人选). */
  suggest: (orderId: string) => call<{ items: Suggestion[] }>('orders', 'suggest', { orderId }).then((d) => d.items),
  create: (input: CreateOrderInput, requestId: string) => mutate('create', input, requestId, '正在提交'),
  dispatch: (orderId: string, requestId: string, opts: { points?: number; assigneeId?: string } = {}) =>
    mutate('review', { orderId, decision: 'dispatch', ...opts }, requestId),
  reject: (orderId: string, reason: string, requestId: string) => mutate('review', { orderId, decision: 'reject', reason }, requestId),
  claim: (orderId: string, requestId: string) => mutate('claim', { orderId }, requestId, '正在接单'),
  decline: (orderId: string, reason: string | undefined, requestId: string) =>
    mutate('decline', { orderId, ...(reason ? { reason } : {}) }, requestId),
  release: (orderId: string, reason: string, requestId: string) => mutate('release', { orderId, reason }, requestId),
  complete: (orderId: string, summary: string, photos: string[], requestId: string) =>
    mutate('complete', { orderId, summary, photos }, requestId, '正在提交'),
  confirm: (orderId: string, rating: number, comment: string | undefined, requestId: string) =>
    mutate('confirm', { orderId, rating, ...(comment ? { comment } : {}) }, requestId),
  dispute: (orderId: string, reason: string, requestId: string) => mutate('dispute', { orderId, reason }, requestId),
  cancel: (orderId: string, reason: string | undefined, requestId: string) =>
    mutate('cancel', { orderId, ...(reason ? { reason } : {}) }, requestId),
}
