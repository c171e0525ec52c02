// mall.* — the points mall (DESIGN.md §6). SOLD_OUT, LIMIT_REACHED and INSUFFICIENT_POINTS are 409s.
import { z } from 'zod'
import { MALL_LIMITS as L } from './limits'
import { fileId, id, page, text } from './common'
import type { Page } from './common'
import type { Photo } from './orders'

export const ListGoodsInput = z.strictObject({
  /** Staff: include goods off the shelf. */
  all: z.boolean().optional(),
})

export const UpsertGoodsInput = z.strictObject({
  id: id.optional(),
  name: text(L.name),
  image: fileId.nullable().optional(),
  description: text(L.description).optional(),
  price: z.number().int().min(L.price.min).max(L.price.max),
  stock: z.number().int().min(L.stock.min).max(L.stock.max),
  limitPerMember: z.number().int().min(L.limitPerMember.min).max(L.limitPerMember.max),
  onShelf: z.boolean(),
})

export const RedeemInput = z.strictObject({ goodsId: id })
export const RedemptionRef = z.strictObject({ redemptionId: id })
export const PickupCodeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{8}$/, '核销码是 8 位数字'),
})
export const MyRedemptionsInput = z.strictObject({ ...page })

export type RedemptionStatus = 'pending' | 'picked' | 'cancelled' | 'expired'

export interface Goods {
  id: string
  name: string
  image: Photo | null
  description: string
  price: number
  stock: number
  limitPerMember: number
  onShelf: boolean
  /** How many more the caller may redeem (limit minus active redemptions). */
  remainingLimit: number
}

export interface Redemption {
  id: string
  goodsId: string
  goodsName: string
  goodsImage: Photo | null
  price: number
  /** 8-digit pickup code (核销码); also shown as a QR. */
  code: string
  status: RedemptionStatus
  createdAt: string
  expiresAt: string
  pickedAt: string | null
}

/** What staff see before they confirm a pickup. */
export interface PickupView extends Redemption {
  member: { id: string; name: string }
}

export type RedemptionPage = Page<Redemption>
