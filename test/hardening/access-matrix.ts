// Who may do what (DESIGN.md §1, §3, §8), declared once as the tests' oracle: one row per `fn.action`,
// one cell per caller and object. test/hardening/matrix.test.ts builds a real fixture for every row,
// calls each cell over HTTP and holds the answer to this table; a registry action without a row fails.
//
// Callers: anonymous (no token), a resident, a party member (also a resident, as members are), a
// community staff member (社区工作者), the community's admin (admin + staff), staff of another
// community, the 网格员 of the grid the community's fixture orders lie in (第一网格), a 网格员 of another
// grid of the same community (第二网格), and the account of the street (街道) owning both communities.
// Objects: `own` — the caller's own (their order, their task, their redemption, their sign-up, their
// notice), or for community records (activities, goods, pickup codes, orders under review) one of the
// caller's community; `others` — someone else's: another person's in the same community, or for
// community records one of another community. Actions without an object have `own` only.
//
// Outcomes: allow (200), deny (401 / 403 / 404, nothing written), refuse (400 naming the id at fault,
// nothing written), noop (200, nothing of anyone's changed — only the request's idempotency record),
// n/a (the cell does not exist).

export const CALLERS = [
  'anonymous',
  'resident',
  'member',
  'staff',
  'admin',
  'otherStaff',
  'gridWorker',
  'otherGridWorker',
  'street',
] as const
export type MatrixCaller = (typeof CALLERS)[number]
export type Outcome = 'allow' | 'deny' | 'refuse' | 'noop' | 'n/a'
export type Whose = 'own' | 'others'

/** Outcomes in CALLERS order. */
type Cells = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]
export interface AccessRow {
  own: Cells
  others: Cells
}

const A = 'allow'
const D = 'deny'
const R = 'refuse'
const Z = 'noop'
const N = 'n/a'
const NONE: Cells = [N, N, N, N, N, N, N, N, N]

//                                   anon res mem staff admin other grid otherGrid street
export const ACCESS_MATRIX: Record<string, AccessRow> = {
  'accounts.me': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.listMembers': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
  'accounts.updateProfile': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.inbox': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // another person's notice is passed over in silence
  'accounts.markRead': { own: [D, A, A, A, A, A, A, A, A], others: [D, Z, Z, Z, Z, Z, Z, Z, Z] },
  'accounts.exportMyData': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.deleteMe': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.subscribe': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // public: a newcomer opens a community's link before signing in (grids and buildings, no people)
  'accounts.places': { own: [A, A, A, A, A, A, A, A, A], others: [A, A, A, A, A, A, A, A, A] },
  // anyone signed in may register; a home or grid of another community is refused as input
  'accounts.registerResident': { own: [D, A, A, A, A, A, A, A, R], others: [D, R, R, R, R, R, R, R, R] },
  'accounts.registerMember': { own: [D, A, A, A, A, A, A, A, R], others: [D, R, R, R, R, R, R, R, R] },
  'accounts.myRegistrations': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // locally there is no WeChat to verify a phone: refused as input for everyone
  'accounts.verifyPhone': { own: [D, R, R, R, R, R, R, R, R], others: NONE },
  'accounts.listPending': { own: [D, D, D, A, A, A, D, D, D], others: NONE },
  'accounts.approveResident': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'accounts.approveMember': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // the admin's own tools: not staff, not another community's admin
  'accounts.people': { own: [D, D, D, D, A, D, D, D, D], others: NONE },
  'accounts.setStaff': { own: [D, D, D, D, A, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'accounts.upsertGrid': { own: [D, D, D, D, A, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'accounts.setGridWorker': { own: [D, D, D, D, A, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // 楼栋长 / 单元长: community workers mark them, in their own community only
  'accounts.setHead': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // 代办: whom one may order for — a 网格员's own grids, a community worker's whole community
  'accounts.residents': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
  'accounts.upsertBuilding': { own: [D, D, D, D, A, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // the self-hosted door: staff invite people of their community; the link, the password or the setup
  // link is the key, whoever holds it, signed in or not; everyone signs themselves out
  'accounts.invite': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'accounts.acceptInvite': { own: [A, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.signIn': { own: [A, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.setupCommunity': { own: [A, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.signOut': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.signOutEverywhere': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // passkeys: everyone signed in adds, lists and removes their own; an answer to another person's
  // challenge is refused as input, another person's passkey is not found; signing in is the door's
  'accounts.passkeyRegistrationOptions': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.addPasskey': { own: [D, A, A, A, A, A, A, A, A], others: [D, R, R, R, R, R, R, R, R] },
  'accounts.passkeySignInOptions': { own: [A, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.signInWithPasskey': { own: [A, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.passkeys': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'accounts.removePasskey': { own: [D, A, A, A, A, A, A, A, A], others: [D, D, D, D, D, D, D, D, D] },

  // members are residents too: they may order; staff and the grid's 网格员 order for a resident (代办), a
  // 网格员 of another grid is refused the resident as input; the street orders for nobody
  'orders.create': { own: [D, A, A, A, A, A, A, R, D], others: NONE },
  'orders.list': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // a member may open any dispatched order (never its contact: see test/hardening/privacy.test.ts); a
  // 网格员 the orders of their grids; the street those that reached 街道
  'orders.get': { own: [D, A, A, A, A, A, A, D, A], others: [D, D, A, D, D, D, D, D, D] },
  // a shared 微心愿 card: anyone, signed in or not (never who made it)
  'orders.publicWish': { own: [A, A, A, A, A, A, A, A, A], others: [A, A, A, A, A, A, A, A, A] },
  'orders.review': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.suggest': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // others: an order directed to another member
  'orders.claim': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.decline': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.release': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.complete': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // the resident confirms, or staff for them in the resident's words; never the member who served it.
  // Only the resident disputes or cancels
  'orders.confirm': { own: [D, A, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.dispute': { own: [D, A, D, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.cancel': { own: [D, A, D, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // 转办: the staff who look after the order's grid refer it and record the answer; the street answers
  // what stands at 街道 (own: such an order) and sends it back down; others: another community's
  'orders.refer': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.recordReferralAnswer': { own: [D, D, D, A, A, A, A, D, A], others: [D, D, D, D, D, D, D, D, D] },
  'orders.sendDown': { own: [D, D, D, D, D, D, D, D, A], others: [D, D, D, D, D, D, D, D, D] },
  // 回访 of a low-rated order
  'orders.revisit': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'orders.units': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
  'orders.upsertUnit': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },

  'points.balance': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'points.ledger': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // others: a member of another community, refused as input
  'points.adjust': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, R, R, R, D, D, D] },
  'points.rules': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'points.updateRules': { own: [D, D, D, D, A, D, D, D, D], others: NONE },
  'points.ranking': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // 三评: a member's own packet, or staff's of a member of their community
  'points.evaluation': { own: [D, D, A, A, A, A, D, D, D], others: [D, D, D, R, R, R, D, D, D] },
  'points.evaluations': { own: [D, D, D, A, A, A, D, D, D], others: NONE },
  'points.selfEvaluate': { own: [D, D, A, D, D, D, D, D, D], others: NONE },
  'points.scoreEvaluation': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, R, R, R, D, D, D] },
  'points.branchLink': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, R, R, R, D, D, D] },
  // public: the one-time link is the key (whoever holds it, signed in or not) — but the member it is
  // for never scores themselves (the fixture's link is the member's own)
  'points.branchForm': { own: [A, A, A, A, A, A, A, A, A], others: NONE },
  'points.branchScore': { own: [A, A, D, A, A, A, A, A, A], others: NONE },

  'mall.listGoods': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'mall.upsertGoods': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'mall.redeem': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'mall.myRedemptions': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  // a member cancels their own pickup; nobody else does
  'mall.cancelRedemption': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'mall.lookup': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'mall.verify': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },

  'activities.list': { own: [D, A, A, A, A, A, A, A, A], others: NONE },
  'activities.get': { own: [D, A, A, A, A, A, A, A, D], others: [D, D, D, D, D, D, D, D, D] },
  // a shared activity card: anyone, signed in or not (no roster, no names)
  'activities.publicView': { own: [A, A, A, A, A, A, A, A, A], others: [A, A, A, A, A, A, A, A, A] },
  'activities.publish': { own: [D, D, D, A, A, A, D, D, D], others: NONE },
  'activities.update': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'activities.cancel': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'activities.signup': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'activities.withdraw': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'activities.checkinCode': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'activities.checkin': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'activities.markAttendance': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'activities.finish': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },

  'workbench.dashboard': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
  // 街道数据看板: the street's accounts only (its communities' figures)
  'workbench.streetDashboard': { own: [D, D, D, D, D, D, D, D, A], others: NONE },
  // 工作台账: a member's own, or staff's of a member of their community
  'workbench.ledger': { own: [D, D, A, A, A, A, D, D, D], others: [D, D, D, R, R, R, D, D, D] },
  'workbench.exportLedger': { own: [D, D, A, A, A, A, D, D, D], others: [D, D, D, R, R, R, D, D, D] },
  'workbench.exportEvaluation': { own: [D, D, D, A, A, A, D, D, D], others: NONE },
  // public: 三亮一晒 pages are for anyone, of any grid
  'workbench.showcase': { own: [A, A, A, A, A, A, A, A, A], others: [A, A, A, A, A, A, A, A, A] },
  'workbench.myCard': { own: [D, D, D, A, A, A, D, D, D], others: NONE },
  'workbench.saveCard': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, R, R, R, D, D, D] },
  // only the resident decides whether their closed order is shown
  'workbench.consent': { own: [D, A, D, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'workbench.setConsent': { own: [D, A, D, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // 社区设置表: the admin's, into their own community only
  'workbench.rosterTemplate': { own: [D, D, D, D, A, D, D, D, D], others: NONE },
  'workbench.importRoster': { own: [D, D, D, D, A, D, D, D, D], others: NONE },
  // 网格台账: a 网格员's own tasks; staff see the community's; a 网格长 (gridWorker: 李娟 leads 第一网格)
  // publishes to the grids they lead, another 网格员 not at all; a grid of another community is refused as
  // input. Only the task's worker reports and submits; only community staff confirm or send back (never
  // the worker, nor the 网格长). Others: another worker's task, or another community's
  'workbench.gridTasks': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
  'workbench.gridTask': { own: [D, D, D, A, A, A, A, A, D], others: [D, D, D, D, D, D, D, D, D] },
  'workbench.publishGridTask': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, R, R, R, R, D, D] },
  'workbench.reportGridTask': { own: [D, D, D, D, D, D, A, A, D], others: [D, D, D, D, D, D, D, D, D] },
  'workbench.submitGridTask': { own: [D, D, D, D, D, D, A, A, D], others: [D, D, D, D, D, D, D, D, D] },
  'workbench.confirmGridTask': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'workbench.returnGridTask': { own: [D, D, D, A, A, A, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  // who a task may go to: staff see every grid's 网格员, a 网格长 their grids', another 网格员 nobody
  'workbench.gridWorkers': { own: [D, D, D, A, A, A, A, A, D], others: NONE },

  // 一户一档: community workers keep every grid's files, a 网格员 their grids' (another grid's household
  // does not exist for them); others: a household of another community. Paired members come later
  'households.list': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
  'households.due': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
  // …and the members paired with it (the member's own: 王秀兰's, paired in the demo), read only
  'households.get': { own: [D, D, A, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'households.upsert': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'households.logVisit': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },

  // 结对帮扶: pairs are kept by those who keep the file; the care task is the paired member's own (another
  // member's pair does not exist for them); coverage is the keepers' (a 网格员's: their grids')
  'households.pair': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'households.unpair': { own: [D, D, D, A, A, A, A, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'households.careTasks': { own: [D, D, A, D, D, D, D, D, D], others: NONE },
  'households.closeCareTask': { own: [D, D, A, D, D, D, D, D, D], others: [D, D, D, D, D, D, D, D, D] },
  'households.coverage': { own: [D, D, D, A, A, A, A, A, D], others: NONE },
}

/**
 * Input variants whose answer depends on the caller's role (a list scope, staff-only flags): which
 * callers may use each. Checked by the matrix test as well.
 */
const EVERYONE: readonly MatrixCaller[] = CALLERS.filter((c) => c !== 'anonymous')
/** Who looks after orders: community workers, and 网格员 (of any grid: the list holds their own). */
const LOOK_AFTER: readonly MatrixCaller[] = ['staff', 'admin', 'otherStaff', 'gridWorker', 'otherGridWorker']

export const ROLE_VARIANTS: Array<{ action: string; input: Record<string, unknown>; allowed: readonly MatrixCaller[] }> = [
  { action: 'orders.list', input: { scope: 'mine' }, allowed: EVERYONE },
  { action: 'orders.list', input: { scope: 'proxied' }, allowed: EVERYONE },
  { action: 'orders.list', input: { scope: 'hall' }, allowed: ['member'] },
  { action: 'orders.list', input: { scope: 'assigned' }, allowed: ['member'] },
  // a 网格员 of another grid is let in, and sees none of this grid's orders (test/usecases/grid-street.test.ts)
  { action: 'orders.list', input: { scope: 'review' }, allowed: LOOK_AFTER },
  { action: 'orders.list', input: { scope: 'overdue' }, allowed: LOOK_AFTER },
  { action: 'orders.list', input: { scope: 'revisit' }, allowed: LOOK_AFTER },
  { action: 'orders.list', input: { scope: 'street' }, allowed: ['street'] },
  { action: 'mall.listGoods', input: { all: true }, allowed: ['staff', 'admin', 'otherStaff'] },
  { action: 'activities.list', input: { scope: 'mine' }, allowed: EVERYONE },
  { action: 'activities.list', input: { scope: 'past' }, allowed: EVERYONE },
]
