// People on better-sqlite3: one row per person, roles and the member profile as JSON columns.
import type { Role } from '@shared/enums'
import type { MemberProfile, User } from '../../core/domain/model'
import type { UserRepo } from '../../core/ports'
import { type Statements, flag, int, insertInto, jsonOf, jsonOrNull, rowMapper, text, textOrNull, uniquely } from './sql'

export const USER = rowMapper<User>({
  id: text,
  communityId: text,
  name: text,
  phone: textOrNull,
  roles: jsonOf<Role[]>([]),
  gridId: textOrNull,
  buildingId: textOrNull,
  room: textOrNull,
  member: jsonOrNull<MemberProfile>(),
  rankingOptIn: flag,
  createdAt: int,
})

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
      q(
        `UPDATE users SET name = @name, phone = @phone, roles = @roles, grid_id = @grid_id, building_id = @building_id, room = @room,
         member = @member WHERE id = @id`,
      ).run(USER.params(user))
    },
    async erasePersonal(user) {
      q(
        `UPDATE users SET name = @name, phone = @phone, roles = @roles, grid_id = @grid_id, building_id = @building_id, room = @room,
         member = @member, ranking_opt_in = @ranking_opt_in WHERE id = @id`,
      ).run(USER.params(user))
    },
    async everyoneWithRoles() {
      const sql = `SELECT u.* FROM users u JOIN communities c ON c.id = u.community_id WHERE u.roles <> '[]' ORDER BY c.rowid, u.rowid`
      return USER.all(q(sql).all())
    },
  }
}
