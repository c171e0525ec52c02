// A household as its keepers see it: the address in words, when its next visit is due, and its visits.
import type { CareRecordView, PairView } from '@shared/care'
import type { HouseholdDetail, HouseholdOrderView, HouseholdSummary, VisitView } from '@shared/households'
import type { Actor } from '../../domain/access'
import { careTitle, opensAt } from '../../domain/care'
import { cadenceDays, keepsHousehold, residentWithoutAccount } from '../../domain/households'
import type { CareRecord, Household, Order, Pair, Visit } from '../../domain/model'
import type { Ctx } from '../../ports'
import { shownPhotos } from '../photos/screen'

const iso = (ms: number) => new Date(ms).toISOString()

/** Grid and building names of a community, read once for a list. */
export async function placeNames(ctx: Ctx, communityId: string) {
  const [grids, buildings] = await Promise.all([ctx.repos.places.grids(communityId), ctx.repos.places.buildings(communityId)])
  return {
    grid: new Map(grids.map((g) => [g.id, g.name])),
    building: new Map(buildings.map((b) => [b.id, b.name])),
  }
}

export type PlaceNames = Awaited<ReturnType<typeof placeNames>>

export function summarize(h: Household, names: PlaceNames, now: number): HouseholdSummary {
  return {
    id: h.id,
    gridId: h.gridId,
    gridName: names.grid.get(h.gridId) ?? '',
    buildingId: h.buildingId,
    buildingName: names.building.get(h.buildingId) ?? '',
    room: h.room,
    head: h.members[0]?.name ?? '',
    memberCount: h.members.length,
    unregistered: h.members.filter((m) => !m.residentId).map((m) => ({ id: m.id, name: m.name, relation: m.relation })),
    tags: h.tags,
    cadenceDays: cadenceDays(h.tags),
    lastVisitAt: h.lastVisitAt === null ? null : iso(h.lastVisitAt),
    dueAt: iso(h.visitDueAt),
    due: h.visitDueAt <= now,
  }
}

export async function presentHousehold(ctx: Ctx, h: Household, actor: Actor): Promise<HouseholdDetail> {
  const [names, visits, orders, pairs, records] = await Promise.all([
    placeNames(ctx, h.communityId),
    ctx.repos.households.visitsOf(h.id),
    ctx.repos.orders.list({ communityId: h.communityId, householdId: h.id, limit: 20 }),
    ctx.repos.care.pairsOfHousehold(h.id),
    ctx.repos.care.recordsOfHousehold(h.id),
  ])
  const pair = pairs.find((p) => p.status === 'active') ?? null
  const ids = [h.consent.recordedBy, ...visits.map((v) => v.visitorId), ...records.map((r) => r.memberId)]
  if (pair) ids.push(pair.pairedBy, ...pair.memberIds)
  const people = new Map((await ctx.repos.users.getMany([...new Set(ids)])).map((u) => [u.id, u.name]))
  const person = (id: string) => ({ id, name: people.get(id) ?? '' })
  return {
    ...summarize(h, names, ctx.clock.now()),
    members: h.members.map((m) => ({ ...m })),
    consent: { by: h.consent.by, method: h.consent.method, at: iso(h.consent.at), recordedBy: person(h.consent.recordedBy) },
    note: h.note,
    visits: await Promise.all(visits.map((v) => presentVisit(ctx, v, person))),
    orders: orders.items.map((o) => presentOrder(h, o)),
    createdAt: iso(h.createdAt),
    pair: pair ? presentPair(pair, person, ctx.clock.now()) : null,
    care: await Promise.all(records.map((r) => presentCare(ctx, r, pairs, person))),
    mayEdit: keepsHousehold(actor, h),
  }
}

type PersonOf = (id: string) => { id: string; name: string }

function presentPair(p: Pair, person: PersonOf, now: number): PairView {
  return {
    id: p.id,
    householdId: p.householdId,
    members: p.memberIds.map(person),
    kind: p.kind,
    cadence: p.cadence,
    title: careTitle(p),
    dueAt: iso(p.nextDueAt),
    due: p.nextDueAt <= now,
    opensAt: iso(opensAt(p)),
    lastCareAt: p.lastCareAt === null ? null : iso(p.lastCareAt),
    tasksDone: p.tasksDone,
    pairedBy: person(p.pairedBy),
    pairedAt: iso(p.pairedAt),
    status: p.status,
    endedAt: p.endedAt === null ? null : iso(p.endedAt),
  }
}

export async function presentCare(ctx: Ctx, r: CareRecord, pairs: Pair[], person: PersonOf): Promise<CareRecordView> {
  const pair = pairs.find((p) => p.id === r.pairId)
  return {
    id: r.id,
    pairId: r.pairId,
    title: pair ? careTitle(pair) : '结对帮扶',
    at: iso(r.at),
    member: person(r.memberId),
    report: r.report,
    photos: await shownPhotos(ctx, r.photos),
    points: r.points,
  }
}

/** The name is the file's: the household's keepers see its people in full, whatever the order shows others. */
function presentOrder(h: Household, o: Order): HouseholdOrderView {
  return {
    id: o.id,
    title: o.title,
    status: o.status,
    memberId: o.householdMemberId ?? '',
    memberName: h.members.find((m) => m.id === o.householdMemberId)?.name ?? '',
    hasAccount: !residentWithoutAccount(o),
    createdAt: iso(o.createdAt),
  }
}

async function presentVisit(ctx: Ctx, v: Visit, person: (id: string) => { id: string; name: string }): Promise<VisitView> {
  const order = v.orderId ? await ctx.repos.orders.get(v.orderId) : null
  return {
    id: v.id,
    at: iso(v.at),
    visitor: person(v.visitorId),
    found: v.found,
    photos: await ctx.files.urls(v.photos),
    order: order ? { id: order.id, title: order.title } : null,
  }
}
