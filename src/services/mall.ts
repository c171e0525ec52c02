// mall.* — goods, redeeming, my redemptions, and staff keeping goods and verifying pickups.
import type { Goods, PickupView, Redemption, RedemptionPage } from '@shared/mall'
import { call } from './transport'

export interface GoodsInput {
  id?: string
  name: string
  image?: string | null
  description?: string
  price: number
  stock: number
  limitPerMember: number
  onShelf: boolean
}

/** The fields upsertGoods takes, from a good as listed (leaving `image` out keeps the picture). */
export function toGoodsInput(g: Goods): GoodsInput {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    price: g.price,
    stock: g.stock,
    limitPerMember: g.limitPerMember,
    onShelf: g.onShelf,
  }
}

export const mallApi = {
  /** On-shelf goods with the caller's remaining limit; staff pass all = true to see off-shelf ones too. */
  listGoods: (all = false) => call<{ items: Goods[] }>('mall', 'listGoods', all ? { all } : {}).then((d) => d.items),
  upsertGoods: (input: GoodsInput, requestId: string) => call<Goods>('mall', 'upsertGoods', input, { requestId, loading: '正在保存' }),
  redeem: (goodsId: string, requestId: string) => call<Redemption>('mall', 'redeem', { goodsId }, { requestId, loading: '正在兑换' }),
  myRedemptions: (cursor?: string, limit = 20) => call<RedemptionPage>('mall', 'myRedemptions', { ...(cursor ? { cursor } : {}), limit }),
  cancelRedemption: (redemptionId: string, requestId: string) =>
    call<Redemption>('mall', 'cancelRedemption', { redemptionId }, { requestId }),
  /** Staff: who redeemed what, before confirming (a read: the page shows its errors). */
  lookup: (code: string) => call<PickupView>('mall', 'lookup', { code }, { loading: '正在查找' }),
  verify: (code: string, requestId: string) => call<PickupView>('mall', 'verify', { code }, { requestId, loading: '正在核销' }),
}
