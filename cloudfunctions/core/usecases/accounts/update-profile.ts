// A person's own settings. Roles, community and identity are never taken from here.
import type { Actor } from '../../domain/access'
import { AppError } from '../../domain/errors'
import type { Ctx } from '../../ports'
import { getMe } from './me'

export async function updateProfile(ctx: Ctx, actor: Actor, input: { rankingOptIn?: boolean }) {
  const user = await ctx.repos.users.get(actor.userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  if (input.rankingOptIn !== undefined) await ctx.repos.users.saveSettings({ ...user, rankingOptIn: input.rankingOptIn })
  return getMe(ctx, actor)
}
