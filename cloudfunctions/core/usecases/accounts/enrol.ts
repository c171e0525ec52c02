// First contact in WeChat: an OPENID nobody is bound to submits 居民登记. Enrolment creates the person
// (no roles until staff verify the home) and binds the OPENID, in one transaction through the edge;
// the registration itself then runs as the new person (register.ts), as for anyone already bound.
import type { z } from 'zod'
import { RegisterResidentInput } from '@shared/accounts'
import { invalid } from '../../domain/errors'
import { newPerson } from '../../domain/onboarding'
import { type ActionTable, defineAction } from '../../edge'
import type { Ctx } from '../../ports'

/** The one action that creates a person; its input names the building, hence the community. */
export const ENROLLING_ACTION = { fn: 'accounts', action: 'registerResident' } as const

export const isEnrolling = (fn: string, request: unknown) =>
  fn === ENROLLING_ACTION.fn &&
  typeof request === 'object' &&
  request !== null &&
  (request as { action?: unknown }).action === ENROLLING_ACTION.action

/** Creates the person for `openId` and binds it to them; an OPENID already bound (a retry, a race) keeps its person. */
export async function enrolNewcomer(ctx: Ctx, openId: string, input: z.output<typeof RegisterResidentInput>): Promise<{ userId: string }> {
  const bound = await ctx.repos.identity.userForOpenId(openId)
  if (bound) return { userId: bound }
  const building = await ctx.repos.places.building(input.buildingId)
  if (!building) throw invalid('buildingId', '请选择本社区的楼栋')
  const user = newPerson({ id: ctx.ids.next('u'), communityId: building.communityId, name: input.name, createdAt: ctx.clock.now() })
  await ctx.repos.users.insert(user)
  await ctx.repos.identity.bindOpenId(openId, user.id)
  return { userId: user.id }
}

/** The edge's table for an unbound OPENID: its 居民登记 enrols it (input refused as the registration's would be, nothing written). */
export const enrolment = (openId: string): ActionTable => ({
  [ENROLLING_ACTION.action]: defineAction({
    input: RegisterResidentInput,
    mutating: true,
    public: true,
    run: (ctx, _guest, input) => enrolNewcomer(ctx, openId, input),
  }),
})
