// The cloud composition as a deployed function runs it: compose-cloud on nodeSdkPlatform() itself,
// its SDKs pointed at the CloudBase emulator by the function environment, and each call's caller put
// into that call's context the way the emulator (and WeChat) hands it over. One emulator per test
// file; every test starts from the contract's fixtures, each user bound to `openid-<id>`.
import type { Envelope } from '@shared/envelope'
import { cloudExports } from '../../cloudfunctions/adapters/cloudbase/exports'
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { wechatPhotoScreen } from '../../cloudfunctions/adapters/wechat/media-check'
import { type CloudApp, type CloudPlatform, composeCloud, nodeSdkPlatform } from '../../cloudfunctions/compose-cloud'
import { tick } from '../../cloudfunctions/core/usecases/scheduler/tick'
import type { RunningEmulator } from '../../tools/tcb-emulator/client'
import { invocationContext } from '../../tools/tcb-emulator/functions'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { FIXTURES } from '../contract/repos.contract'
import { emulatorForFile, nodeSdk } from '../emulator/helpers'

/** The emulator's environment and the bucket it derives from it (`<hex of "re">-<env>-<appid>`). */
export const ENV_ID = 'redgrid-test-1a2b3c'
export const BUCKET = '7265-redgrid-test-1a2b3c-1300000000'
export const photo = (owner: string, name = 'a1b2c3.jpg', env = ENV_ID) => `cloud://${env}.${BUCKET}/uploads/${owner}/${name}`

/** A tiny JPEG's first bytes: storage keeps whatever it is given. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])

export interface CloudHarness {
  emu: RunningEmulator
  app: CloudApp
  /** node-sdk's database, for set-up and reads beside the app. */
  db: any
  /** The OPENID WeChat puts into the next calls (null: a timer or another function). */
  openId: string | null
  /** Everything the composition logged since the test began. */
  logs: Array<[string, unknown]>
  /** The context WeChat hands one call from `openId` (null: a timer's). */
  context(openId: string | null): unknown
  /** One call of a user-facing function, as WeChat invokes it for `openId`. */
  handle(fn: string, event: unknown, openId?: string | null): Promise<Envelope<unknown>>
  /** The scheduler's entry: a timer trigger when `openId` is null, else a user's call. */
  scheduler(event: unknown, openId?: string | null): Promise<Envelope<unknown>>
  /** A new CloudApp on the same platform with some of it changed (storage not wired, …). */
  compose(change: Partial<CloudPlatform>): CloudApp
  /** Committed documents of a collection, `_id` order. */
  docs(collection: string): Promise<Array<Record<string, any>>>
  /** One committed document, or null. */
  doc(collection: string, id: string): Promise<Record<string, any> | null>
  /** Stores a photo as the mini-program's wx.cloud.uploadFile does; its fileID. */
  upload(owner: string, name?: string): Promise<string>
}

export function cloudHarnessForFile(options: { env?: Record<string, string> } = {}): () => CloudHarness {
  const emulator = emulatorForFile({ envId: ENV_ID })
  const saved = { ...process.env }
  let h: CloudHarness | undefined

  beforeAll(() => {
    const emu = emulator()
    // what a deployed function's process has: node-sdk and wx-server-sdk find the emulator through it
    Object.assign(process.env, emu.functionEnv(), options.env)
    const platform = nodeSdkPlatform()
    const logs: CloudHarness['logs'] = []
    const logged = (p: CloudPlatform): CloudPlatform => ({ ...p, log: (message, error) => logs.push([message, error]) })
    const context = (openId: string | null | undefined, timer: boolean) =>
      invocationContext('harness', emu, { caller: openId ? { openId } : null, trigger: timer ? 'timer' : 'wx' })
    h = {
      emu,
      app: composeCloud(logged(platform), { photoScreen: wechatPhotoScreen, exports: cloudExports }),
      db: nodeSdk(emu).database(),
      openId: null,
      logs,
      context: (openId) => context(openId, !openId),
      handle: (fn, event, openId = h?.openId) => (h as CloudHarness).app.handle(fn, event, context(openId, false)),
      scheduler: (event, openId = h?.openId) => (h as CloudHarness).app.scheduler(event, context(openId, !openId), tick),
      compose: (change) => composeCloud(logged({ ...platform, ...change }), { photoScreen: wechatPhotoScreen, exports: cloudExports }),
      docs: (collection) => emu.control.docs(collection),
      doc: async (collection, id) => (await emu.control.docs(collection)).find((d) => d._id === id) ?? null,
      upload: (owner, name = 'a1b2c3.jpg') => emu.control.putFile(`uploads/${owner}/${name}`, JPEG),
    }
  })

  afterAll(() => {
    process.env = saved
  })

  beforeEach(async () => {
    const harness = current()
    await harness.emu.control.reset()
    await seedCloudbase(harness.db, cloudbaseStore(harness.db), FIXTURES)
    for (const u of FIXTURES.users) await harness.db.collection('identities').doc(`openid-${u.id}`).set({ userId: u.id })
    harness.openId = null
    harness.logs.length = 0
  })

  const current = () => {
    if (!h) throw new Error('cloud harness not started')
    return h
  }
  return current
}

/**
 * Runs `race` while the next transaction is open, after it has started and before it commits: a
 * concurrent writer landing inside another's transaction. The emulator's round trip is slowed
 * meanwhile, so the window is many polls wide.
 */
export async function duringNextTransaction<T>(emu: RunningEmulator, call: () => Promise<T>, race: () => Promise<unknown>): Promise<T> {
  await emu.control.setLatency(60)
  try {
    const pending = call()
    pending.catch(() => undefined) // awaited below; not an unhandled rejection meanwhile
    const deadline = Date.now() + 10_000
    while ((await emu.control.openTransactions()).length === 0) {
      if (Date.now() > deadline) throw new Error('no transaction opened')
      await new Promise((r) => setTimeout(r, 5))
    }
    await race()
    return await pending
  } finally {
    await emu.control.setLatency(0)
  }
}
