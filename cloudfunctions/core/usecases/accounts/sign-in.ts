// The self-hosted door (DESIGN.md §10): staff invite a registered person with a one-time link; the
// person sets a password with it (a new invitation resets it, signing them out everywhere); then they
// sign in with their phone number and password. A new server's one-time setup link makes the community
// and its first admin. Failed sign-ins count per account and per client address apart.
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { AcceptInviteInput, InvitationLink, SetupCommunityInput, SignInInput, SignedIn } from '@shared/accounts'
import { type Actor, GUEST, assertNotSelf, isStaff } from '../../domain/access'
import { AppError, conflict, forbidden, invalid, notFound } from '../../domain/errors'
import type { User } from '../../domain/model'
import type { Ctx, Invitation } from '../../ports'
import { WriteConflict } from '../../ports'
import { getMe } from './me'
import { newPerson } from '../../domain/onboarding'
import { openSession } from './sessions'

const DAY = 24 * 3600_000
/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * DAY
/** How long a setup link works (the server prints a new one at each start until the community exists). */
export const SETUP_TTL_MS = DAY

/** The page that takes an invitation, and the one that takes a setup link (mini-program paths; H5 routes to them). */
export const ACCEPT_PAGE = '/account/accept/index'
export const SETUP_PAGE = '/account/setup/index'

/** What the store keeps of a link's token: its SHA-256 (the token is 256 random bits). */
export const linkIdOf = (token: string) => createHash('sha256').update(token).digest('base64url')

const newLinkToken = (ctx: Ctx) => Buffer.from(ctx.ids.randomBytes(32)).toString('base64url')

const WRONG = '手机号或密码不对'
const LINK_GONE = '链接无效或已过期，请向社区工作人员索取新的链接'

/** accounts.invite: staff invite a person of their community to set a password; only an admin invites staff. */
export async function invite(ctx: Ctx, actor: Actor, input: { userId: string }): Promise<InvitationLink> {
  const user = await ctx.repos.users.get(input.userId)
  if (!user || user.communityId !== actor.communityId) throw notFound('没有找到这个人')
  assertNotSelf(actor, user.id, '不能邀请自己，请其他工作人员邀请')
  // resetting a staff member's password is taking over their powers: an admin's call
  if (isStaff(user) && !actor.roles.includes('admin')) throw forbidden('工作人员的登录邀请只能由管理员发出')
  if (user.roles.length === 0) throw conflict('这个账号已注销或还没通过登记审核，不能邀请登录')
  if (!user.phone) throw invalid('userId', '这个人还没有登记手机号，请先补上手机号')
  const holder = await ctx.repos.identity.credentialByLogin(user.phone)
  if (holder && holder.userId !== user.id) throw conflict('这个手机号已被另一个账号用于登录')
  const token = newLinkToken(ctx)
  const now = ctx.clock.now()
  const invitation: Invitation = {
    id: linkIdOf(token),
    userId: user.id,
    communityId: user.communityId,
    createdBy: actor.userId || null,
    createdAt: now,
    expiresAt: now + INVITATION_TTL_MS,
    usedAt: null,
  }
  await ctx.repos.identity.saveInvitation(invitation, true)
  return {
    userId: user.id,
    name: user.name,
    path: `${ACCEPT_PAGE}?token=${token}`,
    token,
    expiresAt: new Date(invitation.expiresAt).toISOString(),
  }
}

/** An open invitation or setup link, or NOT_FOUND in the same words whatever is wrong with it. */
async function openLink(ctx: Ctx, token: string, kind: 'invitation' | 'setup'): Promise<Invitation> {
  const link = await ctx.repos.identity.invitation(linkIdOf(token))
  if (!link || link.expiresAt <= ctx.clock.now() || (link.userId === null) !== (kind === 'setup')) throw notFound(LINK_GONE)
  return link
}

/**
 * accounts.acceptInvite: sets the person's password (replacing one they had: every session of theirs
 * ends) and signs them in. Nothing of it is stored for a repeat (the edge's `secret`): a repeat with
 * the password it set signs in again; any other finds the link used.
 */
export async function acceptInvite(ctx: Ctx, _actor: Actor, input: z.output<typeof AcceptInviteInput>): Promise<SignedIn> {
  const link = await openLink(ctx, input.token, 'invitation')
  const user = await ctx.repos.users.get(link.userId as string)
  if (!user || user.roles.length === 0 || !user.phone) throw notFound(LINK_GONE)
  if (link.usedAt !== null) {
    const mine = await ctx.repos.identity.credentialOf(user.id)
    if (mine && input.password && (await ctx.passwords.verify(input.password, mine.hash))) return signedIn(ctx, user)
    throw conflict('这个链接已经用过了，请用手机号和密码登录')
  }
  if (!input.password) throw invalid('password', '请设置密码')
  if (input.password.includes(user.phone)) throw invalid('password', '密码不能包含手机号')
  const now = ctx.clock.now()
  try {
    await ctx.repos.identity.saveCredential({
      userId: user.id,
      login: user.phone,
      hash: await ctx.passwords.hash(input.password),
      updatedAt: now,
    })
  } catch (e) {
    if (e instanceof WriteConflict) throw conflict('这个手机号已被另一个账号用于登录，请联系社区工作人员')
    throw e
  }
  await ctx.repos.identity.endSessionsOf(user.id)
  await ctx.repos.identity.saveInvitation({ ...link, usedAt: now }, false)
  return signedIn(ctx, user)
}

/** accounts.signIn: the phone number and the password; failures count per account and per address, apart. */
export async function signIn(ctx: Ctx, actor: Actor, input: z.output<typeof SignInInput>): Promise<SignedIn> {
  const account = `signin:${input.login}`
  const address = actor.address ? `signin-from:${actor.address}` : null
  await ctx.signIns.account.assertAllowed(account)
  if (address) await ctx.signIns.address.assertAllowed(address)
  const credential = await ctx.repos.identity.credentialByLogin(input.login)
  const user = credential ? await ctx.repos.users.get(credential.userId) : null
  // an unknown number costs the same hash as a known one: the answer's time does not say who has an account
  const matches = await ctx.passwords.verify(input.password, credential?.hash ?? UNKNOWN_ACCOUNT)
  if (!credential || !matches || !user || user.roles.length === 0) {
    // counted outside the transaction (the limiter keeps its own state), so the refusal still counts
    await ctx.signIns.account.recordFailure(account)
    if (address) await ctx.signIns.address.recordFailure(address)
    throw new AppError('UNAUTHENTICATED', WRONG)
  }
  if (ctx.passwords.outdated(credential.hash)) {
    await ctx.repos.identity.saveCredential({ ...credential, hash: await ctx.passwords.hash(input.password), updatedAt: ctx.clock.now() })
  }
  return signedIn(ctx, user)
}

/** A well-formed hash nobody's password matches (its key is zeros), at production cost. */
const UNKNOWN_ACCOUNT = `scrypt$${2 ** 16}$8$2$${'A'.repeat(22)}$${'A'.repeat(43)}`

/**
 * WeChat's door for an invitation: an OPENID nobody is bound to opens the link in the mini-program and
 * becomes the invited person (the cloud's admins, set up by `npm run setup -- --cloud`). No password:
 * WeChat vouches for the OPENID.
 */
export async function bindInvitation(ctx: Ctx, openId: string, token: string): Promise<{ userId: string }> {
  const link = await openLink(ctx, token, 'invitation')
  const user = await ctx.repos.users.get(link.userId as string)
  if (!user || user.roles.length === 0) throw notFound(LINK_GONE)
  if (link.usedAt !== null) throw conflict('这个链接已经用过了')
  await ctx.repos.identity.bindOpenId(openId, user.id)
  await ctx.repos.identity.saveInvitation({ ...link, usedAt: ctx.clock.now() }, false)
  return { userId: user.id }
}

/**
 * accounts.setupCommunity: the one-time setup link (printed by a new server) makes the community and
 * its first admin, with a password, and signs them in.
 */
export async function setupCommunity(ctx: Ctx, _actor: Actor, input: z.output<typeof SetupCommunityInput>): Promise<SignedIn> {
  const link = await openLink(ctx, input.token, 'setup')
  if (link.usedAt !== null) {
    const credential = await ctx.repos.identity.credentialByLogin(input.phone)
    const user = credential ? await ctx.repos.users.get(credential.userId) : null
    if (credential && user && (await ctx.passwords.verify(input.password, credential.hash))) return signedIn(ctx, user)
    throw conflict('这个设置链接已经用过了，请用手机号和密码登录')
  }
  if (input.password.includes(input.phone)) throw invalid('password', '密码不能包含手机号')
  // a link naming no community is a new server's: it works while the server has none
  if (!link.communityId && (await ctx.repos.places.communities()).length > 0) throw notFound(LINK_GONE)
  await ctx.guard.check(input.communityName, 'communityName', GUEST)
  await ctx.guard.check(input.name, 'name', GUEST)
  const now = ctx.clock.now()
  const communityId = link.communityId ?? ctx.ids.next('c')
  await ctx.repos.places.saveCommunity({ id: communityId, name: input.communityName })
  const admin = newPerson({
    id: ctx.ids.next('u'),
    communityId,
    name: input.name,
    phone: input.phone,
    roles: ['admin', 'staff'],
    createdAt: now,
  })
  await ctx.repos.users.insert(admin)
  try {
    await ctx.repos.identity.saveCredential({
      userId: admin.id,
      login: admin.phone as string,
      hash: await ctx.passwords.hash(input.password),
      updatedAt: now,
    })
  } catch (e) {
    if (e instanceof WriteConflict) throw conflict('这个手机号已被另一个账号用于登录')
    throw e
  }
  await ctx.repos.identity.saveInvitation({ ...link, communityId, usedAt: now }, false)
  return signedIn(ctx, admin)
}

/**
 * A setup link for a new community's first admin: the server prints one naming no community while it
 * has none; the setup tool makes one naming the community it is to create (the cloud's many). Returns
 * the token, shown once.
 */
export async function createSetupLink(
  ctx: Ctx,
  communityId: string | null = null,
): Promise<{ token: string; path: string; expiresAt: number }> {
  const token = newLinkToken(ctx)
  const now = ctx.clock.now()
  const expiresAt = now + SETUP_TTL_MS
  await ctx.repos.identity.saveInvitation(
    { id: linkIdOf(token), userId: null, communityId, createdBy: null, createdAt: now, expiresAt, usedAt: null },
    true,
  )
  return { token, path: `${SETUP_PAGE}?token=${token}`, expiresAt }
}

async function signedIn(ctx: Ctx, user: User): Promise<SignedIn> {
  const session = await openSession(ctx, user.id)
  const actor: Actor = { userId: user.id, communityId: user.communityId, roles: user.roles, name: user.name }
  return { ...session, user: await getMe(ctx, actor) }
}
