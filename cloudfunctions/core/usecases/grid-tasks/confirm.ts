// 社区确认 / 退回: community staff — never the task's own worker, whatever roles they hold — confirm a
// submitted task, which pays its worker the rules' points once (评优), or send it back with the reason.
import type { z } from 'zod'
import type { GridTaskDetail, GridTaskRef, ReturnGridTaskInput } from '@shared/grid-tasks'
import type { Actor } from '../../domain/access'
import { gridTaskPoints, nextTaskStatus } from '../../domain/grid-tasks'
import { sourceKeys } from '../../domain/ledger'
import type { Ctx } from '../../ports'
import { notify } from '../notify'
import { rulesOf } from '../orders/shared'
import { postEntry } from '../points/post'
import { loadGridTask } from './list'
import { presentTask } from './present'
import { gridTaskLink } from './publish'

export async function confirmGridTask(ctx: Ctx, actor: Actor, input: z.output<typeof GridTaskRef>): Promise<GridTaskDetail> {
  const task = await loadGridTask(ctx, actor, input.taskId)
  const status = nextTaskStatus(task, 'confirm', actor)
  const points = gridTaskPoints(await rulesOf(ctx, task.communityId))
  const now = ctx.clock.now()
  const saved = { ...task, status, confirmedBy: actor.userId, confirmedAt: now, points, updatedAt: now, version: task.version + 1 }
  // the task's version guards a second confirmation racing this one; the source key, any retry after it
  await ctx.repos.gridTasks.save(saved)
  if (points > 0) {
    await postEntry(ctx, task.workerId, task.communityId, {
      sourceKey: sourceKeys.gridTaskAward(task.id),
      delta: points,
      reason: 'grid_task_award',
      note: `完成网格任务「${task.title}」，社区确认（${actor.name}）`,
      at: now,
    })
  }
  await notify(ctx, task.communityId, [task.workerId], {
    kind: 'grid_task_decided',
    title: '网格任务已确认',
    body: points > 0 ? `网格任务「${task.title}」已由社区确认，计 ${points} 分。` : `网格任务「${task.title}」已由社区确认。`,
    link: gridTaskLink(task.id),
  })
  return presentTask(ctx, actor, saved)
}

export async function returnGridTask(ctx: Ctx, actor: Actor, input: z.output<typeof ReturnGridTaskInput>): Promise<GridTaskDetail> {
  const task = await loadGridTask(ctx, actor, input.taskId)
  const status = nextTaskStatus(task, 'return', actor)
  await ctx.guard.check(input.reason, 'reason', actor)
  const now = ctx.clock.now()
  const saved = { ...task, status, submittedAt: null, returnedReason: input.reason, updatedAt: now, version: task.version + 1 }
  await ctx.repos.gridTasks.save(saved)
  await notify(ctx, task.communityId, [task.workerId], {
    kind: 'grid_task_decided',
    title: '网格任务被退回',
    body: `网格任务「${task.title}」被退回：${input.reason}`,
    link: gridTaskLink(task.id),
  })
  return presentTask(ctx, actor, saved)
}
