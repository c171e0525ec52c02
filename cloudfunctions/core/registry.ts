// The action registry: every function's actions with their schema, kind and the roles that may call.
// The local gateway, the CloudBase entries and the tests all read this one table.
import { z } from 'zod'
import { empty } from '@shared/common'
import { ListGoodsInput, MyRedemptionsInput, PickupCodeInput, RedeemInput, RedemptionRef, UpsertGoodsInput } from '@shared/mall'
import { CancelOrderInput, ClaimOrderInput, CompleteOrderInput, ConfirmOrderInput, CreateOrderInput } from '@shared/orders'
import { DeclineOrderInput, DisputeOrderInput, ListOrdersInput, OrderRef, ReleaseOrderInput, ReviewOrderInput } from '@shared/orders'
import { AdjustInput, LedgerInput, RankingInput, UpdateRulesInput } from '@shared/points'
import { type ActionTable, defineAction } from './edge'
import { listMembers } from './usecases/accounts/list-members'
import { getMe } from './usecases/accounts/me'
import { updateProfile } from './usecases/accounts/update-profile'
import { listGoods, upsertGoods } from './usecases/mall/goods'
import { redeemGoods } from './usecases/mall/redeem'
import { cancelRedemption, lookupPickup, myRedemptions, verifyPickup } from './usecases/mall/redemptions'
import { adjustPoints } from './usecases/points/adjust'
import { getRanking } from './usecases/points/ranking'
import { getRules, updateRules } from './usecases/points/rules'
import { cancelOrder } from './usecases/orders/cancel'
import { claimOrder } from './usecases/orders/claim'
import { declineOrder } from './usecases/orders/decline'
import { suggestMembers } from './usecases/orders/suggest'
import { completeOrder } from './usecases/orders/complete'
import { confirmOrder } from './usecases/orders/confirm'
import { createOrder } from './usecases/orders/create'
import { disputeOrder } from './usecases/orders/dispute'
import { getOrder } from './usecases/orders/get'
import { listOrders } from './usecases/orders/list'
import { releaseOrder } from './usecases/orders/release'
import { reviewOrder } from './usecases/orders/review'
import { getBalance, getLedger } from './usecases/points/balance'
import { ActivityRef, CancelActivityInput, CheckinInput, ListActivitiesInput, MarkAttendanceInput } from '@shared/activities'
import { PublishActivityInput, UpdateActivityInput } from '@shared/activities'
import { InboxInput, MarkReadInput } from '@shared/inbox'
import { getInbox, markRead } from './usecases/accounts/inbox'
import { checkin, checkinCode, markAttendance } from './usecases/activities/checkin'
import { finishActivity } from './usecases/activities/finish'
import { getActivity, listActivities } from './usecases/activities/list'
import { cancelActivity, updateActivity } from './usecases/activities/manage'
import { publishActivity } from './usecases/activities/publish'
import { signupActivity, withdrawActivity } from './usecases/activities/signup'

const STAFF = ['staff', 'admin'] as const

export const accounts: ActionTable = {
  me: defineAction({ input: empty, mutating: false, run: (ctx, actor) => getMe(ctx, actor) }),
  listMembers: defineAction({ input: empty, mutating: false, roles: STAFF, run: (ctx, actor) => listMembers(ctx, actor) }),
  updateProfile: defineAction({ input: z.strictObject({ rankingOptIn: z.boolean().optional() }), mutating: true, run: updateProfile }),
  inbox: defineAction({ input: InboxInput, mutating: false, run: getInbox }),
  markRead: defineAction({ input: MarkReadInput, mutating: true, run: markRead }),
}

export const orders: ActionTable = {
  create: defineAction({ input: CreateOrderInput, mutating: true, roles: ['resident'], run: createOrder }),
  list: defineAction({ input: ListOrdersInput, mutating: false, run: listOrders }),
  get: defineAction({ input: OrderRef, mutating: false, run: getOrder }),
  review: defineAction({ input: ReviewOrderInput, mutating: true, roles: STAFF, run: reviewOrder }),
  suggest: defineAction({ input: OrderRef, mutating: false, roles: STAFF, run: suggestMembers }),
  claim: defineAction({ input: ClaimOrderInput, mutating: true, roles: ['member'], run: claimOrder }),
  decline: defineAction({ input: DeclineOrderInput, mutating: true, roles: ['member'], run: declineOrder }),
  release: defineAction({ input: ReleaseOrderInput, mutating: true, roles: ['member'], run: releaseOrder }),
  complete: defineAction({ input: CompleteOrderInput, mutating: true, roles: ['member'], run: completeOrder }),
  confirm: defineAction({ input: ConfirmOrderInput, mutating: true, run: confirmOrder }),
  dispute: defineAction({ input: DisputeOrderInput, mutating: true, run: disputeOrder }),
  cancel: defineAction({ input: CancelOrderInput, mutating: true, run: cancelOrder }),
}

export const points: ActionTable = {
  balance: defineAction({ input: empty, mutating: false, run: (ctx, actor) => getBalance(ctx, actor) }),
  ledger: defineAction({ input: LedgerInput, mutating: false, run: getLedger }),
  adjust: defineAction({ input: AdjustInput, mutating: true, roles: STAFF, run: adjustPoints }),
  rules: defineAction({ input: empty, mutating: false, run: (ctx, actor) => getRules(ctx, actor) }),
  updateRules: defineAction({ input: UpdateRulesInput, mutating: true, roles: ['admin'], run: updateRules }),
  ranking: defineAction({ input: RankingInput, mutating: false, run: getRanking }),
}

export const mall: ActionTable = {
  listGoods: defineAction({ input: ListGoodsInput, mutating: false, run: listGoods }),
  upsertGoods: defineAction({ input: UpsertGoodsInput, mutating: true, roles: STAFF, run: upsertGoods }),
  redeem: defineAction({ input: RedeemInput, mutating: true, roles: ['member'], run: redeemGoods }),
  myRedemptions: defineAction({ input: MyRedemptionsInput, mutating: false, run: myRedemptions }),
  cancelRedemption: defineAction({ input: RedemptionRef, mutating: true, run: cancelRedemption }),
  lookup: defineAction({ input: PickupCodeInput, mutating: false, roles: STAFF, run: lookupPickup }),
  verify: defineAction({ input: PickupCodeInput, mutating: true, roles: STAFF, run: verifyPickup }),
}

export const activities: ActionTable = {
  list: defineAction({ input: ListActivitiesInput, mutating: false, run: listActivities }),
  get: defineAction({ input: ActivityRef, mutating: false, run: getActivity }),
  publish: defineAction({ input: PublishActivityInput, mutating: true, roles: STAFF, run: publishActivity }),
  update: defineAction({ input: UpdateActivityInput, mutating: true, roles: STAFF, run: updateActivity }),
  cancel: defineAction({ input: CancelActivityInput, mutating: true, roles: STAFF, run: cancelActivity }),
  signup: defineAction({ input: ActivityRef, mutating: true, roles: ['member'], run: signupActivity }),
  withdraw: defineAction({ input: ActivityRef, mutating: true, roles: ['member'], run: withdrawActivity }),
  checkinCode: defineAction({ input: ActivityRef, mutating: false, roles: STAFF, run: checkinCode }),
  checkin: defineAction({ input: CheckinInput, mutating: true, roles: ['member'], run: checkin }),
  markAttendance: defineAction({ input: MarkAttendanceInput, mutating: true, roles: STAFF, run: markAttendance }),
  finish: defineAction({ input: ActivityRef, mutating: true, roles: STAFF, run: finishActivity }),
}

export const REGISTRY: Record<string, ActionTable> = { accounts, orders, points, mall, activities }
