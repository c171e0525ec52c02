import type { Balance, LedgerPage } from '@shared/points'
import type { Actor } from '../../domain/access'
import type { Ctx } from '../../ports'

export async function getBalance(ctx: Ctx, actor: Actor): Promise<Balance> {
  const account = await ctx.repos.points.account(actor.userId)
  return { balance: account?.balance ?? 0, earned: account?.earned ?? 0, spent: account?.spent ?? 0 }
}

export async function getLedger(ctx: Ctx, actor: Actor, input: { cursor?: string; limit?: number }): Promise<LedgerPage> {
  const page = await ctx.repos.points.ledger(actor.userId, input.cursor, input.limit ?? 20)
  return {
    items: page.items.map((r) => ({
      id: r.sourceKey,
      delta: r.delta,
      reason: r.reason,
      note: r.note,
      balanceAfter: r.balanceAfter,
      at: new Date(r.at).toISOString(),
    })),
    nextCursor: page.nextCursor,
  }
}
