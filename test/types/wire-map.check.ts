// Proof that the wire map bites: `npm run typecheck` compiles this file, and each `@ts-expect-error` below
// fails the check if the call under it ever compiles (a wrong input, a missing requestId, an unknown
// action). Never run: the calls sit in a function nobody calls.
import { call } from '@/services/transport'
import type { Harness } from '../helpers/local'

export function wrongCallsDoNotCompile(h: Harness) {
  const requestId = 'req-12345678'

  // accounts: updateProfile takes a boolean
  // @ts-expect-error rankingOptIn is a boolean, not a string
  call('accounts', 'updateProfile', { rankingOptIn: 'yes' }, { requestId })
  // @ts-expect-error deleteMe needs confirm: true
  call('accounts', 'deleteMe', {}, { requestId })
  // @ts-expect-error subscribe names templates of types/subscribe.ts, not WeChat template ids
  call('accounts', 'subscribe', { accepted: ['TPL-xyz'] }, { requestId })

  // orders: a claim names its order and carries a requestId
  // @ts-expect-error orderId is a string
  call('orders', 'claim', { orderId: 42 }, { requestId })
  // @ts-expect-error a mutation without its requestId
  call('orders', 'claim', { orderId: 'o_1' })
  // @ts-expect-error there is no such action
  call('orders', 'steal', { orderId: 'o_1' })
  // @ts-expect-error a rating is a number
  h.ok('u_wangxl', 'orders', 'confirm', { orderId: 'o_1', rating: 'five' })

  // points: an adjustment needs a reason
  // @ts-expect-error reason is required
  call('points', 'adjust', { memberId: 'u_1', delta: 5 }, { requestId })

  // mall: redeem takes a goodsId, not a name
  // @ts-expect-error unknown field goodsName
  call('mall', 'redeem', { goodsName: '毛巾' }, { requestId })

  // activities: sign-up names the activity
  // @ts-expect-error activityId is missing
  call('activities', 'signup', {}, { requestId })
  // @ts-expect-error quota is a number
  h.ok('u_linx', 'activities', 'update', { activityId: 'a_1', quota: '20' })

  // workbench: a period is two Beijing days
  // @ts-expect-error from and to are required
  call('workbench', 'dashboard', { from: '2026-01-01' })

  // and the output is typed: an order has no `price`
  void call('orders', 'get', { orderId: 'o_1' }).then((o) => {
    // @ts-expect-error OrderDetail has no price
    return o.price
  })
}
