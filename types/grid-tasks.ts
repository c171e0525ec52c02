// workbench.*GridTask* — 网格台账: tasks published to a grid's 网格员, their progress (photos and words),
// submitted as done and confirmed (or sent back) by community staff; input schemas and output shapes.
import { z } from 'zod'
import { GRID_TASK_STATUSES, MAX_PHOTOS } from './enums'
import type { GridTaskStatus } from './enums'
import { fileId, id, text } from './common'
import { GRID_TASK_LIMITS as L } from './limits'
import type { PersonRef, Photo } from './orders'
import { day } from './workbench'

/**
 * 发布任务: to every 网格员 of a grid (one task each), or to one of them (`workerId`). Due at the end of
 * `dueDate` (a Beijing day).
 */
export const PublishGridTaskInput = z.strictObject({
  gridId: id,
  workerId: id.optional(),
  title: text(L.title),
  body: text(L.body),
  dueDate: day,
})

export const GridTaskRef = z.strictObject({ taskId: id })

/** 上传工作进展: what was done, with at least one photo. */
export const ReportGridTaskInput = z.strictObject({
  taskId: id,
  text: text(L.progress),
  photos: z.array(fileId).min(1, '请至少上传一张照片').max(MAX_PHOTOS),
})

/** 退回: back to the worker with the reason. */
export const ReturnGridTaskInput = z.strictObject({ taskId: id, reason: text(L.returnReason) })

/**
 * A worker's own tasks (`mine`), or what the caller looks after: community staff every task of the
 * community, a 网格长 those of the grids they lead as well as their own. `status: 'submitted'` is 待确认.
 */
export const ListGridTasksInput = z.strictObject({
  mine: z.boolean().optional(),
  status: z.enum(GRID_TASK_STATUSES).optional(),
})

/** Who a task may be published to: the 网格员 of the caller's grids (staff: every grid), of one grid if given. */
export const GridWorkersInput = z.strictObject({ gridId: id.optional() })

export interface GridWorkerItem {
  id: string
  name: string
  gridId: string
  /** 网格长 */
  lead: boolean
}

export type PublishGridTaskInput = z.input<typeof PublishGridTaskInput>
export type ReportGridTaskInput = z.input<typeof ReportGridTaskInput>

export interface GridTaskProgressView {
  at: string
  text: string
  photos: Photo[]
}

export interface GridTaskSummary {
  id: string
  gridId: string
  gridName: string
  worker: PersonRef
  title: string
  dueAt: string
  /** Past its due time and not yet submitted. */
  overdue: boolean
  status: GridTaskStatus
  progressCount: number
  publishedAt: string
  submittedAt: string | null
  /** The points paid when it was confirmed. */
  points: number | null
  /** Why staff sent it back last, while it is open again. */
  returnedReason: string | null
}

export interface GridTaskDetail extends GridTaskSummary {
  body: string
  publishedBy: PersonRef
  /** Oldest first. */
  progress: GridTaskProgressView[]
  confirmedBy: PersonRef | null
  confirmedAt: string | null
  /** What the caller may do with it now (the app's buttons). */
  actions: Array<'report' | 'submit' | 'confirm' | 'return'>
}

export interface PublishedGridTasks {
  items: GridTaskSummary[]
}

/** One row of the 工作台账's sheet 网格员台账. */
export interface GridTaskLedgerRow {
  taskId: string
  worker: string
  grid: string
  title: string
  publishedAt: string
  progressCount: number
  submittedAt: string | null
  confirmedBy: string | null
  confirmedAt: string | null
  points: number | null
  status: GridTaskStatus
}
