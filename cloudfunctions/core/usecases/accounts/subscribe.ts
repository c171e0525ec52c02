// 订阅消息 grants (DESIGN.md §10: accounts.subscribe records a subscription grant). WeChat lets the app
// send a person one message of a template per "accept" in its subscription sheet; the app records each
// acceptance here, and the notifier uses one per message sent, so it never sends where none is left.
import { SUBSCRIBE_TEMPLATES, type Subscriptions, type TemplateKey } from '@shared/subscribe'
import type { Actor } from '../../domain/access'
import type { Ctx, Repos } from '../../ports'

/** The person accepted these templates in WeChat's sheet: one more message of each. */
export async function subscribe(ctx: Ctx, actor: Actor, input: { accepted: TemplateKey[] }): Promise<Subscriptions> {
  const now = ctx.clock.now()
  for (const template of input.accepted) {
    const held = await ctx.repos.subscriptions.grant(actor.userId, template)
    await ctx.repos.subscriptions.saveGrant({ userId: actor.userId, template, left: (held?.left ?? 0) + 1, updatedAt: now })
  }
  return subscriptionsOf(ctx.repos, actor.userId)
}

export async function subscriptionsOf(repos: Repos, userId: string): Promise<Subscriptions> {
  const grants = await repos.subscriptions.grantsOf(userId)
  return { items: grants.map((g) => ({ template: g.template, name: SUBSCRIBE_TEMPLATES[g.template].name, left: g.left })) }
}

/** Uses one of the person's grants of `template` (in the caller's transaction); false when none is left. */
export async function useGrant(repos: Repos, userId: string, template: TemplateKey, now: number): Promise<boolean> {
  const held = await repos.subscriptions.grant(userId, template)
  if (!held || held.left <= 0) return false
  await repos.subscriptions.saveGrant({ ...held, left: held.left - 1, updatedAt: now })
  return true
}

/** Gives back a grant a send did not use (WeChat failed for another reason than "none left"). */
export async function returnGrant(repos: Repos, userId: string, template: TemplateKey, now: number): Promise<void> {
  const held = await repos.subscriptions.grant(userId, template)
  await repos.subscriptions.saveGrant({ userId, template, left: (held?.left ?? 0) + 1, updatedAt: now })
}

/** WeChat answered 43101 (none left): whatever the record said, the person holds none of `template`. */
export async function dropGrants(repos: Repos, userId: string, template: TemplateKey, now: number): Promise<void> {
  const held = await repos.subscriptions.grant(userId, template)
  if (held && held.left !== 0) await repos.subscriptions.saveGrant({ ...held, left: 0, updatedAt: now })
}
