// Communities, grids and buildings on CloudBase, with each community's points rules inline and their
// audit trail at `communityId:seq`, so two concurrent saves cannot both land.
import type { Building, Community, Grid, RulesChange, Street } from '../../core/domain/model'
import { storedRules } from '../../core/domain/rules'
import type { PlaceRepo } from '../../core/ports'
import { byId, str } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toCommunity = (d: Doc): Community => ({ id: d._id, name: d.name as string, streetId: str(d.streetId) })
const toStreet = (d: Doc): Street => ({ id: d._id, name: d.name as string })
const toGrid = (d: Doc): Grid => ({ id: d._id, communityId: d.communityId as string, name: d.name as string })
const toBuilding = (d: Doc): Building => ({
  id: d._id,
  communityId: d.communityId as string,
  gridId: d.gridId as string,
  name: d.name as string,
})

/** Rule-change audit ids sort by sequence within a community. */
const auditId = (communityId: string, seq: number) => `${communityId}:${String(seq).padStart(10, '0')}`

const rulesSeqOf = (community: Doc | null) => (typeof community?.rulesSeq === 'number' ? community.rulesSeq : 0)

export function createPlaceRepo(scope: Scope): PlaceRepo {
  return {
    community: (id) => byId(scope, 'communities', id, toCommunity),
    grid: (id) => byId(scope, 'grids', id, toGrid),
    building: (id) => byId(scope, 'buildings', id, toBuilding),
    async rules(communityId) {
      const d = await scope.get('communities', communityId)
      return d?.rules ? storedRules(d.rules) : null
    },
    async lastRulesChange(communityId) {
      const seq = rulesSeqOf(await scope.get('communities', communityId))
      if (!seq) return null
      return byId(
        scope,
        'rules_audit',
        auditId(communityId, seq),
        (d): RulesChange => ({
          communityId,
          by: d.by as string,
          at: d.at as number,
          before: (d.before as RulesChange['before']) ?? null,
          rules: storedRules(d.after),
        }),
      )
    },
    async saveRules(change) {
      const c = await scope.get('communities', change.communityId)
      if (!c) return // SQLite's UPDATE of a missing community changes nothing either
      const seq = rulesSeqOf(c) + 1
      // the audit id is unique per sequence number: two concurrent saves cannot both land
      await scope.insert('rules_audit', {
        _id: auditId(change.communityId, seq),
        communityId: change.communityId,
        seq,
        by: change.by,
        at: change.at,
        before: change.before ?? null,
        after: change.rules,
      })
      await scope.put('communities', { ...c, rules: change.rules, rulesSeq: seq })
    },
    async grids(communityId) {
      return (await scope.queryAll('grids', { where: [eq('communityId', communityId)], sort: [['name', 'asc']] })).map(toGrid)
    },
    async buildings(communityId) {
      return (await scope.queryAll('buildings', { where: [eq('communityId', communityId)], sort: [['name', 'asc']] })).map(toBuilding)
    },
    async saveCommunity(community) {
      // the rules and their sequence live on the same document: keep them
      const current = await scope.get('communities', community.id)
      await scope.put('communities', { ...current, _id: community.id, name: community.name })
    },
    async saveGrid(grid) {
      await scope.put('grids', { _id: grid.id, communityId: grid.communityId, name: grid.name })
    },
    async communities() {
      const all = await scope.queryAll('communities', { where: [], sort: [['name', 'asc']] })
      return all.map(toCommunity)
    },
    street: (id) => byId(scope, 'streets', id, toStreet),
    async streetCommunities(streetId) {
      const docs = await scope.queryAll('communities', { where: [eq('streetId', streetId)], sort: [['name', 'asc']] })
      return docs.map(toCommunity)
    },
    async saveStreet(street, communityIds) {
      await scope.put('streets', { _id: street.id, name: street.name })
      // one document per community: each write stays a single-document operation in the transaction
      for (const id of communityIds) await scope.patch('communities', id, { streetId: street.id })
    },
    async saveBuilding(building) {
      await scope.put('buildings', { _id: building.id, communityId: building.communityId, gridId: building.gridId, name: building.name })
    },
  }
}
