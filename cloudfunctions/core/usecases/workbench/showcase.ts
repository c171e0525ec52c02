// 三亮一晒: a public page per grid — its staff show who they are, what they do and what they promise
// (亮身份、亮职责、亮承诺) — and recently closed services whose residents agreed (晒服务), without
// the resident's name, phone or address.
import type { z } from 'zod'
import type {
  SaveCardInput,
  Showcase,
  ShowcaseConsentInput,
  ShowcaseConsentView,
  ShowcaseInput,
  ShowcaseService,
  StaffCardView,
} from '@shared/workbench'
import { type Actor, isStaff } from '../../domain/access'
import { conflict, invalid, notFound } from '../../domain/errors'
import type { Grid, StaffCard } from '../../domain/model'
import { byPlaceName } from '../../domain/onboarding'
import type { Ctx } from '../../ports'
import { screenPhotos } from '../photos/screen'

/** How many services the feed shows. */
export const FEED_SIZE = 20

async function gridFor(ctx: Ctx, actor: Actor, input: z.output<typeof ShowcaseInput>): Promise<Grid> {
  if (input.gridId) {
    const g = await ctx.repos.places.grid(input.gridId)
    if (!g) throw notFound('没有找到这个网格')
    return g
  }
  const me = actor.userId ? await ctx.repos.users.get(actor.userId) : null
  const own = me?.gridId ? await ctx.repos.places.grid(me.gridId) : null
  if (own) return own
  const communityId = input.communityId ?? actor.communityId
  const [first] = communityId ? (await ctx.repos.places.grids(communityId)).sort(byPlaceName) : []
  if (!first) throw notFound('没有找到这个网格')
  return first
}

/** Anyone may look, signed in or not. */
export async function getShowcase(ctx: Ctx, actor: Actor, input: z.output<typeof ShowcaseInput>): Promise<Showcase> {
  const grid = await gridFor(ctx, actor, input)
  const [community, grids, cards, consents] = await Promise.all([
    ctx.repos.places.community(grid.communityId),
    ctx.repos.places.grids(grid.communityId),
    ctx.repos.workbench.staffCards(grid.id),
    ctx.repos.workbench.consented(grid.id, FEED_SIZE),
  ])
  const people = new Map((await ctx.repos.users.getMany(cards.map((c) => c.userId))).map((u) => [u.id, u]))
  const shown = cards.filter((c) => {
    const u = people.get(c.userId)
    return u && u.communityId === grid.communityId && isStaff(u)
  })
  const photos = await ctx.files.urls(shown.flatMap((c) => (c.photo ? [c.photo] : [])))
  const photoOf = new Map(photos.map((p) => [p.fileId, p]))
  const cardViews: StaffCardView[] = shown.map((c) => ({
    userId: c.userId,
    name: people.get(c.userId)?.name ?? '',
    title: c.title,
    duties: c.duties,
    pledge: c.pledge,
    photo: c.photo ? (photoOf.get(c.photo) ?? null) : null,
    isMe: c.userId === actor.userId,
  }))

  const services: ShowcaseService[] = []
  for (const consent of consents) {
    const o = await ctx.repos.orders.get(consent.orderId)
    // consent covers a closed order of this grid; anything else is passed over
    if (o?.status !== 'closed' || o.communityId !== grid.communityId || o.gridId !== grid.id || !consent.consent) continue
    const [member] = o.claimerId ? await ctx.repos.users.getMany([o.claimerId]) : []
    const [photo] = o.completionPhotos.length ? await ctx.files.urls(o.completionPhotos.slice(0, 1)) : []
    services.push({
      orderId: o.id,
      category: o.category,
      title: o.title,
      summary: o.summary,
      memberName: member?.name ?? null,
      rating: o.rating,
      closedAt: new Date(o.updatedAt).toISOString(),
      photo: photo?.url ? photo : null,
    })
  }
  return {
    communityName: community?.name ?? '',
    gridId: grid.id,
    gridName: grid.name,
    grids: [...grids].sort(byPlaceName).map((g) => ({ id: g.id, name: g.name })),
    cards: cardViews,
    services,
  }
}

/** A staff member's own card, for the edit form. */
export async function getMyCard(
  ctx: Ctx,
  actor: Actor,
): Promise<{ card: (Omit<StaffCardView, 'name' | 'isMe'> & { gridId: string }) | null }> {
  const card = await ctx.repos.workbench.staffCard(actor.userId)
  if (!card) return { card: null }
  const [photo] = card.photo ? await ctx.files.urls([card.photo]) : []
  return {
    card: { userId: card.userId, gridId: card.gridId, title: card.title, duties: card.duties, pledge: card.pledge, photo: photo ?? null },
  }
}

/** 亮身份、亮职责、亮承诺: staff write their own card, for a grid of their community. */
export async function saveMyCard(ctx: Ctx, actor: Actor, input: z.output<typeof SaveCardInput>) {
  const grid = await ctx.repos.places.grid(input.gridId)
  if (!grid || grid.communityId !== actor.communityId) throw invalid('gridId', '请选择本社区的网格')
  await ctx.guard.check(input.title, 'title', actor)
  await ctx.guard.check(input.duties, 'duties', actor)
  await ctx.guard.check(input.pledge, 'pledge', actor)
  const current = await ctx.repos.workbench.staffCard(actor.userId)
  const photo = input.photo === undefined ? (current?.photo ?? null) : input.photo
  if (photo && photo !== current?.photo) await ctx.files.assertOwned([photo], actor.userId, 'photo')
  const card: StaffCard = {
    userId: actor.userId,
    communityId: actor.communityId,
    gridId: grid.id,
    title: input.title,
    duties: input.duties,
    pledge: input.pledge,
    photo,
    updatedAt: ctx.clock.now(),
  }
  await ctx.repos.workbench.saveStaffCard(card)
  if (photo !== current?.photo) screenPhotos(ctx, actor, { kind: 'card', id: actor.userId }, [photo])
  return getMyCard(ctx, actor)
}

async function ownClosedOrder(ctx: Ctx, actor: Actor, orderId: string) {
  const o = await ctx.repos.orders.get(orderId)
  if (!o || o.communityId !== actor.communityId || o.residentId !== actor.userId) throw notFound('没有找到这张工单')
  return o
}

/** Whether the resident lets this order appear in 晒服务 (never unless they said so). */
export async function getConsent(ctx: Ctx, actor: Actor, input: { orderId: string }): Promise<ShowcaseConsentView> {
  const o = await ownClosedOrder(ctx, actor, input.orderId)
  const c = await ctx.repos.workbench.consent(o.id)
  return { orderId: o.id, consent: c?.consent === true }
}

/** Given after the order closes, withdrawn whenever the resident likes. */
export async function setConsent(ctx: Ctx, actor: Actor, input: z.output<typeof ShowcaseConsentInput>): Promise<ShowcaseConsentView> {
  const o = await ownClosedOrder(ctx, actor, input.orderId)
  if (o.status !== 'closed') throw conflict('工单完成后才能公示')
  await ctx.repos.workbench.saveConsent({
    orderId: o.id,
    communityId: o.communityId,
    gridId: o.gridId,
    consent: input.consent,
    at: ctx.clock.now(),
  })
  return { orderId: o.id, consent: input.consent }
}
