// mall.* — goods, redeeming, my redemptions, and staff keeping goods and verifying pickups.
import type { InputOf } from '@shared/api'
import type { Goods } from '@shared/mall'
import { call } from './transport'

export type GoodsInput = InputOf<'mall', 'upsertGoods'>

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
  listGoods: (all = false) => call('mall', 'listGoods', all ? { all } : {}).then((d) => d.items),
  upsertGoods: (input: GoodsInput, requestId: string) => call('mall', 'upsertGoods', input, { requestId, loading: '正在保存' }),
  redeem: (goodsId: string, requestId: string) => call('mall', 'redeem', { goodsId }, { requestId, loading: '正在兑换' }),
  myRedemptions: (cursor?: string, limit = 20) => call('mall', 'myRedemptions', { ...(cursor ? { cursor } : {}), limit }),
  cancelRedemption: (redemptionId: string, requestId: string) => call('mall', 'cancelRedemption', { redemptionId }, { requestId }),
  /** Staff: who redeemed what, before confirming (a read: the page shows its errors). */
  lookup: (code: string) => call('mall', 'lookup', { code }, { loading: '正在查找' }),
  verify: (code: string, requestId: string) => call('mall', 'verify', { code }, { requestId, loading: '正在核销' }),
}
