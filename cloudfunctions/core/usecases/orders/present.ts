// Turns stored orders into what a given viewer may see (DESIGN.md §8: the hall shows the building only).
import type { OrderDetail, OrderEvent, OrderSummary, PersonRef, ReferralView } from '@shared/orders'
import type { Actor } from '../../domain/access'
import type { Order, Referral, User } from '../../domain/model'
import { residentWithoutAccount } from '../../domain/households'
import { allowedActions } from '../../domain/order-machine'
import { isLate } from '../../domain/referral-machine'
import type { Ctx } from '../../ports'
import { canSeeContact } from './shared'
import { shownPhotos } from '../photos/screen'

const iso = (ms: number) => new Date(ms).toISOString()

/** Names of grids and buildings, and people, fetched once per response. */
class Lookup {
  private users = new Map<string, User | null>()
  private places = new Map<string, string | null>()
  private referrals = new Map<string, Referral | null>()
  constructor(private ctx: Ctx) {}

  async preloadUsers(ids: Array<string | null>) {
    const missing = [...new Set(ids.filter((x): x is string => !!x && !this.users.has(x)))]
    if (missing.length === 0) return
    const found = await this.ctx.repos.users.getMany(missing)
    for (const id of missing) this.users.set(id, found.find((u) => u.id === id) ?? null)
  }

  async user(id: string | null): Promise<User | null> {
    if (!id) return null
    await this.preloadUsers([id])
    return this.users.get(id) ?? null
  }

  async person(id: string | null): Promise<PersonRef | null> {
    const u = await this.user(id)
    return u ? { id: u.id, name: u.name } : null
  }

  async communityName(id: string) {
    return (await this.place(`c:${id}`, async () => (await this.ctx.repos.places.community(id))?.name ?? null)) ?? ''
  }

  async gridName(id: string | null) {
    return this.place(`g:${id}`, async () => (id ? ((await this.ctx.repos.places.grid(id))?.name ?? null) : null))
  }

  async referral(id: string | null): Promise<Referral | null> {
    if (!id) return null
    if (!this.referrals.has(id)) this.referrals.set(id, await this.ctx.repos.referrals.referral(id))
    return this.referrals.get(id) ?? null
  }

  async buildingName(id: string | null) {
    return this.place(`b:${id}`, async () => (id ? ((await this.ctx.repos.places.building(id))?.name ?? null) : null))
  }

  private async place(key: string, load: () => Promise<string | null>) {
    if (!this.places.has(key)) this.places.set(key, await load())
    return this.places.get(key) ?? null
  }
}

async function summarize(lookup: Lookup, o: Order): Promise<OrderSummary> {
  const referral = await lookup.referral(o.referralId)
  return {
    id: o.id,
    kind: o.kind,
    category: o.category,
    title: o.title,
    urgency: o.urgency,
    status: o.status,
    points: o.points,
    communityName: await lookup.communityName(o.communityId),
    gridName: await lookup.gridName(o.gridId),
    buildingName: await lookup.buildingName(o.buildingId),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    assignee: await lookup.person(o.assigneeId),
    claimer: await lookup.person(o.claimerId),
    level: o.level,
    severity: o.severity,
    channel: o.channel,
    referral: referral && { unitName: referral.unitName, status: referral.status, deadline: iso(referral.deadline) },
    revisitDue: o.revisitDue,
    dueAt: o.dueAt === null ? null : iso(o.dueAt),
  }
}

async function presentReferral(ctx: Ctx, lookup: Lookup, r: Referral): Promise<ReferralView> {
  const unit = await ctx.repos.referrals.unit(r.unitId)
  return {
    id: r.id,
    unit: { id: r.unitId, name: r.unitName, kind: unit?.kind ?? 'department' },
    status: r.status,
    note: r.note,
    deadline: iso(r.deadline),
    referredBy: await lookup.person(r.referredBy),
    referredAt: iso(r.referredAt),
    answer: r.answer,
    answeredBy: await lookup.person(r.answeredBy),
    answeredAt: r.answeredAt === null ? null : iso(r.answeredAt),
    late: isLate(r, ctx.clock.now()),
  }
}

export async function presentSummaries(ctx: Ctx, orders: Order[]): Promise<OrderSummary[]> {
  const lookup = new Lookup(ctx)
  await lookup.preloadUsers(orders.flatMap((o) => [o.assigneeId, o.claimerId]))
  const out: OrderSummary[] = []
  for (const o of orders) out.push(await summarize(lookup, o))
  return out
}

/**
 * Who the order is for, as its contact reads: a user's own record, or — for a person of a household's
 * file without an account — their name and phone from the file, at the household's address.
 */
async function residentOf(ctx: Ctx, lookup: Lookup, order: Order) {
  if (residentWithoutAccount(order)) {
    const h = order.householdId ? await ctx.repos.households.get(order.householdId) : null
    const m = h?.members.find((x) => x.id === order.householdMemberId)
    if (!h || !m) return null
    return { name: m.name, phone: m.phone, address: [await lookup.buildingName(h.buildingId), h.room].filter(Boolean).join(' ') }
  }
  const u = await lookup.user(order.residentId)
  if (!u) return null
  return { name: u.name, phone: u.phone, address: [await lookup.buildingName(order.buildingId), u.room].filter(Boolean).join(' ') }
}

/** A resident's name as others see it when they may not see the contact: surname only. */
const maskName = (name: string) => `${[...name][0] ?? ''}**`

export async function presentDetail(ctx: Ctx, order: Order, viewer: Actor): Promise<OrderDetail> {
  const lookup = new Lookup(ctx)
  const events = await ctx.repos.orders.events(order.id)
  const referrals = order.referralId ? await ctx.repos.referrals.referralsOf(order.id) : []
  await lookup.preloadUsers([order.residentId, order.assigneeId, order.claimerId, order.agentId, ...events.map((e) => e.actorId)])
  const resident = await residentOf(ctx, lookup, order)
  const showContact = canSeeContact(order, viewer)
  const timeline: OrderEvent[] = []
  for (const e of events) {
    // the resident is named in the timeline as in the resident field: in full only to those who see the contact
    const person = await lookup.person(e.actorId)
    const actor = person && e.actorId === order.residentId && !showContact ? { ...person, name: maskName(person.name) } : person
    timeline.push({ at: iso(e.at), actor, action: e.action, from: e.from, to: e.to, note: e.note })
  }
  return {
    ...(await summarize(lookup, order)),
    description: order.description,
    preferredTime: order.preferredTime,
    photos: await shownPhotos(ctx, order.photos),
    resident: {
      id: order.residentId,
      name: showContact ? (resident?.name ?? '') : maskName(resident?.name ?? '居民'),
    },
    contact: showContact && resident ? { name: resident.name, phone: resident.phone ?? '', address: resident.address } : null,
    summary: order.summary,
    completionPhotos: await shownPhotos(ctx, order.completionPhotos),
    rating: order.rating,
    comment: order.comment,
    rejectReason: order.rejectReason,
    releaseCount: order.releaseCount,
    disputeCount: order.disputeCount,
    awardedPoints: order.awardedPoints,
    awardNote: order.awardNote,
    onBehalf:
      order.agentId && order.channel
        ? { agent: (await lookup.person(order.agentId)) ?? { id: order.agentId, name: '' }, channel: order.channel }
        : null,
    household:
      order.householdId && order.householdMemberId
        ? { id: order.householdId, memberId: order.householdMemberId, hasAccount: !residentWithoutAccount(order) }
        : null,
    referrals: await Promise.all(referrals.map((r) => presentReferral(ctx, lookup, r))),
    escalations: order.escalations.map((e) => ({ ...e, at: iso(e.at) })),
    timeline,
    actions: allowedActions(order, viewer),
  }
}
