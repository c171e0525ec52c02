// 走访: a visit to a household recorded by whoever keeps its file — what was found, with photos — and,
// in the same step, the finding turned into an order for one of its people (转为需求, 入户走访代办).
import type { z } from 'zod'
import type { LogVisitInput, VisitLogged } from '@shared/households'
import type { Actor } from '../../domain/access'
import { invalid } from '../../domain/errors'
import { visitDueAt } from '../../domain/households'
import type { Household, Visit } from '../../domain/model'
import type { Ctx } from '../../ports'
import { createOrder } from '../orders/create'
import { loadKeptHousehold } from './list'
import { presentHousehold } from './present'

export async function logVisit(ctx: Ctx, actor: Actor, input: z.output<typeof LogVisitInput>): Promise<VisitLogged> {
  const h = await loadKeptHousehold(ctx, actor, input.householdId)
  await ctx.guard.check(input.found, 'found', actor)
  await ctx.files.assertOwned(input.photos, actor.userId, 'photos')
  const orderId = input.order ? await orderFromFinding(ctx, actor, h, input) : null

  const now = ctx.clock.now()
  const visit: Visit = {
    id: ctx.ids.next('v'),
    householdId: h.id,
    communityId: h.communityId,
    visitorId: actor.userId,
    at: now,
    found: input.found,
    photos: input.photos,
    orderId,
  }
  await ctx.repos.households.addVisit(visit)
  const visited: Household = { ...h, lastVisitAt: now, updatedAt: now, version: h.version + 1 }
  visited.visitDueAt = visitDueAt(visited)
  await ctx.repos.households.save(visited)
  return { household: await presentHousehold(ctx, visited, actor), visitId: visit.id, orderId }
}

/**
 * The 代办 of the grid issue, from a visit: placed by the visitor through `orders.create`'s on-behalf path
 * for the household's person, with the channel 入户走访 and the visit's photos. A person with an account
 * holds it as their own (they see it, rate it); a person known only from the file is its resident by
 * their place in the file — staff confirm it in their words.
 */
async function orderFromFinding(ctx: Ctx, actor: Actor, h: Household, input: z.output<typeof LogVisitInput>) {
  const o = input.order!
  const member = h.members.find((m) => m.id === o.memberId)
  if (!member) throw invalid('order.memberId', '请选择这户的家庭成员')
  // checked here so a refusal names the visit's field (createOrder checks them again, as its own)
  await ctx.guard.check(o.title, 'order.title', actor)
  if (o.description) await ctx.guard.check(o.description, 'order.description', actor)
  const order = await createOrder(ctx, actor, {
    onBehalfOf: { householdId: h.id, memberId: member.id, channel: 'home_visit' },
    kind: o.kind,
    category: o.category,
    title: o.title,
    description: o.description,
    urgency: o.urgency,
    photos: input.photos,
  })
  return order.id
}
