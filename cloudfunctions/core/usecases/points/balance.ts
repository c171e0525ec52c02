import type { Balance, LedgerPage } from '@shared/points'
import type { Actor } from '../../domain/access'
import { yearOf } from '../../domain/time'
import { DEFAULT_RULES } from '../../domain/rules'
import type { Ctx } from '../../ports'

export async function getBalance(ctx: Ctx, actor: Actor): Promise<Balance> {
  const account = await ctx.repos.points.account(actor.userId)
  const user = await ctx.repos.users.get(actor.userId)
  const rules = (await ctx.repos.places.rules(actor.communityId)) ?? DEFAULT_RULES
  const year = yearOf(ctx.clock.now())
  const thisYear = account?.years[String(year)] ?? { earned: 0, spent: 0 }
  return {
    balance: account?.balance ?? 0,
    earned: account?.earned ?? 0,
    spent: account?.spent ?? 0,
    yearEarned: thisYear.earned,
    yearSpent: thisYear.spent,
    // earned last year, they lapse when this year ends
    expiringThisYear: rules.expiryEnabled ? (account?.lots[String(year - 1)] ?? 0) : 0,
    rankingOptIn: user?.rankingOptIn ?? false,
  }
}

export async function getLedger(ctx: Ctx, actor: Actor, input: { cursor?: string; limit?: number }): Promise<LedgerPage> {
  const page = await ctx.repos.points.ledger(actor.userId, input.cursor, input.limit ?? 20)
  return {
    items: page.items.map((r) => ({
      id: r.sourceKey,
      delta: r.delta,
      reason: r.reason,
      note: r.note,
      ...(r.parts ? { parts: r.parts } : {}),
      balanceAfter: r.balanceAfter,
      at: new Date(r.at).toISOString(),
    })),
    nextCursor: page.nextCursor,
  }
}
