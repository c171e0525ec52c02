// 注销账号 (PIPL): erases or anonymises the caller's personal data in one transaction, while what other
// people rely on stays consistent.
//
// Erased: name (→ 已注销用户), phone, home (grid, building, room), member profile, roles, ranking opt-in,
// sign-in (sessions, password, passkeys, invitations, WeChat identities), 订阅消息 grants, photo check
// records, the inbox, stored request responses (their own; and in other people's, every trace of them),
// registrations (name, phone, home — a pending one is withdrawn), their entry on a household's file
// (一户一档: anonymised in place, see anonymiseInHouseholds), a staff
// member's 亮身份 card, the text of their own 自评, consent to show their orders in 晒服务, and every
// photo the caller uploaded (removed from the records that showed them — orders they placed for a
// resident (代办) included — then deleted from storage after the commit).
// Ended, so nobody waits on a person who is gone — each through its own rule, never by editing state:
// orders not yet taken are cancelled (owner's 撤销), orders held as a member go back to the hall (退单, or
// 退回 when only directed), pickups not collected are cancelled with a refund and restock, sign-ups still
// open to withdrawal are withdrawn (the first waiting member moves up).
// Kept, under the anonymised id, because others depend on them (KEPT below): the points ledger and
// account (append-only; balance = Σ ledger), order records and timelines (the members who served are
// paid and evaluated from them), activity sign-ups past their deadline (attendance and awards), redemption
// records (stock and refunds), the scores others gave in 三评, and what a staff member published for the
// community. Exported workbooks expire within a day (adapters/local/exports.ts).
import type { DeleteMeResult } from '@shared/accounts'
import { KEPT } from '@shared/privacy'
import { type Actor, hasRole, isStaff } from '../../domain/access'
import { AppError } from '../../domain/errors'
import type { Order, User } from '../../domain/model'
import type { Ctx } from '../../ports'
import { saveActivity } from '../activities/shared'
import { withdrawActivity } from '../activities/signup'
import { undo } from '../mall/redemptions'
import { transition } from '../orders/shared'
import { yearOf } from '../../domain/time'
import { allOrders, allPages } from './export-my-data'

export const ERASED_NAME = '已注销用户'

/** What is kept for others, and why — returned to the person so they know. */
// what is kept and why, in the words the app shows before (types/privacy.ts)
export { KEPT }

const PAGE = 50

/** What of a person may appear in a text, longest first, and what it becomes: the name, the phone, the home. */
function personalTraces(user: User, buildingName: string | null): Array<[string, string]> {
  const address = buildingName && user.room ? `${buildingName} ${user.room}` : null
  const traces: Array<[string, string]> = [
    [address ?? '', ''],
    [user.room ?? '', ''],
    [user.phone ?? '', ''],
    [user.name, ERASED_NAME],
  ]
  return traces.filter(([text]) => text.length >= 2)
}

/** A stored reply with every trace of the person replaced, wherever it sits in the JSON. */
function scrubbed(value: unknown, traces: Array<[string, string]>): unknown {
  if (typeof value === 'string') return traces.reduce((s, [text, by]) => s.replaceAll(text, by), value)
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, traces))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubbed(v, traces)]))
  return value
}

async function owns(ctx: Ctx, fileId: string, userId: string): Promise<boolean> {
  return ctx.files.assertOwned([fileId], userId, 'photo').then(
    () => true,
    () => false,
  )
}

/** Saves an order's photo fields without a transition (no status change, so no timeline event). */
async function clearPhotos(ctx: Ctx, order: Order, changes: Partial<Order>): Promise<void> {
  await ctx.repos.orders.update({ ...order, ...changes, updatedAt: ctx.clock.now(), version: order.version + 1 })
}

const buildingNameOf = async (ctx: Ctx, user: User) =>
  user.buildingId ? ((await ctx.repos.places.building(user.buildingId))?.name ?? null) : null

/**
 * 一户一档: the person stays in their household's file as an anonymised entry — no account, no name, no
 * phone; relation and age band kept — rather than leaving it: the home and someone living there are the
 * community's to visit still (an 独居 高龄 home keeps its weekly visit; a file without people cannot be
 * kept), and what was placed for them stays with their place in the file. A consent given by them no
 * longer names them; how and when it was given, and who recorded it, stay on record — the next edit of
 * the file names who agrees then, and records that consent anew.
 */
async function anonymiseInHouseholds(ctx: Ctx, user: User, traces: Array<[string, string]>) {
  const theirs = (await ctx.repos.households.ofCommunity(user.communityId)).filter((h) => h.members.some((m) => m.residentId === user.id))
  for (const h of theirs) {
    const members = h.members.map((m) => (m.residentId === user.id ? { ...m, residentId: null, name: ERASED_NAME, phone: null } : m))
    const consent = h.consent.by === user.name ? { ...h.consent, by: ERASED_NAME } : h.consent
    const note = scrubbed(h.note, traces) as string
    await ctx.repos.households.save({ ...h, members, consent, note, updatedAt: ctx.clock.now(), version: h.version + 1 })
    // what the visits found may name them too (written by the visitors: their words stay, the person goes)
    for (const v of await ctx.repos.households.visitsOf(h.id)) {
      const found = scrubbed(v.found, traces) as string
      if (found !== v.found) await ctx.repos.households.redactVisit(v.id, found)
    }
  }
}

export async function deleteMe(ctx: Ctx, actor: Actor, _input: { confirm: true }): Promise<DeleteMeResult> {
  const user = await ctx.repos.users.get(actor.userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  const now = ctx.clock.now()
  const photos = new Set<string>()
  const result: DeleteMeResult = {
    deleted: true,
    cancelledOrders: 0,
    releasedOrders: 0,
    cancelledRedemptions: 0,
    withdrawnSignups: 0,
    deletedNotices: 0,
    deletedPhotos: 0,
    kept: [...KEPT],
  }

  // orders placed as a resident: those nobody has taken are cancelled; every one loses its photos and
  // leaves 晒服务
  for (const o of await allOrders(ctx, { communityId: actor.communityId, residentId: actor.userId })) {
    for (const p of o.photos) photos.add(p)
    const consent = await ctx.repos.workbench.consent(o.id)
    if (consent?.consent) await ctx.repos.workbench.saveConsent({ ...consent, consent: false, at: now })
    const changes = o.photos.length ? { photos: [] } : {}
    if (o.status === 'submitted' || o.status === 'open') {
      await transition(ctx, o, 'cancel', actor, changes, '居民已注销账号')
      result.cancelledOrders += 1
    } else if (o.photos.length) await clearPhotos(ctx, o, changes)
  }

  // orders held as a member: back to the hall; the member's completion photos leave every order
  for (const o of await allOrders(ctx, { communityId: actor.communityId, memberId: actor.userId })) {
    const mine = o.claimerId === actor.userId ? o.completionPhotos : []
    for (const p of mine) photos.add(p)
    const changes = mine.length ? { completionPhotos: [] } : {}
    if (o.status === 'claimed' && o.claimerId === actor.userId) {
      const released = { ...changes, claimerId: null, assigneeId: null, releaseCount: o.releaseCount + 1 }
      await transition(ctx, o, 'release', actor, released, '党员已注销账号')
      result.releasedOrders += 1
    } else if (o.status === 'open' && o.assigneeId === actor.userId && hasRole(actor, 'member')) {
      await transition(ctx, o, 'decline', actor, { assigneeId: null }, '党员已注销账号')
      result.releasedOrders += 1
    } else if (mine.length) await clearPhotos(ctx, o, changes)
  }

  // orders placed for residents (代办): they stay the residents'; the photos the person took leave them
  for (const o of await allOrders(ctx, { communityId: actor.communityId, agentId: actor.userId })) {
    const mine: string[] = []
    for (const p of o.photos) if (await owns(ctx, p, actor.userId)) mine.push(p)
    for (const p of mine) photos.add(p)
    if (mine.length) await clearPhotos(ctx, o, { photos: o.photos.filter((p) => !mine.includes(p)) })
  }

  // pickups not collected: refunded and restocked (the ledger records both, so balances stay true)
  for (const r of await allPages((cursor) => ctx.repos.mall.redemptions(actor.userId, cursor, PAGE))) {
    if (r.status !== 'pending') continue
    await undo(ctx, r, 'cancelled')
    result.cancelledRedemptions += 1
  }

  // sign-ups still open to withdrawal
  if (hasRole(actor, 'member')) {
    for (const s of await allPages((cursor) => ctx.repos.activities.signupsOf(actor.userId, cursor, PAGE))) {
      const a = await ctx.repos.activities.get(s.activityId)
      if (a?.status !== 'published' || a.communityId !== actor.communityId || now >= a.signupDeadline) continue
      await withdrawActivity(ctx, actor, { activityId: a.id })
      result.withdrawnSignups += 1
    }
  }

  // pictures a staff member put on the community's goods and activities
  if (isStaff(actor)) {
    for (const g of await ctx.repos.mall.listGoods(actor.communityId, true)) {
      if (!g.image || !(await owns(ctx, g.image, actor.userId))) continue
      photos.add(g.image)
      await ctx.repos.mall.updateGoods({ ...g, image: null, updatedAt: now, version: g.version + 1 })
    }
    const activities = await allPages((cursor) =>
      ctx.repos.activities.list({ communityId: actor.communityId, order: 'desc', cursor, limit: PAGE }),
    )
    for (const a of activities) {
      if (!a.cover || !(await owns(ctx, a.cover, actor.userId))) continue
      photos.add(a.cover)
      await saveActivity(ctx, a, { cover: null })
    }
  }

  // registrations: the staff's decision stays on record, the person's details do not
  for (const kind of ['resident', 'member'] as const) {
    const r = await ctx.repos.workbench.registration(actor.userId, kind)
    if (!r) continue
    const withdrawn = r.status === 'pending'
    await ctx.repos.workbench.saveRegistration({
      ...r,
      name: ERASED_NAME,
      phone: null,
      buildingId: null,
      gridId: null,
      room: null,
      member: null,
      status: withdrawn ? 'rejected' : r.status,
      decidedAt: withdrawn ? now : r.decidedAt,
      reason: withdrawn ? '申请人已注销账号' : r.reason,
      version: r.version + 1,
    })
  }
  const card = await ctx.repos.workbench.staffCard(actor.userId)
  if (card) {
    if (card.photo) photos.add(card.photo)
    await ctx.repos.workbench.saveStaffCard({ ...card, title: '', duties: '', pledge: '', photo: null, updatedAt: now })
  }
  for (const year of [yearOf(now), yearOf(now) - 1]) {
    const e = await ctx.repos.workbench.evaluation(actor.userId, year)
    if (e?.self?.text) await ctx.repos.workbench.saveEvaluation({ ...e, self: { ...e.self, text: null }, version: e.version + 1 })
  }

  await anonymiseInHouseholds(ctx, user, personalTraces(user, await buildingNameOf(ctx, user)))

  // 结对帮扶: the person leaves the pairs they stand in — a 二对一 goes on with the other member, a pair of
  // one ends (the household shows as 未结对 for staff to pair anew); the care done stays on the record
  for (const pair of await ctx.repos.care.pairsOfMember(actor.communityId, actor.userId)) {
    if (pair.status !== 'active') continue
    const memberIds = pair.memberIds.filter((id) => id !== actor.userId)
    await ctx.repos.care.savePair(
      memberIds.length > 0
        ? { ...pair, memberIds, version: pair.version + 1 }
        : { ...pair, status: 'ended', endedBy: actor.userId, endedAt: now, version: pair.version + 1 },
    )
  }

  const notices = await allPages((cursor) => ctx.repos.inbox.list(actor.userId, cursor, PAGE))
  for (const n of notices) await ctx.repos.inbox.remove(n.id)
  result.deletedNotices = notices.length

  await ctx.repos.users.erasePersonal({
    ...user,
    name: ERASED_NAME,
    phone: null,
    gridId: null,
    buildingId: null,
    room: null,
    member: null,
    roles: [],
    rankingOptIn: false,
    workGrids: [],
    gridLead: false,
    headOf: null,
  })
  await ctx.repos.identity.forget(actor.userId)
  await ctx.repos.idempotency.forget(actor.userId)
  await ctx.repos.subscriptions.forget(actor.userId)
  await ctx.repos.photoChecks.forget(actor.userId)
  // other people's stored replies that name the person (a member's claim, staff's approval): the person
  // goes from each, as from everywhere else
  const traces = personalTraces(user, await buildingNameOf(ctx, user))
  for (const rec of await ctx.repos.idempotency.mentioning(actor.userId)) {
    await ctx.repos.idempotency.replace({
      ...rec,
      response: scrubbed(rec.response, traces),
      mentions: rec.mentions.filter((id) => id !== actor.userId),
    })
  }

  const known = [...photos]
  result.deletedPhotos = known.length
  // storage is no part of the transaction: the bytes go once the erasure has committed
  ctx.after(() => ctx.files.removeAllOf(actor.userId, known))
  return result
}
