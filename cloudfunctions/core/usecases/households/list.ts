// 一户一档's lists: the households the caller keeps (community staff: all; a 网格员: their grids'),
// by tag, grid or a name / room; and 该走访了, those whose visit is due.
import type { z } from 'zod'
import type { DueInput, HouseholdRef, HouseholdSummary, ListHouseholdsInput } from '@shared/households'
import type { Actor } from '../../domain/access'
import { notFound } from '../../domain/errors'
import { keepsHousehold, mayReadHousehold } from '../../domain/households'
import type { Household } from '../../domain/model'
import type { Ctx } from '../../ports'
import { placeNames, presentHousehold, summarize } from './present'

export async function listHouseholds(ctx: Ctx, actor: Actor, input: z.output<typeof ListHouseholdsInput>) {
  const all = await ctx.repos.households.ofCommunity(actor.communityId)
  const q = input.q
  const found = all.filter(
    (h) =>
      keepsHousehold(actor, h) &&
      (!input.tag || h.tags.includes(input.tag)) &&
      (!input.gridId || h.gridId === input.gridId) &&
      (!q || h.room.includes(q) || h.members.some((m) => m.name.includes(q))),
  )
  return { items: await summaries(ctx, actor, found) }
}

export async function dueHouseholds(ctx: Ctx, actor: Actor, input: z.output<typeof DueInput>) {
  const due = await ctx.repos.households.dueBy(actor.communityId, ctx.clock.now())
  return {
    items: await summaries(
      ctx,
      actor,
      due.filter((h) => keepsHousehold(actor, h) && (!input.gridId || h.gridId === input.gridId)),
    ),
  }
}

export async function getHousehold(ctx: Ctx, actor: Actor, input: z.output<typeof HouseholdRef>) {
  return presentHousehold(ctx, await loadHousehold(ctx, actor, input.householdId), actor)
}

/**
 * The household, if the caller may read it — its keepers, and the members paired with it; another
 * grid's or community's, or one a member is not paired with, does not exist for them.
 */
export async function loadHousehold(ctx: Ctx, actor: Actor, householdId: string): Promise<Household> {
  const h = await ctx.repos.households.get(householdId)
  const pairs = h && !keepsHousehold(actor, h) ? await ctx.repos.care.pairsOfHousehold(h.id) : []
  if (!h || !mayReadHousehold(actor, h, pairs)) throw notFound('没有找到这户')
  return h
}

/** The household, if the caller keeps its file (to change it: a paired member reads it only). */
export async function loadKeptHousehold(ctx: Ctx, actor: Actor, householdId: string): Promise<Household> {
  const h = await ctx.repos.households.get(householdId)
  if (!h || !keepsHousehold(actor, h)) throw notFound('没有找到这户')
  return h
}

async function summaries(ctx: Ctx, actor: Actor, households: Household[]): Promise<HouseholdSummary[]> {
  if (households.length === 0) return []
  const names = await placeNames(ctx, actor.communityId)
  const now = ctx.clock.now()
  return households.map((h) => summarize(h, names, now))
}
