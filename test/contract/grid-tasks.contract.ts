// The repository contract for 网格台账 (grid workers' tasks, their progress inside): written once, run on
// every adapter that can run here — SQLite (grid-tasks-sqlite.test.ts) and the CloudBase adapter on the
// real node-sdk (cloudbase.test.ts: the emulator, or a live environment).
import type { GridTask } from '../../cloudfunctions/core/domain/model'
import { WriteConflict } from '../../cloudfunctions/core/ports'
import { type ContractAdapter, FIXTURES, idsOf, seededStore } from './repos.contract'

const C1 = FIXTURES.communities[0].id
const C2 = FIXTURES.communities[1].id

const task = (id: string, over: Partial<GridTask> = {}): GridTask => ({
  id,
  communityId: C1,
  gridId: 'g_1',
  workerId: 'u_gw',
  title: '排查楼道消防通道',
  body: '检查每个单元的楼道',
  dueAt: 50_000,
  status: 'open',
  progress: [],
  publishedBy: 'u_staff',
  publishedAt: 1_000,
  submittedAt: null,
  returnedReason: null,
  confirmedBy: null,
  confirmedAt: null,
  points: null,
  updatedAt: 1_000,
  version: 1,
  ...over,
})

export function gridTasksContract(adapter: ContractAdapter) {
  describe(`grid tasks repository contract: ${adapter.name}`, () => {
    const { w, r } = seededStore(adapter)
    const ids = idsOf

    it('stores a task as given, versioned: a second version 1 or a stale version is a WriteConflict', async () => {
      const t = task('gt_1')
      await w((x) => x.gridTasks.save(t))
      expect(await r((x) => x.gridTasks.get('gt_1'))).toEqual(t)
      expect(await r((x) => x.gridTasks.get('gt_none'))).toBeNull()
      await expect(w((x) => x.gridTasks.save(task('gt_1')))).rejects.toBeInstanceOf(WriteConflict)

      const reported: GridTask = {
        ...t,
        progress: [{ at: 2_000, text: '查了3号楼', photos: ['f_1', 'f_2'] }],
        status: 'submitted',
        submittedAt: 2_500,
        updatedAt: 2_500,
        version: 2,
      }
      await w((x) => x.gridTasks.save(reported))
      expect(await r((x) => x.gridTasks.get('gt_1'))).toEqual(reported)
      // two confirmations racing: the one that saves second is stale
      const confirmed = { ...reported, status: 'confirmed' as const, confirmedBy: 'u_staff', confirmedAt: 3_000, points: 10, version: 3 }
      await w((x) => x.gridTasks.save(confirmed))
      await expect(w((x) => x.gridTasks.save({ ...confirmed, confirmedBy: 'u_admin' }))).rejects.toBeInstanceOf(WriteConflict)
      expect(await r((x) => x.gridTasks.get('gt_1'))).toEqual(confirmed)
      // a task never moves to another community, grid or worker
      await w((x) => x.gridTasks.save({ ...confirmed, communityId: C2, gridId: 'g_9', workerId: 'u_other', version: 4 }))
      expect(await r((x) => x.gridTasks.get('gt_1'))).toMatchObject({ communityId: C1, gridId: 'g_1', workerId: 'u_gw', version: 4 })
    })

    it('lists a community’s tasks newest published first (of one status, if asked), and a worker’s soonest due first', async () => {
      await w(async (x) => {
        await x.gridTasks.save(task('gt_a', { publishedAt: 1_000, dueAt: 30_000 }))
        await x.gridTasks.save(task('gt_b', { publishedAt: 3_000, dueAt: 10_000, status: 'submitted' }))
        await x.gridTasks.save(task('gt_c', { publishedAt: 2_000, dueAt: 20_000, workerId: 'u_gw2' }))
        await x.gridTasks.save(task('gt_far', { communityId: C2, gridId: 'g_9', workerId: 'u_gw9' }))
      })
      expect(ids(await r((x) => x.gridTasks.ofCommunity(C1)))).toEqual(['gt_b', 'gt_c', 'gt_a'])
      expect(ids(await r((x) => x.gridTasks.ofCommunity(C1, 'submitted')))).toEqual(['gt_b'])
      expect(ids(await r((x) => x.gridTasks.ofCommunity(C1, 'confirmed')))).toEqual([])
      expect(ids(await r((x) => x.gridTasks.ofCommunity(C2)))).toEqual(['gt_far'])
      expect(ids(await r((x) => x.gridTasks.ofWorker('u_gw')))).toEqual(['gt_b', 'gt_a'])
      expect(await r((x) => x.gridTasks.ofWorker('u_nobody'))).toEqual([])
    })

    it('writes nothing of a transaction that fails', async () => {
      await expect(
        w(async (x) => {
          await x.gridTasks.save(task('gt_1'))
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await r((x) => x.gridTasks.get('gt_1'))).toBeNull()
    })
  })
}
