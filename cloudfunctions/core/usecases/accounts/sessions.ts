// The bearer-token doors' one session (DESIGN.md §10): a token the client holds, kept on the server only
// as its hash; sliding expiry — idle for SESSION_IDLE_MS it has ended, and none lives past SESSION_MAX_MS.
// A session's last-seen time is refreshed now and then, not on every call.
import { createHash } from 'node:crypto'
import type { Ctx, UnitOfWork, Clock, Ids, Repos } from '../../ports'

const DAY = 24 * 3600_000
/** A session unused this long has ended (sliding: every use moves it on). */
export const SESSION_IDLE_MS = 30 * DAY
/** However much it is used, a session ends this long after sign-in. */
export const SESSION_MAX_MS = 180 * DAY
/** How stale a session's last-seen time may grow before a call refreshes it: a write per session an hour, not one per call. */
export const LAST_SEEN_EVERY_MS = 60 * 60_000

/** What the store keeps of a token: its SHA-256 (the token is 256 random bits: no salt or slow hash needed). */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url')

const expired = (s: { createdAt: number; lastSeenAt: number }, now: number) =>
  now - s.lastSeenAt >= SESSION_IDLE_MS || now - s.createdAt >= SESSION_MAX_MS

/** Opens a session for `userId` in the caller's transaction; the token goes to the client, its hash to the store. */
export async function openSession(ctx: { repos: Repos; clock: Clock; ids: Ids }, userId: string) {
  const token = Buffer.from(ctx.ids.randomBytes(32)).toString('base64url')
  const now = ctx.clock.now()
  await ctx.repos.identity.createSession({ id: sessionIdOf(token), userId, createdAt: now, lastSeenAt: now })
  return { token, expiresAt: new Date(now + SESSION_IDLE_MS).toISOString() }
}

/** The person a bearer token signs in and the session it names, or null when it names none (or one that has ended). */
export async function sessionUser(uow: UnitOfWork, clock: Clock, token: string): Promise<{ userId: string; sessionId: string } | null> {
  const id = sessionIdOf(token)
  const session = await uow.read((repos) => repos.identity.session(id))
  if (!session) return null
  const now = clock.now()
  if (expired(session, now)) {
    await uow.write((repos) => repos.identity.endSession(id))
    return null
  }
  if (now - session.lastSeenAt >= LAST_SEEN_EVERY_MS) await uow.write((repos) => repos.identity.touchSession(id, now))
  return { userId: session.userId, sessionId: id }
}

/** Scheduler: ends one session that has gone idle (re-read in the transaction: a call may have just used it). */
export async function endIdleSession(ctx: Ctx, id: string): Promise<boolean> {
  const session = await ctx.repos.identity.session(id)
  if (!session || !expired(session, ctx.clock.now())) return false
  await ctx.repos.identity.endSession(id)
  return true
}

/** accounts.signOut: ends the session the call came through (nothing to end in WeChat, where there is none). */
export async function signOut(ctx: Ctx, actor: { sessionId?: string }): Promise<{ signedOut: true }> {
  if (actor.sessionId) await ctx.repos.identity.endSession(actor.sessionId)
  return { signedOut: true }
}

/** accounts.signOutEverywhere: every session of the caller ends, this one too. */
export async function signOutEverywhere(ctx: Ctx, actor: { userId: string }): Promise<{ signedOut: true }> {
  await ctx.repos.identity.endSessionsOf(actor.userId)
  return { signedOut: true }
}

/** The cut-off for `idleSessions`: sessions last seen before it may have ended (SESSION_MAX_MS is checked one by one). */
export const idleBefore = (now: number) => now - SESSION_IDLE_MS
