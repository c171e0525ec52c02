// 结对帮扶: staff (and the household's 网格员) pair one or two members with a household and end the pair;
// a paired member sees the pair's care task in their list and closes it like an order — a short report
// and photos — which pays the care points once and schedules the next one; staff see coverage.
import type { z } from 'zod'
import type { CareTaskClosed, CareTaskView, CloseCareTaskInput, Coverage, CoverageInput, CoverageRow, PairInput } from '@shared/care'
import type { HouseholdDetail } from '@shared/households'
import { type Actor, hasRole } from '../../domain/access'
import { careLink, careListLink, careTitle, isOpen, nextDueAfter, opensAt, staleBefore, standsIn } from '../../domain/care'
import { conflict, invalid, notFound } from '../../domain/errors'
import { keepsHousehold } from '../../domain/households'
import { allowedByDailyCap, sourceKeys } from '../../domain/ledger'
import type { CareRecord, Household, Pair } from '../../domain/model'
import { formatBeijing } from '../../domain/time'
import type { Ctx } from '../../ports'
import { screenPhotos } from '../photos/screen'
import { loadAccount, postEntry } from '../points/post'
import { notify } from '../notify'
import { rulesOf } from '../orders/shared'
import { getHousehold, loadKeptHousehold } from './list'
import { placeNames, summarize } from './present'

const iso = (ms: number) => new Date(ms).toISOString()

/** 「3号楼 2单元101 马秀珍家」: how a notice names a household. */
async function addressOf(ctx: Ctx, h: Household): Promise<string> {
  const names = await placeNames(ctx, h.communityId)
  const head = h.members[0]?.name
  return `${names.building.get(h.buildingId) ?? ''} ${h.room}${head ? ` ${head}家` : ''}`.trim()
}

/** 结对: one or two members of the community with a household the caller keeps; one active pair a household. */
export async function pairHousehold(ctx: Ctx, actor: Actor, input: z.output<typeof PairInput>): Promise<HouseholdDetail> {
  const h = await loadKeptHousehold(ctx, actor, input.householdId)
  if ((await ctx.repos.care.pairsOfHousehold(h.id)).some((p) => p.status === 'active'))
    throw invalid('householdId', '这户已经有结对的党员了，先解除结对再重新安排')
  const people = await ctx.repos.users.getMany(input.memberIds)
  for (const [i, memberId] of input.memberIds.entries()) {
    const m = people.find((u) => u.id === memberId)
    if (!m || m.communityId !== h.communityId || !hasRole(m, 'member')) throw invalid(`memberIds.${i}`, '请选择本社区的党员')
    if (m.id === actor.userId) throw invalid(`memberIds.${i}`, '不能安排自己结对')
    if (h.members.some((x) => x.residentId === m.id)) throw invalid(`memberIds.${i}`, `${m.name}是这户的家庭成员，不能和自己家结对`)
  }
  const now = ctx.clock.now()
  const pair: Pair = {
    id: ctx.ids.next('pr'),
    communityId: h.communityId,
    householdId: h.id,
    gridId: h.gridId,
    memberIds: input.memberIds,
    kind: input.kind,
    cadence: input.cadence,
    // the first task is due at once: the members go and meet the household
    nextDueAt: now,
    lastCareAt: null,
    tasksDone: 0,
    status: 'active',
    pairedBy: actor.userId,
    pairedAt: now,
    endedBy: null,
    endedAt: null,
    version: 1,
  }
  // the household moves on a version too: two people pairing it at once cannot both succeed
  await ctx.repos.households.save({ ...h, updatedAt: now, version: h.version + 1 })
  await ctx.repos.care.savePair(pair)
  const where = await addressOf(ctx, h)
  for (const memberId of pair.memberIds) {
    const partner = people.find((u) => pair.memberIds.length > 1 && u.id !== memberId)
    await notify(ctx, h.communityId, [memberId], {
      kind: 'care_paired',
      title: '你有了一户结对帮扶',
      body: `社区安排你${partner ? `和${partner.name}` : ''}与${where}结对，${careTitle(pair)}。第一次现在就可以去了，完成后在「结对帮扶」里交一张照片和几句话。`,
      link: careLink(pair.id),
    })
  }
  return getHousehold(ctx, actor, { householdId: h.id })
}

/** 解除结对: the pair ends; its care tasks done stay on the household's file. */
export async function unpairHousehold(ctx: Ctx, actor: Actor, input: { pairId: string }): Promise<HouseholdDetail> {
  const pair = await ctx.repos.care.pair(input.pairId)
  const h = pair ? await ctx.repos.households.get(pair.householdId) : null
  if (!pair || !h || !keepsHousehold(actor, h)) throw notFound('没有找到这个结对')
  if (pair.status === 'ended') throw conflict('这个结对已经解除了')
  const now = ctx.clock.now()
  await ctx.repos.care.savePair({ ...pair, status: 'ended', endedBy: actor.userId, endedAt: now, version: pair.version + 1 })
  await notify(ctx, h.communityId, pair.memberIds, {
    kind: 'care_ended',
    title: '结对帮扶已解除',
    body: `你与${await addressOf(ctx, h)}的结对（${careTitle(pair)}）已解除，不用再去了。做过的帮扶都留在这户的档案里。`,
    link: careListLink,
  })
  return getHousehold(ctx, actor, { householdId: h.id })
}

/** 结对帮扶 in the member's task list: the current task of each pair they stand in, soonest due first. */
export async function myCareTasks(ctx: Ctx, actor: Actor): Promise<{ items: CareTaskView[] }> {
  const pairs = await ctx.repos.care.pairsOfMember(actor.communityId, actor.userId)
  return { items: await taskViews(ctx, actor, pairs) }
}

/**
 * 完成帮扶: a member of the pair closes its current task with a report and photos. In the same
 * transaction the care points are paid to them (once per task: 二对一, the first to close it closes it for
 * both) and the next task is scheduled by the cadence.
 */
export async function closeCareTask(ctx: Ctx, actor: Actor, input: z.output<typeof CloseCareTaskInput>): Promise<CareTaskClosed> {
  const pair = await ctx.repos.care.pair(input.pairId)
  if (!pair || !standsIn(actor, pair)) throw notFound('没有找到这项结对帮扶')
  const now = ctx.clock.now()
  if (!isOpen(pair, now)) throw conflict(`这次${careTitle(pair)}已经完成了，下次从 ${formatBeijing(opensAt(pair))} 起可以做`)
  await ctx.guard.check(input.report, 'report', actor)
  await ctx.files.assertOwned(input.photos, actor.userId, 'photos')
  const h = await ctx.repos.households.get(pair.householdId)
  if (!h) throw notFound('没有找到这户')

  const rules = await rulesOf(ctx, pair.communityId)
  const title = careTitle(pair)
  const paid = allowedByDailyCap(await loadAccount(ctx, actor.userId, pair.communityId), rules, rules.carePoints, now)
  const record: CareRecord = {
    id: ctx.ids.next('cr'),
    pairId: pair.id,
    householdId: pair.householdId,
    communityId: pair.communityId,
    memberId: actor.userId,
    dueAt: pair.nextDueAt,
    at: now,
    report: input.report,
    photos: input.photos,
    points: paid,
  }
  const next: Pair = {
    ...pair,
    nextDueAt: nextDueAfter(pair, now),
    lastCareAt: now,
    tasksDone: pair.tasksDone + 1,
    version: pair.version + 1,
  }
  // the pair's version is the task's lock: a second close of the same task (the partner, a retry) conflicts
  await ctx.repos.care.savePair(next)
  await ctx.repos.care.addRecord(record)
  if (paid > 0) {
    await postEntry(ctx, actor.userId, pair.communityId, {
      sourceKey: sourceKeys.careAward(pair.id, pair.nextDueAt),
      delta: paid,
      reason: 'care_award',
      note: `结对帮扶「${title}」${h.members[0]?.name ?? ''}家${paid < rules.carePoints ? `（已达每日上限，计 ${paid} 分）` : ''}`,
      at: now,
    })
  }
  screenPhotos(ctx, actor, { kind: 'care', id: record.id }, input.photos)
  const [task] = await taskViews(ctx, actor, [next])
  return { task, recordId: record.id, points: paid }
}

/** A close's reply as it is now (a repeat of its requestId): the pair's current task, if the member still stands in it. */
export async function careTaskNow(
  ctx: Ctx,
  actor: Actor,
  kept: { pairId: string; recordId: string; points: number },
): Promise<CareTaskClosed> {
  const pair = await ctx.repos.care.pair(kept.pairId)
  if (!pair || !standsIn(actor, pair)) throw notFound('没有找到这项结对帮扶')
  const [task] = await taskViews(ctx, actor, [pair])
  return { task, recordId: kept.recordId, points: kept.points }
}

/**
 * Coverage (覆盖情况): of the households the caller keeps, those without a visit nor a care task in
 * `days` days, and those with no pair — longest without contact first.
 */
export async function careCoverage(ctx: Ctx, actor: Actor, input: z.output<typeof CoverageInput>): Promise<Coverage> {
  const [households, pairs, names] = await Promise.all([
    ctx.repos.households.ofCommunity(actor.communityId),
    ctx.repos.care.pairsOfCommunity(actor.communityId),
    placeNames(ctx, actor.communityId),
  ])
  const now = ctx.clock.now()
  const since = staleBefore(now, input.days)
  const rows: CoverageRow[] = households
    .filter((h) => keepsHousehold(actor, h) && (!input.gridId || h.gridId === input.gridId))
    .map((h) => {
      const own = pairs.filter((p) => p.householdId === h.id)
      const cared = Math.max(...own.map((p) => p.lastCareAt ?? 0), 0)
      const contact = Math.max(cared, h.lastVisitAt ?? 0)
      return {
        ...summarize(h, names, now),
        lastCareAt: cared ? iso(cared) : null,
        lastContactAt: contact ? iso(contact) : null,
        paired: own.some((p) => p.status === 'active'),
        stale: contact < since,
      }
    })
  const contactOf = (r: CoverageRow) => (r.lastContactAt ? Date.parse(r.lastContactAt) : 0)
  return {
    days: input.days,
    total: rows.length,
    stale: rows.filter((r) => r.stale).length,
    unpaired: rows.filter((r) => !r.paired).length,
    items: rows.filter((r) => r.stale || !r.paired).sort((a, b) => contactOf(a) - contactOf(b) || a.id.localeCompare(b.id)),
  }
}

async function taskViews(ctx: Ctx, actor: Actor, pairs: Pair[]): Promise<CareTaskView[]> {
  if (pairs.length === 0) return []
  const [names, rules, people] = await Promise.all([
    placeNames(ctx, actor.communityId),
    rulesOf(ctx, actor.communityId),
    ctx.repos.users.getMany([...new Set(pairs.flatMap((p) => p.memberIds))]),
  ])
  const now = ctx.clock.now()
  const out: CareTaskView[] = []
  for (const p of pairs) {
    const h = await ctx.repos.households.get(p.householdId)
    if (!h) continue
    const partnerId = p.memberIds.find((id) => id !== actor.userId)
    const head = h.members[0]?.name ?? ''
    out.push({
      pairId: p.id,
      householdId: h.id,
      address: `${names.building.get(h.buildingId) ?? ''} ${h.room}`,
      head,
      tags: h.tags,
      title: careTitle(p),
      kind: p.kind,
      cadence: p.cadence,
      dueAt: iso(p.nextDueAt),
      due: p.nextDueAt <= now,
      open: isOpen(p, now),
      opensAt: iso(opensAt(p)),
      partner: partnerId ? { id: partnerId, name: people.find((u) => u.id === partnerId)?.name ?? '' } : null,
      lastCareAt: p.lastCareAt === null ? null : iso(p.lastCareAt),
      points: rules.carePoints,
    })
  }
  return out
}
