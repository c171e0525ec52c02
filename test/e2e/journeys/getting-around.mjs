// Getting around (issue 20, SCREENS.md "Getting around"): every page of src/app.config.ts opened the way a
// link or a reload opens it — a fresh load of its URL — shows its title in the bar, and every page that
// is not a tab has 返回 (44 px or more) that lands on the page's natural parent (src/constants/routes.ts
// PARENT), and 首页 beside it. Each page is checked with axe-core (WCAG 2 A/AA). Then one in-app walk:
// 返回 goes to the page before, also after a reload; and in 长辈模式 the bar grows.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { appPages, forwards } from '../../helpers/app-pages.cjs'

/** ROUTES, TAB_ROUTES and PARENT as src/constants/routes.ts writes them. */
function routeTable(root) {
  const src = readFileSync(path.join(root, 'src', 'constants', 'routes.ts'), 'utf8')
  const routes = Object.fromEntries([...src.matchAll(/^ {2}(\w+): '(\/[^']+)',/gm)].map((m) => [m[1], m[2]]))
  const parent = {}
  for (const m of src.matchAll(/\[ROUTES\.(\w+)\]: \{ path: ROUTES\.(\w+)(?:, keep: \[([^\]]*)\])? \}/g)) {
    parent[routes[m[1]]] = { path: routes[m[2]], keep: [...(m[3] ?? '').matchAll(/'(\w+)'/g)].map((k) => k[1]) }
  }
  const tabs = [routes.home, routes.messages, routes.me]
  return { routes, parent, tabs }
}

/** The title a page's index.config.ts gives it. */
function configTitle(root, route) {
  const file = path.join(root, 'src', `${route.replace(/^\//, '')}.config.ts`)
  return /navigationBarTitleText: '([^']+)'/.exec(readFileSync(file, 'utf8'))?.[1] ?? null
}

/** Pages whose title follows what they show (Taro.setNavigationBarTitle): only checked to be there. */
const TITLE_FOLLOWS_CONTENT = new Set(['/staff/goods-edit/index', '/account/register/index', '/households/edit/index'])

/** Who opens a page: the person it is for. */
function whoOpens(route) {
  if (route === '/workbench/register/index') return 'resident' // forwards to 登记, a resident's page
  if (route === '/workbench/street-dashboard/index') return 'street' // 街道数据看板: the street's accounts only
  if (/\/(account|workbench)\/(people|roster)\//.test(route)) return 'admin' // 人员与网格, 社区设置: the community's admin
  if (
    /^\/(staff|workbench|households|gridtasks)\//.test(route) ||
    /account\/(pending|people)|activity\/(publish|roster|checkin-code)/.test(route)
  )
    return 'staff'
  if (/^\/(member|mall|activity)\//.test(route)) return 'member'
  return 'resident'
}

/** The bar as a person sees it: title, and which buttons show, with their size. */
async function bar(actor) {
  return actor.page.evaluate(() => {
    const el = document.getElementById('taro-navigation-bar')
    const box = (sel) => {
      const b = el?.querySelector(sel)
      if (!b || b.hidden || b.getClientRects().length === 0) return null
      const r = b.getBoundingClientRect()
      return { text: b.textContent.trim(), label: b.getAttribute('aria-label'), width: r.width, height: r.height }
    }
    const title = el?.querySelector('.taro-navigation-bar-title')
    const shown = el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0
    return {
      shown: !!shown,
      height: el?.getBoundingClientRect().height ?? 0,
      title: shown ? (title?.textContent ?? '').trim() : '',
      titleSize: title ? Number.parseFloat(getComputedStyle(title).fontSize) : 0,
      documentTitle: document.title,
      back: box('.page-bar__back'),
      home: box('.page-bar__home'),
    }
  })
}

const route = (actor) => decodeURIComponent(new URL(actor.page.url()).hash.slice(1)).split('?')[0]

export default {
  name: 'getting-around',
  // 39 pages, each loaded afresh, checked with axe and left by 返回: longer than a journey's usual 180 s
  timeoutMs: 300_000,
  title: 'every page: its title, 返回 to its parent (also after a reload), 首页; axe-core WCAG 2 A/AA on each',
  async run(j) {
    const pages = appPages(j.root)
    const { routes, parent, tabs } = routeTable(j.root)
    j.requireScreens(pages)
    // 签到码 of an activity whose check-in has not opened yet: the page says so (409 from checkinCode)
    j.allow(409, /\/api\/activities$/)

    // ---- what the pages need to show something: an order waiting for review, one in the hall, an activity, goods
    const people = { resident: 'u_wangxl', member: 'u_zhouzq', staff: 'u_linx', admin: 'u_xujh', street: 'u_st_zhoum' }
    const resident = await j.api.login(people.resident)
    const staffApi = await j.api.login(people.staff)
    const memberApi = await j.api.login(people.member)
    const order = async (title) =>
      j.api.call(
        resident.token,
        'orders',
        'create',
        { kind: 'service', category: 'elderly_child', title, description: '', urgency: 'normal', photos: [] },
        { mutate: true },
      )
    const waiting = await order('帮忙看看楼道的灯')
    const inHall = await order('陪我去社区医院复查')
    await j.api.call(staffApi.token, 'orders', 'review', { orderId: inHall.id, decision: 'dispatch' }, { mutate: true })
    const activities = await j.api.call(memberApi.token, 'activities', 'list', { scope: 'upcoming' })
    const activityId = activities.items[0]?.id
    assert.ok(activityId, 'the demo has an upcoming activity')
    const query = {
      [routes.orderDetail]: { id: waiting.id },
      [routes.reviewDetail]: { id: waiting.id },
      [routes.taskDetail]: { id: inHall.id },
      [routes.goods]: { id: 'g_demo_rice' },
      [routes.goodsEdit]: { id: 'g_demo_rice' },
      [routes.activityDetail]: { id: activityId },
      [routes.roster]: { id: activityId },
      [routes.checkinCode]: { id: activityId },
      [routes.household]: { id: 'hh_hx_wangxl' },
      [routes.visit]: { id: 'hh_hx_wangxl' },
      [routes.householdEdit]: { id: 'hh_hx_wangxl' },
      [routes.pair]: { id: 'hh_hx_liudm' },
      [routes.careTask]: { id: 'pr_hx_wangxl' },
      [routes.gridTask]: { id: 'gt_demo_wangf' },
    }

    const actors = {
      resident: await j.actor('resident', { userId: people.resident }),
      member: await j.actor('member', { userId: people.member, role: 'member' }),
      staff: await j.actor('staff', { userId: people.staff, role: 'staff' }),
      admin: await j.actor('admin', { userId: people.admin, role: 'staff' }),
      street: await j.actor('street', { userId: people.street }),
    }

    // ---- every page, opened on its own (a link, a reload): title, 返回 → parent, 首页
    const report = []
    for (const page of pages) {
      const actor = actors[whoOpens(page)]
      const q = new URLSearchParams(query[page] ?? {}).toString()
      await actor.open(`${page}${q ? `?${q}` : ''}`)
      let here = page
      if (forwards(j.root, page)) {
        // an old route forwards to where the page lives now; that page is checked in its own turn
        await actor.page.waitForFunction((p) => !decodeURIComponent(location.hash).startsWith(`#${p}`), page, { timeout: 10_000 })
        here = route(actor)
        assert.ok(pages.includes(here), `${page} forwards to a page of the app (${here})`)
        await actor.settle()
      }
      const b = await bar(actor)
      assert.ok(b.shown, `${here}: the bar is shown`)
      assert.ok(b.title.length > 0, `${here}: the bar shows a title`)
      assert.equal(b.title, b.documentTitle, `${here}: the browser tab has the same title`)
      const want = configTitle(j.root, here)
      if (!TITLE_FOLLOWS_CONTENT.has(here) && here !== routes.reviewDetail) assert.equal(b.title, want, `${here}: the title is the page's`)
      await j.axe(actor, here)

      const tab = tabs.includes(here)
      if (tab || here === routes.login) {
        assert.equal(b.back, null, `${here}: a tab page (or 登录) has no 返回`)
        report.push(`${here} 「${b.title}」 ${tab ? 'tab' : 'sign-in'}`)
        continue
      }
      assert.ok(b.back, `${here}: 返回 is shown`)
      assert.ok(b.back.height >= 44 && b.back.width >= 44, `${here}: 返回 is at least 44 px (${b.back.width}×${b.back.height})`)
      assert.ok(b.home, `${here}: opened on its own, 首页 is shown beside 返回`)
      const p = parent[here]
      assert.ok(p, `${here}: has a natural parent in routes.ts`)
      await actor.tap('.page-bar__back')
      await actor.onRoute(p.path)
      for (const k of p.keep) assert.match(actor.page.url(), new RegExp(`[?&]${k}=`), `${here}: 返回 keeps ${k} for ${p.path}`)
      report.push(`${here} 「${b.title}」 返回 → ${p.path}`)
    }
    console.log(`    ${report.length} pages:\n${report.map((l) => `      ${l}`).join('\n')}`)

    // ---- in the app: 返回 goes to the page before; after a reload, to the parent; 长辈模式 grows the bar
    const r = actors.resident
    await r.open(routes.home)
    await r.tap('.btn-kind-service')
    await r.onRoute(routes.orderNew)
    let b = await bar(r)
    assert.ok(b.back && !b.home, 'opened from 首页: 返回, and no 首页 (back stays in the app)')
    await j.shot(r, 'order-new-from-home')
    await r.tap('.page-bar__back')
    await r.onRoute(routes.home)
    await r.open(routes.myOrders)
    await r.tap('.order-card', { hasText: '帮忙看看楼道的灯' })
    await r.onRoute(routes.orderDetail)
    await j.shot(r, 'order-detail-from-list')
    await r.page.reload({ waitUntil: 'domcontentloaded' })
    await r.vis('.screen').first().waitFor()
    await r.settle()
    b = await bar(r)
    assert.ok(b.back && b.home, 'after a reload: 返回 and 首页')
    await j.shot(r, 'order-detail-after-reload')
    await r.tap('.page-bar__back')
    await r.onRoute(routes.myOrders)
    await r.tap('.page-bar__back')
    await r.onRoute(routes.home)

    const normal = b
    const elder = await j.actor('resident-elder', { userId: people.resident, elder: true })
    await elder.open(`${routes.orderDetail}?id=${waiting.id}`)
    b = await bar(elder)
    assert.ok(b.back.height >= 48, `长辈模式: 返回 is at least 48 px (${b.back.height})`)
    assert.ok(b.titleSize > normal.titleSize, `长辈模式: the title grows (${normal.titleSize} → ${b.titleSize} px)`)
    await j.shot(elder, 'bar-elder')
  },
}
