// The community's directory for 转办: departments, the 物业 and 共建单位, kept by its staff.
import type { z } from 'zod'
import type { UnitView, UnitsInput, UpsertUnitInput } from '@shared/orders'
import type { Actor } from '../../domain/access'
import { invalid, notFound } from '../../domain/errors'
import type { Unit } from '../../domain/model'
import { byPlaceName } from '../../domain/onboarding'
import type { Ctx } from '../../ports'

const view = (u: Unit): UnitView => ({ id: u.id, name: u.name, kind: u.kind, contact: u.contact, phone: u.phone, active: u.active })

export async function listUnits(ctx: Ctx, actor: Actor, input: z.output<typeof UnitsInput>): Promise<{ items: UnitView[] }> {
  const units = await ctx.repos.referrals.units(actor.communityId)
  return {
    items: units
      .filter((u) => u.active || input.includeInactive)
      .sort(byPlaceName)
      .map(view),
  }
}

export async function upsertUnit(ctx: Ctx, actor: Actor, input: z.output<typeof UpsertUnitInput>): Promise<UnitView> {
  await ctx.guard.check(input.name, 'name', actor)
  if (input.contact) await ctx.guard.check(input.contact, 'contact', actor)
  const units = await ctx.repos.referrals.units(actor.communityId)
  if (units.some((u) => u.name === input.name && u.id !== input.id)) throw invalid('name', '名录里已经有这个单位了')
  const current = input.id ? await ctx.repos.referrals.unit(input.id) : null
  if (input.id && current?.communityId !== actor.communityId) throw notFound('没有找到这个单位')
  const unit: Unit = {
    id: current?.id ?? ctx.ids.next('un'),
    communityId: actor.communityId,
    name: input.name,
    kind: input.kind,
    contact: input.contact || null,
    phone: input.phone || null,
    active: input.active,
    updatedAt: ctx.clock.now(),
  }
  await ctx.repos.referrals.saveUnit(unit)
  return view(unit)
}
