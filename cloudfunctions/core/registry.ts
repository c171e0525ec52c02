// The action registry: every function's actions with their schema, kind and the roles that may call.
// The local gateway, the CloudBase entries and the tests all read this one table.
import type { z } from 'zod'
import * as acc from '@shared/accounts'
import * as act from '@shared/activities'
import * as care from '@shared/care'
import type { Api, Fn } from '@shared/api'
import { empty } from '@shared/common'
import * as gt from '@shared/grid-tasks'
import * as hh from '@shared/households'
import * as inbox from '@shared/inbox'
import * as shop from '@shared/mall'
import * as ord from '@shared/orders'
import * as pts from '@shared/points'
import * as wb from '@shared/workbench'
import type { ActionDef, ActionTable, Replay } from './edge'
import { approveMember, approveResident, listPending } from './usecases/accounts/approve'
import { deleteMe } from './usecases/accounts/delete-me'
import { exportMyData } from './usecases/accounts/export-my-data'
import { getInbox, markRead } from './usecases/accounts/inbox'
import { listMembers } from './usecases/accounts/list-members'
import { downloadRosterTemplate, importRoster } from './usecases/accounts/import-roster'
import { getMe } from './usecases/accounts/me'
import {
  listPeople,
  listPlaces,
  listResidents,
  setGridWorker,
  setHead,
  setStaff,
  upsertBuilding,
  upsertGrid,
} from './usecases/accounts/people'
import { signOut, signOutEverywhere } from './usecases/accounts/sessions'
import {
  addPasskey,
  listPasskeys,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  removePasskey,
  signInWithPasskey,
} from './usecases/accounts/passkeys'
import { acceptInvite, invite, setupCommunity, signIn } from './usecases/accounts/sign-in'
import { myRegistrations, registerMember, registerResident, verifyPhone } from './usecases/accounts/register'
import { subscribe } from './usecases/accounts/subscribe'
import { updateProfile } from './usecases/accounts/update-profile'
import { checkin, checkinCode, markAttendance } from './usecases/activities/checkin'
import { finishActivity } from './usecases/activities/finish'
import { getActivity, listActivities } from './usecases/activities/list'
import { publicActivity } from './usecases/activities/public-view'
import { cancelActivity, updateActivity } from './usecases/activities/manage'
import { publishActivity } from './usecases/activities/publish'
import { signupActivity, withdrawActivity } from './usecases/activities/signup'
import { listGoods, upsertGoods } from './usecases/mall/goods'
import { redeemGoods } from './usecases/mall/redeem'
import { cancelRedemption, lookupPickup, myRedemptions, verifyPickup } from './usecases/mall/redemptions'
import { recordReferralAnswer } from './usecases/orders/answer'
import { cancelOrder } from './usecases/orders/cancel'
import { claimOrder } from './usecases/orders/claim'
import { completeOrder } from './usecases/orders/complete'
import { confirmOrder } from './usecases/orders/confirm'
import { createOrder } from './usecases/orders/create'
import { declineOrder } from './usecases/orders/decline'
import { disputeOrder } from './usecases/orders/dispute'
import { getOrder } from './usecases/orders/get'
import { publicWish } from './usecases/orders/public-wish'
import { listOrders } from './usecases/orders/list'
import { referOrder } from './usecases/orders/refer'
import { releaseOrder } from './usecases/orders/release'
import { reviewOrder } from './usecases/orders/review'
import { revisitOrder } from './usecases/orders/revisit'
import { sendOrderDown } from './usecases/orders/send-down'
import { listUnits, upsertUnit } from './usecases/orders/units'
import { suggestMembers } from './usecases/orders/suggest'
import { adjustPoints } from './usecases/points/adjust'
import { getBalance, getLedger } from './usecases/points/balance'
import * as evaluation from './usecases/points/evaluation'
import { getRanking } from './usecases/points/ranking'
import { getRules, updateRules } from './usecases/points/rules'
import { dueHouseholds, getHousehold, listHouseholds } from './usecases/households/list'
import { logVisit } from './usecases/households/log-visit'
import { careCoverage, careTaskNow, closeCareTask, myCareTasks, pairHousehold, unpairHousehold } from './usecases/households/care'
import { upsertHousehold } from './usecases/households/upsert'
import { getDashboard, getStreetDashboard } from './usecases/workbench/dashboard'
import { exportLedger, ledgerReport } from './usecases/workbench/ledger'
import { getConsent, getMyCard, getShowcase, saveMyCard, setConsent } from './usecases/workbench/showcase'
import { confirmGridTask, returnGridTask } from './usecases/grid-tasks/confirm'
import { getGridTask, listGridTasks } from './usecases/grid-tasks/list'
import { listGridWorkers, publishGridTask } from './usecases/grid-tasks/publish'
import { reportGridTask, submitGridTask } from './usecases/grid-tasks/report'

const STAFF = ['staff', 'admin'] as const
/** Who looks after orders: community workers for every grid, 网格员 for theirs (the use case checks which). */
const GRID = ['staff', 'admin', 'grid_worker'] as const
// spelled out, not spread from GRID: a spread in a table keeps every use case in every bundle (build-functions)
const ORDERERS = ['resident', 'staff', 'admin', 'grid_worker'] as const
const ANSWERERS = ['staff', 'admin', 'grid_worker', 'street'] as const

/** A read: runs on committed data, no requestId. */
const query = <S extends z.ZodType, O>(def: Omit<ActionDef<S, O>, 'mutating'>): ActionDef<S, O> & { mutating: false } => ({
  ...def,
  mutating: false,
})

/** A change: one transaction, idempotent by requestId. */
const mutation = <S extends z.ZodType, O>(def: Omit<ActionDef<S, O>, 'mutating'>): ActionDef<S, O> & { mutating: true } => ({
  ...def,
  mutating: true,
})

/**
 * What a function's table must be to implement its part of the wire map (types/api.ts): every action of
 * the map and no other, each with a schema whose input is the map's, the map's kind (query or mutation),
 * and a use case whose result fits the map's output. A drift on either side fails `npm run typecheck`.
 */
type Implements<M> = {
  [A in keyof M]: M[A] extends { input: infer I; output: infer O; mutating: infer Mu }
    ? Omit<ActionDef, 'input' | 'mutating' | 'run'> & {
        input: z.ZodType<unknown, I>
        mutating: Mu
        run: (...args: never[]) => Promise<O>
      }
    : never
}

export const accounts = {
  me: query({ input: empty, run: (ctx, actor) => getMe(ctx, actor) }),
  listMembers: query({ input: empty, roles: GRID, run: (ctx, actor) => listMembers(ctx, actor) }),
  updateProfile: mutation({ input: acc.UpdateProfileInput, run: updateProfile }),
  inbox: query({ input: inbox.InboxInput, run: getInbox }),
  markRead: mutation({ input: inbox.MarkReadInput, run: markRead }),
  exportMyData: query({ input: acc.ExportMyDataInput, run: (ctx, actor) => exportMyData(ctx, actor) }),
  deleteMe: mutation({ input: acc.DeleteMeInput, run: deleteMe }),
  // 订阅消息: what the person just accepted in WeChat's subscription sheet
  subscribe: mutation({ input: acc.SubscribeInput, run: subscribe }),
  // 居民登记 / 双报到 and their review (成员审核); places for the form; the admin's staff and grids
  places: query({ input: acc.PlacesInput, public: true, run: listPlaces }),
  registerResident: mutation({ input: acc.RegisterResidentInput, run: registerResident }),
  registerMember: mutation({ input: acc.RegisterMemberInput, run: registerMember }),
  myRegistrations: query({ input: empty, run: (ctx, actor) => myRegistrations(ctx, actor) }),
  verifyPhone: query({ input: acc.VerifyPhoneInput, run: verifyPhone }),
  listPending: query({ input: acc.ListPendingInput, roles: STAFF, run: listPending }),
  approveResident: mutation({ input: acc.DecideRegistrationInput, roles: STAFF, run: approveResident }),
  approveMember: mutation({ input: acc.DecideRegistrationInput, roles: STAFF, run: approveMember }),
  people: query({ input: acc.PeopleInput, roles: ['admin'], run: listPeople }),
  setStaff: mutation({ input: acc.SetStaffInput, roles: ['admin'], run: setStaff }),
  setGridWorker: mutation({ input: acc.SetGridWorkerInput, roles: ['admin'], run: setGridWorker }),
  setHead: mutation({ input: acc.SetHeadInput, roles: STAFF, run: setHead }),
  // 代办: the residents of the caller's grids
  residents: query({ input: acc.ResidentsInput, roles: GRID, run: listResidents }),
  upsertGrid: mutation({ input: acc.UpsertGridInput, roles: ['admin'], run: upsertGrid }),
  upsertBuilding: mutation({ input: acc.UpsertBuildingInput, roles: ['admin'], run: upsertBuilding }),
  // the self-hosted door: invitations, passwords, sessions (secret: a link's token, a password or a
  // session token never rests in a stored reply)
  invite: mutation({ input: acc.InviteInput, roles: STAFF, secret: true, run: invite }),
  acceptInvite: mutation({ input: acc.AcceptInviteInput, public: true, secret: true, run: acceptInvite }),
  signIn: mutation({ input: acc.SignInInput, public: true, secret: true, run: signIn }),
  setupCommunity: mutation({ input: acc.SetupCommunityInput, public: true, secret: true, run: setupCommunity }),
  signOut: mutation({ input: empty, run: (ctx, actor) => signOut(ctx, actor) }),
  signOutEverywhere: mutation({ input: empty, run: (ctx, actor) => signOutEverywhere(ctx, actor) }),
  // passkeys (local mode, where the site has an origin): a challenge, then the browser's answer to it
  passkeyRegistrationOptions: mutation({ input: empty, run: (ctx, actor) => passkeyRegistrationOptions(ctx, actor) }),
  addPasskey: mutation({ input: acc.PasskeyAnswerInput, run: addPasskey }),
  passkeySignInOptions: mutation({ input: empty, public: true, run: (ctx, actor) => passkeySignInOptions(ctx, actor) }),
  signInWithPasskey: mutation({ input: acc.PasskeyAnswerInput, public: true, secret: true, run: signInWithPasskey }),
  passkeys: query({ input: empty, run: (ctx, actor) => listPasskeys(ctx, actor) }),
  removePasskey: mutation({ input: acc.RemovePasskeyInput, run: removePasskey }),
} satisfies Implements<Api['accounts']>

/**
 * An order action's reply shows the order as its caller may see it then — the resident's contact while
 * they hold it. A repeat shows it as it is now (released, its resident gone: no contact), and only the
 * order's id is stored.
 */
const asOrderNow: Replay<ord.OrderDetail> = {
  keep: (order) => ({ orderId: order.id }),
  answer: (ctx, actor, kept: { orderId: string }) => getOrder(ctx, actor, kept),
}

export const orders = {
  // a resident's own, or 代办 for one by the staff who look after their grid
  create: mutation({ input: ord.CreateOrderInput, roles: ORDERERS, replay: asOrderNow, run: createOrder }),
  list: query({ input: ord.ListOrdersInput, run: listOrders }),
  get: query({ input: ord.OrderRef, run: getOrder }),
  review: mutation({ input: ord.ReviewOrderInput, roles: GRID, replay: asOrderNow, run: reviewOrder }),
  suggest: query({ input: ord.OrderRef, roles: GRID, run: suggestMembers }),
  claim: mutation({ input: ord.ClaimOrderInput, roles: ['member'], replay: asOrderNow, run: claimOrder }),
  decline: mutation({ input: ord.DeclineOrderInput, roles: ['member'], replay: asOrderNow, run: declineOrder }),
  release: mutation({ input: ord.ReleaseOrderInput, roles: ['member'], replay: asOrderNow, run: releaseOrder }),
  complete: mutation({ input: ord.CompleteOrderInput, roles: ['member'], replay: asOrderNow, run: completeOrder }),
  confirm: mutation({ input: ord.ConfirmOrderInput, replay: asOrderNow, run: confirmOrder }),
  dispute: mutation({ input: ord.DisputeOrderInput, replay: asOrderNow, run: disputeOrder }),
  cancel: mutation({ input: ord.CancelOrderInput, replay: asOrderNow, run: cancelOrder }),
  // 转办 and 分级响应: refer to a unit, its answer (by staff, or 街道 once it stands there), 街道 sending
  // an order back down, the 回访 after a low rating, and the community's directory of units
  refer: mutation({ input: ord.ReferOrderInput, roles: GRID, replay: asOrderNow, run: referOrder }),
  recordReferralAnswer: mutation({ input: ord.ReferralAnswerInput, roles: ANSWERERS, replay: asOrderNow, run: recordReferralAnswer }),
  sendDown: mutation({ input: ord.SendDownInput, roles: ['street'], replay: asOrderNow, run: sendOrderDown }),
  revisit: mutation({ input: ord.RevisitInput, roles: GRID, replay: asOrderNow, run: revisitOrder }),
  units: query({ input: ord.UnitsInput, roles: GRID, run: listUnits }),
  upsertUnit: mutation({ input: ord.UpsertUnitInput, roles: STAFF, run: upsertUnit }),
  // a 微心愿's shared card, for someone not signed in or not yet a member of its community
  publicWish: query({ input: ord.OrderRef, public: true, run: publicWish }),
} satisfies Implements<Api['orders']>

export const points = {
  balance: query({ input: empty, run: (ctx, actor) => getBalance(ctx, actor) }),
  ledger: query({ input: pts.LedgerInput, run: getLedger }),
  adjust: mutation({ input: pts.AdjustInput, roles: STAFF, run: adjustPoints }),
  rules: query({ input: empty, run: (ctx, actor) => getRules(ctx, actor) }),
  updateRules: mutation({ input: pts.UpdateRulesInput, roles: ['admin'], run: updateRules }),
  ranking: query({ input: pts.RankingInput, run: getRanking }),
  // 三评: the packet, 自评, 社区测评 / 组织考评 by staff, and the branch's one-time link
  evaluation: query({ input: pts.EvaluationInput, roles: ['member', 'staff', 'admin'], run: evaluation.getEvaluation }),
  evaluations: query({ input: pts.EvaluationYearInput, roles: STAFF, run: evaluation.listEvaluations }),
  selfEvaluate: mutation({ input: pts.SelfEvaluationInput, roles: ['member'], run: evaluation.selfEvaluate }),
  scoreEvaluation: mutation({ input: pts.ScoreEvaluationInput, roles: STAFF, run: evaluation.scoreEvaluation }),
  branchLink: mutation({ input: pts.BranchLinkInput, roles: STAFF, run: evaluation.createBranchLink }),
  branchForm: query({ input: pts.BranchTokenInput, public: true, run: evaluation.branchForm }),
  branchScore: mutation({ input: pts.BranchScoreInput, public: true, run: evaluation.branchScore }),
} satisfies Implements<Api['points']>

export const mall = {
  listGoods: query({ input: shop.ListGoodsInput, run: listGoods }),
  upsertGoods: mutation({ input: shop.UpsertGoodsInput, roles: STAFF, run: upsertGoods }),
  redeem: mutation({ input: shop.RedeemInput, roles: ['member'], run: redeemGoods }),
  myRedemptions: query({ input: shop.MyRedemptionsInput, run: myRedemptions }),
  cancelRedemption: mutation({ input: shop.RedemptionRef, run: cancelRedemption }),
  lookup: query({ input: shop.PickupCodeInput, roles: STAFF, run: lookupPickup }),
  verify: mutation({ input: shop.PickupCodeInput, roles: STAFF, run: verifyPickup }),
} satisfies Implements<Api['mall']>

export const activities = {
  list: query({ input: act.ListActivitiesInput, run: listActivities }),
  get: query({ input: act.ActivityRef, run: getActivity }),
  publish: mutation({ input: act.PublishActivityInput, roles: STAFF, run: publishActivity }),
  update: mutation({ input: act.UpdateActivityInput, roles: STAFF, run: updateActivity }),
  cancel: mutation({ input: act.CancelActivityInput, roles: STAFF, run: cancelActivity }),
  signup: mutation({ input: act.ActivityRef, roles: ['member'], run: signupActivity }),
  withdraw: mutation({ input: act.ActivityRef, roles: ['member'], run: withdrawActivity }),
  checkinCode: query({ input: act.ActivityRef, roles: STAFF, run: checkinCode }),
  checkin: mutation({ input: act.CheckinInput, roles: ['member'], run: checkin }),
  markAttendance: mutation({ input: act.MarkAttendanceInput, roles: STAFF, run: markAttendance }),
  finish: mutation({ input: act.ActivityRef, roles: STAFF, run: finishActivity }),
  // a shared activity card, for someone not signed in or not yet of its community
  publicView: query({ input: act.ActivityRef, public: true, run: publicActivity }),
} satisfies Implements<Api['activities']>

/** A grid task's reply shows its photos' links: a repeat shows the task as it is now, from its id. */
const asTaskNow: Replay<gt.GridTaskDetail> = {
  keep: (t) => ({ taskId: t.id }),
  answer: (ctx, actor, kept: { taskId: string }) => getGridTask(ctx, actor, kept),
}

/** 工作台: the dashboard, 工作台账 and 三评 exports, and 三亮一晒. */
export const workbench = {
  dashboard: query({ input: wb.PeriodInput, roles: GRID, run: getDashboard }),
  ledger: query({ input: wb.LedgerReportInput, roles: ['member', 'staff', 'admin'], run: ledgerReport }),
  exportLedger: query({ input: wb.LedgerReportInput, roles: ['member', 'staff', 'admin'], run: exportLedger }),
  exportEvaluation: query({ input: pts.EvaluationYearInput, roles: STAFF, run: evaluation.exportEvaluation }),
  showcase: query({ input: wb.ShowcaseInput, public: true, run: getShowcase }),
  myCard: query({ input: empty, roles: STAFF, run: (ctx, actor) => getMyCard(ctx, actor) }),
  saveCard: mutation({ input: wb.SaveCardInput, roles: STAFF, run: saveMyCard }),
  consent: query({ input: wb.OrderConsentRef, run: getConsent }),
  setConsent: mutation({ input: wb.ShowcaseConsentInput, run: setConsent }),
  // 社区设置表 (an admin's: the template, and an import — a dry run, then the commit). In the workbench
  // function with the other workbooks: in accounts it would take that bundle past its 200 KB
  rosterTemplate: query({ input: empty, roles: ['admin'], run: (ctx, actor) => downloadRosterTemplate(ctx, actor) }),
  importRoster: mutation({ input: acc.ImportRosterInput, roles: ['admin'], run: importRoster }),
  // 网格台账: tasks for the 网格员 (published by staff or a 网格长), their progress and submission, and
  // staff's confirmation (never the worker's own: the use case checks) that pays the rules' points once
  gridTasks: query({ input: gt.ListGridTasksInput, roles: GRID, run: listGridTasks }),
  gridTask: query({ input: gt.GridTaskRef, roles: GRID, run: getGridTask }),
  publishGridTask: mutation({ input: gt.PublishGridTaskInput, roles: GRID, run: publishGridTask }),
  reportGridTask: mutation({ replay: asTaskNow, input: gt.ReportGridTaskInput, roles: ['grid_worker'], run: reportGridTask }),
  submitGridTask: mutation({ replay: asTaskNow, input: gt.GridTaskRef, roles: ['grid_worker'], run: submitGridTask }),
  confirmGridTask: mutation({ replay: asTaskNow, input: gt.GridTaskRef, roles: STAFF, run: confirmGridTask }),
  returnGridTask: mutation({ replay: asTaskNow, input: gt.ReturnGridTaskInput, roles: STAFF, run: returnGridTask }),
  gridWorkers: query({ input: gt.GridWorkersInput, roles: GRID, run: listGridWorkers }),
  // 街道数据看板: the street's communities over a period, each and all together
  streetDashboard: query({ input: wb.PeriodInput, roles: ['street'], run: getStreetDashboard }),
} satisfies Implements<Api['workbench']>

/**
 * A household's file holds its people's phones: a stored reply keeps only the ids, and a repeat shows
 * the file as it is now to whoever may still read it.
 */
const asHouseholdNow: Replay<hh.HouseholdDetail> = {
  keep: (h) => ({ householdId: h.id }),
  answer: (ctx, actor, kept: { householdId: string }) => getHousehold(ctx, actor, kept),
}
const asVisitNow: Replay<hh.VisitLogged> = {
  keep: (v) => ({ householdId: v.household.id, visitId: v.visitId, orderId: v.orderId }),
  answer: async (ctx, actor, kept: { householdId: string; visitId: string; orderId: string | null }) => ({
    household: await getHousehold(ctx, actor, kept),
    visitId: kept.visitId,
    orderId: kept.orderId,
  }),
}

/** A care task's close keeps ids only (its task names the household's address); a repeat shows the task now. */
const asCareNow: Replay<care.CareTaskClosed> = {
  keep: (c) => ({ pairId: c.task.pairId, recordId: c.recordId, points: c.points }),
  answer: (ctx, actor, kept: { pairId: string; recordId: string; points: number }) => careTaskNow(ctx, actor, kept),
}

/** 一户一档 and 四必访: the files the community's staff and the grid's 网格员 keep, and their visits. */
export const households = {
  list: query({ input: hh.ListHouseholdsInput, roles: GRID, run: listHouseholds }),
  due: query({ input: hh.DueInput, roles: GRID, run: dueHouseholds }),
  // its keepers, and the members paired with it (结对帮扶: that household only, read only)
  get: query({ input: hh.HouseholdRef, roles: ['staff', 'admin', 'grid_worker', 'member'], run: getHousehold }),
  upsert: mutation({ input: hh.UpsertHouseholdInput, roles: GRID, replay: asHouseholdNow, run: upsertHousehold }),
  logVisit: mutation({ input: hh.LogVisitInput, roles: GRID, replay: asVisitNow, run: logVisit }),
  // 结对帮扶: pairs kept by those who keep the file; the care task in the paired members' lists, closed
  // with a report and photos for the care points; coverage for staff
  pair: mutation({ input: care.PairInput, roles: GRID, replay: asHouseholdNow, run: pairHousehold }),
  unpair: mutation({ input: care.PairRef, roles: GRID, replay: asHouseholdNow, run: unpairHousehold }),
  careTasks: query({ input: empty, roles: ['member'], run: (ctx, actor) => myCareTasks(ctx, actor) }),
  closeCareTask: mutation({ input: care.CloseCareTaskInput, roles: ['member'], replay: asCareNow, run: closeCareTask }),
  coverage: query({ input: care.CoverageInput, roles: GRID, run: careCoverage }),
} satisfies Implements<Api['households']>

export const REGISTRY: { [F in Fn]: ActionTable } = { accounts, orders, points, mall, activities, workbench, households }
