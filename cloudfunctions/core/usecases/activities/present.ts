// What the app sees of an activity: the card, the detail with the caller's own sign-up, and the
// roster for staff only (a member never sees other members, let alone their phones).
import type { ActivityDetail, ActivitySummary, MySignup, RosterEntry } from '@shared/activities'
import { type Actor, isStaff } from '../../domain/access'
import { actionsFor, checkinOpensAt, isThisWeekend } from '../../domain/activity'
import type { Activity, Signup } from '../../domain/model'
import type { Ctx } from '../../ports'
import { iso } from './shared'
import { shownPhoto } from '../photos/screen'

const holding = (s: Signup | null): s is Signup & { status: 'signed' | 'waitlisted' } => s !== null && s.status !== 'withdrawn'

/** The caller's own sign-up, with the waitlist position worked out from the arrival order. */
export async function presentMine(ctx: Ctx, s: Signup | null): Promise<MySignup | null> {
  if (!holding(s)) return null
  const position = s.status === 'waitlisted' ? (await ctx.repos.activities.waitingBefore(s.activityId, s.seq)) + 1 : null
  return {
    status: s.status,
    position,
    checkedIn: s.attendance === 'attended',
    checkedInAt: s.attendance === 'attended' && s.checkedInAt !== null ? iso(s.checkedInAt) : null,
    attendance: s.attendance,
    awardedPoints: s.awardedPoints,
  }
}

/** What anyone may read of an activity, as its card shows it: no roster, nobody's own place. */
export async function presentFacts(ctx: Ctx, a: Activity): Promise<Omit<ActivitySummary, 'mine'>> {
  const now = ctx.clock.now()
  return {
    id: a.id,
    seriesId: a.seriesId,
    title: a.title,
    category: a.category,
    status: a.status,
    startAt: iso(a.startAt),
    endAt: iso(a.endAt),
    signupDeadline: iso(a.signupDeadline),
    place: a.place,
    cover: await shownPhoto(ctx, a.cover),
    quota: a.quota,
    points: a.points,
    signedCount: a.signedCount,
    waitingCount: a.waitingCount,
    placesLeft: Math.max(0, a.quota - a.signedCount),
    thisWeekend: isThisWeekend(a.startAt, now),
    signupOpen: a.status === 'published' && now < a.signupDeadline,
  }
}

export async function presentSummary(ctx: Ctx, a: Activity, actor: Actor, own?: Signup | null): Promise<ActivitySummary> {
  const mine = own === undefined ? await ctx.repos.activities.signup(a.id, actor.userId) : own
  return { ...(await presentFacts(ctx, a)), mine: await presentMine(ctx, mine) }
}

export async function presentDetail(ctx: Ctx, a: Activity, actor: Actor): Promise<ActivityDetail> {
  const own = await ctx.repos.activities.signup(a.id, actor.userId)
  const creator = await ctx.repos.users.get(a.createdBy)
  return {
    ...(await presentSummary(ctx, a, actor, own)),
    description: a.description,
    cancelReason: a.cancelReason,
    createdBy: { id: a.createdBy, name: creator?.name ?? '' },
    checkinOpensAt: iso(checkinOpensAt(a)),
    finishedAt: a.finishedAt === null ? null : iso(a.finishedAt),
    roster: isStaff(actor) && a.communityId === actor.communityId ? await roster(ctx, a) : null,
    actions: actionsFor(a, own, actor, ctx.clock.now()),
  }
}

/** Everyone signed up or waiting, in 接龙 order, with check-in state. */
async function roster(ctx: Ctx, a: Activity): Promise<RosterEntry[]> {
  const signups = await ctx.repos.activities.signups(a.id)
  const people = new Map((await ctx.repos.users.getMany(signups.map((s) => s.memberId))).map((u) => [u.id, u]))
  let waiting = 0
  return signups.filter(holding).map((s) => {
    const user = people.get(s.memberId)
    return {
      member: { id: s.memberId, name: user?.name ?? '', phone: user?.phone ?? null },
      status: s.status,
      position: s.status === 'waitlisted' ? ++waiting : null,
      signedUpAt: iso(s.signedUpAt),
      checkedIn: s.attendance === 'attended',
      checkedInAt: s.attendance === 'attended' && s.checkedInAt !== null ? iso(s.checkedInAt) : null,
      checkinMethod: s.attendance === 'attended' ? s.checkinMethod : null,
      attendance: s.attendance,
      awardedPoints: s.awardedPoints,
    }
  })
}
