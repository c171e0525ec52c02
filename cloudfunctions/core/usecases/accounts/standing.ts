// A person's standing beyond their roles, in words for cards: the grids a 网格员 serves (网格长 when
// lead) and the building they head (楼栋长 / 单元长).
import type { Standing } from '@shared/accounts'
import type { User } from '../../domain/model'
import { byPlaceName, headLabel } from '../../domain/onboarding'
import type { Ctx } from '../../ports'

export async function standingOf(ctx: Ctx, user: User): Promise<Standing> {
  const grids: Array<{ id: string; name: string }> = []
  for (const id of user.workGrids) {
    const g = await ctx.repos.places.grid(id)
    if (g) grids.push({ id: g.id, name: g.name })
  }
  const building = user.headOf ? await ctx.repos.places.building(user.headOf.buildingId) : null
  return {
    gridWork: grids.length ? { grids: grids.sort(byPlaceName), lead: user.gridLead } : null,
    head: user.headOf && building ? headLabel(user.headOf, building.name) : null,
  }
}
