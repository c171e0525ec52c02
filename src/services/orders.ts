// orders.* — typed wrappers; every mutation takes the requestId of the person's intent.
import type { InputOf } from '@shared/api'
import type { Severity } from '@shared/enums'
import { type CallOptions, call } from './transport'

export const ordersApi = {
  list: (input: InputOf<'orders', 'list'>) => call('orders', 'list', input),
  get: (orderId: string, opts?: CallOptions) => call('orders', 'get', { orderId }, opts),
  /** A shared 微心愿, as anyone may see it (never who made it). */
  publicWish: (orderId: string) => call('orders', 'publicWish', { orderId }),
  /** Staff: the best members for an order, with the reasons (推荐人选). */
  suggest: (orderId: string) => call('orders', 'suggest', { orderId }).then((d) => d.items),
  create: (input: InputOf<'orders', 'create'>, requestId: string) => call('orders', 'create', input, { requestId, loading: '正在提交' }),
  dispatch: (orderId: string, requestId: string, opts: { points?: number; assigneeId?: string; severity?: Severity } = {}) =>
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
  /** Staff for the resident (by phone, on a visit): the stars and what the resident said, in their words. */
  confirmFor: (orderId: string, rating: number, residentWords: string, requestId: string) =>
    call('orders', 'confirm', { orderId, rating, residentWords }, { requestId }),
  /** 转办: to a unit of the directory, with a deadline (none: the severity's default). */
  refer: (input: InputOf<'orders', 'refer'>, requestId: string) => call('orders', 'refer', input, { requestId }),
  answer: (orderId: string, answer: string, requestId: string) =>
    call('orders', 'recordReferralAnswer', { orderId, answer }, { requestId }),
  sendDown: (orderId: string, note: string, requestId: string) => call('orders', 'sendDown', { orderId, note }, { requestId }),
  revisit: (orderId: string, note: string, requestId: string) => call('orders', 'revisit', { orderId, note }, { requestId }),
  units: () => call('orders', 'units', {}).then((d) => d.items),
  /** 代办: the residents of the grids one looks after, found by name, building or phone. */
  residents: (q?: string) => call('accounts', 'residents', q ? { q } : {}).then((d) => d.items),
  dispute: (orderId: string, reason: string, requestId: string) => call('orders', 'dispute', { orderId, reason }, { requestId }),
  cancel: (orderId: string, reason: string | undefined, requestId: string) =>
    call('orders', 'cancel', { orderId, ...(reason ? { reason } : {}) }, { requestId }),
}
