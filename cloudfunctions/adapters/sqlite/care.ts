// 结对帮扶 on better-sqlite3: pairs (versioned rows, members as JSON) and the care tasks done.
import type { CareCadence, CareKind } from '@shared/enums'
import type { CareRecord, Pair } from '../../core/domain/model'
import type { CareRepo } from '../../core/ports'
import { type Statements, assignments, insertInto, int, intOrNull, jsonOf, oneOf, rowMapper, text, textOrNull } from './sql'
import { uniquely, versioned } from './sql'

const PAIR = rowMapper<Pair>({
  id: text,
  communityId: text,
  householdId: text,
  gridId: text,
  memberIds: jsonOf<string[]>(),
  kind: oneOf<CareKind>(),
  cadence: oneOf<CareCadence>(),
  nextDueAt: int,
  lastCareAt: intOrNull,
  tasksDone: int,
  status: oneOf<Pair['status']>(),
  pairedBy: text,
  pairedAt: int,
  endedBy: textOrNull,
  endedAt: intOrNull,
  version: int,
})

const RECORD = rowMapper<CareRecord>({
  id: text,
  pairId: text,
  householdId: text,
  communityId: text,
  memberId: text,
  dueAt: int,
  at: int,
  report: text,
  photos: jsonOf<string[]>(),
  points: int,
})

// a pair never moves to another household or community
const UPDATE = `UPDATE care_pairs SET ${assignments(PAIR.columns.filter((c) => !['id', 'community_id', 'household_id'].includes(c)))} WHERE id = @id AND version = @version - 1`

export function createCareRepo(q: Statements): CareRepo {
  return {
    async pair(id) {
      return PAIR.one(q('SELECT * FROM care_pairs WHERE id = ?').get(id))
    },
    async savePair(p) {
      if (p.version === 1) uniquely(`pair ${p.id} exists`, () => q(insertInto('care_pairs', PAIR.columns)).run(PAIR.params(p)))
      else versioned(`pair ${p.id} changed`, () => q(UPDATE).run(PAIR.params(p)))
    },
    async pairsOfHousehold(householdId) {
      return PAIR.all(q('SELECT * FROM care_pairs WHERE household_id = ? ORDER BY paired_at DESC, id DESC').all(householdId))
    },
    async pairsOfMember(communityId, memberId) {
      return PAIR.all(
        q(
          `SELECT * FROM care_pairs WHERE community_id = ? AND status = 'active'
             AND EXISTS (SELECT 1 FROM json_each(care_pairs.member_ids) WHERE value = ?) ORDER BY next_due_at, id`,
        ).all(communityId, memberId),
      )
    },
    async pairsOfCommunity(communityId) {
      return PAIR.all(q('SELECT * FROM care_pairs WHERE community_id = ? ORDER BY paired_at, id').all(communityId))
    },
    async addRecord(r) {
      uniquely(`care record ${r.id} exists`, () => q(insertInto('care_records', RECORD.columns)).run(RECORD.params(r)))
    },
    async record(id) {
      return RECORD.one(q('SELECT * FROM care_records WHERE id = ?').get(id))
    },
    async setRecordPhotos(id, photos) {
      q('UPDATE care_records SET photos = ? WHERE id = ?').run(JSON.stringify(photos), id)
    },
    async recordsOfHousehold(householdId) {
      return RECORD.all(q('SELECT * FROM care_records WHERE household_id = ? ORDER BY at DESC, id DESC').all(householdId))
    },
    async recordsOfMember(communityId, memberId) {
      const sql = 'SELECT * FROM care_records WHERE member_id = ? AND community_id = ? ORDER BY at DESC, id DESC'
      return RECORD.all(q(sql).all(memberId, communityId))
    },
  }
}
