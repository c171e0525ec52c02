// Communities, grids and buildings on better-sqlite3, with each community's points rules and their audit trail.
import type { Building, Community, Grid, RulesChange, Street } from '../../core/domain/model'
import { DEFAULT_RULES, type PointsRules, storedRules } from '../../core/domain/rules'
import type { PlaceRepo } from '../../core/ports'
import { type Statements, insertInto, int, jsonOf, jsonOrNull, named, rowMapper, text, textOrNull } from './sql'

const COMMUNITY = rowMapper<Community>({ id: text, name: text, streetId: textOrNull })
const STREET = rowMapper<Street>({ id: text, name: text })
const GRID = rowMapper<Grid>({ id: text, communityId: text, name: text })
const BUILDING = rowMapper<Building>({ id: text, communityId: text, gridId: text, name: text })
const RULES_CHANGE = rowMapper<RulesChange>({
  communityId: text,
  by: named('by_user', text),
  at: int,
  before: jsonOrNull<PointsRules>(),
  rules: named('after', jsonOf(DEFAULT_RULES)),
})

export function createPlaceRepo(q: Statements): PlaceRepo {
  return {
    async community(id) {
      return COMMUNITY.one(q('SELECT * FROM communities WHERE id = ?').get(id))
    },
    async grid(id) {
      return GRID.one(q('SELECT * FROM grids WHERE id = ?').get(id))
    },
    async building(id) {
      return BUILDING.one(q('SELECT * FROM buildings WHERE id = ?').get(id))
    },
    async rules(communityId) {
      const r = q('SELECT rules FROM communities WHERE id = ?').get(communityId) as { rules: string | null } | undefined
      return r?.rules ? storedRules(JSON.parse(r.rules)) : null
    },
    async lastRulesChange(communityId) {
      return RULES_CHANGE.one(q('SELECT * FROM rules_audit WHERE community_id = ? ORDER BY seq DESC LIMIT 1').get(communityId))
    },
    async saveRules(change) {
      const audit = RULES_CHANGE.params(change)
      q('UPDATE communities SET rules = @after WHERE id = @community_id').run(audit)
      q(insertInto('rules_audit', RULES_CHANGE.columns)).run(audit)
    },
    async grids(communityId) {
      return GRID.all(q('SELECT * FROM grids WHERE community_id = ? ORDER BY name, id').all(communityId))
    },
    async buildings(communityId) {
      return BUILDING.all(q('SELECT * FROM buildings WHERE community_id = ? ORDER BY name, id').all(communityId))
    },
    async communities() {
      return COMMUNITY.all(q('SELECT id, name FROM communities ORDER BY name, id').all())
    },
    async saveCommunity(community) {
      // the street is saveStreet's: a new community has none, a renamed one keeps its own
      q('INSERT INTO communities (id, name) VALUES (@id, @name) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run({
        id: community.id,
        name: community.name,
      })
    },
    async saveGrid(grid) {
      q(
        'INSERT INTO grids (id, community_id, name) VALUES (@id, @community_id, @name) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
      ).run(GRID.params(grid))
    },
    async street(id) {
      return STREET.one(q('SELECT * FROM streets WHERE id = ?').get(id))
    },
    async streetCommunities(streetId) {
      return COMMUNITY.all(q('SELECT * FROM communities WHERE street_id = ? ORDER BY name, id').all(streetId))
    },
    async saveStreet(street, communityIds) {
      q('INSERT INTO streets (id, name) VALUES (@id, @name) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run(STREET.params(street))
      for (const id of communityIds) q('UPDATE communities SET street_id = ? WHERE id = ?').run(street.id, id)
    },
    async saveBuilding(building) {
      q(
        `INSERT INTO buildings (id, community_id, grid_id, name) VALUES (@id, @community_id, @grid_id, @name)
         ON CONFLICT (id) DO UPDATE SET grid_id = excluded.grid_id, name = excluded.name`,
      ).run(BUILDING.params(building))
    },
  }
}
