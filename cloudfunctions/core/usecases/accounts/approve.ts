// 成员审核: staff of the community verify a resident's home or a member's 双报到; approving grants the
// role (and binds the home or the profile), turning down says why. Both reach the person's inbox.
import type { z } from 'zod'
import type { DecideRegistrationInput, ListPendingInput, RegistrationView } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import { notFound } from '../../domain/errors'
import type { Registration } from '../../domain/model'
import { applyRegistration, assertCanDecide } from '../../domain/onboarding'
import type { Ctx } from '../../ports'
import { presentRegistration } from './registrations'

const WHAT: Record<Registration['kind'], string> = { resident: '居民登记', member: '党员报到' }

export function decideRegistration(kind: Registration['kind']) {
  return async (ctx: Ctx, actor: Actor, input: z.output<typeof DecideRegistrationInput>): Promise<RegistrationView> => {
    const registration = await ctx.repos.workbench.registration(input.userId, kind)
    assertCanDecide(registration, actor)
    const now = ctx.clock.now()
    if (input.reason) await ctx.guard.check(input.reason, 'reason', actor)
    if (input.approve) {
      const user = await ctx.repos.users.get(registration.userId)
      if (!user || user.communityId !== actor.communityId) throw notFound('没有找到这份登记')
      const building = registration.buildingId ? await ctx.repos.places.building(registration.buildingId) : null
      await ctx.repos.users.saveProfile(applyRegistration(user, registration, building))
    }
    const decided: Registration = {
      ...registration,
      status: input.approve ? 'approved' : 'rejected',
      decidedAt: now,
      decidedBy: actor.userId,
      reason: input.approve ? null : (input.reason ?? null),
      version: registration.version + 1,
    }
    await ctx.repos.workbench.saveRegistration(decided)
    await ctx.repos.inbox.add({
      id: ctx.ids.next('n'),
      userId: registration.userId,
      communityId: registration.communityId,
      kind: 'registration_decided',
      title: input.approve ? `${WHAT[kind]}已通过` : `${WHAT[kind]}未通过`,
      body: input.approve ? '社区已审核通过，现在可以使用相应的功能了。' : `原因：${input.reason}。修改后可以重新提交。`,
      link: '/workbench/register/index',
      at: now,
      readAt: null,
    })
    return presentRegistration(ctx, decided)
  }
}

// marked pure so a bundle without the accounts table drops them (scripts/build-functions.mjs)
export const approveResident = /* @__PURE__ */ decideRegistration('resident')
export const approveMember = /* @__PURE__ */ decideRegistration('member')

export async function listPending(
  ctx: Ctx,
  actor: Actor,
  input: z.output<typeof ListPendingInput>,
): Promise<{ items: RegistrationView[] }> {
  const pending = await ctx.repos.workbench.pendingRegistrations(actor.communityId, input.kind)
  const items: RegistrationView[] = []
  for (const r of pending) items.push(await presentRegistration(ctx, r))
  return { items }
}
