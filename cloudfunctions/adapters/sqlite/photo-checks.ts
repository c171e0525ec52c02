// Photos sent to WeChat's asynchronous check, on better-sqlite3 (the contract suite runs it; local mode
// checks uploads as they arrive and never sends one).
import type { PhotoCheck, PhotoPlace, PhotoVerdict } from '../../core/domain/model'
import type { PhotoCheckRepo } from '../../core/ports'
import { type Statements, assignments, insertInto, int, intOrNull, jsonOf, oneOf, rowMapper, text } from './sql'

const CHECK = rowMapper<PhotoCheck>({
  traceId: text,
  fileId: text,
  ownerId: text,
  communityId: text,
  place: jsonOf<PhotoPlace>(),
  verdict: oneOf<PhotoVerdict>(),
  label: intOrNull,
  submittedAt: int,
  decidedAt: intOrNull,
})

export function createPhotoCheckRepo(q: Statements): PhotoCheckRepo {
  const upsert = `${insertInto('photo_checks', CHECK.columns)} ON CONFLICT (trace_id) DO UPDATE SET ${assignments(
    CHECK.columns.filter((c) => c !== 'trace_id'),
  )}`
  return {
    async get(traceId) {
      return CHECK.one(q('SELECT * FROM photo_checks WHERE trace_id = ?').get(traceId))
    },
    async save(check) {
      q(upsert).run(CHECK.params(check))
    },
    async flaggedOf(ownerId) {
      return CHECK.all(
        q(`SELECT * FROM photo_checks WHERE owner_id = ? AND verdict IN ('review', 'risky') ORDER BY submitted_at DESC, trace_id DESC`).all(
          ownerId,
        ),
      )
    },
    async forget(ownerId) {
      q('DELETE FROM photo_checks WHERE owner_id = ?').run(ownerId)
    },
  }
}
