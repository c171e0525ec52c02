// Turns stored orders into what a given viewer may see (DESIGN.md §8: the hall shows the building only).
import type { OrderDetail, OrderEvent, OrderSummary, PersonRef } from '@shared/orders'
import type { Actor } from '../../domain/access'
import type { Order, User } from '../../domain/model'
import { allowedActions } from '../../domain/order-machine'
import type { Ctx } from '../../ports'
import { canSeeContact } from './shared'
import { shownPhotos } from '../photos/screen'

const iso = (ms: number) => new Date(ms).toISOString()

/** Names of grids and buildings, and people, fetched once per response. */
class Lookup {
  private users = new Map<string, User | null>()
  private places = new Map<string, string | null>()
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

  async gridName(id: string | null) {
    return this.place(`g:${id}`, async () => (id ? ((await this.ctx.repos.places.grid(id))?.name ?? null) : null))
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
  return {
    id: o.id,
    kind: o.kind,
    category: o.category,
    title: o.title,
    urgency: o.urgency,
    status: o.status,
    points: o.points,
    gridName: await lookup.gridName(o.gridId),
    buildingName: await lookup.buildingName(o.buildingId),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
    assignee: await lookup.person(o.assigneeId),
    claimer: await lookup.person(o.claimerId),
    level: o.level,
    dueAt: o.dueAt === null ? null : iso(o.dueAt),
  }
}

export async function presentSummaries(ctx: Ctx, orders: Order[]): Promise<OrderSummary[]> {
  const lookup = new Lookup(ctx)
  await lookup.preloadUsers(orders.flatMap((o) => [o.assigneeId, o.claimerId]))
  const out: OrderSummary[] = []
  for (const o of orders) out.push(await summarize(lookup, o))
  return out
}

/** A resident's name as others see it when they may not see the contact: surname only. */
const maskName = (name: string) => `${[...name][0] ?? ''}**`

export async function presentDetail(ctx: Ctx, order: Order, viewer: Actor): Promise<OrderDetail> {
  const lookup = new Lookup(ctx)
  const events = await ctx.repos.orders.events(order.id)
  await lookup.preloadUsers([order.residentId, order.assigneeId, order.claimerId, ...events.map((e) => e.actorId)])
  const resident = await lookup.user(order.residentId)
  const showContact = canSeeContact(order, viewer)
  const buildingName = await lookup.buildingName(order.buildingId)
  const timeline: OrderEvent[] = []
  for (const e of events) {
    timeline.push({ at: iso(e.at), actor: await lookup.person(e.actorId), action: e.action, from: e.from, to: e.to, note: e.note })
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
    contact:
      showContact && resident
        ? {
            name: resident.name,
            phone: resident.phone ?? '',
            address: [buildingName, resident.room].filter(Boolean).join(' '),
          }
        : null,
    summary: order.summary,
    completionPhotos: await shownPhotos(ctx, order.completionPhotos),
    rating: order.rating,
    comment: order.comment,
    rejectReason: order.rejectReason,
    releaseCount: order.releaseCount,
    disputeCount: order.disputeCount,
    awardedPoints: order.awardedPoints,
    escalations: order.escalations.map((e) => ({ ...e, at: iso(e.at) })),
    timeline,
    actions: allowedActions(order, viewer),
  }
}
