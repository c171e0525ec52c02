import type { Me } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import { AppError } from '../../domain/errors'
import type { Ctx } from '../../ports'
import { standingOf } from './standing'

export async function getMe(ctx: Ctx, actor: Actor): Promise<Me> {
  const user = await ctx.repos.users.get(actor.userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  const community = await ctx.repos.places.community(user.communityId)
  // a street account's tenant is its street
  const street = community ? null : await ctx.repos.places.street(user.communityId)
  const grid = user.gridId ? await ctx.repos.places.grid(user.gridId) : null
  const building = user.buildingId ? await ctx.repos.places.building(user.buildingId) : null
  const communities = street ? await ctx.repos.places.streetCommunities(street.id) : []
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    communityId: user.communityId,
    communityName: community?.name ?? street?.name ?? '',
    gridId: user.gridId,
    gridName: grid?.name ?? null,
    buildingName: building?.name ?? null,
    address: building ? [building.name, user.room].filter(Boolean).join(' ') : null,
    phone: user.phone,
    member: user.member,
    street: street && { id: street.id, name: street.name, communities: communities.map((c) => ({ id: c.id, name: c.name })) },
    ...(await standingOf(ctx, user)),
  }
}
