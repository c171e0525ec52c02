// The 网格员's side of a task: 上传工作进展 (words and photos — the same upload and photo checks as an
// order's completion), as often as the work needs, then 提交完成 for community staff to confirm.
import type { z } from 'zod'
import type { GridTaskDetail, GridTaskRef, ReportGridTaskInput } from '@shared/grid-tasks'
import { GRID_TASK_LIMITS } from '@shared/limits'
import type { Actor } from '../../domain/access'
import { conflict } from '../../domain/errors'
import { nextTaskStatus } from '../../domain/grid-tasks'
import type { Ctx } from '../../ports'
import { notify } from '../notify'
import { screenPhotos } from '../photos/screen'
import { loadGridTask } from './list'
import { presentTask } from './present'
import { gridTaskLink } from './publish'

export async function reportGridTask(ctx: Ctx, actor: Actor, input: z.output<typeof ReportGridTaskInput>): Promise<GridTaskDetail> {
  const task = await loadGridTask(ctx, actor, input.taskId)
  nextTaskStatus(task, 'report', actor) // who and when first: a refused caller learns nothing from the checks below
  if (task.progress.length >= GRID_TASK_LIMITS.maxProgress) throw conflict(`每项任务最多上传 ${GRID_TASK_LIMITS.maxProgress} 次进展`)
  await ctx.guard.check(input.text, 'text', actor)
  await ctx.files.assertOwned(input.photos, actor.userId, 'photos')
  const now = ctx.clock.now()
  const saved = {
    ...task,
    progress: [...task.progress, { at: now, text: input.text, photos: input.photos }],
    updatedAt: now,
    version: task.version + 1,
  }
  await ctx.repos.gridTasks.save(saved)
  screenPhotos(ctx, actor, { kind: 'gridTask', id: saved.id }, input.photos)
  return presentTask(ctx, actor, saved)
}

export async function submitGridTask(ctx: Ctx, actor: Actor, input: z.output<typeof GridTaskRef>): Promise<GridTaskDetail> {
  const task = await loadGridTask(ctx, actor, input.taskId)
  const status = nextTaskStatus(task, 'submit', actor)
  const now = ctx.clock.now()
  const saved = { ...task, status, submittedAt: now, returnedReason: null, updatedAt: now, version: task.version + 1 }
  await ctx.repos.gridTasks.save(saved)
  const staff = (await ctx.repos.users.listStaff(task.communityId)).map((u) => u.id).filter((id) => id !== actor.userId)
  await notify(ctx, task.communityId, staff, {
    kind: 'grid_task_submitted',
    title: '网格任务待确认',
    body: `${actor.name}提交了网格任务「${task.title}」，请查看工作进展并确认。`,
    link: gridTaskLink(task.id),
  })
  return presentTask(ctx, actor, saved)
}
