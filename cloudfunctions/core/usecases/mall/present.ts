import type { Goods as GoodsView, Redemption as RedemptionView } from '@shared/mall'
import type { Goods, Redemption } from '../../domain/model'
import type { Ctx } from '../../ports'

const iso = (ms: number) => new Date(ms).toISOString()

async function photo(ctx: Ctx, fileId: string | null) {
  return fileId ? ((await ctx.files.urls([fileId]))[0] ?? null) : null
}

export async function presentGoods(ctx: Ctx, g: Goods, held: number): Promise<GoodsView> {
  return {
    id: g.id,
    name: g.name,
    image: await photo(ctx, g.image),
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
    goodsImage: await photo(ctx, r.goodsImage),
    price: r.price,
    code: r.code,
    status: r.status,
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
    pickedAt: r.pickedAt === null ? null : iso(r.pickedAt),
  }
}
