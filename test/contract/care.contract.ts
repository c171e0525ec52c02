// The repository contract for 结对帮扶 (pairs and the care tasks done): written once, run on every
// adapter that can run here — SQLite (care-sqlite.test.ts) and the CloudBase adapter on the real
// node-sdk (cloudbase.test.ts: the emulator, or a live environment).
import type { CareRecord, Household, Pair } from '../../cloudfunctions/core/domain/model'
import { WriteConflict } from '../../cloudfunctions/core/ports'
import { type ContractAdapter, FIXTURES, idsOf, seededStore } from './repos.contract'

const C1 = FIXTURES.communities[0].id
const C2 = FIXTURES.communities[1].id

const household = (id: string, communityId = C1): Household => ({
  id,
  communityId,
  gridId: 'g_1',
  buildingId: 'b_1',
  room: `${id} 室`,
  members: [{ id: `hm_${id}`, residentId: null, name: '王秀兰', relation: '本人', ageBand: 'aged', phone: null }],
  tags: ['alone'],
  consent: { by: '王秀兰', method: 'oral', at: 1_000, recordedBy: 'u_staff' },
  note: '',
  lastVisitAt: null,
  visitDueAt: 10_000,
  createdBy: 'u_staff',
  createdAt: 1_000,
  updatedAt: 1_000,
  version: 1,
})

const pair = (id: string, householdId: string, over: Partial<Pair> = {}): Pair => ({
  id,
  communityId: C1,
  householdId,
  gridId: 'g_1',
  memberIds: ['u_m1'],
  kind: 'visit',
  cadence: 'weekly',
  nextDueAt: 5_000,
  lastCareAt: null,
  tasksDone: 0,
  status: 'active',
  pairedBy: 'u_staff',
  pairedAt: 1_000,
  endedBy: null,
  endedAt: null,
  version: 1,
  ...over,
})

const record = (id: string, pairId: string, householdId: string, at: number): CareRecord => ({
  id,
  pairId,
  householdId,
  communityId: C1,
  memberId: 'u_m1',
  dueAt: at - 100,
  at,
  report: '陪老人聊了一个小时，收拾了厨房',
  photos: ['f_1', 'f_2'],
  points: 10,
})

export function careContract(adapter: ContractAdapter) {
  describe(`care repository contract: ${adapter.name}`, () => {
    const { w, r } = seededStore(adapter)
    const ids = idsOf

    it('stores a pair as given, versioned: a second version 1 or a stale version is a WriteConflict', async () => {
      const p = pair('pr_1', 'hh_1', { memberIds: ['u_m1', 'u_m2'] })
      await w(async (x) => {
        await x.households.save(household('hh_1'))
        await x.care.savePair(p)
      })
      expect(await r((x) => x.care.pair('pr_1'))).toEqual(p)
      expect(await r((x) => x.care.pair('pr_none'))).toBeNull()
      await expect(w((x) => x.care.savePair(pair('pr_1', 'hh_1')))).rejects.toBeInstanceOf(WriteConflict)
      const closed = { ...p, nextDueAt: 9_000, lastCareAt: 4_000, tasksDone: 1, version: 2 }
      await w((x) => x.care.savePair(closed))
      expect(await r((x) => x.care.pair('pr_1'))).toEqual(closed)
      // the partner closing the same task from the version they read: refused
      await expect(w((x) => x.care.savePair({ ...p, tasksDone: 1, version: 2 }))).rejects.toBeInstanceOf(WriteConflict)
      // a pair never moves to another household or community
      await w((x) => x.care.savePair({ ...closed, communityId: C2, householdId: 'hh_x', version: 3 }))
      expect(await r((x) => x.care.pair('pr_1'))).toMatchObject({ communityId: C1, householdId: 'hh_1', version: 3 })
    })

    it('finds a household’s pairs newest first, a member’s active ones soonest due first, a community’s all', async () => {
      await w(async (x) => {
        for (const id of ['hh_1', 'hh_2', 'hh_3']) await x.households.save(household(id))
        await x.households.save(household('hh_far', C2))
        await x.care.savePair(pair('pr_old', 'hh_1', { pairedAt: 1_000, status: 'ended', endedBy: 'u_staff', endedAt: 2_000 }))
        await x.care.savePair(pair('pr_new', 'hh_1', { pairedAt: 3_000, nextDueAt: 9_000, memberIds: ['u_m2', 'u_m1'] }))
        await x.care.savePair(pair('pr_two', 'hh_2', { pairedAt: 2_000, nextDueAt: 6_000 }))
        await x.care.savePair(pair('pr_three', 'hh_3', { pairedAt: 2_500, memberIds: ['u_m3'] }))
        await x.care.savePair(pair('pr_far', 'hh_far', { communityId: C2, memberIds: ['u_m1'] }))
      })
      expect(ids(await r((x) => x.care.pairsOfHousehold('hh_1')))).toEqual(['pr_new', 'pr_old'])
      expect(ids(await r((x) => x.care.pairsOfMember(C1, 'u_m1')))).toEqual(['pr_two', 'pr_new'])
      expect(ids(await r((x) => x.care.pairsOfMember(C1, 'u_m2')))).toEqual(['pr_new'])
      expect(ids(await r((x) => x.care.pairsOfMember(C1, 'u_m')))).toEqual([])
      expect(ids(await r((x) => x.care.pairsOfCommunity(C1)))).toEqual(['pr_old', 'pr_two', 'pr_three', 'pr_new'])
      expect(ids(await r((x) => x.care.pairsOfCommunity(C2)))).toEqual(['pr_far'])
    })

    it('adds care records once each and lists a household’s newest first', async () => {
      await w(async (x) => {
        await x.households.save(household('hh_1'))
        await x.households.save(household('hh_2'))
        await x.care.savePair(pair('pr_1', 'hh_1'))
        await x.care.savePair(pair('pr_2', 'hh_2'))
        await x.care.addRecord(record('cr_1', 'pr_1', 'hh_1', 1_000))
        await x.care.addRecord(record('cr_2', 'pr_1', 'hh_1', 3_000))
        await x.care.addRecord(record('cr_3', 'pr_2', 'hh_2', 2_000))
      })
      expect(ids(await r((x) => x.care.recordsOfHousehold('hh_1')))).toEqual(['cr_2', 'cr_1'])
      // a member's, across households, newest first; another member's and another community's are not theirs
      await w(async (x) => {
        await x.care.addRecord({ ...record('cr_4', 'pr_2', 'hh_2', 4_000), memberId: 'u_m2' })
        await x.care.addRecord({ ...record('cr_5', 'pr_2', 'hh_2', 5_000), communityId: C2 })
      })
      expect(ids(await r((x) => x.care.recordsOfMember(C1, 'u_m1')))).toEqual(['cr_2', 'cr_3', 'cr_1'])
      expect(ids(await r((x) => x.care.recordsOfMember(C1, 'u_m2')))).toEqual(['cr_4'])
      expect(ids(await r((x) => x.care.recordsOfMember(C2, 'u_m1')))).toEqual(['cr_5'])
      expect(await r((x) => x.care.record('cr_3'))).toEqual(record('cr_3', 'pr_2', 'hh_2', 2_000))
      expect(await r((x) => x.care.record('cr_none'))).toBeNull()
      await expect(w((x) => x.care.addRecord(record('cr_1', 'pr_1', 'hh_1', 9_000)))).rejects.toBeInstanceOf(WriteConflict)
      // a photo that failed the check leaves the record, the rest of it stays
      await w((x) => x.care.setRecordPhotos('cr_1', ['f_2']))
      expect(await r((x) => x.care.record('cr_1'))).toEqual({ ...record('cr_1', 'pr_1', 'hh_1', 1_000), photos: ['f_2'] })
    })

    it('writes nothing of a transaction that fails', async () => {
      await expect(
        w(async (x) => {
          await x.households.save(household('hh_1'))
          await x.care.savePair(pair('pr_1', 'hh_1'))
          await x.care.addRecord(record('cr_1', 'pr_1', 'hh_1', 1_000))
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(await r((x) => x.care.pair('pr_1'))).toBeNull()
      expect(await r((x) => x.care.recordsOfHousehold('hh_1'))).toEqual([])
    })
  })
}
