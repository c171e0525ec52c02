// Page paths in one place (app.config.ts lists the same pages).
export const ROUTES = {
  home: '/pages/index/index',
  messages: '/pages/messages/index',
  login: '/pages/login/index',
  me: '/pages/me/index',
  orderNew: '/resident/order-new/index',
  myOrders: '/resident/orders/index',
  orderDetail: '/resident/order-detail/index',
  hall: '/member/hall/index',
  wishes: '/member/wishes/index',
  tasks: '/member/tasks/index',
  taskDetail: '/member/task-detail/index',
  points: '/member/points/index',
  /** ?scope=revisit (待回访) or proxied (我代办的); none: 待审核. */
  review: '/staff/review/index',
  /** 代办: pick the resident and how they asked, then the order form on their behalf. */
  proxy: '/staff/proxy/index',
  reviewDetail: '/staff/review-detail/index',
  overdue: '/staff/overdue/index',
  staffGoods: '/staff/goods/index',
  goodsEdit: '/staff/goods-edit/index',
  verify: '/staff/verify/index',
  mall: '/mall/index',
  goods: '/mall/goods/index',
  redemptions: '/mall/redemptions/index',
  activities: '/activity/index',
  activityDetail: '/activity/detail/index',
  myActivities: '/activity/mine/index',
  publish: '/activity/publish/index',
  roster: '/activity/roster/index',
  checkinCode: '/activity/checkin-code/index',
  // people and their registrations (subpackage account/)
  register: '/account/register/index',
  pending: '/account/pending/index',
  people: '/account/people/index',
  /** The self-hosted door: an invitation's page (?token=), a new server's setup (?token=), the 社区设置表 import. */
  acceptInvite: '/account/accept/index',
  setup: '/account/setup/index',
  rosterSetup: '/account/roster/index',
  /** 通行密钥 (the browser only). */
  passkeys: '/account/passkeys/index',
  /** 个人信息与隐私: what is held about me, its export, 注销账号. */
  privacy: '/account/privacy/index',
  // the workbench (subpackage workbench/)
  workbench: '/workbench/index',
  dashboard: '/workbench/dashboard/index',
  ledger: '/workbench/ledger/index',
  streetDashboard: '/workbench/street-dashboard/index',
  /** Staff add ?memberId= to score one member. */
  evaluation: '/workbench/evaluation/index',
  branchScore: '/workbench/branch-score/index',
  /** Staff add ?edit=1 for their own card. */
  showcase: '/workbench/showcase/index',
  // 一户一档 and 四必访 (subpackage households/): ?due=1 opens on 该走访了; a household and its visit form take ?id=
  households: '/households/index',
  household: '/households/detail/index',
  visit: '/households/visit/index',
  /** 建档 (no id) or 修改档案 (?id=). */
  householdEdit: '/households/edit/index',
  // 结对帮扶: a household's pair is arranged at ?id= (the household); a member closes a care task at ?id= (the pair)
  pair: '/households/pair/index',
  careTask: '/member/care/index',
  // 网格台账 (subpackage gridtasks/): ?mine=1 我的网格任务 (a 网格员's own); none: 待确认 and all (staff)
  gridTasks: '/gridtasks/index',
  gridTask: '/gridtasks/detail/index',
  publishGridTask: '/gridtasks/publish/index',
} as const

export const TAB_ROUTES: string[] = [ROUTES.home, ROUTES.messages, ROUTES.me]

type Route = (typeof ROUTES)[keyof typeof ROUTES]

/**
 * Where 返回 goes when nothing in the app came before the page (opened from a link, or reloaded in a
 * browser): its natural parent, with the query keys it shares (`id` of an activity's roster → its detail).
 * Tab pages and 登录 have none.
 */
export const PARENT: Partial<Record<Route, { path: Route; keep?: string[] }>> = {
  [ROUTES.orderNew]: { path: ROUTES.home },
  [ROUTES.myOrders]: { path: ROUTES.home },
  [ROUTES.orderDetail]: { path: ROUTES.myOrders },
  [ROUTES.hall]: { path: ROUTES.home },
  [ROUTES.wishes]: { path: ROUTES.hall },
  [ROUTES.tasks]: { path: ROUTES.home },
  [ROUTES.taskDetail]: { path: ROUTES.tasks },
  [ROUTES.points]: { path: ROUTES.home },
  [ROUTES.review]: { path: ROUTES.home },
  [ROUTES.reviewDetail]: { path: ROUTES.review },
  [ROUTES.proxy]: { path: ROUTES.home },
  [ROUTES.overdue]: { path: ROUTES.home },
  [ROUTES.staffGoods]: { path: ROUTES.home },
  [ROUTES.goodsEdit]: { path: ROUTES.staffGoods },
  [ROUTES.verify]: { path: ROUTES.home },
  [ROUTES.mall]: { path: ROUTES.home },
  [ROUTES.goods]: { path: ROUTES.mall },
  [ROUTES.redemptions]: { path: ROUTES.mall },
  [ROUTES.activities]: { path: ROUTES.home },
  [ROUTES.privacy]: { path: ROUTES.me },
  [ROUTES.activityDetail]: { path: ROUTES.activities },
  [ROUTES.myActivities]: { path: ROUTES.activities },
  [ROUTES.publish]: { path: ROUTES.activities },
  [ROUTES.roster]: { path: ROUTES.activityDetail, keep: ['id'] },
  [ROUTES.checkinCode]: { path: ROUTES.activityDetail, keep: ['id'] },
  [ROUTES.register]: { path: ROUTES.me },
  [ROUTES.pending]: { path: ROUTES.workbench },
  [ROUTES.people]: { path: ROUTES.workbench },
  [ROUTES.rosterSetup]: { path: ROUTES.workbench },
  [ROUTES.passkeys]: { path: ROUTES.me },
  // the door's pages are opened from a link before signing in: back is the sign-in page
  [ROUTES.acceptInvite]: { path: ROUTES.login },
  [ROUTES.setup]: { path: ROUTES.login },
  [ROUTES.workbench]: { path: ROUTES.home },
  [ROUTES.dashboard]: { path: ROUTES.workbench },
  [ROUTES.ledger]: { path: ROUTES.workbench },
  [ROUTES.evaluation]: { path: ROUTES.workbench },
  [ROUTES.branchScore]: { path: ROUTES.workbench },
  [ROUTES.showcase]: { path: ROUTES.workbench },
  [ROUTES.households]: { path: ROUTES.home },
  [ROUTES.household]: { path: ROUTES.households },
  [ROUTES.visit]: { path: ROUTES.household, keep: ['id'] },
  [ROUTES.householdEdit]: { path: ROUTES.households },
  [ROUTES.pair]: { path: ROUTES.household, keep: ['id'] },
  [ROUTES.careTask]: { path: ROUTES.tasks },
  [ROUTES.gridTasks]: { path: ROUTES.home },
  [ROUTES.gridTask]: { path: ROUTES.gridTasks },
  [ROUTES.publishGridTask]: { path: ROUTES.gridTasks },
  [ROUTES.streetDashboard]: { path: ROUTES.home },
}

/** The parent page's URL for a page at `route` with `params`, or null (a tab page, 登录). */
export function parentOf(route: string, params: Record<string, string | undefined>): string | null {
  const parent = PARENT[`/${route.replace(/^\//, '')}` as Route]
  if (!parent) return null
  return withQuery(parent.path, Object.fromEntries((parent.keep ?? []).map((k) => [k, params[k]])))
}

/** Build "path?a=1&b=2" skipping empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return qs ? `${path}?${qs}` : path
}
