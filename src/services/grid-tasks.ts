// 网格台账: grid workers' tasks — the lists, one task, publishing, progress, submission and staff's
// confirmation or sending back. Every mutation takes the requestId of the person's intent.
import type { InputOf } from '@shared/api'
import { call } from './transport'

export const gridTasksApi = {
  /** `mine`: my own tasks (我的网格任务); otherwise what I look after — `status: 'submitted'` is 待确认. */
  list: (input: InputOf<'workbench', 'gridTasks'> = {}) => call('workbench', 'gridTasks', input).then((d) => d.items),
  get: (taskId: string) => call('workbench', 'gridTask', { taskId }),
  /** Who a task may go to: the 网格员 of the grids the caller may publish to. */
  workers: () => call('workbench', 'gridWorkers', {}).then((d) => d.items),
  publish: (input: InputOf<'workbench', 'publishGridTask'>, requestId: string) =>
    call('workbench', 'publishGridTask', input, { requestId, loading: '正在发布' }),
  report: (input: InputOf<'workbench', 'reportGridTask'>, requestId: string) =>
    call('workbench', 'reportGridTask', input, { requestId, loading: '正在上传' }),
  submit: (taskId: string, requestId: string) => call('workbench', 'submitGridTask', { taskId }, { requestId, loading: '正在提交' }),
  confirm: (taskId: string, requestId: string) => call('workbench', 'confirmGridTask', { taskId }, { requestId, loading: '正在确认' }),
  sendBack: (taskId: string, reason: string, requestId: string) =>
    call('workbench', 'returnGridTask', { taskId, reason }, { requestId, loading: '正在退回' }),
}
