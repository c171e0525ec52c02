// The workbench's records on better-sqlite3: registrations, staff cards, 三评 and its links, 晒服务
// consent. Versioned rows check `version - 1` as orders do; each write names one row by its key.
import type { Evaluation, EvaluationEntry, EvaluationLink, Registration } from '../../core/domain/model'
import type { ShowcaseConsent, StaffCard } from '../../core/domain/model'
import type { WorkbenchRepo } from '../../core/ports'
import { type Statements, assignments, flag, insertInto, int, intOrNull, jsonOrNull, oneOf, rowMapper, text, textOrNull } from './sql'
import { uniquely, versioned } from './sql'
import { MEMBER } from './users'

const REGISTRATION = rowMapper<Registration>({
  userId: text,
  communityId: text,
  kind: oneOf<Registration['kind']>(),
  status: oneOf<Registration['status']>(),
  name: text,
  phone: textOrNull,
  buildingId: textOrNull,
  gridId: textOrNull,
  room: textOrNull,
  member: MEMBER,
  submittedAt: int,
  decidedAt: intOrNull,
  decidedBy: textOrNull,
  reason: textOrNull,
  version: int,
})

const CARD = rowMapper<StaffCard>({
  userId: text,
  communityId: text,
  gridId: text,
  title: text,
  duties: text,
  pledge: text,
  photo: textOrNull,
  updatedAt: int,
})

const EVALUATION = rowMapper<Evaluation>({
  memberId: text,
  communityId: text,
  year: int,
  self: jsonOrNull<EvaluationEntry>(),
  community: jsonOrNull<EvaluationEntry>(),
  branch: jsonOrNull<EvaluationEntry>(),
  version: int,
})

const LINK = rowMapper<EvaluationLink>({
  tokenHash: text,
  memberId: text,
  communityId: text,
  year: int,
  createdBy: text,
  createdAt: int,
  expiresAt: int,
  usedAt: intOrNull,
})

const CONSENT = rowMapper<ShowcaseConsent>({ orderId: text, communityId: text, gridId: textOrNull, consent: flag, at: int })

const UPDATE_REGISTRATION = `UPDATE registrations SET ${assignments(
  REGISTRATION.columns.filter((c) => !['user_id', 'kind', 'community_id'].includes(c)),
)} WHERE user_id = @user_id AND kind = @kind AND version = @version - 1`

export function createWorkbenchRepo(q: Statements): WorkbenchRepo {
  return {
    async registration(userId, kind) {
      return REGISTRATION.one(q('SELECT * FROM registrations WHERE user_id = ? AND kind = ?').get(userId, kind))
    },
    async saveRegistration(r) {
      const params = REGISTRATION.params(r)
      if (r.version === 1) {
        return uniquely(`registration ${r.userId}:${r.kind} exists`, () => q(insertInto('registrations', REGISTRATION.columns)).run(params))
      }
      versioned(`registration ${r.userId}:${r.kind} changed`, () => q(UPDATE_REGISTRATION).run(params))
    },
    async pendingRegistrations(communityId, kind) {
      const sql = `SELECT * FROM registrations WHERE community_id = @community AND status = 'pending' AND (@kind IS NULL OR kind = @kind)
         ORDER BY submitted_at, user_id, kind`
      return REGISTRATION.all(q(sql).all({ community: communityId, kind: kind ?? null }))
    },
    async staffCard(userId) {
      return CARD.one(q('SELECT * FROM staff_cards WHERE user_id = ?').get(userId))
    },
    async saveStaffCard(card) {
      q(
        `${insertInto('staff_cards', CARD.columns)}
         ON CONFLICT (user_id) DO UPDATE SET grid_id = excluded.grid_id, title = excluded.title, duties = excluded.duties,
         pledge = excluded.pledge, photo = excluded.photo, updated_at = excluded.updated_at`,
      ).run(CARD.params(card))
    },
    async staffCards(gridId) {
      return CARD.all(q('SELECT * FROM staff_cards WHERE grid_id = ? ORDER BY user_id').all(gridId))
    },
    async evaluation(memberId, year) {
      return EVALUATION.one(q('SELECT * FROM evaluations WHERE member_id = ? AND year = ?').get(memberId, year))
    },
    async saveEvaluation(e) {
      const params = EVALUATION.params(e)
      if (e.version === 1) {
        return uniquely(`evaluation ${e.memberId}:${e.year} exists`, () => q(insertInto('evaluations', EVALUATION.columns)).run(params))
      }
      const sql = `UPDATE evaluations SET self = @self, community = @community, branch = @branch, version = @version
         WHERE member_id = @member_id AND year = @year AND version = @version - 1`
      versioned(`evaluation ${e.memberId}:${e.year} changed`, () => q(sql).run(params))
    },
    async evaluations(communityId, year) {
      return EVALUATION.all(q('SELECT * FROM evaluations WHERE community_id = ? AND year = ? ORDER BY member_id').all(communityId, year))
    },
    async evaluationLink(tokenHash) {
      return LINK.one(q('SELECT * FROM evaluation_links WHERE token_hash = ?').get(tokenHash))
    },
    async saveEvaluationLink(link) {
      q(`${insertInto('evaluation_links', LINK.columns)} ON CONFLICT (token_hash) DO UPDATE SET used_at = excluded.used_at`).run(
        LINK.params(link),
      )
    },
    async consent(orderId) {
      return CONSENT.one(q('SELECT * FROM showcase_consents WHERE order_id = ?').get(orderId))
    },
    async saveConsent(consent) {
      q(
        `${insertInto('showcase_consents', CONSENT.columns)} ON CONFLICT (order_id) DO UPDATE SET consent = excluded.consent, at = excluded.at`,
      ).run(CONSENT.params(consent))
    },
    async consented(gridId, limit) {
      const sql = 'SELECT * FROM showcase_consents WHERE grid_id = ? AND consent = 1 ORDER BY at DESC, order_id DESC LIMIT ?'
      return CONSENT.all(q(sql).all(gridId, limit))
    },
  }
}
