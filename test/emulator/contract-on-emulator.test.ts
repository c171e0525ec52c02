// The repository contracts against the app's CloudBase adapter on the real @cloudbase/node-sdk,
// pointed at the emulator (collections and indexes as collections.json declares them), the way
// test/contract/cloudbase.test.ts runs them against a live environment.
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import type { CbDb } from '../../cloudfunctions/adapters/cloudbase/sdk'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { repositoryContract } from '../contract/repos.contract'
import { workbenchContract } from '../contract/workbench.contract'
import { emulatorForFile, nodeSdk } from './helpers'

const emulator = emulatorForFile()

const adapter = {
  name: 'CloudBase adapter on the real node-sdk, against the emulator',
  timeoutMs: 30_000,
  async open() {
    await emulator().control.reset()
    const db = nodeSdk(emulator()).database() as CbDb
    const store = cloudbaseStore(db)
    return { uow: store, seed: (f: Parameters<typeof seedCloudbase>[2]) => seedCloudbase(db, store, f), close: async () => undefined }
  },
}

repositoryContract(adapter)
workbenchContract(adapter)
