// Cloud mode behind the gateway (DESIGN.md §10, "Cloud mode on one machine"): the built function
// bundles on the CloudBase emulator, each called as WeChat calls it — the caller's OPENID put into
// that call's context, never into the body — photos in the emulator's storage, and its platform clock
// as the demo's test clock. What the gateway itself keeps (sessions, the demo roster) goes through
// the CloudBase adapter on node-sdk, as a web front end beside a CloudBase deployment would.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Envelope } from '@shared/envelope'
import { cloudbaseStore, cryptoIds } from '../cloudfunctions/adapters/cloudbase/store'
import { EXTENSIONS, assertPhoto } from '../cloudfunctions/adapters/local/files'
import { DEFAULT_BLOCKED_WORDS } from '../cloudfunctions/adapters/local/word-guard'
import { AppError } from '../cloudfunctions/core/domain/errors'
import type { Clock } from '../cloudfunctions/core/ports'
import { REGISTRY } from '../cloudfunctions/core/registry'
import { demoRoster, demoSignIn } from '../cloudfunctions/core/usecases/accounts/demo-sign-in'
import { sessionUser } from '../cloudfunctions/core/usecases/accounts/sessions'
import { type RunningEmulator, startEmulator } from '../tools/tcb-emulator/client'
import type { Backend } from './gateway'
import { seedDemo } from './seed'

/** The OPENID a demo person calls the functions with: bound to them when the demo is seeded. */
export const demoOpenId = (userId: string) => `demo-openid-${userId}`

export interface CloudModeOptions {
  /** Documents and files persist in `<dataDir>/cloudbase/`. */
  dataDir: string
  /** The built functions, `<dir>/<fn>/index.js` (npm run build:functions). */
  functionsDir: string
  log: (message: string, error?: unknown) => void
}

export interface CloudMode {
  backend: Backend
  emulator: RunningEmulator
  /** Whether this start wrote the demo communities (a seeded data folder is left alone). */
  seeded: boolean
  /** The scheduler function, invoked as its timer trigger invokes it. */
  tick(): Promise<unknown>
  close(): Promise<void>
}

const FAILED = { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } as const
/** How long a photo's display URL from an upload stays valid, s (the functions hand out their own). */
const UPLOAD_URL_SECONDS = 2 * 3600

export async function startCloudMode(options: CloudModeOptions): Promise<CloudMode> {
  if (!existsSync(path.join(options.functionsDir, 'accounts', 'index.js')))
    throw new Error(`no built functions in ${options.functionsDir}: run \`npm run build:functions\` first`)
  const emulator = await startEmulator({
    dataDir: path.join(options.dataDir, 'cloudbase'),
    functionsDir: options.functionsDir,
    // photo and export links as paths on the gateway's own origin (it forwards /__cos/ to the emulator)
    downloadBase: '',
    // the functions' own logs (compose-cloud logs unexpected errors to stderr), as local mode's are
    onStderr: (text) => {
      for (const line of text.split('\n')) if (line.trim()) options.log(`function: ${line}`)
    },
  })
  try {
    return await compose(emulator, options)
  } catch (e) {
    await emulator.stop()
    throw e
  }
}

async function compose(emulator: RunningEmulator, options: CloudModeOptions): Promise<CloudMode> {
  const { control } = emulator
  // node-sdk asks Tencent Cloud's metadata server whether it runs there unless told so: never leave this machine
  process.env.TENCENTCLOUD = 'true'
  const sdk = require('@cloudbase/node-sdk').init(emulator.sdkConfig())
  const store = cloudbaseStore(sdk.database())
  // the gateway's time is the functions' time: the platform clock's offset, moved only from here
  let offsetMs = (await control.clock()).offsetMs
  const clock: Clock = { now: () => Date.now() + offsetMs }
  const ids = cryptoIds((n) => new Uint8Array(randomBytes(n)))

  // local mode's word list, as WeChat's content-check verdicts
  for (const word of DEFAULT_BLOCKED_WORDS) await control.contentVerdict({ contains: word, suggest: 'risky' })
  const seeded = await seedDemo({ store, clock }, { openIdOf: demoOpenId })

  const tick = async () => {
    const run = await control.invoke<Envelope<unknown>>(
      'scheduler',
      { Type: 'Timer', TriggerName: 'tick', Time: new Date(clock.now()).toISOString() },
      { trigger: 'timer' },
    )
    if (!run.ok) throw new AppError(run.error.code, run.error.message)
    return run.data
  }

  const backend: Backend = {
    clock,
    functions: Object.keys(REGISTRY),
    async call(fn, request, identity) {
      const openId = identity ? await store.read((repos) => repos.identity.openIdOf(identity.userId)) : null
      try {
        // wx.cloud.callFunction's data is the event; who calls rides in the context alone
        return await control.invoke<Envelope<unknown>>(fn, request, { caller: openId ? { openId } : null })
      } catch (e) {
        options.log(`function ${fn} failed`, e)
        return { ok: false, error: FAILED }
      }
    },
    sessionUser: (token) => sessionUser(store, clock, token),
    demoRoster: () => demoRoster(store),
    demoSignIn: (userId) => demoSignIn(store, { clock, ids }, userId),
    async savePhoto(ownerId, mime, bytes) {
      assertPhoto(mime, bytes)
      // where the mini-program's wx.cloud.uploadFile puts it, the one path the functions accept
      const cloudPath = `uploads/${ownerId}/${ids.next('p')}.${EXTENSIONS[mime]}`
      const { fileID } = await sdk.uploadFile({ cloudPath, fileContent: bytes })
      const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: UPLOAD_URL_SECONDS }] })
      return { fileId: fileID as string, url: String(fileList[0]?.tempFileURL ?? '') }
    },
    downloads: [
      {
        // storage's signed links (photos, exports), served from the emulator
        prefix: '/__cos/',
        missing: '文件不存在或链接已过期，请刷新后再试',
        async open(rest, search) {
          const res = await fetch(`${emulator.url}/__cos/${rest}${search}`)
          if (res.status !== 200) return null
          const headers: Record<string, string> = {
            'content-type': res.headers.get('content-type') ?? 'application/octet-stream',
            'cache-control': 'private, max-age=3600',
          }
          return { headers, body: Buffer.from(await res.arrayBuffer()) }
        },
      },
    ],
    testClock: {
      async advance(ms) {
        offsetMs = (await control.advanceClock(ms)).offsetMs
        return tick()
      },
    },
  }
  return { backend, emulator, seeded, tick, close: () => emulator.stop() }
}
