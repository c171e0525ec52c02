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
  // the workbench (subpackage workbench/)
  workbench: '/workbench/index',
  dashboard: '/workbench/dashboard/index',
  ledger: '/workbench/ledger/index',
  /** Staff add ?memberId= to score one member. */
  evaluation: '/workbench/evaluation/index',
  branchScore: '/workbench/branch-score/index',
  /** Staff add ?edit=1 for their own card. */
  showcase: '/workbench/showcase/index',
} as const

export const TAB_ROUTES: string[] = [ROUTES.home, ROUTES.messages, ROUTES.me]

/** Build "path?a=1&b=2" skipping empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return qs ? `${path}?${qs}` : path
}
