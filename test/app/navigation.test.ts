// Every page of app.config.ts has a way back in the browser: a tab page, 登录, a page that forwards
// elsewhere (components/moved), or a natural parent for 返回 after a reload or from a link.
import path from 'node:path'
import { PARENT, ROUTES, TAB_ROUTES, parentOf } from '../../src/constants/routes'
import { appPages, forwards as forwardsTo } from '../helpers/app-pages.cjs'

const root = path.join(__dirname, '..', '..')
const forwards = (route: string): boolean => forwardsTo(root, route)

describe('a way back from every page', () => {
  const all: string[] = appPages(root)

  it('reads the pages of app.config.ts', () => {
    expect(all.length).toBeGreaterThan(30)
    expect(all).toContain(ROUTES.orderDetail)
  })

  it.each(all)('%s', (route) => {
    if (TAB_ROUTES.includes(route) || route === ROUTES.login || forwards(route)) {
      expect(PARENT[route as keyof typeof PARENT]).toBeUndefined()
      return
    }
    const parent = parentOf(route, { id: 'a1' })
    expect(parent).not.toBeNull()
    // the parent is a page too, and never the page itself
    expect(all).toContain(parent?.split('?')[0])
    expect(parent?.split('?')[0]).not.toBe(route)
  })

  it('keeps the query keys a parent needs', () => {
    expect(parentOf(ROUTES.roster, { id: 'a1', tab: 'x' })).toBe(`${ROUTES.activityDetail}?id=a1`)
    expect(parentOf(ROUTES.orderDetail, { id: 'o1' })).toBe(ROUTES.myOrders)
    expect(parentOf('resident/order-detail/index', {})).toBe(ROUTES.myOrders) // Taro's routes have no leading slash
  })
})
