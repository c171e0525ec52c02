// Sign-in on better-sqlite3: sessions at their token, WeChat OPENIDs at the OPENID.
import type { IdentityRepo, Session } from '../../core/ports'
import { type Statements, insertInto, int, rowMapper, text, uniquely } from './sql'

const SESSION = rowMapper<Session>({ token: text, userId: text, createdAt: int, lastSeenAt: int })

export function createIdentityRepo(q: Statements): IdentityRepo {
  return {
    async session(token) {
      return SESSION.one(q('SELECT * FROM sessions WHERE token = ?').get(token))
    },
    async createSession(session) {
      uniquely('session exists', () => q(insertInto('sessions', SESSION.columns)).run(SESSION.params(session)))
    },
    async touchSession(token, at) {
      q('UPDATE sessions SET last_seen_at = ? WHERE token = ?').run(at, token)
    },
    async endSession(token) {
      q('DELETE FROM sessions WHERE token = ?').run(token)
    },
    async endSessionsOf(userId) {
      q('DELETE FROM sessions WHERE user_id = ?').run(userId)
    },
    async userForOpenId(openId) {
      const row = q('SELECT user_id FROM identities WHERE open_id = ?').get(openId) as { user_id: string } | undefined
      return row?.user_id ?? null
    },
    async openIdOf(userId) {
      const row = q('SELECT open_id FROM identities WHERE user_id = ? ORDER BY open_id LIMIT 1').get(userId) as
        | { open_id: string }
        | undefined
      return row?.open_id ?? null
    },
    async bindOpenId(openId, userId) {
      uniquely(`identity ${openId} exists`, () => q('INSERT INTO identities (open_id, user_id) VALUES (?, ?)').run(openId, userId))
    },
    async forget(userId) {
      q('DELETE FROM sessions WHERE user_id = ?').run(userId)
      q('DELETE FROM identities WHERE user_id = ?').run(userId)
    },
  }
}
