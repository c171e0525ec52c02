// The workbench's records on better-sqlite3: registrations, staff cards, 三评 and its links, 晒服务
// consent. Versioned rows check `version - 1` as orders do; each write names one row by its key.
import type Database from 'better-sqlite3'
import type { Evaluation, EvaluationLink, Registration, ShowcaseConsent, StaffCard } from '../../core/domain/model'
import type { WorkbenchRepo } from '../../core/ports'
import { WriteConflict } from '../../core/ports'
import { type Row, uniquely, json } from './sql'

const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
const num = (v: unknown) => (typeof v === 'number' ? v : null)

const toRegistration = (r: Row): Registration => ({
  userId: r.user_id as string,
  communityId: r.community_id as string,
  kind: r.kind as Registration['kind'],
  status: r.status as Registration['status'],
  name: r.name as string,
  phone: str(r.phone),
  buildingId: str(r.building_id),
  gridId: str(r.grid_id),
  room: str(r.room),
  member: json(r.member, null),
  submittedAt: r.submitted_at as number,
  decidedAt: num(r.decided_at),
  decidedBy: str(r.decided_by),
  reason: str(r.reason),
  version: r.version as number,
})

const registrationParams = (r: Registration) => ({
  user_id: r.userId,
  kind: r.kind,
  community_id: r.communityId,
  status: r.status,
  name: r.name,
  phone: r.phone,
  building_id: r.buildingId,
  grid_id: r.gridId,
  room: r.room,
  member: r.member ? JSON.stringify(r.member) : null,
  submitted_at: r.submittedAt,
  decided_at: r.decidedAt,
  decided_by: r.decidedBy,
  reason: r.reason,
  version: r.version,
})
const REGISTRATION_COLUMNS = Object.keys(registrationParams({} as Registration))

const toCard = (r: Row): StaffCard => ({
  userId: r.user_id as string,
  communityId: r.community_id as string,
  gridId: r.grid_id as string,
  title: r.title as string,
  duties: r.duties as string,
  pledge: r.pledge as string,
  photo: str(r.photo),
  updatedAt: r.updated_at as number,
})

const toEvaluation = (r: Row): Evaluation => ({
  memberId: r.member_id as string,
  communityId: r.community_id as string,
  year: r.year as number,
  self: json(r.self, null),
  community: json(r.community, null),
  branch: json(r.branch, null),
  version: r.version as number,
})

const toLink = (r: Row): EvaluationLink => ({
  tokenHash: r.token_hash as string,
  memberId: r.member_id as string,
  communityId: r.community_id as string,
  year: r.year as number,
  createdBy: r.created_by as string,
  createdAt: r.created_at as number,
  expiresAt: r.expires_at as number,
  usedAt: num(r.used_at),
})

const toConsent = (r: Row): ShowcaseConsent => ({
  orderId: r.order_id as string,
  communityId: r.community_id as string,
  gridId: str(r.grid_id),
  consent: r.consent === 1,
  at: r.at as number,
})

export function createWorkbenchRepo(db: Database.Database): WorkbenchRepo {
  const q = {
    registration: db.prepare('SELECT * FROM registrations WHERE user_id = ? AND kind = ?'),
    insertRegistration: db.prepare(
      `INSERT INTO registrations (${REGISTRATION_COLUMNS.join(', ')}) VALUES (${REGISTRATION_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
    updateRegistration: db.prepare(
      `UPDATE registrations SET ${REGISTRATION_COLUMNS.filter((c) => c !== 'user_id' && c !== 'kind' && c !== 'community_id')
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE user_id = @user_id AND kind = @kind AND version = @version - 1`,
    ),
    pending: db.prepare(
      `SELECT * FROM registrations WHERE community_id = @community AND status = 'pending' AND (@kind IS NULL OR kind = @kind)
       ORDER BY submitted_at, user_id, kind`,
    ),
    card: db.prepare('SELECT * FROM staff_cards WHERE user_id = ?'),
    putCard: db.prepare(
      `INSERT INTO staff_cards (user_id, community_id, grid_id, title, duties, pledge, photo, updated_at)
       VALUES (@userId, @communityId, @gridId, @title, @duties, @pledge, @photo, @updatedAt)
       ON CONFLICT (user_id) DO UPDATE SET grid_id = excluded.grid_id, title = excluded.title, duties = excluded.duties,
       pledge = excluded.pledge, photo = excluded.photo, updated_at = excluded.updated_at`,
    ),
    cards: db.prepare('SELECT * FROM staff_cards WHERE grid_id = ? ORDER BY user_id'),
    evaluation: db.prepare('SELECT * FROM evaluations WHERE member_id = ? AND year = ?'),
    insertEvaluation: db.prepare(
      `INSERT INTO evaluations (member_id, year, community_id, self, community, branch, version)
       VALUES (@memberId, @year, @communityId, @self, @community, @branch, @version)`,
    ),
    updateEvaluation: db.prepare(
      `UPDATE evaluations SET self = @self, community = @community, branch = @branch, version = @version
       WHERE member_id = @memberId AND year = @year AND version = @version - 1`,
    ),
    evaluations: db.prepare('SELECT * FROM evaluations WHERE community_id = ? AND year = ? ORDER BY member_id'),
    link: db.prepare('SELECT * FROM evaluation_links WHERE token_hash = ?'),
    putLink: db.prepare(
      `INSERT INTO evaluation_links (token_hash, member_id, community_id, year, created_by, created_at, expires_at, used_at)
       VALUES (@tokenHash, @memberId, @communityId, @year, @createdBy, @createdAt, @expiresAt, @usedAt)
       ON CONFLICT (token_hash) DO UPDATE SET used_at = excluded.used_at`,
    ),
    consent: db.prepare('SELECT * FROM showcase_consents WHERE order_id = ?'),
    putConsent: db.prepare(
      `INSERT INTO showcase_consents (order_id, community_id, grid_id, consent, at) VALUES (@orderId, @communityId, @gridId, @consent, @at)
       ON CONFLICT (order_id) DO UPDATE SET consent = excluded.consent, at = excluded.at`,
    ),
    consented: db.prepare('SELECT * FROM showcase_consents WHERE grid_id = ? AND consent = 1 ORDER BY at DESC, order_id DESC LIMIT ?'),
  }

  return {
    async registration(userId, kind) {
      const r = q.registration.get(userId, kind) as Row | undefined
      return r ? toRegistration(r) : null
    },
    async saveRegistration(r) {
      const params = registrationParams(r)
      if (r.version === 1) {
        return uniquely(`registration ${r.userId}:${r.kind} exists`, () => q.insertRegistration.run(params))
      }
      if (q.updateRegistration.run(params).changes !== 1) throw new WriteConflict(`registration ${r.userId}:${r.kind} changed`)
    },
    async pendingRegistrations(communityId, kind) {
      return (q.pending.all({ community: communityId, kind: kind ?? null }) as Row[]).map(toRegistration)
    },
    async staffCard(userId) {
      const r = q.card.get(userId) as Row | undefined
      return r ? toCard(r) : null
    },
    async saveStaffCard(card) {
      q.putCard.run(card)
    },
    async staffCards(gridId) {
      return (q.cards.all(gridId) as Row[]).map(toCard)
    },
    async evaluation(memberId, year) {
      const r = q.evaluation.get(memberId, year) as Row | undefined
      return r ? toEvaluation(r) : null
    },
    async saveEvaluation(e) {
      const params = {
        memberId: e.memberId,
        year: e.year,
        communityId: e.communityId,
        self: e.self ? JSON.stringify(e.self) : null,
        community: e.community ? JSON.stringify(e.community) : null,
        branch: e.branch ? JSON.stringify(e.branch) : null,
        version: e.version,
      }
      if (e.version === 1) {
        return uniquely(`evaluation ${e.memberId}:${e.year} exists`, () => q.insertEvaluation.run(params))
      }
      if (q.updateEvaluation.run(params).changes !== 1) throw new WriteConflict(`evaluation ${e.memberId}:${e.year} changed`)
    },
    async evaluations(communityId, year) {
      return (q.evaluations.all(communityId, year) as Row[]).map(toEvaluation)
    },
    async evaluationLink(tokenHash) {
      const r = q.link.get(tokenHash) as Row | undefined
      return r ? toLink(r) : null
    },
    async saveEvaluationLink(link) {
      q.putLink.run(link)
    },
    async consent(orderId) {
      const r = q.consent.get(orderId) as Row | undefined
      return r ? toConsent(r) : null
    },
    async saveConsent(c) {
      q.putConsent.run({ ...c, consent: c.consent ? 1 : 0 })
    },
    async consented(gridId, limit) {
      return (q.consented.all(gridId, limit) as Row[]).map(toConsent)
    },
  }
}
