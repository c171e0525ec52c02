// Notices to people: into their in-app inbox inside the use case's transaction (a rollback drops them
// with everything else), and out through the notifier (WeChat subscribe messages) once it commits.
import type { Ctx, Notice } from '../ports'

export async function notify(ctx: Ctx, communityId: string, userIds: string[], notice: Notice): Promise<void> {
  const to = [...new Set(userIds)]
  if (to.length === 0) return
  const at = ctx.clock.now()
  for (const userId of to) {
    await ctx.repos.inbox.add({ id: ctx.ids.next('n'), userId, communityId, ...notice, at, readAt: null })
  }
  // async: a notifier that throws at once still becomes a logged rejection, never a failed request
  ctx.after(async () => {
    await ctx.notifier.notify(to, notice)
  })
}
