// People on better-sqlite3: one row per person, roles and the member profile as JSON columns.
import type { Role } from '@shared/enums'
import type { BuildingHead, MemberProfile, User } from '../../core/domain/model'
import { withMemberDefaults } from '../../core/domain/onboarding'
import type { UserRepo } from '../../core/ports'
import { type Column, type Statements, flag, int, insertInto, json, jsonOf, jsonOrNull, rowMapper, text, textOrNull, uniquely } from './sql'

/** A member profile as JSON; one stored before status and management existed reads with their defaults. */
export const MEMBER: Column<MemberProfile | null> = {
  read: (v) => {
    const p = json<Partial<MemberProfile> | null>(v, null)
    return p ? withMemberDefaults(p) : null
  },
  write: (v) => (v === null ? null : JSON.stringify(v)),
}

export const USER = rowMapper<User>({
  id: text,
  communityId: text,
  name: text,
  phone: textOrNull,
  roles: jsonOf<Role[]>([]),
  gridId: textOrNull,
  buildingId: textOrNull,
  room: textOrNull,
  member: MEMBER,
  rankingOptIn: flag,
  workGrids: jsonOf<string[]>([]),
  gridLead: flag,
  headOf: jsonOrNull<BuildingHead>(),
  createdAt: int,
})

/** What staff decide about a person (saveProfile) and what account deletion overwrites (with the opt-in). */
const PROFILE = `name = @name, phone = @phone, roles = @roles, grid_id = @grid_id, building_id = @building_id, room = @room,
  member = @member, work_grids = @work_grids, grid_lead = @grid_lead, head_of = @head_of`

const withRole = (roles: string) =>
  `SELECT * FROM users WHERE community_id = ? AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value IN (${roles})) ORDER BY name, id`

export function createUserRepo(q: Statements): UserRepo {
  return {
    async get(id) {
      return USER.one(q('SELECT * FROM users WHERE id = ?').get(id))
    },
    async getMany(ids) {
      if (ids.length === 0) return []
      // one statement for any number of ids (and no limit on bound parameters)
      return USER.all(q('SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)))
    },
    async listMembers(communityId) {
      return USER.all(q(withRole("'member'")).all(communityId))
    },
    async listStaff(communityId) {
      return USER.all(q(withRole("'staff', 'admin'")).all(communityId))
    },
    async listGridWorkers(communityId, gridId) {
      const sql = `SELECT * FROM users WHERE community_id = ? AND EXISTS (SELECT 1 FROM json_each(users.work_grids) WHERE value = ?)
        AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'grid_worker') ORDER BY name, id`
      return USER.all(q(sql).all(communityId, gridId))
    },
    async listStreetAccounts(streetId) {
      return USER.all(q(withRole("'street'")).all(streetId))
    },
    async saveSettings(user) {
      q('UPDATE users SET ranking_opt_in = @ranking_opt_in WHERE id = @id').run(USER.params(user))
    },
    async listCommunity(communityId) {
      return USER.all(q('SELECT * FROM users WHERE community_id = ? ORDER BY name, id').all(communityId))
    },
    async insert(user) {
      uniquely(`user ${user.id} exists`, () => q(insertInto('users', USER.columns)).run(USER.params(user)))
    },
    async saveProfile(user) {
      q(`UPDATE users SET ${PROFILE} WHERE id = @id`).run(USER.params(user))
    },
    async erasePersonal(user) {
      q(`UPDATE users SET ${PROFILE}, ranking_opt_in = @ranking_opt_in WHERE id = @id`).run(USER.params(user))
    },
    async everyoneWithRoles() {
      // communities first, each in its order; then the streets' accounts (their tenant is no community)
      const sql = `SELECT u.* FROM users u LEFT JOIN communities c ON c.id = u.community_id LEFT JOIN streets s ON s.id = u.community_id
        WHERE u.roles <> '[]' AND (c.id IS NOT NULL OR s.id IS NOT NULL) ORDER BY c.rowid IS NULL, c.rowid, s.rowid, u.rowid`
      return USER.all(q(sql).all())
    },
  }
}
