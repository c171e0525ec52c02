// Staff pick a member to direct an order to: the community's members with their posts and skills.
import type { MemberListItem } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import type { Ctx } from '../../ports'

export async function listMembers(ctx: Ctx, actor: Actor): Promise<{ items: MemberListItem[] }> {
  const members = await ctx.repos.users.listMembers(actor.communityId)
  const items: MemberListItem[] = []
  for (const m of members) {
    const grid = m.gridId ? await ctx.repos.places.grid(m.gridId) : null
    items.push({
      id: m.id,
      name: m.name,
      gridName: grid?.name ?? null,
      posts: m.member?.posts ?? [],
      skills: m.member?.skills ?? [],
    })
  }
  return { items }
}
