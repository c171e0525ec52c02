// Run Taro's compiled weapp output (dist/) inside miniprogram-simulate (jest + jsdom): host shims for
// App/Page/getCurrentPages and a `wx` with storage, navigation and feedback that record, and cloud
// functions answered either by canned handlers or by the built functions on the CloudBase emulator.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import simulate from 'miniprogram-simulate'
import { postJson } from './cloud-mode'

const g = globalThis as any
const pages: any[] = []
let appInstance: any

export const ROOT = path.resolve(__dirname, '../..')
export const DIST = path.join(ROOT, 'dist')

/** src/app.config.ts as the build saw it (it calls the global defineAppConfig). */
export function declaredAppConfig(): { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }> } {
  const before = g.defineAppConfig
  g.defineAppConfig = (c: unknown) => c
  try {
    const mod = require(path.join(ROOT, 'src/app.config.ts'))
    return mod.default ?? mod
  } finally {
    g.defineAppConfig = before
  }
}

/** Every page route of the app, main package and subpackages: 'pages/index/index', 'mall/goods/index', … */
export function declaredRoutes(): string[] {
  const config = declaredAppConfig()
  return [...config.pages, ...(config.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))]
}

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

/** Every setData a page made: its route and the JSON size of the data, bytes (WeChat warns above 256 KB). */
export const setDataSizes: Array<{ route: string; bytes: number }> = []

const loadedPages = new Map<string, string>()
/** The query the next attached page opens with (WeChat's onLoad options). */
let openingQuery: Record<string, string> = {}

/**
 * Load a Taro page (Page(createPageConfig(...))) as a j-component: Page -> Component shim. A route is
 * loaded once per file and may be rendered again and again; each render opens with the query of the
 * loadTaroPage call just before it.
 */
export function loadTaroPage(dist: string, route: string, query: Record<string, string> = {}) {
  openingQuery = query
  const known = loadedPages.get(`${dist}:${route}`)
  if (known) return known
  const realComponent = g.Component // installed by miniprogram-simulate
  g.Page = (opts) => {
    const methods: Record<string, any> = {}
    const rest: Record<string, any> = {}
    for (const [k, v] of Object.entries(opts)) (typeof v === 'function' ? methods : rest)[k] = v
    realComponent({
      ...rest,
      methods,
      lifetimes: {
        created(this: any) {
          const setData = this.setData
          this.setData = (data: unknown, cb?: () => void) => {
            setDataSizes.push({ route, bytes: Buffer.byteLength(JSON.stringify(data)) })
            return setData.call(this, data, cb)
          }
        },
        attached(this: any) {
          this.route = route
          this.options = openingQuery
          pages.push(this)
          this.onLoad?.(this.options)
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
    const id = simulate.load(path.join(dist, route), 'taro-page', { rootPath: dist })
    loadedPages.set(`${dist}:${route}`, id)
    return id
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
  /** Calls the functions answered with { ok: false }: "fn.action CODE message". */
  refusals: string[]
  /** Files the next wx.chooseImage hands over (paths on disk), as the person picks them. */
  photos: string[]
  /** The template ids of each wx.requestSubscribeMessage that WeChat showed (inside a tap), in order. */
  subscribeAsks: string[][]
  /** What the person answers in the subscription sheet, for every template of it. */
  subscribeAnswer: 'accept' | 'reject'
  /** Whether the person has agreed to the 隐私保护指引 (WeChat keeps it per person; false at first). */
  privacyAgreed: boolean
  /** How often WeChat asked the app to show its privacy sheet (wx.onNeedPrivacyAuthorization). */
  privacyAsks: number
  /** What the app last put on the clipboard (wx.setClipboardData). */
  clipboard: string
  /** Told of each accepted template (the emulator then lets the functions send one message). */
  onSubscribed?: (templateIds: string[]) => Promise<void>
  /**
   * The person taps a button of open-type `api` (getPhoneNumber): WeChat runs its privacy flow first, then
   * answers with the event detail the button's handler receives — a code, or the refusal (errno 104).
   */
  openType(api: 'getPhoneNumber'): Promise<{ code?: string; errMsg: string; errno?: number }>
  /** Where the next wx.chooseLocation lands, as the person picks it on the map. */
  place: { name: string; address: string; latitude: number; longitude: number }
}

/**
 * Whether a tap is being dispatched right now: WeChat shows the subscription sheet only when
 * wx.requestSubscribeMessage is called synchronously inside a tap's handler (OpenPage.tap sets it).
 */
let tapping = false

/** `wx.cloud` as the app calls it. */
export interface WxCloud {
  init(): void
  callFunction(o: { name: string; data: any }): Promise<{ result: unknown }>
  uploadFile(o: {
    cloudPath: string
    filePath: string
    success?: (r: { fileID: string; statusCode: number; errMsg: string }) => void
    fail?: (e: { errMsg: string }) => void
  }): { onProgressUpdate(cb: (p: { progress: number }) => void): void; abort(): void }
}

/** Cloud functions answered by `handlers[fn]`: an envelope { ok, data } from what it returns; a throw is { ok: false }. */
export function cannedCloud(handlers: Record<string, CloudHandler>): WxCloud {
  return {
    init: () => undefined,
    callFunction: async ({ name, data }) => {
      const handler = handlers[name]
      if (!handler) return { result: { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${name}` } } }
      try {
        return { result: { ok: true, data: await handler(data.action, data.input) } }
      } catch (e: any) {
        return { result: { ok: false, error: { code: e?.code ?? 'INTERNAL', message: e?.message ?? 'fake error' } } }
      }
    },
    uploadFile: (o) => {
      o.fail?.({ errMsg: 'cloud.uploadFile:fail no storage here' })
      return { onProgressUpdate: () => undefined, abort: () => undefined }
    },
  }
}

/**
 * `wx.cloud` as WeChat's client gives it, answered by the CloudBase emulator of cloud mode:
 * callFunction invokes the built function with the OPENID of whoever holds the phone (`caller()`) in
 * that call's context, as WeChat does; uploadFile puts the chosen file's bytes into the emulator's
 * storage at `cloudPath`.
 */
export function emulatorCloud(emulatorUrl: string, caller: () => string | null): WxCloud {
  return {
    init: () => undefined,
    async callFunction({ name, data }) {
      const openId = caller()
      const out = await postJson(`${emulatorUrl}/__emulator/functions/invoke`, { name, event: data, caller: openId ? { openId } : null })
      if (out.body.error)
        throw Object.assign(new Error(out.body.error.message), { errCode: -1, errMsg: `cloud.callFunction:fail ${out.body.error.message}` })
      return { result: out.body.result }
    },
    uploadFile({ cloudPath, filePath, success, fail }) {
      let progress: ((p: { progress: number }) => void) | undefined
      void (async () => {
        try {
          const base64 = readFileSync(filePath).toString('base64')
          const out = await postJson(`${emulatorUrl}/__emulator/files`, { cloudPath, base64 })
          if (!out.body.fileID) throw new Error(out.body.error ?? 'no fileID')
          progress?.({ progress: 100 })
          success?.({ fileID: out.body.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' })
        } catch (e) {
          fail?.({ errMsg: `cloud.uploadFile:fail ${(e as Error).message}` })
        }
      })()
      return {
        onProgressUpdate: (cb) => {
          progress = cb
        },
        abort: () => undefined,
      }
    },
  }
}

/**
 * Give the simulator's `wx` what the app uses: storage, the cloud (canned handlers, or an emulator's
 * `WxCloud`), the photo picker, and navigation and feedback APIs that only record.
 */
export function fakeWx(cloud: Record<string, CloudHandler> | WxCloud): FakeWx {
  const fake: FakeWx = {
    calls: [],
    storage: {},
    navigations: [],
    toasts: [],
    refusals: [],
    photos: [],
    subscribeAsks: [],
    subscribeAnswer: 'accept',
    clipboard: '',
    privacyAgreed: false,
    privacyAsks: 0,
    openType: (api) =>
      new Promise((resolve) =>
        afterPrivacy(
          api,
          () => resolve({ code: `phone-code-${Date.now()}`, errMsg: `${api}:ok` }),
          (err) => resolve(err),
        ),
      ),
    place: { name: '社区广场', address: '红星路 88 号', latitude: 36.65, longitude: 117.12 },
  }
  // WeChat's privacy flow: a photo, location or phone call before the person agreed asks the app's
  // onNeedPrivacyAuthorization handler to show its sheet; the call goes on after { event: 'agree' } with
  // the agree button's id, and fails with errno 104 otherwise
  let needPrivacy: ((resolve: (r: { buttonId?: string; event: string }) => void) => void) | null = null
  const afterPrivacy = (api: string, go: () => void, fail: (err: { errMsg: string; errno: number }) => void) => {
    if (fake.privacyAgreed) return go()
    const refused = { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 }
    if (!needPrivacy) {
      fake.refusals.push(`wx.${api} before the person agreed, with no privacy sheet to ask`)
      return fail(refused)
    }
    fake.privacyAsks += 1
    needPrivacy((r) => {
      if (r.event === 'agree' && r.buttonId) {
        fake.privacyAgreed = true
        go()
      } else fail(refused)
    })
  }
  const backend =
    typeof (cloud as WxCloud).callFunction === 'function' ? (cloud as WxCloud) : cannedCloud(cloud as Record<string, CloudHandler>)
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
      ...backend,
      callFunction: async (o: { name: string; data: any }) => {
        const call = `${o.name}.${o.data.action}`
        fake.calls.push(call)
        const res = await backend.callFunction(o)
        const envelope = res.result as { ok?: boolean; error?: { code: string; message: string } } | null
        if (envelope?.ok === false) fake.refusals.push(`${call} ${envelope.error?.code} ${envelope.error?.message}`)
        return res
      },
    },
    onNeedPrivacyAuthorization: (handler) => {
      needPrivacy = handler
    },
    getPrivacySetting: (o) =>
      o?.success?.({
        needAuthorization: !fake.privacyAgreed,
        privacyContractName: '《红网邻里隐私保护指引》',
        errMsg: 'getPrivacySetting:ok',
      }),
    openPrivacyContract: ok('openPrivacyContract'),
    chooseImage: (o) => {
      afterPrivacy(
        'chooseImage',
        () => {
          const res = { tempFilePaths: fake.photos.splice(0, o?.count ?? 9), errMsg: 'chooseImage:ok' }
          if (res.tempFilePaths.length === 0) return o?.fail?.({ errMsg: 'chooseImage:fail cancel' })
          o?.success?.(res)
        },
        (err) => o?.fail?.(err),
      )
    },
    chooseLocation: (o) => {
      afterPrivacy(
        'chooseLocation',
        () => o?.success?.({ ...fake.place, errMsg: 'chooseLocation:ok' }),
        (err) => o?.fail?.(err),
      )
    },
    // as WeChat: refused outside a tap's dispatch (after an await, a timer or a network answer)
    requestSubscribeMessage: (o) => {
      if (!tapping) {
        const err = { errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 10004 }
        fake.refusals.push(`wx.requestSubscribeMessage outside a tap: ${(o?.tmplIds ?? []).join(',')}`)
        o?.fail?.(err)
        o?.complete?.(err)
        return undefined
      }
      const ids: string[] = o?.tmplIds ?? []
      fake.subscribeAsks.push(ids)
      const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' }
      for (const id of ids) res[id] = fake.subscribeAnswer
      // the person answers the sheet a moment later
      return new Promise((resolve) => {
        setTimeout(() => {
          const accepted = ids.filter((id) => res[id] === 'accept')
          void (accepted.length && fake.onSubscribed ? fake.onSubscribed(accepted) : Promise.resolve()).then(() => {
            o?.success?.(res)
            o?.complete?.(res)
            resolve(res)
          })
        }, 5)
      })
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
    showShareMenu: ok('showShareMenu'),
    setClipboardData: (o) =>
      afterPrivacy(
        'setClipboardData',
        () => {
          fake.clipboard = String(o?.data ?? '')
          ok('setClipboardData')(o)
        },
        (err) => o?.fail?.(err),
      ),
    showModal: (o) => {
      o?.success?.({ confirm: true, cancel: false })
      return Promise.resolve({ confirm: true, cancel: false })
    },
  })
  return fake
}

type Rendered = ReturnType<typeof simulate.render>

/** One page on the simulated phone: what a person reads and does there, every wait bounded. */
export class OpenPage {
  constructor(
    readonly node: Rendered,
    readonly route: string,
  ) {}

  text(): string {
    return this.node.dom?.textContent ?? ''
  }

  /** Waits until the page shows `want`; the error says what it shows instead. */
  async waitText(want: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const seen = () => (typeof want === 'string' ? this.text().includes(want) : want.test(this.text()))
    try {
      await waitFor(seen, timeoutMs)
    } catch {
      throw new Error(`${this.route} never showed ${want} within ${timeoutMs} ms; it shows:\n${this.text()}`)
    }
    return this.text()
  }

  /** Waits until the first `selector` reads `want` (trimmed, exactly); the error says what it reads instead. */
  async waitTextIn(selector: string, want: string, timeoutMs = 10_000): Promise<void> {
    const read = () => this.node.querySelector(selector)?.dom?.textContent?.trim()
    try {
      await waitFor(() => read() === want, timeoutMs)
    } catch {
      throw new Error(`${this.route}: ${selector} reads ${JSON.stringify(read())}, never ${JSON.stringify(want)} within ${timeoutMs} ms`)
    }
  }

  /** The first element matching `selector` (and holding `hasText`), once it is there. */
  async find(selector: string, hasText?: string, timeoutMs = 10_000): Promise<Rendered> {
    const pick = () => this.node.querySelectorAll(selector).find((n) => !hasText || (n.dom?.textContent ?? '').includes(hasText))
    try {
      await waitFor(pick, timeoutMs)
    } catch {
      throw new Error(
        `${this.route} has no ${selector}${hasText ? ` with "${hasText}"` : ''} within ${timeoutMs} ms; it shows:\n${this.text()}`,
      )
    }
    return pick() as Rendered
  }

  /** Taps it once it is enabled: a person waits for a greyed-out button (the app's Btn) to light up. */
  async tap(selector: string, hasText?: string, timeoutMs = 10_000): Promise<void> {
    const target = await this.find(selector, hasText, timeoutMs)
    const enabled = () => !/\bbtn--disabled\b/.test(target.dom?.className ?? '')
    try {
      await waitFor(enabled, timeoutMs)
    } catch {
      throw new Error(`${this.route}: ${selector} stays disabled; the page shows:\n${this.text()}`)
    }
    // j-component dispatches in a microtask of its own (模拟异步情况): the tap's handlers run in that one,
    // synchronously; this later microtask ends the tap, so anything after an await inside them is outside it
    tapping = true
    target.dispatchEvent('tap')
    void Promise.resolve().then(() => {
      tapping = false
    })
  }

  /**
   * Waits until the page has drawn what the last events changed (no setData for `quietMs`): a person reads
   * the screen before tapping 提交, so the tap meets the handler of what they typed, not of the frame before.
   */
  async settle(quietMs = 150, timeoutMs = 10_000): Promise<void> {
    let seen = setDataSizes.length
    let since = Date.now()
    await waitFor(() => {
      if (setDataSizes.length !== seen) {
        seen = setDataSizes.length
        since = Date.now()
      }
      return Date.now() - since >= quietMs
    }, timeoutMs)
  }

  /** Types into an input or textarea as the keyboard does: one `input` event with the whole value. */
  async type(selector: string, value: string): Promise<void> {
    ;(await this.find(selector)).dispatchEvent('input', { detail: { value, cursor: value.length } })
  }

  close(): void {
    this.node.detach()
  }
}

/** Opens a page of the build with its query, as WeChat opens it (onLoad, onShow). */
export function openPage(dist: string, route: string, query: Record<string, string> = {}): OpenPage {
  const node = simulate.render(loadTaroPage(dist, route.replace(/^\//, ''), query))
  node.attach(document.createElement('parent-wrapper'))
  return new OpenPage(node, route)
}

/** Where the app asked WeChat to go next: the first navigation after `since` (an index into wx.navigations). */
export async function navigatedTo(
  wx: FakeWx,
  since: number,
  timeoutMs = 10_000,
): Promise<{ api: string; route: string; query: Record<string, string> }> {
  try {
    await waitFor(() => wx.navigations.length > since, timeoutMs)
  } catch {
    throw new Error(
      `no navigation within ${timeoutMs} ms (toasts: ${wx.toasts.slice(-3).join(' / ')}; refusals: ${wx.refusals.slice(-3).join(' / ')})`,
    )
  }
  const [api, url] = wx.navigations[since].split(' ')
  const [route, search = ''] = url.split('?')
  return { api, route, query: Object.fromEntries(new URLSearchParams(search)) }
}

/** A thrown error the fake cloud turns into { ok: false, error: { code, message } }. */
export function apiError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code })
}
