// Demo sign-in (local mode, DESIGN.md §9): the seeded people to choose from, and a session as one of them.
import type { DemoUser } from '@shared/accounts'
import { invalid, notFound } from '../../domain/errors'
import type { Clock, Ids, UnitOfWork } from '../../ports'
import { openSession } from './sessions'

/**
 * Everyone one may sign in as, with their community's name (a street account's: its street's):
 * community by community, in the order they were added, then the streets' accounts.
 */
export function demoRoster(uow: UnitOfWork): Promise<DemoUser[]> {
  return uow.read(async (repos) => {
    const people = await repos.users.everyoneWithRoles()
    const communityNames = new Map<string, string>()
    for (const id of new Set(people.map((u) => u.communityId))) {
      const tenant = (await repos.places.community(id)) ?? (await repos.places.street(id))
      communityNames.set(id, tenant?.name ?? '')
    }
    return people.map((u) => ({
      id: u.id,
      name: u.name,
      roles: u.roles,
      communityId: u.communityId,
      communityName: communityNames.get(u.communityId) ?? '',
      ...(u.gridId ? { gridId: u.gridId } : {}),
    }))
  })
}

/** Opens a session as the chosen person, who must hold a role: an account deleted by its owner has none, and stays closed. */
export async function demoSignIn(uow: UnitOfWork, deps: { clock: Clock; ids: Ids }, userId: unknown) {
  if (typeof userId !== 'string') throw invalid('userId', '请选择要登录的用户')
  const user = await uow.read((repos) => repos.users.get(userId))
  if (!user || user.roles.length === 0) throw notFound('没有这个用户')
  const { token } = await uow.write((repos) => openSession({ repos, ...deps }, userId))
  return { token, userId }
}
