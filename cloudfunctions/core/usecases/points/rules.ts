// 积分规则: every member reads them in plain words; the community's admin changes them, audited.
import type { RulesView } from '@shared/points'
import type { Actor } from '../../domain/access'
import { DEFAULT_RULES, type PointsRules, explainRules } from '../../domain/rules'
import type { Ctx } from '../../ports'

export async function getRules(ctx: Ctx, actor: Actor): Promise<RulesView> {
  const rules = (await ctx.repos.places.rules(actor.communityId)) ?? DEFAULT_RULES
  const last = await ctx.repos.places.lastRulesChange(actor.communityId)
  const by = last ? await ctx.repos.users.get(last.by) : null
  return {
    rules,
    explained: explainRules(rules),
    updatedAt: last ? new Date(last.at).toISOString() : null,
    updatedBy: by?.name ?? null,
  }
}

export async function updateRules(ctx: Ctx, actor: Actor, input: { rules: PointsRules }): Promise<RulesView> {
  const before = await ctx.repos.places.rules(actor.communityId)
  await ctx.repos.places.saveRules({ communityId: actor.communityId, rules: input.rules, before, by: actor.userId, at: ctx.clock.now() })
  return getRules(ctx, actor)
}
