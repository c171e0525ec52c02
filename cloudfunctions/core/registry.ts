// The action registry: every function's actions with their schema, kind and the roles that may call.
// The local gateway, the CloudBase entries and the tests all read this one table.
import { z } from 'zod'
import { empty } from '@shared/common'
import { ListGoodsInput, MyRedemptionsInput, PickupCodeInput, RedeemInput, RedemptionRef, UpsertGoodsInput } from '@shared/mall'
import { CancelOrderInput, ClaimOrderInput, CompleteOrderInput, ConfirmOrderInput, CreateOrderInput } from '@shared/orders'
import { DeclineOrderInput, DisputeOrderInput, ListOrdersInput, OrderRef, ReleaseOrderInput, ReviewOrderInput } from '@shared/orders'
import { AdjustInput, LedgerInput, RankingInput, UpdateRulesInput } from '@shared/points'
import { type ActionTable, defineAction } from './edge'
import * as wb from '@shared/workbench'
import { decideRegistration, listPending } from './usecases/accounts/approve'
import { listPeople, listPlaces, setStaff, upsertGrid } from './usecases/accounts/people'
import { myRegistrations, registerMember, registerResident, verifyPhone } from './usecases/accounts/register'
import * as evaluation from './usecases/points/evaluation'
import { getDashboard } from './usecases/workbench/dashboard'
import { exportLedger, ledgerReport } from './usecases/workbench/ledger'
import { getConsent, getMyCard, getShowcase, saveMyCard, setConsent } from './usecases/workbench/showcase'
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
import { DeleteMeInput, ExportMyDataInput } from '@shared/accounts'
import { deleteMe } from './usecases/accounts/delete-me'
import { exportMyData } from './usecases/accounts/export-my-data'
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
  exportMyData: defineAction({ input: ExportMyDataInput, mutating: false, run: (ctx, actor) => exportMyData(ctx, actor) }),
  deleteMe: defineAction({ input: DeleteMeInput, mutating: true, run: deleteMe }),
  // 居民登记 / 双报到 and their review (成员审核); places for the form; the admin's staff and grids
  places: defineAction({ input: wb.PlacesInput, mutating: false, public: true, run: listPlaces }),
  registerResident: defineAction({ input: wb.RegisterResidentInput, mutating: true, run: registerResident }),
  registerMember: defineAction({ input: wb.RegisterMemberInput, mutating: true, run: registerMember }),
  myRegistrations: defineAction({ input: empty, mutating: false, run: (ctx, actor) => myRegistrations(ctx, actor) }),
  verifyPhone: defineAction({ input: wb.VerifyPhoneInput, mutating: false, run: verifyPhone }),
  listPending: defineAction({ input: wb.ListPendingInput, mutating: false, roles: STAFF, run: listPending }),
  approveResident: defineAction({ input: wb.DecideRegistrationInput, mutating: true, roles: STAFF, run: decideRegistration('resident') }),
  approveMember: defineAction({ input: wb.DecideRegistrationInput, mutating: true, roles: STAFF, run: decideRegistration('member') }),
  people: defineAction({ input: wb.PeopleInput, mutating: false, roles: ['admin'], run: listPeople }),
  setStaff: defineAction({ input: wb.SetStaffInput, mutating: true, roles: ['admin'], run: setStaff }),
  upsertGrid: defineAction({ input: wb.UpsertGridInput, mutating: true, roles: ['admin'], run: upsertGrid }),
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
  // 三评: the packet, 自评, 社区测评 / 组织考评 by staff, and the branch's one-time link
  evaluation: defineAction({
    input: wb.EvaluationInput,
    mutating: false,
    roles: ['member', 'staff', 'admin'],
    run: evaluation.getEvaluation,
  }),
  evaluations: defineAction({ input: wb.EvaluationYearInput, mutating: false, roles: STAFF, run: evaluation.listEvaluations }),
  selfEvaluate: defineAction({ input: wb.SelfEvaluationInput, mutating: true, roles: ['member'], run: evaluation.selfEvaluate }),
  scoreEvaluation: defineAction({ input: wb.ScoreEvaluationInput, mutating: true, roles: STAFF, run: evaluation.scoreEvaluation }),
  branchLink: defineAction({ input: wb.BranchLinkInput, mutating: true, roles: STAFF, run: evaluation.createBranchLink }),
  branchForm: defineAction({ input: wb.BranchTokenInput, mutating: false, public: true, run: evaluation.branchForm }),
  branchScore: defineAction({ input: wb.BranchScoreInput, mutating: true, public: true, run: evaluation.branchScore }),
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

/** 工作台: the dashboard, 工作台账 and 三评 exports, and 三亮一晒. */
export const workbench: ActionTable = {
  dashboard: defineAction({ input: wb.PeriodInput, mutating: false, roles: STAFF, run: getDashboard }),
  ledger: defineAction({ input: wb.LedgerReportInput, mutating: false, roles: ['member', 'staff', 'admin'], run: ledgerReport }),
  exportLedger: defineAction({ input: wb.LedgerReportInput, mutating: false, roles: ['member', 'staff', 'admin'], run: exportLedger }),
  exportEvaluation: defineAction({ input: wb.EvaluationYearInput, mutating: false, roles: STAFF, run: evaluation.exportEvaluation }),
  showcase: defineAction({ input: wb.ShowcaseInput, mutating: false, public: true, run: getShowcase }),
  myCard: defineAction({ input: empty, mutating: false, roles: STAFF, run: (ctx, actor) => getMyCard(ctx, actor) }),
  saveCard: defineAction({ input: wb.SaveCardInput, mutating: true, roles: STAFF, run: saveMyCard }),
  consent: defineAction({ input: wb.OrderConsentRef, mutating: false, run: getConsent }),
  setConsent: defineAction({ input: wb.ShowcaseConsentInput, mutating: true, run: setConsent }),
}

export const REGISTRY: Record<string, ActionTable> = { accounts, orders, points, mall, activities, workbench }
