// 网格台账's lists: a 网格员's own tasks (我的网格任务), and what staff (every grid) or a 网格长 (the grids
// they lead) look after — `status: 'submitted'` is 待确认; and one task.
import type { z } from 'zod'
import type { GridTaskRef, ListGridTasksInput } from '@shared/grid-tasks'
import { type Actor, isStaff } from '../../domain/access'
import { notFound } from '../../domain/errors'
import { leadsGrid, mayReadTask } from '../../domain/grid-tasks'
import type { GridTask } from '../../domain/model'
import type { Ctx } from '../../ports'
import { presentTask, summarizeTask, taskNames } from './present'

export async function listGridTasks(ctx: Ctx, actor: Actor, input: z.output<typeof ListGridTasksInput>) {
  const mine = input.mine || !(isStaff(actor) || actor.gridLead)
  const found = mine
    ? (await ctx.repos.gridTasks.ofWorker(actor.userId)).filter((t) => t.communityId === actor.communityId)
    : (await ctx.repos.gridTasks.ofCommunity(actor.communityId, input.status)).filter(
        (t) => isStaff(actor) || t.workerId === actor.userId || leadsGrid(actor, t.gridId),
      )
  const tasks = found.filter((t) => !input.status || t.status === input.status)
  if (tasks.length === 0) return { items: [] }
  const names = await taskNames(ctx, actor.communityId, tasks)
  const now = ctx.clock.now()
  return { items: tasks.map((t) => summarizeTask(t, names, now)) }
}

export async function getGridTask(ctx: Ctx, actor: Actor, input: z.output<typeof GridTaskRef>) {
  return presentTask(ctx, actor, await loadGridTask(ctx, actor, input.taskId))
}

/** The task, if the caller may read it; another's (not their grid's, another community's) does not exist for them. */
export async function loadGridTask(ctx: Ctx, actor: Actor, taskId: string): Promise<GridTask> {
  const t = await ctx.repos.gridTasks.get(taskId)
  if (!t || !mayReadTask(actor, t)) throw notFound('没有找到这项网格任务')
  return t
}
