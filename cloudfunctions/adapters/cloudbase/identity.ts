// Sign-in on CloudBase: a session at its token's hash, an invitation at its link's, a password at the
// login, a passkey at its credential id, an OPENID binding at the OPENID (`identities`). Lookups by
// person read committed data; every write is a single-document operation in the transaction.
import type { IdentityRepo, Invitation, Passkey, PasskeyChallenge, PasswordCredential, Session } from '../../core/ports'
import { WriteConflict } from '../../core/ports'
import { byId, fromDoc, num, str, toDoc } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toSession = (d: Doc): Session => ({
  id: d._id,
  userId: d.userId as string,
  createdAt: d.createdAt as number,
  lastSeenAt: d.lastSeenAt as number,
})
const toInvitation = (d: Doc): Invitation => ({
  id: d._id,
  userId: str(d.userId),
  communityId: str(d.communityId),
  createdBy: str(d.createdBy),
  createdAt: d.createdAt as number,
  expiresAt: d.expiresAt as number,
  usedAt: num(d.usedAt),
})
const toCredential = (d: Doc): PasswordCredential => ({
  login: d._id,
  userId: d.userId as string,
  hash: d.hash as string,
  updatedAt: d.updatedAt as number,
})
const toPasskey = (d: Doc): Passkey => ({ ...fromDoc<Omit<Passkey, 'id'>>(d), id: d._id, lastUsedAt: num(d.lastUsedAt) })

type PersonCollection = 'sessions' | 'identities' | 'credentials' | 'passkeys' | 'invitations' | 'passkey_challenges'

export function createIdentityRepo(scope: Scope): IdentityRepo {
  const ofPerson = (collection: PersonCollection, userId: string) => scope.queryAll(collection, { where: [eq('userId', userId)], sort: [] })
  const removeAllOf = async (collection: PersonCollection, userId: string) => {
    for (const d of await ofPerson(collection, userId)) await scope.remove(collection, d._id)
  }
  return {
    session: (id) => byId(scope, 'sessions', id, toSession),
    async createSession(session) {
      await scope.insert('sessions', toDoc(session.id, session, 'id'), 'session')
    },
    async touchSession(id, at) {
      await scope.patch('sessions', id, { lastSeenAt: at })
    },
    async endSession(id) {
      await scope.remove('sessions', id)
    },
    endSessionsOf: (userId) => removeAllOf('sessions', userId),
    async idleSessions(before, limit) {
      const docs = await scope.query(
        'sessions',
        { where: [{ f: 'lastSeenAt', op: 'lt', v: before }], sort: [['lastSeenAt', 'asc']] },
        limit,
      )
      return docs.map((d) => d._id)
    },
    invitation: (id) => byId(scope, 'invitations', id, toInvitation),
    async saveInvitation(invitation, isNew) {
      if (isNew) await scope.insert('invitations', toDoc(invitation.id, invitation, 'id'), 'invitation')
      else await scope.patch('invitations', invitation.id, { usedAt: invitation.usedAt })
    },
    async credentialOf(userId) {
      const [d] = await ofPerson('credentials', userId)
      return d ? toCredential(d) : null
    },
    credentialByLogin: (login) => byId(scope, 'credentials', login, toCredential),
    async saveCredential(credential) {
      const held = await scope.get('credentials', credential.login)
      if (held && held.userId !== credential.userId) throw new WriteConflict(`login ${credential.login} taken`)
      for (const d of await ofPerson('credentials', credential.userId))
        if (d._id !== credential.login) await scope.remove('credentials', d._id)
      await scope.put('credentials', toDoc(credential.login, credential, 'login'))
    },
    passkey: (id) => byId(scope, 'passkeys', id, toPasskey),
    async passkeysOf(userId) {
      return (await scope.queryAll('passkeys', { where: [eq('userId', userId)], sort: [['createdAt', 'asc']] })).map(toPasskey)
    },
    async savePasskey(passkey, isNew) {
      if (isNew) await scope.insert('passkeys', toDoc(passkey.id, passkey, 'id'), 'passkey')
      else await scope.patch('passkeys', passkey.id, { counter: passkey.counter, lastUsedAt: passkey.lastUsedAt })
    },
    async saveChallenge(challenge: PasskeyChallenge) {
      await scope.put('passkey_challenges', toDoc(challenge.id, challenge, 'id'))
    },
    async takeChallenge(id) {
      const found = await byId(scope, 'passkey_challenges', id, (d) => ({
        ...fromDoc<Omit<PasskeyChallenge, 'id'>>(d),
        id: d._id,
        userId: str(d.userId),
      }))
      if (found) await scope.remove('passkey_challenges', id)
      return found
    },
    async userForOpenId(openId) {
      if (!openId) return null
      const userId = str((await scope.get('identities', openId))?.userId)
      return userId || null
    },
    async openIdOf(userId) {
      const [bound] = await scope.query('identities', { where: [eq('userId', userId)], sort: [] }, 1)
      return bound ? bound._id : null
    },
    async bindOpenId(openId, userId) {
      await scope.insert('identities', { _id: openId, userId }, `identity ${openId}`)
    },
    async forget(userId) {
      for (const c of ['sessions', 'identities', 'credentials', 'passkeys', 'invitations', 'passkey_challenges'] as const)
        await removeAllOf(c, userId)
    },
  }
}
