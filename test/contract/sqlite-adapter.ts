// The embedded adapter for the contract suites: a real SQLite file in a temp folder, seeded directly.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../cloudfunctions/adapters/sqlite/store'
import type { ContractAdapter } from './repos.contract'

export const sqliteAdapter: ContractAdapter = {
  name: 'SQLite',
  async open() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-contract-'))
    const store = openStore(path.join(dir, 'contract.db'))
    return {
      uow: store,
      async seed(f) {
        await store.writeRaw((db) => {
          for (const c of f.communities) db.prepare('INSERT INTO communities (id, name) VALUES (?, ?)').run(c.id, c.name)
          for (const g of f.grids)
            db.prepare('INSERT INTO grids (id, community_id, name) VALUES (?, ?, ?)').run(g.id, g.communityId, g.name)
          for (const b of f.buildings) {
            db.prepare('INSERT INTO buildings (id, community_id, grid_id, name) VALUES (?, ?, ?, ?)').run(
              b.id,
              b.communityId,
              b.gridId,
              b.name,
            )
          }
          const user = db.prepare(
            `INSERT INTO users (id, community_id, name, phone, roles, grid_id, building_id, room, member, ranking_opt_in, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          for (const u of f.users) {
            user.run(
              u.id,
              u.communityId,
              u.name,
              u.phone,
              JSON.stringify(u.roles),
              u.gridId,
              u.buildingId,
              u.room,
              u.member ? JSON.stringify(u.member) : null,
              u.rankingOptIn ? 1 : 0,
              u.createdAt,
            )
          }
        })
      },
      async close() {
        store.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  },
}
