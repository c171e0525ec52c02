// Sign-in on better-sqlite3: sessions at their token's hash, invitations at theirs, passwords at the
// login, passkeys at their credential id, WeChat OPENIDs at the OPENID.
import {
  type IdentityRepo,
  type Invitation,
  type Passkey,
  type PasskeyChallenge,
  type PasswordCredential,
  type Session,
  WriteConflict,
} from '../../core/ports'
import { type Statements, assignments, insertInto, int, intOrNull, jsonOf, pluck, rowMapper, text, textOrNull, uniquely } from './sql'

const SESSION = rowMapper<Session>({ id: text, userId: text, createdAt: int, lastSeenAt: int })
const INVITATION = rowMapper<Invitation>({
  id: text,
  userId: textOrNull,
  communityId: textOrNull,
  createdBy: textOrNull,
  createdAt: int,
  expiresAt: int,
  usedAt: intOrNull,
})
const CREDENTIAL = rowMapper<PasswordCredential>({ userId: text, login: text, hash: text, updatedAt: int })
const PASSKEY = rowMapper<Passkey>({
  id: text,
  userId: text,
  publicKey: text,
  counter: int,
  transports: jsonOf<string[]>([]),
  createdAt: int,
  lastUsedAt: intOrNull,
})
const CHALLENGE = rowMapper<PasskeyChallenge>({ id: text, challenge: text, userId: textOrNull, expiresAt: int })

export function createIdentityRepo(q: Statements): IdentityRepo {
  return {
    async session(id) {
      return SESSION.one(q('SELECT * FROM sessions WHERE id = ?').get(id))
    },
    async createSession(session) {
      uniquely('session exists', () => q(insertInto('sessions', SESSION.columns)).run(SESSION.params(session)))
    },
    async touchSession(id, at) {
      q('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(at, id)
    },
    async endSession(id) {
      q('DELETE FROM sessions WHERE id = ?').run(id)
    },
    async endSessionsOf(userId) {
      q('DELETE FROM sessions WHERE user_id = ?').run(userId)
    },
    async idleSessions(before, limit) {
      return pluck(q('SELECT id FROM sessions WHERE last_seen_at < ? ORDER BY last_seen_at, id LIMIT ?').all(before, limit))
    },
    async invitation(id) {
      return INVITATION.one(q('SELECT * FROM invitations WHERE id = ?').get(id))
    },
    async saveInvitation(invitation, isNew) {
      const params = INVITATION.params(invitation)
      if (isNew) uniquely('invitation exists', () => q(insertInto('invitations', INVITATION.columns)).run(params))
      else q('UPDATE invitations SET used_at = @used_at WHERE id = @id').run(params)
    },
    async credentialOf(userId) {
      return CREDENTIAL.one(q('SELECT * FROM credentials WHERE user_id = ?').get(userId))
    },
    async credentialByLogin(login) {
      return CREDENTIAL.one(q('SELECT * FROM credentials WHERE login = ?').get(login))
    },
    async saveCredential(credential) {
      const held = CREDENTIAL.one(q('SELECT * FROM credentials WHERE login = ?').get(credential.login))
      if (held && held.userId !== credential.userId) throw new WriteConflict(`login ${credential.login} taken`)
      q('DELETE FROM credentials WHERE user_id = ?').run(credential.userId)
      q(insertInto('credentials', CREDENTIAL.columns)).run(CREDENTIAL.params(credential))
    },
    async passkey(id) {
      return PASSKEY.one(q('SELECT * FROM passkeys WHERE id = ?').get(id))
    },
    async passkeysOf(userId) {
      return PASSKEY.all(q('SELECT * FROM passkeys WHERE user_id = ? ORDER BY created_at, id').all(userId))
    },
    async savePasskey(passkey, isNew) {
      const params = PASSKEY.params(passkey)
      if (isNew) uniquely('passkey exists', () => q(insertInto('passkeys', PASSKEY.columns)).run(params))
      else q(`UPDATE passkeys SET ${assignments(['counter', 'last_used_at'])} WHERE id = @id`).run(params)
    },
    async saveChallenge(challenge) {
      q(`${insertInto('passkey_challenges', CHALLENGE.columns)} ON CONFLICT (id) DO NOTHING`).run(CHALLENGE.params(challenge))
    },
    async takeChallenge(id) {
      const found = CHALLENGE.one(q('SELECT * FROM passkey_challenges WHERE id = ?').get(id))
      q('DELETE FROM passkey_challenges WHERE id = ?').run(id)
      return found
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
      for (const table of ['sessions', 'identities', 'credentials', 'passkeys', 'invitations', 'passkey_challenges'])
        q(`DELETE FROM ${table} WHERE user_id = ?`).run(userId)
    },
  }
}
