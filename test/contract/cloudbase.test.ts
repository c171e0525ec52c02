// The repository contracts (repos, workbench, WeChat) against the CloudBase adapter on the real @cloudbase/node-sdk. In every
// `npm test` that is the CloudBase emulator (tools/tcb-emulator/, collections and indexes as
// collections.json declares them); with TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY set it is that
// live environment instead, in collections with a run-specific prefix (never the real ones), removed
// afterwards. The same suites, unchanged, either way.
import { randomBytes } from 'node:crypto'
import type { CbDb } from '../../cloudfunctions/adapters/cloudbase/sdk'
import { COLLECTIONS, cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { type RunningEmulator, startEmulator } from '../../tools/tcb-emulator/client'
import { seedCloudbase } from './cloudbase-fixtures'
import { type ContractAdapter, repositoryContract } from './repos.contract'
import { wechatContract } from './wechat.contract'
import { gridTasksContract } from './grid-tasks.contract'
import { householdsContract } from './households.contract'
import { careContract } from './care.contract'
import { workbenchContract } from './workbench.contract'

const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env
const live = Boolean(TCB_ENV_ID && TCB_SECRET_ID && TCB_SECRET_KEY)

/** Where the suites run: the database, and how each test starts from nothing. */
interface Target {
  name: string
  prefix: string
  timeoutMs: number
  start(): Promise<CbDb>
  clear(db: CbDb): Promise<void>
  stop(): Promise<void>
}

function emulatorTarget(): Target {
  let emu: RunningEmulator | undefined
  return {
    name: 'CloudBase adapter on the real node-sdk, against the emulator',
    prefix: '',
    timeoutMs: 30_000,
    async start() {
      // node-sdk would otherwise probe Tencent Cloud's metadata server on the network
      process.env.TENCENTCLOUD = 'true'
      emu = await startEmulator()
      return require('@cloudbase/node-sdk').init(emu.sdkConfig()).database()
    },
    clear: async () => {
      await emu?.control.reset()
    },
    stop: async () => {
      await emu?.stop()
    },
  }
}

function liveTarget(): Target {
  const prefix = `ct_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}_`
  const names = COLLECTIONS.map((c) => prefix + c)
  return {
    name: `CloudBase (live, ${TCB_ENV_ID}, prefix ${prefix})`,
    prefix,
    timeoutMs: 120_000,
    async start() {
      const db = require('@cloudbase/node-sdk').init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }).database()
      for (const name of names) await db.createCollection(name)
      return db
    },
    async clear(db) {
      for (const name of names) {
        for (;;) {
          const { data } = await db.collection(name).limit(100).get()
          if (data.length === 0) break
          for (const d of data) await db.collection(name).doc(String(d._id)).remove()
        }
      }
    },
    async stop() {
      const CloudBase = require('@cloudbase/manager-node')
      const manager = new CloudBase({ envId: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY })
      for (const name of names)
        await manager.database.deleteCollection(name).catch((e: unknown) => console.warn(`could not delete ${name}`, e))
    },
  }
}

const target = live ? liveTarget() : emulatorTarget()
let db: CbDb | undefined

beforeAll(async () => {
  db = await target.start()
}, 120_000)

afterAll(() => target.stop(), 120_000)

const adapter: ContractAdapter = {
  name: target.name,
  timeoutMs: target.timeoutMs,
  async open() {
    if (!db) throw new Error('CloudBase target not started')
    const started = db
    await target.clear(started)
    const store = cloudbaseStore(started, { prefix: target.prefix })
    return { uow: store, seed: (f) => seedCloudbase(started, store, f), close: async () => undefined }
  },
}

repositoryContract(adapter)
workbenchContract(adapter)
wechatContract(adapter)
householdsContract(adapter)
careContract(adapter)
gridTasksContract(adapter)
