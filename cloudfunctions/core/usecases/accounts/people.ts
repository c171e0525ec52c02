// The community's places (grids → buildings) for the registration form, and the admin's management of
// staff accounts and grids.
import type { z } from 'zod'
import type { PeopleInput, PersonView, Places, PlacesInput, SetStaffInput, UpsertBuildingInput, UpsertGridInput } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import { conflict, forbidden, invalid, notFound } from '../../domain/errors'
import { byPlaceName, withRole, withoutRole } from '../../domain/onboarding'
import type { Ctx } from '../../ports'

/** Anyone, signed in or not (a newcomer opens the community's link): grids and buildings, no people. */
export async function listPlaces(ctx: Ctx, actor: Actor, input: z.output<typeof PlacesInput>): Promise<Places> {
  const communityId = input.communityId ?? actor.communityId
  const community = communityId ? await ctx.repos.places.community(communityId) : null
  if (!community) throw notFound('没有找到这个社区')
  const [grids, buildings] = await Promise.all([ctx.repos.places.grids(community.id), ctx.repos.places.buildings(community.id)])
  return {
    communityId: community.id,
    communityName: community.name,
    grids: [...grids].sort(byPlaceName).map((g) => ({
      id: g.id,
      name: g.name,
      buildings: buildings
        .filter((b) => b.gridId === g.id)
        .sort(byPlaceName)
        .map((b) => ({ id: b.id, name: b.name })),
    })),
  }
}

export async function listPeople(ctx: Ctx, actor: Actor, input: z.output<typeof PeopleInput>): Promise<{ items: PersonView[] }> {
  const [users, grids] = await Promise.all([ctx.repos.users.listCommunity(actor.communityId), ctx.repos.places.grids(actor.communityId)])
  const gridName = new Map(grids.map((g) => [g.id, g.name]))
  return {
    items: users
      .filter((u) => u.roles.length > 0 && (!input.role || u.roles.includes(input.role)))
      .map((u) => ({
        id: u.id,
        name: u.name,
        roles: u.roles,
        gridName: u.gridId ? (gridName.get(u.gridId) ?? null) : null,
        phone: u.phone,
      })),
  }
}

/** Admin: makes a person of the community staff (工作人员), or takes it away. Never their own. */
export async function setStaff(ctx: Ctx, actor: Actor, input: z.output<typeof SetStaffInput>): Promise<PersonView> {
  const user = await ctx.repos.users.get(input.userId)
  if (!user || user.communityId !== actor.communityId) throw notFound('没有找到这个人')
  if (user.id === actor.userId) throw forbidden('不能修改自己的工作人员身份')
  // an account deleted by its owner has no roles and must stay that way (so has one not yet verified)
  if (input.staff && user.roles.length === 0) throw conflict('这个账号已注销或还没通过登记审核，不能设为工作人员')
  const roles = input.staff ? withRole(user.roles, 'staff') : withoutRole(user.roles, 'staff')
  if (!input.staff && roles.includes('admin')) throw forbidden('管理员的工作人员身份不能取消')
  await ctx.repos.users.saveProfile({ ...user, roles })
  const grid = user.gridId ? await ctx.repos.places.grid(user.gridId) : null
  return { id: user.id, name: user.name, roles, gridName: grid?.name ?? null, phone: user.phone }
}

/** Admin: adds a grid to the community or renames one of its grids. Names are unique in the community. */
export async function upsertGrid(ctx: Ctx, actor: Actor, input: z.output<typeof UpsertGridInput>): Promise<{ id: string; name: string }> {
  await ctx.guard.check(input.name, 'name', actor)
  const grids = await ctx.repos.places.grids(actor.communityId)
  if (grids.some((g) => g.name === input.name && g.id !== input.id)) throw invalid('name', '已经有同名的网格了')
  if (input.id) {
    const grid = await ctx.repos.places.grid(input.id)
    if (!grid || grid.communityId !== actor.communityId) throw notFound('没有找到这个网格')
    await ctx.repos.places.saveGrid({ ...grid, name: input.name })
    return { id: grid.id, name: input.name }
  }
  const grid = { id: ctx.ids.next('g'), communityId: actor.communityId, name: input.name }
  await ctx.repos.places.saveGrid(grid)
  return { id: grid.id, name: grid.name }
}

/** Admin: adds a building (楼栋) to one of the community's grids, or renames one or moves it to another grid. */
export async function upsertBuilding(
  ctx: Ctx,
  actor: Actor,
  input: z.output<typeof UpsertBuildingInput>,
): Promise<{ id: string; name: string; gridId: string }> {
  await ctx.guard.check(input.name, 'name', actor)
  const grid = await ctx.repos.places.grid(input.gridId)
  if (!grid || grid.communityId !== actor.communityId) throw invalid('gridId', '请选择本社区的网格')
  const buildings = await ctx.repos.places.buildings(actor.communityId)
  if (buildings.some((b) => b.name === input.name && b.id !== input.id)) throw invalid('name', '已经有同名的楼栋了')
  const current = input.id ? buildings.find((b) => b.id === input.id) : undefined
  if (input.id && !current) throw notFound('没有找到这个楼栋')
  const building = { id: current?.id ?? ctx.ids.next('b'), communityId: actor.communityId, gridId: grid.id, name: input.name }
  await ctx.repos.places.saveBuilding(building)
  return { id: building.id, name: building.name, gridId: building.gridId }
}
