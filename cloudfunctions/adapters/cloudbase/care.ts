// 结对帮扶 on CloudBase: pairs versioned at their ids in `care_pairs`, the care tasks done at theirs in
// `care_records`, with the SQLite adapter's semantics (a pair's `memberIds` array matches one member).
import type { CareRecord, Pair } from '../../core/domain/model'
import type { CareRepo } from '../../core/ports'
import { byId, fromDoc, saveVersioned, toDoc } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toPair = (d: Doc) => fromDoc<Pair>(d, 'id')
const toRecord = (d: Doc) => fromDoc<CareRecord>(d, 'id')

export function createCareRepo(scope: Scope): CareRepo {
  return {
    pair: (id) => byId(scope, 'care_pairs', id, toPair),
    async savePair(p) {
      let doc = toDoc(p.id, p, 'id')
      if (p.version > 1) {
        // a pair never moves to another household or community
        const current = await scope.get('care_pairs', p.id)
        if (current) doc = { ...doc, communityId: current.communityId, householdId: current.householdId }
      }
      await saveVersioned(scope, 'care_pairs', doc, p.version, `pair ${p.id}`)
    },
    async pairsOfHousehold(householdId) {
      const docs = await scope.queryAll('care_pairs', {
        where: [eq('householdId', householdId)],
        sort: [
          ['pairedAt', 'desc'],
          ['_id', 'desc'],
        ],
      })
      return docs.map(toPair)
    },
    async pairsOfMember(communityId, memberId) {
      const docs = await scope.queryAll('care_pairs', {
        where: [eq('communityId', communityId), eq('status', 'active'), eq('memberIds', memberId)],
        sort: [['nextDueAt', 'asc']],
      })
      return docs.map(toPair)
    },
    async pairsOfCommunity(communityId) {
      const docs = await scope.queryAll('care_pairs', {
        where: [eq('communityId', communityId)],
        sort: [['pairedAt', 'asc']],
      })
      return docs.map(toPair)
    },
    async addRecord(r) {
      await scope.insert('care_records', toDoc(r.id, r, 'id'), `care record ${r.id}`)
    },
    record: (id) => byId(scope, 'care_records', id, toRecord),
    async setRecordPhotos(id, photos) {
      const current = await scope.get('care_records', id)
      if (current) await scope.put('care_records', { ...current, photos })
    },
    async recordsOfHousehold(householdId) {
      const docs = await scope.queryAll('care_records', {
        where: [eq('householdId', householdId)],
        sort: [
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      })
      return docs.map(toRecord)
    },
    async recordsOfMember(communityId, memberId) {
      const docs = await scope.queryAll('care_records', {
        where: [eq('memberId', memberId), eq('communityId', communityId)],
        sort: [
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      })
      return docs.map(toRecord)
    },
  }
}
