// The wire as one map: function → action → input, output and whether it changes data. Type-only:
// the app imports it with `import type`, so no zod schema reaches the mini-program's packages. The
// server's registry is checked against it (`satisfies Implements<Api[fn]>` in core/registry.ts) and
// the app's transport takes its types from it, so a call with a wrong input fails to compile.
import type { z } from 'zod'
import type * as accounts from './accounts'
import type * as activities from './activities'
import type * as care from './care'
import type { empty } from './common'
import type * as gridTasks from './grid-tasks'
import type * as households from './households'
import type * as inbox from './inbox'
import type * as mall from './mall'
import type * as orders from './orders'
import type * as points from './points'
import type * as subscribe from './subscribe'
import type * as workbench from './workbench'

/** A read: no requestId, safe to repeat. */
interface Query<S extends z.ZodType, O> {
  input: z.input<S>
  output: O
  mutating: false
}

/** A change: runs in a transaction, once per requestId. */
interface Mutation<S extends z.ZodType, O> {
  input: z.input<S>
  output: O
  mutating: true
}

export interface ActionSpec {
  input: unknown
  output: unknown
  mutating: boolean
}

type Empty = typeof empty
type Items<T> = { items: T[] }

export interface Api {
  accounts: {
    me: Query<Empty, accounts.Me>
    listMembers: Query<Empty, Items<accounts.MemberListItem>>
    updateProfile: Mutation<typeof accounts.UpdateProfileInput, accounts.Me>
    inbox: Query<typeof inbox.InboxInput, inbox.InboxPage>
    markRead: Mutation<typeof inbox.MarkReadInput, inbox.MarkReadResult>
    exportMyData: Query<typeof accounts.ExportMyDataInput, accounts.MyData>
    deleteMe: Mutation<typeof accounts.DeleteMeInput, accounts.DeleteMeResult>
    subscribe: Mutation<typeof accounts.SubscribeInput, subscribe.Subscriptions>
    places: Query<typeof accounts.PlacesInput, accounts.Places>
    registerResident: Mutation<typeof accounts.RegisterResidentInput, accounts.RegistrationView>
    registerMember: Mutation<typeof accounts.RegisterMemberInput, accounts.RegistrationView>
    myRegistrations: Query<Empty, Items<accounts.RegistrationView>>
    verifyPhone: Query<typeof accounts.VerifyPhoneInput, { phone: string }>
    listPending: Query<typeof accounts.ListPendingInput, Items<accounts.RegistrationView>>
    approveResident: Mutation<typeof accounts.DecideRegistrationInput, accounts.RegistrationView>
    approveMember: Mutation<typeof accounts.DecideRegistrationInput, accounts.RegistrationView>
    people: Query<typeof accounts.PeopleInput, Items<accounts.PersonView>>
    setStaff: Mutation<typeof accounts.SetStaffInput, accounts.PersonView>
    setGridWorker: Mutation<typeof accounts.SetGridWorkerInput, accounts.PersonView>
    setHead: Mutation<typeof accounts.SetHeadInput, accounts.PersonView>
    residents: Query<typeof accounts.ResidentsInput, Items<accounts.ResidentItem>>
    upsertGrid: Mutation<typeof accounts.UpsertGridInput, { id: string; name: string }>
    upsertBuilding: Mutation<typeof accounts.UpsertBuildingInput, { id: string; name: string; gridId: string }>
    invite: Mutation<typeof accounts.InviteInput, accounts.InvitationLink>
    acceptInvite: Mutation<typeof accounts.AcceptInviteInput, accounts.SignedIn>
    signIn: Mutation<typeof accounts.SignInInput, accounts.SignedIn>
    setupCommunity: Mutation<typeof accounts.SetupCommunityInput, accounts.SignedIn>
    signOut: Mutation<Empty, { signedOut: true }>
    signOutEverywhere: Mutation<Empty, { signedOut: true }>
    passkeyRegistrationOptions: Mutation<Empty, accounts.PasskeyChallengeView>
    addPasskey: Mutation<typeof accounts.PasskeyAnswerInput, accounts.PasskeyView>
    passkeySignInOptions: Mutation<Empty, accounts.PasskeyChallengeView>
    signInWithPasskey: Mutation<typeof accounts.PasskeyAnswerInput, accounts.SignedIn>
    passkeys: Query<Empty, Items<accounts.PasskeyView>>
    removePasskey: Mutation<typeof accounts.RemovePasskeyInput, { id: string }>
  }
  orders: {
    create: Mutation<typeof orders.CreateOrderInput, orders.OrderDetail>
    list: Query<typeof orders.ListOrdersInput, orders.OrderPage>
    get: Query<typeof orders.OrderRef, orders.OrderDetail>
    review: Mutation<typeof orders.ReviewOrderInput, orders.OrderDetail>
    suggest: Query<typeof orders.OrderRef, Items<orders.Suggestion>>
    claim: Mutation<typeof orders.ClaimOrderInput, orders.OrderDetail>
    decline: Mutation<typeof orders.DeclineOrderInput, orders.OrderDetail>
    release: Mutation<typeof orders.ReleaseOrderInput, orders.OrderDetail>
    complete: Mutation<typeof orders.CompleteOrderInput, orders.OrderDetail>
    confirm: Mutation<typeof orders.ConfirmOrderInput, orders.OrderDetail>
    dispute: Mutation<typeof orders.DisputeOrderInput, orders.OrderDetail>
    cancel: Mutation<typeof orders.CancelOrderInput, orders.OrderDetail>
    refer: Mutation<typeof orders.ReferOrderInput, orders.OrderDetail>
    recordReferralAnswer: Mutation<typeof orders.ReferralAnswerInput, orders.OrderDetail>
    sendDown: Mutation<typeof orders.SendDownInput, orders.OrderDetail>
    revisit: Mutation<typeof orders.RevisitInput, orders.OrderDetail>
    units: Query<typeof orders.UnitsInput, Items<orders.UnitView>>
    upsertUnit: Mutation<typeof orders.UpsertUnitInput, orders.UnitView>
    publicWish: Query<typeof orders.OrderRef, orders.PublicWish>
  }
  points: {
    balance: Query<Empty, points.Balance>
    ledger: Query<typeof points.LedgerInput, points.LedgerPage>
    adjust: Mutation<typeof points.AdjustInput, points.AdjustResult>
    rules: Query<Empty, points.RulesView>
    updateRules: Mutation<typeof points.UpdateRulesInput, points.RulesView>
    ranking: Query<typeof points.RankingInput, points.Ranking>
    evaluation: Query<typeof points.EvaluationInput, points.EvaluationPacket>
    evaluations: Query<typeof points.EvaluationYearInput, points.EvaluationList>
    selfEvaluate: Mutation<typeof points.SelfEvaluationInput, points.EvaluationPacket>
    scoreEvaluation: Mutation<typeof points.ScoreEvaluationInput, points.EvaluationPacket>
    branchLink: Mutation<typeof points.BranchLinkInput, points.BranchLink>
    branchForm: Query<typeof points.BranchTokenInput, points.BranchForm>
    branchScore: Mutation<typeof points.BranchScoreInput, { done: true }>
  }
  mall: {
    listGoods: Query<typeof mall.ListGoodsInput, Items<mall.Goods>>
    upsertGoods: Mutation<typeof mall.UpsertGoodsInput, mall.Goods>
    redeem: Mutation<typeof mall.RedeemInput, mall.Redemption>
    myRedemptions: Query<typeof mall.MyRedemptionsInput, mall.RedemptionPage>
    cancelRedemption: Mutation<typeof mall.RedemptionRef, mall.Redemption>
    lookup: Query<typeof mall.PickupCodeInput, mall.PickupView>
    verify: Mutation<typeof mall.PickupCodeInput, mall.PickupView>
  }
  activities: {
    list: Query<typeof activities.ListActivitiesInput, activities.ActivityPage>
    get: Query<typeof activities.ActivityRef, activities.ActivityDetail>
    publish: Mutation<typeof activities.PublishActivityInput, activities.ActivityDetail>
    update: Mutation<typeof activities.UpdateActivityInput, activities.ActivityDetail>
    cancel: Mutation<typeof activities.CancelActivityInput, activities.ActivityDetail>
    signup: Mutation<typeof activities.ActivityRef, activities.SignupResult>
    withdraw: Mutation<typeof activities.ActivityRef, activities.WithdrawResult>
    checkinCode: Query<typeof activities.ActivityRef, activities.CheckinCode>
    checkin: Mutation<typeof activities.CheckinInput, activities.MySignup>
    markAttendance: Mutation<typeof activities.MarkAttendanceInput, activities.ActivityDetail>
    finish: Mutation<typeof activities.ActivityRef, activities.ActivityDetail>
    publicView: Query<typeof activities.ActivityRef, activities.PublicActivity>
  }
  workbench: {
    dashboard: Query<typeof workbench.PeriodInput, workbench.Dashboard>
    ledger: Query<typeof workbench.LedgerReportInput, workbench.LedgerReport>
    exportLedger: Query<typeof workbench.LedgerReportInput, workbench.ExportedFile>
    exportEvaluation: Query<typeof points.EvaluationYearInput, workbench.ExportedFile>
    showcase: Query<typeof workbench.ShowcaseInput, workbench.Showcase>
    myCard: Query<Empty, { card: workbench.MyCard | null }>
    saveCard: Mutation<typeof workbench.SaveCardInput, { card: workbench.MyCard | null }>
    consent: Query<typeof workbench.OrderConsentRef, workbench.ShowcaseConsentView>
    setConsent: Mutation<typeof workbench.ShowcaseConsentInput, workbench.ShowcaseConsentView>
    rosterTemplate: Query<Empty, workbench.ExportedFile>
    importRoster: Mutation<typeof accounts.ImportRosterInput, accounts.RosterPreview>
    gridTasks: Query<typeof gridTasks.ListGridTasksInput, Items<gridTasks.GridTaskSummary>>
    gridTask: Query<typeof gridTasks.GridTaskRef, gridTasks.GridTaskDetail>
    publishGridTask: Mutation<typeof gridTasks.PublishGridTaskInput, gridTasks.PublishedGridTasks>
    reportGridTask: Mutation<typeof gridTasks.ReportGridTaskInput, gridTasks.GridTaskDetail>
    submitGridTask: Mutation<typeof gridTasks.GridTaskRef, gridTasks.GridTaskDetail>
    confirmGridTask: Mutation<typeof gridTasks.GridTaskRef, gridTasks.GridTaskDetail>
    returnGridTask: Mutation<typeof gridTasks.ReturnGridTaskInput, gridTasks.GridTaskDetail>
    gridWorkers: Query<typeof gridTasks.GridWorkersInput, Items<gridTasks.GridWorkerItem>>
    streetDashboard: Query<typeof workbench.PeriodInput, workbench.StreetDashboard>
  }
  households: {
    list: Query<typeof households.ListHouseholdsInput, Items<households.HouseholdSummary>>
    due: Query<typeof households.DueInput, Items<households.HouseholdSummary>>
    get: Query<typeof households.HouseholdRef, households.HouseholdDetail>
    upsert: Mutation<typeof households.UpsertHouseholdInput, households.HouseholdDetail>
    logVisit: Mutation<typeof households.LogVisitInput, households.VisitLogged>
    // 结对帮扶 (docs/care.md)
    pair: Mutation<typeof care.PairInput, households.HouseholdDetail>
    unpair: Mutation<typeof care.PairRef, households.HouseholdDetail>
    careTasks: Query<Empty, Items<care.CareTaskView>>
    closeCareTask: Mutation<typeof care.CloseCareTaskInput, care.CareTaskClosed>
    coverage: Query<typeof care.CoverageInput, care.Coverage>
  }
}

export type Fn = keyof Api
export type ActionOf<F extends Fn> = keyof Api[F] & string
export type SpecOf<F extends Fn, A extends ActionOf<F>> = Api[F][A] extends ActionSpec ? Api[F][A] : never
/** What the caller sends: the schema's input side (defaults may be left out). */
export type InputOf<F extends Fn, A extends ActionOf<F>> = SpecOf<F, A>['input']
/** What comes back in `data` of the envelope. */
export type OutputOf<F extends Fn, A extends ActionOf<F>> = SpecOf<F, A>['output']
