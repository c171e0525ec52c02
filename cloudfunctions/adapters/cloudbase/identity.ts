// Sign-in on CloudBase: a session at its token, an OPENID binding at the OPENID (`identities`, the
// layout the console setup in docs/deploy-cloudbase.md writes by hand). Lookups by person read
// committed data; removals are single-document operations in the transaction.
import type { IdentityRepo, Session } from '../../core/ports'
import { byId, str } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toSession = (d: Doc): Session => ({
  token: d._id,
  userId: d.userId as string,
  createdAt: d.createdAt as number,
  lastSeenAt: d.lastSeenAt as number,
})

export function createIdentityRepo(scope: Scope): IdentityRepo {
  const removeAllOf = async (collection: 'sessions' | 'identities', userId: string) => {
    for (const d of await scope.queryAll(collection, { where: [eq('userId', userId)], sort: [] })) await scope.remove(collection, d._id)
  }
  return {
    session: (token) => byId(scope, 'sessions', token, toSession),
    async createSession({ token, ...session }) {
      await scope.insert('sessions', { ...session, _id: token }, 'session')
    },
    async touchSession(token, at) {
      await scope.patch('sessions', token, { lastSeenAt: at })
    },
    async endSession(token) {
      await scope.remove('sessions', token)
    },
    endSessionsOf: (userId) => removeAllOf('sessions', userId),
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
      await removeAllOf('sessions', userId)
      await removeAllOf('identities', userId)
    },
  }
}
