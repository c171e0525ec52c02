// A grid task as its reader sees it: the grid and people by name, times as instants, its progress with
// photos, and what the caller may do with it now.
import type { GridTaskDetail, GridTaskSummary } from '@shared/grid-tasks'
import type { Actor } from '../../domain/access'
import { taskActionsFor } from '../../domain/grid-tasks'
import type { GridTask } from '../../domain/model'
import type { Ctx } from '../../ports'
import { shownPhotos } from '../photos/screen'

const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))

export interface TaskNames {
  grid: Map<string, string>
  person: Map<string, string>
}

/** Grid names of the community and the names of everyone the tasks mention, read once for a list. */
export async function taskNames(ctx: Ctx, communityId: string, tasks: GridTask[]): Promise<TaskNames> {
  const ids = new Set<string>()
  for (const t of tasks) for (const id of [t.workerId, t.publishedBy, t.confirmedBy]) if (id) ids.add(id)
  const [grids, users] = await Promise.all([ctx.repos.places.grids(communityId), ctx.repos.users.getMany([...ids])])
  return { grid: new Map(grids.map((g) => [g.id, g.name])), person: new Map(users.map((u) => [u.id, u.name])) }
}

export function summarizeTask(t: GridTask, names: TaskNames, now: number): GridTaskSummary {
  return {
    id: t.id,
    gridId: t.gridId,
    gridName: names.grid.get(t.gridId) ?? '',
    worker: { id: t.workerId, name: names.person.get(t.workerId) ?? '' },
    title: t.title,
    dueAt: iso(t.dueAt),
    overdue: t.status === 'open' && t.dueAt <= now,
    status: t.status,
    progressCount: t.progress.length,
    publishedAt: iso(t.publishedAt),
    submittedAt: isoOrNull(t.submittedAt),
    points: t.points,
    returnedReason: t.status === 'open' ? t.returnedReason : null,
  }
}

export async function presentTask(ctx: Ctx, actor: Actor, t: GridTask): Promise<GridTaskDetail> {
  const names = await taskNames(ctx, t.communityId, [t])
  const person = (id: string) => ({ id, name: names.person.get(id) ?? '' })
  return {
    ...summarizeTask(t, names, ctx.clock.now()),
    body: t.body,
    publishedBy: person(t.publishedBy),
    progress: await Promise.all(t.progress.map(async (p) => ({ at: iso(p.at), text: p.text, photos: await shownPhotos(ctx, p.photos) }))),
    confirmedBy: t.confirmedBy ? person(t.confirmedBy) : null,
    confirmedAt: isoOrNull(t.confirmedAt),
    actions: taskActionsFor(t, actor),
  }
}
