// Staff adjust a member's points with a reason (补录、纠错): an entry like any other, never below zero.
import type { z } from 'zod'
import type { AdjustInput } from '@shared/points'
import { type Actor, assertNotSelf, hasRole } from '../../domain/access'
import { invalid } from '../../domain/errors'
import { sourceKeys } from '../../domain/ledger'
import type { Ctx } from '../../ports'
import { getBalance } from './balance'
import { postEntry } from './post'

export async function adjustPoints(ctx: Ctx, actor: Actor, input: z.output<typeof AdjustInput>) {
  assertNotSelf(actor, input.memberId, '不能调整自己的积分')
  const member = await ctx.repos.users.get(input.memberId)
  if (!member || member.communityId !== actor.communityId || !hasRole(member, 'member'))
    throw invalid('memberId', '只能调整本社区党员的积分')
  await ctx.guard.check(input.reason, 'reason', actor)
  await postEntry(ctx, member.id, member.communityId, {
    sourceKey: sourceKeys.adjustment(ctx.ids.next('adj')),
    delta: input.delta,
    reason: 'adjustment',
    note: `社区工作者调整：${input.reason}（${actor.name}）`,
    at: ctx.clock.now(),
  })
  const balance = await getBalance(ctx, { ...actor, userId: member.id })
  return { memberId: member.id, balance: balance.balance }
}
