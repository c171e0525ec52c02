// The workbench repository contract against the CloudBase adapter over the in-memory fake of node-sdk's
// database (offline: the adapter's own logic, not live behaviour).
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { workbenchContract } from '../contract/workbench.contract'
import { FakeCloudbase } from './fake-cloudbase'

workbenchContract({
  name: 'CloudBase adapter on the in-memory fake (offline)',
  async open() {
    const db = new FakeCloudbase()
    const store = cloudbaseStore(db, { prefix: 'fake_' })
    return { uow: store, seed: (f) => seedCloudbase(db, store, f), close: async () => undefined }
  },
})
