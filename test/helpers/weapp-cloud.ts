// The production weapp build (dist/) in miniprogram-simulate against cloud mode, for one test file:
// cloud mode in its own process (the built functions on the CloudBase emulator, the demo seeded), the
// app booted once, `wx.cloud` answered by the emulator with the OPENID of whoever holds the phone.
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { demoOpenId } from '../../local/cloud-backend'
import { builtApp } from './builds'
import { type CloudModeProcess, getJson, postJson, startCloudModeProcess } from './cloud-mode'
import { TINY_PNG } from './local'
import { testSubscribeTemplates } from './builds'
import { bootTaroApp, emulatorCloud, type FakeWx, fakeWx, navigatedTo, type OpenPage, openPage, waitFor } from './taro-mp'

export interface WeappOnCloud {
  cloud: CloudModeProcess
  wx: FakeWx
  /** The OPENID WeChat puts into each call from the phone (null: none). */
  holder: string | null
  /** Opens a page of the build; it is closed when the phone changes hands. */
  open(route: string, query?: Record<string, string>): OpenPage
  /** Opens the page the app navigated to since `mark` (an index into wx.navigations), which must be `route`. */
  follow(mark: number, route: string): Promise<{ page: OpenPage; query: Record<string, string> }>
  /** Taps `selector` (holding `hasText`) on `page` and opens where the app goes, which must be `route`. */
  tapTo(page: OpenPage, selector: string, route: string, hasText?: string): Promise<{ page: OpenPage; query: Record<string, string> }>
  /**
   * The demo person `userId` picks up the phone: the app opens at its sign-in page, where WeChat's
   * "再试一次" asks the functions who this OPENID is, then goes home, which greets them by `name`. (One
   * app instance serves everyone, so the last person's session must not leak into the next one's
   * first screen.)
   */
  signIn(userId: string, name: string): Promise<OpenPage>
  /**
   * Someone else picks up the phone (`openId`; null: none): the last person's pages are closed and have
   * stopped calling first, so nothing of theirs asks as the next person.
   */
  changeHands(openId: string | null): Promise<void>
  /** A photo in the phone's album: the next wx.chooseImage hands it over. */
  pickPhoto(): void
  /** A function called as `userId` directly: set-up that is not the journey's own. */
  invoke(userId: string, fn: string, action: string, input: unknown): Promise<any>
  /** What the emulator's storage holds. */
  storedFiles(): Promise<Array<{ fileID: string; cloudPath: string }>>
  /** The open-API calls the functions made (e.g. 'subscribeMessage.send'), as the emulator logged them. */
  openApiCalls(api: string): Promise<Array<{ api: string; params: Record<string, any>; response: Record<string, any> }>>
}

let seq = 0

export function weappOnCloudForFile(): () => WeappOnCloud {
  let state: WeappOnCloud | undefined
  const opened: OpenPage[] = []

  beforeAll(async () => {
    const dist = builtApp('weapp')
    // the functions read the same 订阅消息 ids the build was made with (scripts/test.mjs)
    const cloud = await startCloudModeProcess(60_000, { REDGRID_SUBSCRIBE_TEMPLATES: testSubscribeTemplates() })
    // calls in flight, and when the last one started: the phone changes hands once the last person's pages
    // have stopped calling (a page still loading would otherwise ask as the next person, and be refused)
    const inFlight = { n: 0, lastStart: 0 }
    const emulator = emulatorCloud(cloud.emulatorUrl, () => s.holder)
    const counted: typeof emulator = {
      ...emulator,
      async callFunction(o) {
        inFlight.n += 1
        inFlight.lastStart = Date.now()
        try {
          return await emulator.callFunction(o)
        } finally {
          inFlight.n -= 1
        }
      },
    }
    const quiet = () => waitFor(() => inFlight.n === 0 && Date.now() - inFlight.lastStart > 200, 10_000).catch(() => undefined)
    const s: WeappOnCloud = {
      cloud,
      wx: fakeWx(counted),
      holder: null,
      open(route, query = {}) {
        const page = openPage(dist, route, query)
        opened.push(page)
        return page
      },
      async follow(mark, route) {
        const to = await navigatedTo(s.wx, mark)
        if (to.route !== route) throw new Error(`the app went to ${to.route}, not ${route}`)
        return { page: s.open(to.route, to.query), query: to.query }
      },
      async tapTo(page, selector, route, hasText) {
        const mark = s.wx.navigations.length
        await page.tap(selector, hasText)
        return s.follow(mark, route)
      },
      async changeHands(openId) {
        for (const p of opened.splice(0)) p.close()
        await quiet()
        s.holder = openId
      },
      async signIn(userId, name) {
        await s.changeHands(demoOpenId(userId))
        const { page: home } = await s.tapTo(s.open('/pages/login/index'), '.btn-retry-login', '/pages/index/index')
        await home.waitText(`您好，${name}`)
        return home
      },
      pickPhoto() {
        const file = path.join(os.tmpdir(), `redgrid-weapp-${process.pid}-${++seq}.png`)
        writeFileSync(file, TINY_PNG)
        s.wx.photos.push(file)
      },
      async invoke(userId, fn, action, input) {
        const out = await postJson(`${cloud.emulatorUrl}/__emulator/functions/invoke`, {
          name: fn,
          event: { action, input, requestId: `req-setup-${process.pid}-${++seq}` },
          caller: { openId: demoOpenId(userId) },
        })
        if (!out.body.result?.ok) throw new Error(`${fn}.${action} as ${userId}: ${JSON.stringify(out.body)}`)
        return out.body.result.data
      },
      storedFiles: async () => (await getJson(`${cloud.emulatorUrl}/__emulator/files`)).body.files,
      openApiCalls: async (api) =>
        (await getJson(`${cloud.emulatorUrl}/__emulator/openapi/calls?api=${encodeURIComponent(api)}`)).body.calls,
    }
    // an accepted template: WeChat now lets the functions send the phone's holder one message of it
    s.wx.onSubscribed = async (ids) => {
      for (const templateId of ids)
        await postJson(`${cloud.emulatorUrl}/__emulator/openapi/subscriptions`, { openid: s.holder, templateId, count: 1 })
    }
    bootTaroApp(dist)
    state = s
  }, 120_000)

  afterAll(async () => {
    for (const p of opened.splice(0)) p.close()
    await state?.cloud.stop()
  })

  return () => {
    if (!state) throw new Error('weapp on cloud mode not started')
    return state
  }
}
