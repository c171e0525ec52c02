// 网格台账 on better-sqlite3: grid workers' tasks as versioned rows, their progress reports as JSON.
import type { GridTaskStatus } from '@shared/enums'
import type { GridTask, GridTaskProgress } from '../../core/domain/model'
import type { GridTaskRepo } from '../../core/ports'
import { type Statements, assignments, insertInto, int, intOrNull, jsonOf, oneOf, rowMapper, text, textOrNull } from './sql'
import { uniquely, versioned } from './sql'

const TASK = rowMapper<GridTask>({
  id: text,
  communityId: text,
  gridId: text,
  workerId: text,
  title: text,
  body: text,
  dueAt: int,
  status: oneOf<GridTaskStatus>(),
  progress: jsonOf<GridTaskProgress[]>(),
  publishedBy: text,
  publishedAt: int,
  submittedAt: intOrNull,
  returnedReason: textOrNull,
  confirmedBy: textOrNull,
  confirmedAt: intOrNull,
  points: intOrNull,
  updatedAt: int,
  version: int,
})

// a task never moves to another community, grid or worker
const FIXED = ['id', 'community_id', 'grid_id', 'worker_id']
const UPDATE = `UPDATE grid_tasks SET ${assignments(TASK.columns.filter((c) => !FIXED.includes(c)))} WHERE id = @id AND version = @version - 1`

export function createGridTaskRepo(q: Statements): GridTaskRepo {
  return {
    async get(id) {
      return TASK.one(q('SELECT * FROM grid_tasks WHERE id = ?').get(id))
    },
    async save(t) {
      if (t.version === 1) uniquely(`grid task ${t.id} exists`, () => q(insertInto('grid_tasks', TASK.columns)).run(TASK.params(t)))
      else versioned(`grid task ${t.id} changed`, () => q(UPDATE).run(TASK.params(t)))
    },
    async ofCommunity(communityId, status) {
      return TASK.all(
        status
          ? q('SELECT * FROM grid_tasks WHERE community_id = ? AND status = ? ORDER BY published_at DESC, id DESC').all(communityId, status)
          : q('SELECT * FROM grid_tasks WHERE community_id = ? ORDER BY published_at DESC, id DESC').all(communityId),
      )
    },
    async ofWorker(workerId) {
      return TASK.all(q('SELECT * FROM grid_tasks WHERE worker_id = ? ORDER BY due_at, id').all(workerId))
    },
  }
}
