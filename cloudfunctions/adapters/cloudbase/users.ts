// People on CloudBase: one document per person at the user id. Read defensively: the first admin's
// document is typed by hand in the console (docs/deploy-cloudbase.md).
import { ROLES } from '@shared/enums'
import type { User } from '../../core/domain/model'
import { withMemberDefaults } from '../../core/domain/onboarding'
import type { UserRepo } from '../../core/ports'
import { byId, str, toDoc } from './docs'
import { type Cond, type Sort, eq } from './query'
import type { Doc, Scope } from './scope'

export function toUser(d: Doc): User {
  return {
    id: d._id,
    communityId: d.communityId as string,
    name: d.name as string,
    phone: str(d.phone),
    roles: (d.roles as User['roles']) ?? [],
    gridId: str(d.gridId),
    buildingId: str(d.buildingId),
    room: str(d.room),
    member: d.member ? withMemberDefaults(d.member as Partial<NonNullable<User['member']>>) : null,
    rankingOptIn: d.rankingOptIn === true,
    workGrids: (d.workGrids as string[] | undefined) ?? [],
    gridLead: d.gridLead === true,
    headOf: (d.headOf as User['headOf']) ?? null,
    createdAt: d.createdAt as number,
  }
}

const byNameThenId = (a: User, b: User) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1)

export function createUserRepo(scope: Scope): UserRepo {
  return {
    get: (id) => byId(scope, 'users', id, toUser),
    async getMany(ids) {
      const unique = [...new Set(ids)]
      const out: User[] = []
      for (let i = 0; i < unique.length; i += 100) {
        const docs = await scope.queryAll('users', { where: [{ f: '_id', op: 'in', v: unique.slice(i, i + 100) }], sort: [] })
        out.push(...docs.map(toUser))
      }
      return out
    },
    async listMembers(communityId) {
      const where = [eq('communityId', communityId), eq('roles', 'member')]
      return (await scope.queryAll('users', { where, sort: [['name', 'asc']] })).map(toUser)
    },
    async listStaff(communityId) {
      // roles is an array: a query per role, merged (an admin who is also staff appears once)
      const found = new Map<string, User>()
      for (const role of ['staff', 'admin']) {
        const docs = await scope.queryAll('users', {
          where: [eq('communityId', communityId), eq('roles', role)],
          sort: [['name', 'asc']],
        })
        for (const d of docs) found.set(d._id, toUser(d))
      }
      return [...found.values()].sort(byNameThenId)
    },
    async listGridWorkers(communityId, gridId) {
      // workGrids is an array too: equality matches a document whose array holds the grid
      const where = [eq('communityId', communityId), eq('workGrids', gridId), eq('roles', 'grid_worker')]
      return (await scope.queryAll('users', { where, sort: [['name', 'asc']] })).map(toUser)
    },
    async listStreetAccounts(streetId) {
      const where = [eq('communityId', streetId), eq('roles', 'street')]
      return (await scope.queryAll('users', { where, sort: [['name', 'asc']] })).map(toUser)
    },
    async saveSettings(user) {
      await scope.patch('users', user.id, { rankingOptIn: user.rankingOptIn })
    },
    async listCommunity(communityId) {
      return (await scope.queryAll('users', { where: [eq('communityId', communityId)], sort: [['name', 'asc']] })).map(toUser)
    },
    async insert(user) {
      await scope.insert('users', toDoc(user.id, user, 'id'), `user ${user.id}`)
    },
    async saveProfile(user) {
      const current = await scope.get('users', user.id)
      if (!current) return // as SQLite: an UPDATE of a missing person changes nothing
      const { name, phone, roles, gridId, buildingId, room, member, workGrids, gridLead, headOf } = structuredClone(user)
      const profile = { name, phone, roles, gridId, buildingId, room, member, workGrids, gridLead, headOf }
      await scope.put('users', { ...current, ...profile, _id: user.id })
    },
    async erasePersonal(user) {
      const current = await scope.get('users', user.id)
      if (!current) return
      const { id: _id, communityId: _c, createdAt: _t, ...personal } = user
      await scope.put('users', { ...current, ...structuredClone(personal), _id: user.id })
    },
    async everyoneWithRoles() {
      // demo mode only: a scan of the people, in the community's order of arrival (createdAt, then id)
      const where: Cond[] = [{ f: 'roles', op: 'in', v: [...ROLES] }]
      const sort: Sort = [
        ['communityId', 'asc'],
        ['createdAt', 'asc'],
      ]
      return (await scope.queryAll('users', { where, sort })).map(toUser)
    },
  }
}
