// Page paths in one place (app.config.ts lists the same pages).
export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  me: '/pages/me/index',
  orderNew: '/resident/order-new/index',
  myOrders: '/resident/orders/index',
  orderDetail: '/resident/order-detail/index',
  hall: '/member/hall/index',
  tasks: '/member/tasks/index',
  taskDetail: '/member/task-detail/index',
  points: '/member/points/index',
  review: '/staff/review/index',
  reviewDetail: '/staff/review-detail/index',
} as const

export const TAB_ROUTES: string[] = [ROUTES.home, ROUTES.me]

/** Build "path?a=1&b=2" skipping empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return qs ? `${path}?${qs}` : path
}
