// 一户一档 on better-sqlite3: households (versioned rows, people and tags as JSON) and their visits.
import type { Household, HouseholdConsent, HouseholdMember, Visit } from '../../core/domain/model'
import type { HouseholdRepo } from '../../core/ports'
import type { HouseholdTag } from '@shared/enums'
import { type Statements, assignments, insertInto, int, intOrNull, jsonOf, rowMapper, text, textOrNull } from './sql'
import { uniquely, versioned } from './sql'

const HOUSEHOLD = rowMapper<Household>({
  id: text,
  communityId: text,
  gridId: text,
  buildingId: text,
  room: text,
  members: jsonOf<HouseholdMember[]>(),
  tags: jsonOf<HouseholdTag[]>(),
  consent: jsonOf<HouseholdConsent>(),
  note: text,
  lastVisitAt: intOrNull,
  visitDueAt: int,
  createdBy: text,
  createdAt: int,
  updatedAt: int,
  version: int,
})

const VISIT = rowMapper<Visit>({
  id: text,
  householdId: text,
  communityId: text,
  visitorId: text,
  at: int,
  found: text,
  photos: jsonOf<string[]>(),
  orderId: textOrNull,
})

// a household never moves to another community
const UPDATE = `UPDATE households SET ${assignments(HOUSEHOLD.columns.filter((c) => c !== 'id' && c !== 'community_id'))} WHERE id = @id AND version = @version - 1`

export function createHouseholdRepo(q: Statements): HouseholdRepo {
  return {
    async get(id) {
      return HOUSEHOLD.one(q('SELECT * FROM households WHERE id = ?').get(id))
    },
    async save(h) {
      if (h.version === 1)
        uniquely(`household ${h.id} exists`, () => q(insertInto('households', HOUSEHOLD.columns)).run(HOUSEHOLD.params(h)))
      else versioned(`household ${h.id} changed`, () => q(UPDATE).run(HOUSEHOLD.params(h)))
    },
    async ofCommunity(communityId) {
      return HOUSEHOLD.all(q('SELECT * FROM households WHERE community_id = ? ORDER BY building_id, room, id').all(communityId))
    },
    async dueBy(communityId, at) {
      return HOUSEHOLD.all(
        q('SELECT * FROM households WHERE community_id = ? AND visit_due_at <= ? ORDER BY visit_due_at, id').all(communityId, at),
      )
    },
    async addVisit(v) {
      uniquely(`visit ${v.id} exists`, () => q(insertInto('visits', VISIT.columns)).run(VISIT.params(v)))
    },
    async visitsOf(householdId) {
      return VISIT.all(q('SELECT * FROM visits WHERE household_id = ? ORDER BY at DESC, id DESC').all(householdId))
    },
    async redactVisit(visitId, found) {
      q('UPDATE visits SET found = ? WHERE id = ?').run(found, visitId)
    },
  }
}
