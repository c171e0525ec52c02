// The community's places (grids → buildings) for the registration form, the admin's management of
// staff accounts, 网格员 and grids, the community workers' 楼栋长 / 单元长, and the residents a 网格员
// may order for (代办).
import type { z } from 'zod'
import type { PeopleInput, PersonView, Places, PlacesInput, ResidentItem, ResidentsInput } from '@shared/accounts'
import type { SetGridWorkerInput, SetHeadInput, SetStaffInput, UpsertBuildingInput, UpsertGridInput } from '@shared/accounts'
import { type Actor, hasRole, managesGrid } from '../../domain/access'
import { conflict, forbidden, invalid, notFound } from '../../domain/errors'
import type { BuildingHead, Grid, User } from '../../domain/model'
import { byPlaceName, withGridWork, withRole, withoutRole } from '../../domain/onboarding'
import type { Ctx } from '../../ports'
import { standingOf } from './standing'

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

async function personView(ctx: Ctx, u: User): Promise<PersonView> {
  const grid = u.gridId ? await ctx.repos.places.grid(u.gridId) : null
  return { id: u.id, name: u.name, roles: u.roles, gridName: grid?.name ?? null, phone: u.phone, ...(await standingOf(ctx, u)) }
}

export async function listPeople(ctx: Ctx, actor: Actor, input: z.output<typeof PeopleInput>): Promise<{ items: PersonView[] }> {
  const users = await ctx.repos.users.listCommunity(actor.communityId)
  const items: PersonView[] = []
  for (const u of users) if (u.roles.length > 0 && (!input.role || u.roles.includes(input.role))) items.push(await personView(ctx, u))
  return { items }
}

/** A person of the admin's community other than the admin: who the admin's people tools act on. */
async function otherPerson(ctx: Ctx, actor: Actor, userId: string, self: string): Promise<User> {
  const user = await ctx.repos.users.get(userId)
  if (!user || user.communityId !== actor.communityId) throw notFound('没有找到这个人')
  if (user.id === actor.userId) throw forbidden(self)
  return user
}

/** Admin: makes a person of the community staff (社区工作者), or takes it away. Never their own. */
export async function setStaff(ctx: Ctx, actor: Actor, input: z.output<typeof SetStaffInput>): Promise<PersonView> {
  const user = await otherPerson(ctx, actor, input.userId, '不能修改自己的社区工作者身份')
  // an account deleted by its owner has no roles and must stay that way (so has one not yet verified)
  if (input.staff && user.roles.length === 0) throw conflict('这个账号已注销或还没通过登记审核，不能设为工作人员')
  const roles = input.staff ? withRole(user.roles, 'staff') : withoutRole(user.roles, 'staff')
  if (!input.staff && roles.includes('admin')) throw forbidden('管理员的社区工作者身份不能取消')
  await ctx.repos.users.saveProfile({ ...user, roles })
  return personView(ctx, { ...user, roles })
}

/** Admin: makes a person a 网格员 of some of the community's grids (网格长 when lead), or no longer one. */
export async function setGridWorker(ctx: Ctx, actor: Actor, input: z.output<typeof SetGridWorkerInput>): Promise<PersonView> {
  const user = await otherPerson(ctx, actor, input.userId, '不能修改自己的网格员身份')
  if (input.gridIds.length > 0 && user.roles.length === 0) throw conflict('这个账号已注销或还没通过登记审核，不能设为网格员')
  const grids: Grid[] = []
  for (const [i, id] of input.gridIds.entries()) {
    const grid = await ctx.repos.places.grid(id)
    if (grid?.communityId !== actor.communityId) throw invalid(`gridIds.${i}`, '请选择本社区的网格')
    grids.push(grid)
  }
  const saved = withGridWork(user, grids, input.lead)
  await ctx.repos.users.saveProfile(saved)
  return personView(ctx, saved)
}

/** Community workers mark a resident or member 楼栋长 (or 单元长) of a building of theirs, or clear it. */
export async function setHead(ctx: Ctx, actor: Actor, input: z.output<typeof SetHeadInput>): Promise<PersonView> {
  const user = await ctx.repos.users.get(input.userId)
  if (!user || user.communityId !== actor.communityId) throw notFound('没有找到这个人')
  if (!hasRole(user, 'resident') && !hasRole(user, 'member')) throw invalid('userId', '楼栋长、单元长要从本社区的居民里选')
  let headOf: BuildingHead | null = null
  if (input.head) {
    const building = await ctx.repos.places.building(input.head.buildingId)
    if (building?.communityId !== actor.communityId) throw invalid('head.buildingId', '请选择本社区的楼栋')
    if (input.head.unit) await ctx.guard.check(input.head.unit, 'head.unit', actor)
    headOf = { buildingId: building.id, unit: input.head.unit ?? null }
  }
  await ctx.repos.users.saveProfile({ ...user, headOf })
  return personView(ctx, { ...user, headOf })
}

/**
 * The residents a caller may order for (代办): registered residents of the grids they look after,
 * found by name, building or the end of a phone number. The most a list holds is a grid's worth.
 */
export async function listResidents(ctx: Ctx, actor: Actor, input: z.output<typeof ResidentsInput>): Promise<{ items: ResidentItem[] }> {
  const [users, grids, buildings] = await Promise.all([
    ctx.repos.users.listCommunity(actor.communityId),
    ctx.repos.places.grids(actor.communityId),
    ctx.repos.places.buildings(actor.communityId),
  ])
  const gridName = new Map(grids.map((g) => [g.id, g.name]))
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]))
  const items: ResidentItem[] = []
  for (const u of users) {
    if (!hasRole(u, 'resident') || u.id === actor.userId || !managesGrid(actor, u.communityId, u.gridId)) continue
    if (input.gridId && u.gridId !== input.gridId) continue
    const address = u.buildingId ? [buildingName.get(u.buildingId), u.room].filter(Boolean).join(' ') : null
    const q = input.q
    if (q && !u.name.includes(q) && !(address ?? '').includes(q) && !(u.phone ?? '').endsWith(q)) continue
    items.push({ id: u.id, name: u.name, gridName: u.gridId ? (gridName.get(u.gridId) ?? null) : null, address, phone: u.phone })
    if (items.length >= 200) break
  }
  return { items }
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
