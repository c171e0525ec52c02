// The points mall's rules (DESIGN.md §6): what may be redeemed, pickup codes, how long they last.
import { AppError } from './errors'
import type { Goods } from './model'

export const PICKUP_DAYS = 30
export const PICKUP_WINDOW_MS = PICKUP_DAYS * 86400_000
/** 领取提醒 goes out this long before a pickup window closes. */
export const PICKUP_REMIND_BEFORE_MS = 3 * 86400_000

/** The page of one redemption (the pickup code, large). */
export const redemptionLink = (redemptionId: string) => `/mall/redemptions/index?id=${redemptionId}`

/** Checks a redemption may go ahead; the order of the checks is the order a member reads the reasons. */
export function assertRedeemable(goods: Goods, held: number, balance: number) {
  if (!goods.onShelf) throw new AppError('CONFLICT', '这件商品已下架')
  if (goods.stock <= 0) throw new AppError('SOLD_OUT', '已经兑完了')
  if (held >= goods.limitPerMember) throw new AppError('LIMIT_REACHED', `每人最多兑换 ${goods.limitPerMember} 件`)
  if (balance < goods.price) throw new AppError('INSUFFICIENT_POINTS', `积分不足，还差 ${goods.price - balance} 分`)
}

/** An 8-digit pickup code from 8 random bytes (uniform enough: 2^64 mod 10^8 bias is negligible). */
export function pickupCode(random: Uint8Array): string {
  let n = 0n
  for (const b of random.subarray(0, 8)) n = (n << 8n) | BigInt(b)
  return (n % 100_000_000n).toString().padStart(8, '0')
}
