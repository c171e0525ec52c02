// 发布网格任务: community staff (any grid) or a 网格长 (the grids they lead) give a grid's 网格员 a task —
// what to do and by when — one task per worker, each with its own progress, confirmation and points.
import type { z } from 'zod'
import type { GridWorkerItem, GridWorkersInput, PublishGridTaskInput, PublishedGridTasks } from '@shared/grid-tasks'
import { type Actor, isStaff } from '../../domain/access'
import { forbidden, invalid } from '../../domain/errors'
import { publishesTo, worksGrid } from '../../domain/grid-tasks'
import type { GridTask } from '../../domain/model'
import { dayStart } from '../../domain/period'
import type { Ctx } from '../../ports'
import { notify } from '../notify'
import { summarizeTask, taskNames } from './present'

const DAY = 86400_000

export async function publishGridTask(ctx: Ctx, actor: Actor, input: z.output<typeof PublishGridTaskInput>): Promise<PublishedGridTasks> {
  const refused = forbidden('只有社区工作人员和本网格的网格长可以发布网格任务')
  if (!isStaff(actor) && !actor.gridLead) throw refused
  const grid = await ctx.repos.places.grid(input.gridId)
  if (!grid || grid.communityId !== actor.communityId) throw invalid('gridId', '请选择本社区的网格')
  if (!publishesTo(actor, actor.communityId, grid.id)) throw refused
  const now = ctx.clock.now()
  // due at the end of that Beijing day; a day already over is refused
  const dueAt = dayStart(input.dueDate) + DAY - 1
  if (Number.isNaN(dueAt)) throw invalid('dueDate', '日期格式应为 2026-06-13')
  if (dueAt < now) throw invalid('dueDate', '截止日期不能早于今天')
  const workers = (await ctx.repos.users.listGridWorkers(actor.communityId, grid.id)).filter((u) =>
    worksGrid(u, actor.communityId, grid.id),
  )
  const to = input.workerId ? workers.filter((u) => u.id === input.workerId) : workers
  if (input.workerId && to.length === 0) throw invalid('workerId', `请选择${grid.name}的网格员`)
  if (to.length === 0) throw invalid('gridId', `${grid.name}还没有网格员`)
  await ctx.guard.check(input.title, 'title', actor)
  await ctx.guard.check(input.body, 'body', actor)

  const tasks: GridTask[] = []
  for (const worker of to) {
    const task: GridTask = {
      id: ctx.ids.next('gt'),
      communityId: actor.communityId,
      gridId: grid.id,
      workerId: worker.id,
      title: input.title,
      body: input.body,
      dueAt,
      status: 'open',
      progress: [],
      publishedBy: actor.userId,
      publishedAt: now,
      submittedAt: null,
      returnedReason: null,
      confirmedBy: null,
      confirmedAt: null,
      points: null,
      updatedAt: now,
      version: 1,
    }
    await ctx.repos.gridTasks.save(task)
    await notify(ctx, actor.communityId, [worker.id], {
      kind: 'grid_task_assigned',
      title: '有一项新的网格任务',
      body: `${actor.name}给您发布了网格任务「${task.title}」，请按时完成并上传工作进展。`,
      link: gridTaskLink(task.id),
    })
    tasks.push(task)
  }
  const names = await taskNames(ctx, actor.communityId, tasks)
  return { items: tasks.map((t) => summarizeTask(t, names, now)) }
}

export const gridTaskLink = (taskId: string) => `/gridtasks/detail/index?id=${taskId}`

/**
 * Who the caller may publish to, for the form's 发给谁: staff, the 网格员 of every grid (or of `gridId`);
 * a 网格长, those of the grids they lead; anyone else, nobody.
 */
export async function listGridWorkers(
  ctx: Ctx,
  actor: Actor,
  input: z.output<typeof GridWorkersInput>,
): Promise<{ items: GridWorkerItem[] }> {
  const grids = (await ctx.repos.places.grids(actor.communityId)).filter(
    (g) => (!input.gridId || g.id === input.gridId) && publishesTo(actor, actor.communityId, g.id),
  )
  const items: GridWorkerItem[] = []
  for (const g of grids) {
    for (const u of await ctx.repos.users.listGridWorkers(actor.communityId, g.id))
      if (worksGrid(u, actor.communityId, g.id)) items.push({ id: u.id, name: u.name, gridId: g.id, lead: u.gridLead })
  }
  return { items }
}
