// The repository contract for 一户一档 and 四必访 (households and their visits): written once, run on
// every adapter that can run here — SQLite (households-sqlite.test.ts) and the CloudBase adapter on
// the real node-sdk (cloudbase.test.ts: the emulator, or a live environment).
import type { Household, Visit } from '../../cloudfunctions/core/domain/model'
import { WriteConflict } from '../../cloudfunctions/core/ports'
import { type ContractAdapter, FIXTURES, seededStore, idsOf, order } from './repos.contract'

const C1 = FIXTURES.communities[0].id
const C2 = FIXTURES.communities[1].id

const household = (id: string, over: Partial<Household> = {}): Household => ({
  id,
  communityId: C1,
  gridId: 'g_1',
  buildingId: 'b_1',
  room: '1单元 101',
  members: [
    { id: 'hm_1', residentId: 'u_res', name: '王秀兰', relation: '本人', ageBand: 'aged', phone: '13800010001' },
    { id: 'hm_2', residentId: null, name: '张福生', relation: '配偶', ageBand: 'aged', phone: null },
  ],
  tags: ['alone', 'elderly'],
  consent: { by: '王秀兰', method: 'oral', at: 1_000, recordedBy: 'u_staff' },
  note: '',
  lastVisitAt: null,
  visitDueAt: 10_000,
  createdBy: 'u_staff',
  createdAt: 1_000,
  updatedAt: 1_000,
  version: 1,
  ...over,
})

const visit = (id: string, householdId: string, at: number, over: Partial<Visit> = {}): Visit => ({
  id,
  householdId,
  communityId: C1,
  visitorId: 'u_staff',
  at,
  found: '一切正常',
  photos: [],
  orderId: null,
  ...over,
})

export function householdsContract(adapter: ContractAdapter) {
  describe(`households repository contract: ${adapter.name}`, () => {
    const { w, r } = seededStore(adapter)
    const ids = idsOf

    it('stores a household as given, versioned: a second version 1 or a stale version is a WriteConflict', async () => {
      const h = household('hh_1')
      await w((x) => x.households.save(h))
      expect(await r((x) => x.households.get('hh_1'))).toEqual(h)
      expect(await r((x) => x.households.get('hh_none'))).toBeNull()
      await expect(w((x) => x.households.save(household('hh_1')))).rejects.toBeInstanceOf(WriteConflict)

      const visited = { ...h, lastVisitAt: 5_000, visitDueAt: 20_000, tags: ['veteran' as const], version: 2 }
      await w((x) => x.households.save(visited))
      expect(await r((x) => x.households.get('hh_1'))).toEqual(visited)
      await expect(w((x) => x.households.save({ ...visited, note: '晚了一步' }))).rejects.toBeInstanceOf(WriteConflict)
      // a household never moves to another community
      await w((x) => x.households.save({ ...visited, communityId: C2, version: 3 }))
      expect((await r((x) => x.households.get('hh_1')))?.communityId).toBe(C1)
    })

    it('lists a community’s households by building, room and id, and those due by a time, longest overdue first', async () => {
      await w(async (x) => {
        await x.households.save(household('hh_b', { room: '2单元 101', visitDueAt: 30_000 }))
        await x.households.save(household('hh_a', { room: '1单元 101', visitDueAt: 20_000 }))
        await x.households.save(household('hh_c', { room: '1单元 101', visitDueAt: 10_000 }))
        await x.households.save(household('hh_far', { communityId: C2, gridId: 'g_9', visitDueAt: 0 }))
      })
      expect(ids(await r((x) => x.households.ofCommunity(C1)))).toEqual(['hh_a', 'hh_c', 'hh_b'])
      expect(ids(await r((x) => x.households.ofCommunity(C2)))).toEqual(['hh_far'])
      expect(ids(await r((x) => x.households.dueBy(C1, 20_000)))).toEqual(['hh_c', 'hh_a'])
      expect(ids(await r((x) => x.households.dueBy(C1, 9_999)))).toEqual([])
    })

    it('adds visits once each and lists a household’s newest first', async () => {
      await w(async (x) => {
        await x.households.save(household('hh_1'))
        await x.households.save(household('hh_2', { room: '9单元 909' }))
        await x.households.addVisit(visit('v_1', 'hh_1', 1_000))
        await x.households.addVisit(visit('v_2', 'hh_1', 3_000, { photos: ['f_1'], orderId: 'o_1' }))
        await x.households.addVisit(visit('v_3', 'hh_2', 2_000))
      })
      const visits = await r((x) => x.households.visitsOf('hh_1'))
      expect(ids(visits)).toEqual(['v_2', 'v_1'])
      expect(visits[0]).toEqual(visit('v_2', 'hh_1', 3_000, { photos: ['f_1'], orderId: 'o_1' }))
      await expect(w((x) => x.households.addVisit(visit('v_1', 'hh_1', 9_000)))).rejects.toBeInstanceOf(WriteConflict)
      expect(await r((x) => x.households.visitsOf('hh_none'))).toEqual([])
    })

    it('rewrites what a visit found, and nothing else of it', async () => {
      await w(async (x) => {
        await x.households.save(household('hh_1'))
        await x.households.addVisit(visit('v_1', 'hh_1', 1_000, { found: '王秀兰说腿疼', photos: ['f_1'], orderId: 'o_1' }))
        await x.households.addVisit(visit('v_2', 'hh_1', 2_000))
      })
      await w((x) => x.households.redactVisit('v_1', '已注销用户说腿疼'))
      expect(await r((x) => x.households.visitsOf('hh_1'))).toEqual([
        visit('v_2', 'hh_1', 2_000),
        visit('v_1', 'hh_1', 1_000, { found: '已注销用户说腿疼', photos: ['f_1'], orderId: 'o_1' }),
      ])
    })

    it('lists the orders placed for a household’s people, newest first, its person kept on the order', async () => {
      const forZhang = order({ residentId: 'hm_2', householdId: 'hh_1', householdMemberId: 'hm_2', createdAt: 2_000 })
      const forWang = order({ residentId: 'u_res', householdId: 'hh_1', householdMemberId: 'hm_1', createdAt: 3_000 })
      await w(async (x) => {
        await x.orders.insert(forZhang)
        await x.orders.insert(forWang)
        await x.orders.insert(order({ residentId: 'u_res', createdAt: 4_000 }))
        await x.orders.insert(order({ residentId: 'hm_9', householdId: 'hh_2', householdMemberId: 'hm_9', createdAt: 5_000 }))
      })
      expect(await r((x) => x.orders.get(forZhang.id))).toEqual(forZhang)
      const page = await r((x) => x.orders.list({ communityId: C1, householdId: 'hh_1', limit: 20 }))
      expect(ids(page.items)).toEqual([forWang.id, forZhang.id])
      expect((await r((x) => x.orders.list({ communityId: C2, householdId: 'hh_1', limit: 20 }))).items).toEqual([])
    })

    it('writes nothing of a transaction that fails', async () => {
      await expect(
        w(async (x) => {
          await x.households.save(household('hh_1'))
          await x.households.addVisit(visit('v_1', 'hh_1', 1_000))
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await r((x) => x.households.get('hh_1'))).toBeNull()
      expect(await r((x) => x.households.visitsOf('hh_1'))).toEqual([])
    })
  })
}
