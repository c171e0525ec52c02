// 街道: the deployment's admin sets up a street owning some communities, and its accounts. No one
// signed in does this (a street is above every community's admin): it runs from the command line
// (local/street.ts) or, once it exists, the setup import.
import { invalid } from '../../domain/errors'
import { newPerson } from '../../domain/onboarding'
import type { Ctx } from '../../ports'

export interface StreetSetup {
  /** A readable id, e.g. `st_hongqiao`; the street is renamed when it exists. */
  id: string
  name: string
  communityIds: string[]
  /** Street accounts to add (name and mobile). */
  accounts: Array<{ name: string; phone: string }>
}

export async function setUpStreet(ctx: Ctx, setup: StreetSetup): Promise<{ streetId: string; accountIds: string[] }> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(setup.id)) throw invalid('id', '街道编号只能用字母、数字、- 或 _')
  if (!setup.name.trim()) throw invalid('name', '请填写街道名称')
  for (const [i, id] of setup.communityIds.entries()) {
    if (!(await ctx.repos.places.community(id))) throw invalid(`communityIds.${i}`, `没有这个社区：${id}`)
  }
  await ctx.repos.places.saveStreet({ id: setup.id, name: setup.name.trim() }, setup.communityIds)
  const accountIds: string[] = []
  for (const a of setup.accounts) {
    // a street account's tenant is its street: no community, no grid, no home
    const user = newPerson({
      id: ctx.ids.next('u'),
      communityId: setup.id,
      name: a.name,
      phone: a.phone,
      roles: ['street'],
      createdAt: ctx.clock.now(),
    })
    await ctx.repos.users.insert(user)
    accountIds.push(user.id)
  }
  return { streetId: setup.id, accountIds }
}
