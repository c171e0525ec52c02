// orders.* — typed wrappers; every mutation takes the requestId of the person's intent.
import type { InputOf } from '@shared/api'
import { call } from './transport'

export const ordersApi = {
  list: (input: InputOf<'orders', 'list'>) => call('orders', 'list', input),
  get: (orderId: string) => call('orders', 'get', { orderId }),
  /** Staff: the best members for an order, with the reasons (推荐人选). */
  suggest: (orderId: string) => call('orders', 'suggest', { orderId }).then((d) => d.items),
  create: (input: InputOf<'orders', 'create'>, requestId: string) => call('orders', 'create', input, { requestId, loading: '正在提交' }),
  dispatch: (orderId: string, requestId: string, opts: { points?: number; assigneeId?: string } = {}) =>
    call('orders', 'review', { orderId, decision: 'dispatch', ...opts }, { requestId }),
  reject: (orderId: string, reason: string, requestId: string) =>
    call('orders', 'review', { orderId, decision: 'reject', reason }, { requestId }),
  claim: (orderId: string, requestId: string) => call('orders', 'claim', { orderId }, { requestId, loading: '正在接单' }),
  decline: (orderId: string, reason: string | undefined, requestId: string) =>
    call('orders', 'decline', { orderId, ...(reason ? { reason } : {}) }, { requestId }),
  release: (orderId: string, reason: string, requestId: string) => call('orders', 'release', { orderId, reason }, { requestId }),
  complete: (orderId: string, summary: string, photos: string[], requestId: string) =>
    call('orders', 'complete', { orderId, summary, photos }, { requestId, loading: '正在提交' }),
  confirm: (orderId: string, rating: number, comment: string | undefined, requestId: string) =>
    call('orders', 'confirm', { orderId, rating, ...(comment ? { comment } : {}) }, { requestId }),
  dispute: (orderId: string, reason: string, requestId: string) => call('orders', 'dispute', { orderId, reason }, { requestId }),
  cancel: (orderId: string, reason: string | undefined, requestId: string) =>
    call('orders', 'cancel', { orderId, ...(reason ? { reason } : {}) }, { requestId }),
}
