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
  // @ts-expect-error a passkey answer names its challenge
  call('accounts', 'addPasskey', { response: {} }, { requestId })
  // @ts-expect-error removing a passkey is a change: it carries a requestId
  call('accounts', 'removePasskey', { id: 'credential-id-0001' })
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

  // the grid and the street: 代办 names the channel; 转办 names a unit; the street sends down with a note
  const byFax = { residentId: 'u_1', channel: 'fax' } as const
  // @ts-expect-error a channel is one of phone / home_visit / walk_in / patrol
  call('orders', 'create', { onBehalfOf: byFax, kind: 'service', category: 'care', title: '帮忙' }, { requestId })
  // @ts-expect-error refer needs the unit
  call('orders', 'refer', { orderId: 'o_1' }, { requestId })
  // @ts-expect-error the answer is text
  call('orders', 'recordReferralAnswer', { orderId: 'o_1', answer: true }, { requestId })
  // @ts-expect-error sendDown needs the street's instruction
  call('orders', 'sendDown', { orderId: 'o_1' }, { requestId })
  // @ts-expect-error a 回访 records what it found
  call('orders', 'revisit', { orderId: 'o_1' }, { requestId })
  // @ts-expect-error includeInactive is a boolean
  call('orders', 'units', { includeInactive: 1 })
  // @ts-expect-error a unit's kind is department / property / partner
  call('orders', 'upsertUnit', { name: '物业', kind: 'shop' }, { requestId })
  // @ts-expect-error severity is 一般 / 较大 / 重大 as general / major / critical
  call('orders', 'review', { orderId: 'o_1', decision: 'dispatch', severity: 'huge' }, { requestId })
  // @ts-expect-error gridIds is a list
  call('accounts', 'setGridWorker', { userId: 'u_1', gridIds: 'g_1' }, { requestId })
  // @ts-expect-error head names a building
  call('accounts', 'setHead', { userId: 'u_1', head: { unit: '2' } }, { requestId })
  // @ts-expect-error residents are found by q, not name
  call('accounts', 'residents', { name: '马' })
  // @ts-expect-error a member's status is on_job / retired / floating
  call('accounts', 'registerMember', { status: 'pensioner', branch: '支部', posts: ['care'], gridId: 'g_1' }, { requestId })

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
