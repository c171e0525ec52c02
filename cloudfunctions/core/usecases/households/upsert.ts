// 一户一档: a household filed (or its file updated) by the community's staff or its grid's 网格员 —
// its home, its people (registered residents by account, the others by name), tags and consent.
import type { z } from 'zod'
import type { HouseholdDetail, UpsertHouseholdInput } from '@shared/households'
import { type Actor, hasRole } from '../../domain/access'
import { invalid } from '../../domain/errors'
import { keepsHousehold, visitDueAt } from '../../domain/households'
import type { Household, HouseholdConsent, HouseholdMember } from '../../domain/model'
import type { Ctx } from '../../ports'
import { loadKeptHousehold } from './list'
import { presentHousehold } from './present'

type Input = z.output<typeof UpsertHouseholdInput>

export async function upsertHousehold(ctx: Ctx, actor: Actor, input: Input): Promise<HouseholdDetail> {
  const current = input.id ? await loadKeptHousehold(ctx, actor, input.id) : null
  const building = await ctx.repos.places.building(input.buildingId)
  if (!building || building.communityId !== actor.communityId) throw invalid('buildingId', '请选择本社区的楼栋')
  if (!keepsHousehold(actor, building)) throw invalid('buildingId', '请选择您负责网格的楼栋')
  const others = (await ctx.repos.households.ofCommunity(actor.communityId)).filter((h) => h.id !== current?.id)
  if (others.some((h) => h.buildingId === building.id && h.room === input.room)) throw invalid('room', '这一户已经建档了')
  // the file is read by the grid's workers and, later, paired members: what is written in it is checked
  await ctx.guard.check(input.room, 'room', actor)
  for (const [i, m] of input.members.entries()) {
    await ctx.guard.check(m.name, `members.${i}.name`, actor)
    await ctx.guard.check(m.relation, `members.${i}.relation`, actor)
  }
  await ctx.guard.check(input.consent.by, 'consent.by', actor)
  if (input.note) await ctx.guard.check(input.note, 'note', actor)

  const now = ctx.clock.now()
  const members = await membersOf(ctx, actor, input, current)
  const tags = [...new Set(input.tags)]
  const consentSame = current && current.consent.by === input.consent.by && current.consent.method === input.consent.method
  const consent: HouseholdConsent = consentSame ? current.consent : { ...input.consent, at: now, recordedBy: actor.userId }
  const base = {
    communityId: actor.communityId,
    gridId: building.gridId,
    buildingId: building.id,
    room: input.room,
    members,
    tags,
    consent,
    note: input.note,
    updatedAt: now,
  }
  const household: Household = current
    ? { ...current, ...base, visitDueAt: visitDueAt({ ...current, tags }), version: current.version + 1 }
    : {
        id: ctx.ids.next('hh'),
        ...base,
        lastVisitAt: null,
        visitDueAt: visitDueAt({ tags, lastVisitAt: null, createdAt: now }),
        createdBy: actor.userId,
        createdAt: now,
        version: 1,
      }
  await ctx.repos.households.save(household)
  return presentHousehold(ctx, household, actor)
}

/** The people as filed: a registered resident by their account (their name from it), the others as typed. */
async function membersOf(ctx: Ctx, actor: Actor, input: Input, current: Household | null): Promise<HouseholdMember[]> {
  const known = new Set((current?.members ?? []).map((m) => m.id))
  const seen = new Set<string>()
  const out: HouseholdMember[] = []
  for (const [i, m] of input.members.entries()) {
    if (m.id && (!known.has(m.id) || seen.has(m.id))) throw invalid(`members.${i}.id`, '这位家庭成员不在这户的档案里')
    let name = m.name
    if (m.residentId) {
      const user = await ctx.repos.users.get(m.residentId)
      if (!user || user.communityId !== actor.communityId || !hasRole(user, 'resident'))
        throw invalid(`members.${i}.residentId`, '请选择本社区登记过的居民')
      if (out.some((o) => o.residentId === user.id)) throw invalid(`members.${i}.residentId`, '同一位居民登记了两次')
      name = user.name
    }
    const id = m.id ?? ctx.ids.next('hm')
    seen.add(id)
    out.push({ id, residentId: m.residentId ?? null, name, relation: m.relation, ageBand: m.ageBand, phone: m.phone ?? null })
  }
  return out
}
