// A seeded person, as the demo seeds write them straight into SQLite.
import type Database from 'better-sqlite3'
import type { Role } from '@shared/enums'
import type { BuildingHead, MemberProfile } from '../cloudfunctions/core/domain/model'

export interface SeedUser {
  id: string
  name: string
  roles: Role[]
  phone: string
  building: string
  room: string
  member?: MemberProfile
  /** 网格员: the grids they serve, and whether they lead (网格长). */
  workGrids?: string[]
  gridLead?: boolean
  headOf?: BuildingHead
}

/** One seeded person; a street account's tenant is its street (no grid, no home). */
export function insertUser(db: Database.Database, tenant: string, u: SeedUser, gridId: string | null, now: number) {
  db.prepare(
    `INSERT INTO users (id, community_id, name, phone, roles, grid_id, building_id, room, member, work_grids, grid_lead, head_of, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    u.id,
    tenant,
    u.name,
    u.phone,
    JSON.stringify(u.roles),
    gridId,
    u.building || null,
    u.room || null,
    u.member ? JSON.stringify(u.member) : null,
    JSON.stringify(u.workGrids ?? []),
    u.gridLead ? 1 : 0,
    u.headOf ? JSON.stringify(u.headOf) : null,
    now,
  )
}
