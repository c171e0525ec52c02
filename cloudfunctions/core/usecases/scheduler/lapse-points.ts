// 积分到期, a step of the scheduler tick: points earned in year Y lapse after the end of Y + 1, one
// ledger entry per year; a community with expiry off carries them over into this year instead.
import { carryOver, expiryPosting, lapsedLots } from '../../domain/ledger'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'
import { loadAccount, postEntry } from '../points/post'

/** True when points lapsed; a carry-over changes no balance and does not count. */
export async function lapsePoints(ctx: Ctx, memberId: string): Promise<boolean> {
  const account = await ctx.repos.points.account(memberId)
  if (!account) return false
  const now = ctx.clock.now()
  const rules = (await ctx.repos.places.rules(account.communityId)) ?? DEFAULT_RULES
  if (!rules.expiryEnabled) {
    const carried = carryOver(account, now)
    if (carried) await ctx.repos.points.saveAccount(carried)
    return false
  }
  const lapsed = lapsedLots(account, now)
  for (const lot of lapsed) {
    const current = await loadAccount(ctx, memberId, account.communityId)
    await postEntry(ctx, memberId, account.communityId, expiryPosting(current, lot, now))
  }
  return lapsed.length > 0
}
