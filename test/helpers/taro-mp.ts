// Run Taro's compiled weapp output (dist/) inside miniprogram-simulate (jest + jsdom): host shims for
// App/Page/getCurrentPages and a fake `wx` with storage and cloud functions.
import path from 'node:path'
import simulate from 'miniprogram-simulate'

const g = globalThis as any
const pages: any[] = []
let appInstance: any

export const ROOT = path.resolve(__dirname, '../..')
export const DIST = path.join(ROOT, 'dist')

/** Poll until `cond()` is truthy (Taro/React 18 commit + setData are async). */
export async function waitFor(cond: () => unknown, timeoutMs = 3000, stepMs = 5): Promise<number> {
  const t0 = Date.now()
  for (;;) {
    if (cond()) return Date.now() - t0
    if (Date.now() - t0 > timeoutMs) throw new Error(`waitFor timed out after ${timeoutMs}ms`)
    await simulate.sleep(stepMs)
  }
}

/** Host globals Taro's mini-program runtime expects (the simulator only provides Component/Behavior/wx). */
export function installTaroHostGlobals() {
  g.App = (opts) => {
    appInstance = opts
  }
  g.getApp = () => appInstance
  g.getCurrentPages = () => (pages.length ? pages : [{ route: 'pages/jest/index', options: {} }])
}

/** require dist/app.js (webpack runtime + vendors + taro chunks + App(createReactApp(...))) and launch it. */
export function bootTaroApp(dist: string = DIST) {
  installTaroHostGlobals()
  require(path.join(dist, 'app.js'))
  appInstance?.onLaunch?.({ path: '', query: {}, scene: 1001 })
  appInstance?.onShow?.({ path: '', query: {}, scene: 1001 })
  return appInstance
}

/** Load a Taro page (Page(createPageConfig(...))) as a j-component: Page -> Component shim. Once per route per file. */
export function loadTaroPage(dist: string, route: string, query: Record<string, string> = {}) {
  const realComponent = g.Component // installed by miniprogram-simulate
  g.Page = (opts) => {
    const methods: Record<string, any> = {}
    const rest: Record<string, any> = {}
    for (const [k, v] of Object.entries(opts)) (typeof v === 'function' ? methods : rest)[k] = v
    realComponent({
      ...rest,
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = route
          this.options = query
          pages.push(this)
          this.onLoad?.(query)
          this.onShow?.()
        },
        ready(this: any) {
          this.onReady?.()
        },
        detached(this: any) {
          this.onUnload?.()
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }
  try {
    return simulate.load(path.join(dist, route), 'taro-page', { rootPath: dist })
  } finally {
    g.Page = undefined
  }
}

export type CloudHandler = (action: string, input: any) => unknown

export interface FakeWx {
  /** "fn.action" of every cloud call, in order. */
  calls: string[]
  storage: Record<string, unknown>
  /** Navigation requests (reLaunch/navigateTo/switchTab/redirectTo) as "api url". */
  navigations: string[]
  toasts: string[]
}

/**
 * Give the simulator's `wx` what the app uses: storage, cloud functions answered by `handlers[fn]`
 * (an envelope { ok, data } is built from what the handler returns; throw to answer { ok: false }),
 * navigation and feedback APIs that only record.
 */
export function fakeWx(handlers: Record<string, CloudHandler>): FakeWx {
  const fake: FakeWx = { calls: [], storage: {}, navigations: [], toasts: [] }
  const nav = (api: string) => (o) => {
    fake.navigations.push(`${api} ${o?.url ?? ''}`)
    o?.success?.({ errMsg: `${api}:ok` })
    o?.complete?.({ errMsg: `${api}:ok` })
    return Promise.resolve({ errMsg: `${api}:ok` })
  }
  const ok = (name: string) => (o) => {
    o?.success?.({ errMsg: `${name}:ok` })
    o?.complete?.({ errMsg: `${name}:ok` })
    return Promise.resolve({ errMsg: `${name}:ok` })
  }
  Object.assign(g.wx, {
    getStorageSync: (k: string) => fake.storage[k] ?? '',
    setStorageSync: (k: string, v: unknown) => {
      fake.storage[k] = v
    },
    removeStorageSync: (k: string) => {
      delete fake.storage[k]
    },
    cloud: {
      init: () => undefined,
      callFunction: async ({ name, data }: any) => {
        fake.calls.push(`${name}.${data.action}`)
        const handler = handlers[name]
        if (!handler) return { result: { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${name}` } } }
        try {
          return { result: { ok: true, data: await handler(data.action, data.input) } }
        } catch (e: any) {
          return { result: { ok: false, error: { code: e?.code ?? 'INTERNAL', message: e?.message ?? 'fake error' } } }
        }
      },
    },
    reLaunch: nav('reLaunch'),
    navigateTo: nav('navigateTo'),
    redirectTo: nav('redirectTo'),
    switchTab: nav('switchTab'),
    navigateBack: ok('navigateBack'),
    showToast: (o) => {
      fake.toasts.push(o?.title ?? '')
      return ok('showToast')(o)
    },
    showLoading: ok('showLoading'),
    hideLoading: ok('hideLoading'),
    hideToast: ok('hideToast'),
    stopPullDownRefresh: ok('stopPullDownRefresh'),
    setKeepScreenOn: ok('setKeepScreenOn'),
    setTabBarBadge: ok('setTabBarBadge'),
    removeTabBarBadge: ok('removeTabBarBadge'),
    showTabBarRedDot: ok('showTabBarRedDot'),
    hideTabBarRedDot: ok('hideTabBarRedDot'),
    setNavigationBarTitle: ok('setNavigationBarTitle'),
    showModal: (o) => {
      o?.success?.({ confirm: true, cancel: false })
      return Promise.resolve({ confirm: true, cancel: false })
    },
  })
  return fake
}

/** A thrown error the fake cloud turns into { ok: false, error: { code, message } }. */
export function apiError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}
