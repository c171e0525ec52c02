// 网格台账: a grid worker's task as one small lifecycle — who may publish, read, report on, submit,
// confirm and send back a task — and what a confirmed task pays.
import type { GridTaskStatus } from '@shared/enums'
import { type Actor, hasRole, isStaff } from './access'
import { AppError } from './errors'
import type { GridTask, User } from './model'
import type { PointsRules } from './rules'

/**
 * How the caller stands to one task. `worker`: the 网格员 it was published to; `staff`: community staff
 * who are not its worker (separation of duties: nobody confirms their own task, whatever roles they hold).
 */
export type GridTaskRelation = 'worker' | 'staff'
export type GridTaskAction = 'report' | 'submit' | 'confirm' | 'return'

export interface GridTaskTransition {
  action: GridTaskAction
  from: readonly GridTaskStatus[]
  to: GridTaskStatus
  by: GridTaskRelation
  guard?: { test: (t: GridTask) => boolean; message: string }
}

export const GRID_TASK_TRANSITIONS: readonly GridTaskTransition[] = [
  { action: 'report', from: ['open'], to: 'open', by: 'worker' }, // 上传工作进展, as often as needed
  {
    action: 'submit', // 提交完成
    from: ['open'],
    to: 'submitted',
    by: 'worker',
    guard: { test: (t) => t.progress.length > 0, message: '请先上传工作进展（照片和说明）再提交完成' },
  },
  { action: 'confirm', from: ['submitted'], to: 'confirmed', by: 'staff' }, // 社区确认: pays the points once
  { action: 'return', from: ['submitted'], to: 'open', by: 'staff' }, // 退回, with the reason
]

const byAction = new Map(GRID_TASK_TRANSITIONS.map((t) => [t.action, t]))

export function relationsToTask(task: GridTask, actor: Actor): Set<GridTaskRelation> {
  const rel = new Set<GridTaskRelation>()
  if (actor.communityId !== task.communityId) return rel
  if (task.workerId === actor.userId && hasRole(actor, 'grid_worker')) rel.add('worker')
  if (isStaff(actor) && task.workerId !== actor.userId) rel.add('staff')
  return rel
}

/** The status after `action`, or why not: FORBIDDEN for the wrong person, CONFLICT for the wrong time. */
export function nextTaskStatus(task: GridTask, action: GridTaskAction, actor: Actor): GridTaskStatus {
  const t = byAction.get(action)
  if (!t) throw new Error(`no grid task transition ${action}`)
  if (!relationsToTask(task, actor).has(t.by))
    throw new AppError('FORBIDDEN', t.by === 'staff' ? '网格任务由社区工作人员确认，不能确认自己的任务' : '这是别人的网格任务')
  if (!t.from.includes(task.status)) throw new AppError('CONFLICT', STATE_MESSAGE[task.status])
  if (t.guard && !t.guard.test(task)) throw new AppError('CONFLICT', t.guard.message)
  return t.to
}

const STATE_MESSAGE: Record<GridTaskStatus, string> = {
  open: '任务还没有提交完成',
  submitted: '任务已提交，等待社区确认',
  confirmed: '任务已经确认过了',
}

/** The actions the caller may take on the task now (the app's buttons). */
export function taskActionsFor(task: GridTask, actor: Actor): GridTaskAction[] {
  const rel = relationsToTask(task, actor)
  return GRID_TASK_TRANSITIONS.filter((t) => rel.has(t.by) && t.from.includes(task.status) && (!t.guard || t.guard.test(task))).map(
    (t) => t.action,
  )
}

/** A 网格长 leads the grids they serve. */
export const leadsGrid = (actor: Actor, gridId: string) =>
  hasRole(actor, 'grid_worker') && (actor.grids ?? []).includes(gridId) && actor.gridLead === true

/**
 * Who publishes to a grid's workers: community staff to any grid of the community; a 网格长 to the grids
 * they lead (themselves included: they work the grid too — and only staff confirm, so it pays nothing
 * until staff do).
 */
export const publishesTo = (actor: Actor, communityId: string, gridId: string) =>
  actor.communityId === communityId && (isStaff(actor) || leadsGrid(actor, gridId))

/** Who reads a task: its worker, the community's staff, and the 网格长 of its grid. */
export const mayReadTask = (actor: Actor, task: GridTask) =>
  actor.communityId === task.communityId && (task.workerId === actor.userId || isStaff(actor) || leadsGrid(actor, task.gridId))

/** A 网格员 of this grid (the one a task may be published to). */
export const worksGrid = (user: User, communityId: string, gridId: string) =>
  user.communityId === communityId && hasRole(user, 'grid_worker') && user.workGrids.includes(gridId)

/** What a confirmed task pays its worker (评优 points, by the rules). */
export const gridTaskPoints = (rules: PointsRules) => rules.gridTaskPoints
