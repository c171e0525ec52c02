// The CloudBase side of `npm run setup -- file.xlsx --cloud`: every row checked as locally, then the
// plan written a few records per transaction (a CloudBase transaction holds single documents), each at
// an id derived from the sheet — so a re-run after an interruption completes the import, and the same
// file twice changes nothing. Each admin without a WeChat binding gets a one-time link to open in the
// mini-program, which binds their OPENID.
import { randomBytes } from 'node:crypto'
import type { RosterPreview } from '@shared/accounts'
import type { CbDb } from '../cloudfunctions/adapters/cloudbase/sdk'
import { cloudbaseStore, cryptoIds } from '../cloudfunctions/adapters/cloudbase/store'
import type { Actor } from '../cloudfunctions/core/domain/access'
import type { Sheets } from '../cloudfunctions/core/domain/roster'
import type { Ctx } from '../cloudfunctions/core/ports'
import { planImport, preview, writePlanned } from '../cloudfunctions/core/usecases/accounts/import-roster'
import { invite } from '../cloudfunctions/core/usecases/accounts/sign-in'

/** How many planned records one CloudBase transaction writes: each is a put at its own id. */
export const CLOUD_CHUNK = 20

export async function importToCloud(
  db: unknown,
  communityId: string,
  sheets: Sheets,
  dryRun: boolean,
  now: number,
  options: { prefix?: string; chunk?: number; afterChunk?: (written: number) => void } = {},
): Promise<{ preview: RosterPreview; links: Array<{ name: string; path: string }> }> {
  const store = cloudbaseStore(db as CbDb, { prefix: options.prefix })
  const plan = await store.read((repos) => planImport(repos, communityId, sheets))
  const commit = !dryRun && plan.errors.length === 0
  if (commit) {
    const chunk = options.chunk ?? CLOUD_CHUNK
    for (let i = 0; i < plan.writes.length; i += chunk) {
      await store.write((repos) => writePlanned(repos, plan.writes.slice(i, i + chunk), now))
      options.afterChunk?.(Math.min(i + chunk, plan.writes.length))
    }
  }
  // the admins sign in in WeChat: each opens their one-time link there, which binds their OPENID
  const links: Array<{ name: string; path: string }> = []
  if (commit) {
    const ids = cryptoIds((n) => new Uint8Array(randomBytes(n)))
    const deps = { clock: { now: () => now }, ids } as unknown as Ctx
    const system: Actor = { userId: '', communityId, roles: ['admin', 'staff'], name: '社区设置工具' }
    for (const admin of (await store.read((r) => r.users.listStaff(communityId))).filter((u) => u.roles.includes('admin'))) {
      if (await store.read((r) => r.identity.openIdOf(admin.id))) continue
      const link = await store.write((repos) => invite({ ...deps, repos }, system, { userId: admin.id }))
      links.push({ name: admin.name, path: link.path })
    }
  }
  return { preview: preview(plan, commit), links }
}
