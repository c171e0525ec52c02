// 居民登记 and 党员报到 (在职党员双报到; retired and floating members too): a person submits, staff of the
// community verify (approve.ts). Nothing is granted until then; a person may submit again after a
// decision (moving home, new posts).
import type { z } from 'zod'
import type { RegisterMemberInput, RegisterResidentInput, RegistrationView, VerifyPhoneInput } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import { AppError, invalid } from '../../domain/errors'
import type { Registration } from '../../domain/model'
import { assertCanSubmit, formatRoom } from '../../domain/onboarding'
import type { Ctx } from '../../ports'
import { presentRegistration } from './registrations'

async function loadSelf(ctx: Ctx, actor: Actor) {
  const user = await ctx.repos.users.get(actor.userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  return user
}

export async function registerResident(ctx: Ctx, actor: Actor, input: z.output<typeof RegisterResidentInput>): Promise<RegistrationView> {
  const user = await loadSelf(ctx, actor)
  const building = await ctx.repos.places.building(input.buildingId)
  if (!building || building.communityId !== user.communityId) throw invalid('buildingId', '请选择本社区的楼栋')
  await ctx.guard.check(input.name, 'name', actor)
  // staff read the unit and room too (成员审核): they pass the same check
  await ctx.guard.check(input.unit, 'unit', actor)
  await ctx.guard.check(input.room, 'room', actor)
  const previous = await ctx.repos.workbench.registration(user.id, 'resident')
  assertCanSubmit(previous)
  const registration: Registration = {
    userId: user.id,
    communityId: user.communityId,
    kind: 'resident',
    status: 'pending',
    name: input.name,
    phone: input.phone,
    buildingId: building.id,
    gridId: building.gridId,
    room: formatRoom(input.unit, input.room),
    member: null,
    submittedAt: ctx.clock.now(),
    decidedAt: null,
    decidedBy: null,
    reason: null,
    version: (previous?.version ?? 0) + 1,
  }
  await ctx.repos.workbench.saveRegistration(registration)
  return presentRegistration(ctx, registration)
}

export async function registerMember(ctx: Ctx, actor: Actor, input: z.output<typeof RegisterMemberInput>): Promise<RegistrationView> {
  const user = await loadSelf(ctx, actor)
  const grid = await ctx.repos.places.grid(input.gridId)
  if (!grid || grid.communityId !== user.communityId) throw invalid('gridId', '请选择本社区的网格')
  // a member's home grid is where they live, when a home is bound
  if (user.buildingId && user.gridId && user.gridId !== grid.id) throw invalid('gridId', '请选择您住址所在的网格')
  if (input.workUnit) await ctx.guard.check(input.workUnit, 'workUnit', actor)
  await ctx.guard.check(input.branch, 'branch', actor)
  for (const [i, s] of input.skills.entries()) await ctx.guard.check(s, `skills.${i}`, actor)
  const previous = await ctx.repos.workbench.registration(user.id, 'member')
  assertCanSubmit(previous)
  const registration: Registration = {
    userId: user.id,
    communityId: user.communityId,
    kind: 'member',
    status: 'pending',
    name: user.name,
    phone: user.phone,
    buildingId: user.buildingId,
    gridId: grid.id,
    room: null,
    member: {
      status: input.status,
      management: input.management,
      // a retired or floating member may name their former unit; only the in-service must
      workUnit: input.workUnit ?? null,
      branch: input.branch,
      posts: input.posts,
      skills: [...new Set(input.skills)],
    },
    submittedAt: ctx.clock.now(),
    decidedAt: null,
    decidedBy: null,
    reason: null,
    version: (previous?.version ?? 0) + 1,
  }
  await ctx.repos.workbench.saveRegistration(registration)
  return presentRegistration(ctx, registration)
}

/** The caller's own registrations (both kinds), so the app can say "等待社区审核" or why it was turned down. */
export async function myRegistrations(ctx: Ctx, actor: Actor): Promise<{ items: RegistrationView[] }> {
  const items: RegistrationView[] = []
  for (const kind of ['resident', 'member'] as const) {
    const r = await ctx.repos.workbench.registration(actor.userId, kind)
    if (r) items.push(await presentRegistration(ctx, r))
  }
  return { items }
}

/** WeChat's getPhoneNumber code → the verified number, shown in the form before it is submitted. */
export async function verifyPhone(ctx: Ctx, _actor: Actor, input: z.output<typeof VerifyPhoneInput>): Promise<{ phone: string }> {
  if (!ctx.phones) throw invalid('code', '这里不能一键获取手机号，请直接填写')
  return { phone: await ctx.phones.fromCode(input.code) }
}
