import type { Me } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import { AppError } from '../../domain/errors'
import type { Ctx } from '../../ports'

export async function getMe(ctx: Ctx, actor: Actor): Promise<Me> {
  const user = await ctx.repos.users.get(actor.userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  const community = await ctx.repos.places.community(user.communityId)
  const grid = user.gridId ? await ctx.repos.places.grid(user.gridId) : null
  const building = user.buildingId ? await ctx.repos.places.building(user.buildingId) : null
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    communityId: user.communityId,
    communityName: community?.name ?? '',
    gridId: user.gridId,
    gridName: grid?.name ?? null,
    buildingName: building?.name ?? null,
    address: building ? [building.name, user.room].filter(Boolean).join(' ') : null,
    phone: user.phone,
    member: user.member,
  }
}
