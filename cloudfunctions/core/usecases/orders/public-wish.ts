// A 微心愿 passed on as a card opens here for someone not signed in, or not a member of its community
// yet: the wish as a notice board shows it — what is wished for, its photos (a photo the check removed
// stays out), whether someone has taken it — and the community to register with. Never who made it,
// their phone or their home; never a wish staff have not put out (待审核, 不予受理, 已转办).
import type { PublicWish } from '@shared/orders'
import { notFound } from '../../domain/errors'
import type { Order } from '../../domain/model'
import type { Ctx } from '../../ports'
import { shownPhotos } from '../photos/screen'

const SHOWN: ReadonlyArray<Order['status']> = ['open', 'claimed', 'completed', 'closed']
const isShown = (s: Order['status']): s is PublicWish['status'] => SHOWN.includes(s)

export async function publicWish(ctx: Ctx, _actor: unknown, input: { orderId: string }): Promise<PublicWish> {
  const o = await ctx.repos.orders.get(input.orderId)
  // any other order, or a wish not put out, does not exist for a card (no hint that the id is real)
  if (o?.kind !== 'wish' || !isShown(o.status)) throw notFound('没有找到这个微心愿')
  const [community, grid, photos] = await Promise.all([
    ctx.repos.places.community(o.communityId),
    o.gridId ? ctx.repos.places.grid(o.gridId) : null,
    shownPhotos(ctx, o.photos),
  ])
  return {
    id: o.id,
    category: o.category,
    title: o.title,
    description: o.description,
    photos,
    status: o.status,
    communityId: o.communityId,
    communityName: community?.name ?? '',
    gridName: grid?.name ?? null,
    createdAt: new Date(o.createdAt).toISOString(),
  }
}
