// Registrations as people see them: the person, their community's staff — no one else.
import type { RegistrationView } from '@shared/accounts'
import type { Registration } from '../../domain/model'
import type { Ctx } from '../../ports'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export async function presentRegistration(ctx: Ctx, r: Registration): Promise<RegistrationView> {
  const building = r.buildingId ? await ctx.repos.places.building(r.buildingId) : null
  const grid = r.gridId ? await ctx.repos.places.grid(r.gridId) : null
  return {
    userId: r.userId,
    kind: r.kind,
    status: r.status,
    name: r.name,
    phone: r.phone,
    address: r.kind === 'resident' && building ? [building.name, r.room].filter(Boolean).join(' ') : null,
    gridName: grid?.name ?? null,
    member: r.member,
    submittedAt: new Date(r.submittedAt).toISOString(),
    decidedAt: iso(r.decidedAt),
    reason: r.reason,
  }
}
