import type { Goods as GoodsView, Redemption as RedemptionView } from '@shared/mall'
import type { Goods, Redemption } from '../../domain/model'
import type { Ctx } from '../../ports'
import { shownPhoto } from '../photos/screen'

const iso = (ms: number) => new Date(ms).toISOString()

export async function presentGoods(ctx: Ctx, g: Goods, held: number): Promise<GoodsView> {
  return {
    id: g.id,
    name: g.name,
    image: await shownPhoto(ctx, g.image),
    description: g.description,
    price: g.price,
    stock: g.stock,
    limitPerMember: g.limitPerMember,
    onShelf: g.onShelf,
    remainingLimit: Math.max(0, g.limitPerMember - held),
  }
}

export async function presentRedemption(ctx: Ctx, r: Redemption): Promise<RedemptionView> {
  return {
    id: r.id,
    goodsId: r.goodsId,
    goodsName: r.goodsName,
    goodsImage: await shownPhoto(ctx, r.goodsImage),
    price: r.price,
    code: r.code,
    status: r.status,
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
    pickedAt: r.pickedAt === null ? null : iso(r.pickedAt),
  }
}
