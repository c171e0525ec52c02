// 网格台账 on CloudBase: grid workers' tasks versioned at their ids in `gridTasks` (progress reports
// inside the task document), with the SQLite adapter's semantics.
import type { GridTask } from '../../core/domain/model'
import type { GridTaskRepo } from '../../core/ports'
import { byId, fromDoc, saveVersioned, toDoc } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toTask = (d: Doc) => fromDoc<GridTask>(d, 'id')

export function createGridTaskRepo(scope: Scope): GridTaskRepo {
  return {
    get: (id) => byId(scope, 'gridTasks', id, toTask),
    async save(t) {
      let doc = toDoc(t.id, t, 'id')
      if (t.version > 1) {
        // a task never moves to another community, grid or worker
        const current = await scope.get('gridTasks', t.id)
        if (current) doc = { ...doc, communityId: current.communityId, gridId: current.gridId, workerId: current.workerId }
      }
      await saveVersioned(scope, 'gridTasks', doc, t.version, `grid task ${t.id}`)
    },
    async ofCommunity(communityId, status) {
      const docs = await scope.queryAll('gridTasks', {
        where: status ? [eq('communityId', communityId), eq('status', status)] : [eq('communityId', communityId)],
        sort: [
          ['publishedAt', 'desc'],
          ['_id', 'desc'],
        ],
      })
      return docs.map(toTask)
    },
    async ofWorker(workerId) {
      const docs = await scope.queryAll('gridTasks', {
        where: [eq('workerId', workerId)],
        sort: [
          ['dueAt', 'asc'],
          ['_id', 'asc'],
        ],
      })
      return docs.map(toTask)
    },
  }
}
