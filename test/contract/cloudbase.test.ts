// The repository contract against a live CloudBase environment, in collections with a run-specific
// prefix (never the real ones), removed afterwards. Runs only when TCB_ENV_ID, TCB_SECRET_ID and
// TCB_SECRET_KEY are set; otherwise it is skipped and says so.
import { randomBytes } from 'node:crypto'
import { COLLECTIONS, cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import type { CbDb } from '../../cloudfunctions/adapters/cloudbase/sdk'
import { seedCloudbase } from './cloudbase-fixtures'
import { repositoryContract } from './repos.contract'

const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env
const live = Boolean(TCB_ENV_ID && TCB_SECRET_ID && TCB_SECRET_KEY)
const prefix = `ct_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}_`

if (!live) {
  console.log('CloudBase contract suite SKIPPED: set TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY to run it against a live environment')
  describe.skip('repository contract: CloudBase (live)', () => {
    it('needs TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY', () => undefined)
  })
} else {
  let db: CbDb
  const names = COLLECTIONS.map((c) => prefix + c)

  beforeAll(async () => {
    const tcb = require('@cloudbase/node-sdk')
    const app = tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY })
    db = app.database() as CbDb
    for (const name of names) await (db as unknown as { createCollection(n: string): Promise<unknown> }).createCollection(name)
  }, 120_000)

  afterAll(async () => {
    const CloudBase = require('@cloudbase/manager-node')
    const manager = new CloudBase({ envId: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY })
    for (const name of names)
      await manager.database.deleteCollection(name).catch((e: unknown) => console.warn(`could not delete ${name}`, e))
  }, 120_000)

  /** Empties the run's collections: each test starts from nothing, as the contract expects. */
  async function clear() {
    for (const name of names) {
      for (;;) {
        const { data } = await db.collection(name).limit(100).get()
        if (data.length === 0) break
        for (const d of data) await db.collection(name).doc(String(d._id)).remove()
      }
    }
  }

  repositoryContract({
    name: `CloudBase (live, ${TCB_ENV_ID}, prefix ${prefix})`,
    timeoutMs: 120_000,
    async open() {
      await clear()
      const store = cloudbaseStore(db, { prefix })
      return { uow: store, seed: (f) => seedCloudbase(db, store, f), close: async () => undefined }
    },
  })
}
