// The bearer-token door (the local gateway): who a token signs in. A session's last-seen time is
// refreshed now and then, so idle sessions can be told apart (and expire, next).
import type { Clock, UnitOfWork } from '../../ports'

/** How stale a session's last-seen time may grow before a call refreshes it: a write per session an hour, not one per call. */
export const LAST_SEEN_EVERY_MS = 60 * 60_000

/** The person a bearer token signs in, or null when it names no session. */
export async function sessionUser(uow: UnitOfWork, clock: Clock, token: string): Promise<string | null> {
  const session = await uow.read((repos) => repos.identity.session(token))
  if (!session) return null
  const now = clock.now()
  if (now - session.lastSeenAt >= LAST_SEEN_EVERY_MS) await uow.write((repos) => repos.identity.touchSession(token, now))
  return session.userId
}
