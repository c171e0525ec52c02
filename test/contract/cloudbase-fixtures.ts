// Writes the contract's reference data into CloudBase collections (the emulator or a live environment).
import type { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import type { CbDb } from '../../cloudfunctions/adapters/cloudbase/sdk'
import type { Fixtures } from './repos.contract'

export async function seedCloudbase(db: CbDb, store: CloudbaseStore, f: Fixtures) {
  const put = (coll: Parameters<CloudbaseStore['collection']>[0], id: string, fields: Record<string, unknown>) =>
    db.collection(store.collection(coll)).doc(id).set(fields)
  for (const { id, ...c } of f.communities) await put('communities', id, c)
  for (const { id, ...g } of f.grids) await put('grids', id, g)
  for (const { id, ...b } of f.buildings) await put('buildings', id, b)
  for (const { id, ...u } of f.users) await put('users', id, u)
}
