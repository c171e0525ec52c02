// 一户一档 on CloudBase: households versioned at their ids in `households`, visits at theirs in
// `visits`, with the SQLite adapter's semantics.
import type { Household, Visit } from '../../core/domain/model'
import type { HouseholdRepo } from '../../core/ports'
import { byId, fromDoc, saveVersioned, toDoc } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toHousehold = (d: Doc) => fromDoc<Household>(d, 'id')
const toVisit = (d: Doc) => fromDoc<Visit>(d, 'id')

export function createHouseholdRepo(scope: Scope): HouseholdRepo {
  return {
    get: (id) => byId(scope, 'households', id, toHousehold),
    async save(h) {
      let doc = toDoc(h.id, h, 'id')
      if (h.version > 1) {
        // a household never moves to another community
        const current = await scope.get('households', h.id)
        if (current) doc = { ...doc, communityId: current.communityId }
      }
      await saveVersioned(scope, 'households', doc, h.version, `household ${h.id}`)
    },
    async ofCommunity(communityId) {
      const docs = await scope.queryAll('households', {
        where: [eq('communityId', communityId)],
        sort: [
          ['buildingId', 'asc'],
          ['room', 'asc'],
        ],
      })
      return docs.map(toHousehold)
    },
    async dueBy(communityId, at) {
      const docs = await scope.queryAll('households', {
        where: [eq('communityId', communityId), { f: 'visitDueAt', op: 'lte', v: at }],
        sort: [['visitDueAt', 'asc']],
      })
      return docs.map(toHousehold)
    },
    async addVisit(v) {
      await scope.insert('visits', toDoc(v.id, v, 'id'), `visit ${v.id}`)
    },
    async visitsOf(householdId) {
      const docs = await scope.queryAll('visits', {
        where: [eq('householdId', householdId)],
        sort: [
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      })
      return docs.map(toVisit)
    },
    async redactVisit(visitId, found) {
      await scope.patch('visits', visitId, { found })
    },
  }
}
