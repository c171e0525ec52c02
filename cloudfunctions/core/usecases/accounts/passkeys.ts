// Passkeys on the self-hosted door (DESIGN.md §10): a person signed in with their password may add a
// passkey, and then sign in with it instead. Each ceremony answers a challenge the server handed out:
// stored with whose it is (registering) or nobody's (signing in), good for a few minutes, taken by the
// answer that uses it (a refused answer rolls back with its transaction, so the challenge stays for the
// right answer until it expires; the local tick sweeps those never answered). The password stays: a
// browser offers passkeys only over https or on localhost.
import type { z } from 'zod'
import type { PasskeyAnswerInput, PasskeyChallengeView, PasskeyView, RemovePasskeyInput, SignedIn } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import { AppError, conflict, invalid, notFound } from '../../domain/errors'
import type { Ctx, Passkey, PasskeyChallenge, PasskeyVerifier } from '../../ports'
import { WriteConflict } from '../../ports'
import { signedIn } from './sign-in'

/** How long a challenge may be answered: a browser's prompt times out after one minute. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000

const WRONG = '通行密钥不对，请用密码登录'
const STALE = '已过期，请重试'

const verifierOf = (ctx: Ctx): PasskeyVerifier => {
  if (!ctx.passkeys) throw conflict('这里不能用通行密钥')
  return ctx.passkeys
}

async function newChallenge(ctx: Ctx, userId: string | null): Promise<PasskeyChallenge> {
  const challenge = Buffer.from(ctx.ids.randomBytes(32)).toString('base64url')
  const stored = { id: ctx.ids.next('pkc'), challenge, userId, expiresAt: ctx.clock.now() + PASSKEY_CHALLENGE_TTL_MS }
  await ctx.repos.identity.saveChallenge(stored)
  return stored
}

/** The challenge `challengeId` names, taken, when it is still open and meant for `userId` (null: a sign-in). */
async function takeOpenChallenge(ctx: Ctx, challengeId: string, userId: string | null): Promise<PasskeyChallenge | null> {
  const taken = await ctx.repos.identity.takeChallenge(challengeId)
  return taken && taken.userId === userId && taken.expiresAt > ctx.clock.now() ? taken : null
}

const viewOf = (p: Passkey): PasskeyView => ({
  id: p.id,
  createdAt: new Date(p.createdAt).toISOString(),
  lastUsedAt: p.lastUsedAt === null ? null : new Date(p.lastUsedAt).toISOString(),
})

/** accounts.passkeyRegistrationOptions: a challenge for the caller's browser to make a passkey with. */
export async function passkeyRegistrationOptions(ctx: Ctx, actor: Actor): Promise<PasskeyChallengeView> {
  const verifier = verifierOf(ctx)
  const user = await ctx.repos.users.get(actor.userId)
  const credential = await ctx.repos.identity.credentialOf(actor.userId)
  // the password is the way back in where passkeys do not work: none is added without one
  if (!user || !credential) throw conflict('请先设置密码')
  const existing = (await ctx.repos.identity.passkeysOf(user.id)).map((p) => p.id)
  const { id, challenge } = await newChallenge(ctx, user.id)
  return { challengeId: id, options: await verifier.registrationOptions({ id: user.id, name: credential.login }, existing, challenge) }
}

/** accounts.addPasskey: the browser's new passkey, answering the caller's own open challenge. */
export async function addPasskey(ctx: Ctx, actor: Actor, input: z.output<typeof PasskeyAnswerInput>): Promise<PasskeyView> {
  const verifier = verifierOf(ctx)
  const challenge = await takeOpenChallenge(ctx, input.challengeId, actor.userId)
  if (!challenge) throw invalid('challengeId', STALE)
  const registered = await verifier.verifyRegistration(input.response, challenge.challenge)
  if (!registered) throw invalid('response', '没有通过验证，请重试')
  const passkey: Passkey = { ...registered, userId: actor.userId, createdAt: ctx.clock.now(), lastUsedAt: null }
  try {
    await ctx.repos.identity.savePasskey(passkey, true)
  } catch (e) {
    if (e instanceof WriteConflict) throw conflict('已经添加过了')
    throw e
  }
  return viewOf(passkey)
}

/** accounts.passkeySignInOptions: a challenge for whoever signs in with a passkey. */
export async function passkeySignInOptions(ctx: Ctx, actor: Actor): Promise<PasskeyChallengeView> {
  const verifier = verifierOf(ctx)
  // an address locked out of signing in gets no challenges either
  if (actor.address) await ctx.signIns.address.assertAllowed(`signin-from:${actor.address}`)
  const { id, challenge } = await newChallenge(ctx, null)
  return { challengeId: id, options: await verifier.authenticationOptions(challenge) }
}

/**
 * accounts.signInWithPasskey: an answer signed by one of the site's passkeys opens a session for its
 * person, as signIn does. Failures count as signIn's do: per account (the passkey's person's login) and
 * per address.
 */
export async function signInWithPasskey(ctx: Ctx, actor: Actor, input: z.output<typeof PasskeyAnswerInput>): Promise<SignedIn> {
  const verifier = verifierOf(ctx)
  const address = actor.address ? `signin-from:${actor.address}` : null
  if (address) await ctx.signIns.address.assertAllowed(address)
  const credentialId = verifier.credentialIdOf(input.response)
  const passkey = credentialId ? await ctx.repos.identity.passkey(credentialId) : null
  const login = passkey ? await ctx.repos.identity.credentialOf(passkey.userId) : null
  const account = passkey ? `signin:${login?.login ?? passkey.userId}` : null
  if (account) await ctx.signIns.account.assertAllowed(account)
  const challenge = await takeOpenChallenge(ctx, input.challengeId, null)
  const user = passkey ? await ctx.repos.users.get(passkey.userId) : null
  const verified = challenge && passkey ? await verifier.verifyAuthentication(input.response, challenge.challenge, passkey) : null
  if (!passkey || !verified || !user || user.roles.length === 0) {
    // counted outside the transaction (the limiter keeps its own state), so the refusal still counts
    if (account) await ctx.signIns.account.recordFailure(account)
    if (address) await ctx.signIns.address.recordFailure(address)
    throw new AppError('UNAUTHENTICATED', challenge ? WRONG : STALE)
  }
  await ctx.repos.identity.savePasskey({ ...passkey, counter: verified.counter, lastUsedAt: ctx.clock.now() }, false)
  return signedIn(ctx, user)
}

/** accounts.passkeys: the caller's passkeys, oldest first. */
export async function listPasskeys(ctx: Ctx, actor: Actor): Promise<{ items: PasskeyView[] }> {
  return { items: (await ctx.repos.identity.passkeysOf(actor.userId)).map(viewOf) }
}

/** accounts.removePasskey: one of the caller's passkeys goes; the browser's copy no longer signs in. */
export async function removePasskey(ctx: Ctx, actor: Actor, input: z.output<typeof RemovePasskeyInput>): Promise<{ id: string }> {
  const passkey = await ctx.repos.identity.passkey(input.id)
  if (!passkey || passkey.userId !== actor.userId) throw notFound()
  await ctx.repos.identity.removePasskey(passkey.id)
  return { id: passkey.id }
}
