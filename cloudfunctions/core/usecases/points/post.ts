// Posting to the ledger inside a use case's transaction: load (or open) the account, append, save.
import type { Posting } from '../../domain/ledger'
import { emptyAccount, post } from '../../domain/ledger'
import type { Lots, PointAccount } from '../../domain/model'
import type { Ctx } from '../../ports'

export async function loadAccount(ctx: Ctx, memberId: string, communityId: string): Promise<PointAccount> {
  return (await ctx.repos.points.account(memberId)) ?? emptyAccount(memberId, communityId)
}

/**
 * Posts one entry unless its source key was posted before (then returns null: a retry never pays twice).
 * Returns the lots a debit consumed. `fresh`: the source was made in this unit of work (a redemption's
 * new id), so it cannot have been posted — no read for it (on CloudBase, a round trip).
 */
export async function postEntry(
  ctx: Ctx,
  memberId: string,
  communityId: string,
  posting: Posting,
  fresh = false,
): Promise<{ consumed: Lots } | null> {
  if (!fresh && (await ctx.repos.points.entry(posting.sourceKey))) return null
  const account = await loadAccount(ctx, memberId, communityId)
  const { account: next, record, consumed } = post(account, posting)
  await ctx.repos.points.append(record)
  await ctx.repos.points.saveAccount(next)
  return { consumed }
}
