// Staff changing a published activity: update (times, quota, texts) and cancel. Both tell the people
// it concerns through their inbox.
import type { z } from 'zod'
import type { UpdateActivityInput } from '@shared/activities'
import type { Actor } from '../../domain/access'
import { type Schedule, activityLink, checkSchedule, reminderAt } from '../../domain/activity'
import { formatBeijing } from '../../domain/time'
import { conflict, invalid } from '../../domain/errors'
import type { Activity } from '../../domain/model'
import type { Ctx } from '../../ports'
import { notify } from '../notify'
import { presentDetail } from './present'
import { checkTexts } from './publish'
import { fillPlaces, loadActivity, notifyPromoted, requireStaff, saveActivity } from './shared'
import { screenPhotos } from '../photos/screen'

async function loadEditable(ctx: Ctx, actor: Actor, activityId: string, doing: string): Promise<Activity> {
  requireStaff(actor)
  const a = await loadActivity(ctx, actor, activityId)
  if (a.status === 'cancelled') throw conflict(`活动已取消，不能${doing}`)
  if (a.status === 'finished' || ctx.clock.now() >= a.endAt) throw conflict(`活动已经结束，不能${doing}`)
  return a
}

/** Everyone holding a place or waiting for one. */
async function concerned(ctx: Ctx, a: Activity): Promise<string[]> {
  return (await ctx.repos.activities.signups(a.id, ['signed', 'waitlisted'])).map((s) => s.memberId)
}

export async function updateActivity(ctx: Ctx, actor: Actor, input: z.output<typeof UpdateActivityInput>) {
  const a = await loadEditable(ctx, actor, input.activityId, '修改')
  const now = ctx.clock.now()
  await checkTexts(ctx, actor, input)
  if (input.cover && input.cover !== a.cover) await ctx.files.assertOwned([input.cover], actor.userId, 'cover')

  const at = (iso: string | undefined, current: number) => (iso === undefined ? current : Date.parse(iso))
  const schedule: Schedule = {
    startAt: at(input.startAt, a.startAt),
    endAt: at(input.endAt, a.endAt),
    signupDeadline: at(input.signupDeadline, a.signupDeadline),
  }
  const moved = schedule.startAt !== a.startAt || schedule.endAt !== a.endAt
  if (moved || schedule.signupDeadline !== a.signupDeadline) {
    if (now >= a.startAt) throw conflict('活动已经开始，不能再改时间')
    checkSchedule(schedule, now)
  }
  if (input.quota !== undefined && input.quota < a.signedCount) {
    throw invalid('quota', `已有 ${a.signedCount} 人报名，名额不能少于 ${a.signedCount}`)
  }

  const changed: Activity = {
    ...a,
    ...schedule,
    title: input.title ?? a.title,
    description: input.description ?? a.description,
    category: input.category ?? a.category,
    place: input.place
      ? { name: input.place.name, address: input.place.address || null, lat: input.place.lat ?? null, lng: input.place.lng ?? null }
      : a.place,
    quota: input.quota ?? a.quota,
    points: input.points ?? a.points,
    cover: input.cover === undefined ? a.cover : input.cover,
    remindAt: reminderAt(schedule.startAt),
    // a new date deserves its own reminder
    remindedAt: schedule.startAt === a.startAt ? a.remindedAt : null,
  }
  const { activity, promoted } = await fillPlaces(ctx, changed)
  const saved = await saveActivity(ctx, a, activity)
  if (saved.cover !== a.cover) screenPhotos(ctx, actor, { kind: 'activity', id: a.id }, [saved.cover])
  if (moved) {
    await notify(ctx, a.communityId, await concerned(ctx, saved), {
      kind: 'activity_changed',
      title: '活动时间有变动',
      body: `「${saved.title}」改为 ${formatBeijing(saved.startAt)} 开始，${formatBeijing(saved.endAt)} 结束。`,
      link: activityLink(a.id),
    })
  }
  await notifyPromoted(ctx, saved, promoted)
  return presentDetail(ctx, saved, actor)
}

export async function cancelActivity(ctx: Ctx, actor: Actor, input: { activityId: string; reason: string }) {
  const a = await loadEditable(ctx, actor, input.activityId, '取消')
  await ctx.guard.check(input.reason, 'reason', actor)
  const people = await concerned(ctx, a)
  const saved = await saveActivity(ctx, a, { status: 'cancelled', cancelReason: input.reason })
  await notify(ctx, a.communityId, people, {
    kind: 'activity_cancelled',
    title: '活动取消了',
    body: `「${a.title}」（${formatBeijing(a.startAt)}）已取消：${input.reason}`,
    link: activityLink(a.id),
  })
  return presentDetail(ctx, saved, actor)
}
