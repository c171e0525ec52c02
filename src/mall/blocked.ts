import type { Goods } from '@shared/mall'

/** Why a good cannot be redeemed now, in words; null when it can (the server decides in the end). */
export function blockedReason(g: Goods, balance: number | undefined): string | null {
  if (g.stock <= 0) return '已兑完'
  if (g.remainingLimit <= 0) return `每人限 ${g.limitPerMember} 件，已换满`
  if (balance !== undefined && balance < g.price) return `积分不够，还差 ${g.price - balance} 分`
  return null
}
