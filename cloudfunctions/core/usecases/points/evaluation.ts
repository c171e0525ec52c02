// 三评: at year end each member writes a self-evaluation (自评), staff score them (社区测评), and the
// member's employer party branch scores them (组织考评) — entered by staff, or by the branch through a
// one-time link. The packet puts the three beside the year's 工作台账 figures and combines them.
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type {
  BranchForm,
  BranchLink,
  BranchLinkInput,
  BranchScoreInput,
  EvaluationList,
  EvaluationPacket,
  EvaluationScore,
  ScoreEvaluationInput,
  SelfEvaluationInput,
} from '@shared/points'
import type { ExportedFile } from '@shared/workbench'
import { type Actor, assertNotSelf, hasRole, isStaff } from '../../domain/access'
import { conflict, forbidden, invalid, notFound } from '../../domain/errors'
import { combine } from '../../domain/evaluation'
import type { Evaluation, EvaluationEntry, User } from '../../domain/model'
import { yearPeriod } from '../../domain/period'
import { yearOf } from '../../domain/time'
import type { Ctx, WorkbookSpec } from '../../ports'
import { figuresOf, memberLedger } from '../workbench/figures'
import { membersFor } from '../workbench/ledger'
import { book } from '../workbench/workbook'

/** A branch link works this long, once. */
export const LINK_TTL_MS = 14 * 86400_000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

const blank = (m: User, year: number): Evaluation => ({
  memberId: m.id,
  communityId: m.communityId,
  year,
  self: null,
  community: null,
  branch: null,
  version: 0,
})

const present = (e: EvaluationEntry | null): EvaluationScore | null =>
  e ? { score: e.score, text: e.text, by: e.byName, at: new Date(e.at).toISOString() } : null

/** Only the year under way and the one before can be written to. */
function assertOpenYear(ctx: Ctx, year: number) {
  const now = yearOf(ctx.clock.now())
  if (year > now || year < now - 1) throw invalid('year', `只能填写 ${now - 1} 年或 ${now} 年的三评`)
}

async function packet(ctx: Ctx, member: User, year: number): Promise<EvaluationPacket> {
  const [ledger, e] = await Promise.all([memberLedger(ctx, member, yearPeriod(year)), ctx.repos.workbench.evaluation(member.id, year)])
  const { combined, grade, missing } = combine(e)
  return {
    memberId: member.id,
    name: member.name,
    branch: member.member?.branch ?? null,
    workUnit: member.member?.workUnit ?? null,
    year,
    figures: figuresOf(ledger),
    self: present(e?.self ?? null),
    community: present(e?.community ?? null),
    branchScore: present(e?.branch ?? null),
    combined,
    grade,
    missing,
  }
}

export async function getEvaluation(ctx: Ctx, actor: Actor, input: { memberId?: string; year: number }): Promise<EvaluationPacket> {
  const [member] = await membersFor(ctx, actor, input.memberId ?? actor.userId)
  if (!member) throw notFound('没有找到这位党员')
  return packet(ctx, member, input.year)
}

export async function listEvaluations(ctx: Ctx, actor: Actor, input: { year: number }): Promise<EvaluationList> {
  const members = await ctx.repos.users.listMembers(actor.communityId)
  const items: EvaluationPacket[] = []
  for (const m of members) items.push(await packet(ctx, m, input.year))
  return { year: input.year, items }
}

async function save(ctx: Ctx, member: User, year: number, change: Partial<Pick<Evaluation, 'self' | 'community' | 'branch'>>) {
  const current = (await ctx.repos.workbench.evaluation(member.id, year)) ?? blank(member, year)
  await ctx.repos.workbench.saveEvaluation({ ...current, ...change, version: current.version + 1 })
}

/** 自评: the member's own, as many times as they like until the year closes. */
export async function selfEvaluate(ctx: Ctx, actor: Actor, input: z.output<typeof SelfEvaluationInput>): Promise<EvaluationPacket> {
  if (!hasRole(actor, 'member')) throw forbidden('只有党员可以填写自评')
  assertOpenYear(ctx, input.year)
  await ctx.guard.check(input.text, 'text', actor)
  const me = await ctx.repos.users.get(actor.userId)
  if (!me) throw notFound('没有找到您的账号')
  await save(ctx, me, input.year, {
    self: { score: input.score, text: input.text, by: actor.userId, byName: actor.name, at: ctx.clock.now() },
  })
  return packet(ctx, me, input.year)
}

/** 社区测评, or 组织考评 entered by staff for the branch. */
export async function scoreEvaluation(ctx: Ctx, actor: Actor, input: z.output<typeof ScoreEvaluationInput>): Promise<EvaluationPacket> {
  if (!isStaff(actor)) throw forbidden()
  assertOpenYear(ctx, input.year)
  const [member] = await membersFor(ctx, actor, input.memberId)
  if (member.id === actor.userId) throw forbidden('不能给自己打分')
  if (input.comment) await ctx.guard.check(input.comment, 'comment', actor)
  const entry: EvaluationEntry = {
    score: input.score,
    text: input.comment || null,
    by: actor.userId,
    byName: actor.name,
    at: ctx.clock.now(),
  }
  await save(ctx, member, input.year, input.part === 'community' ? { community: entry } : { branch: entry })
  return packet(ctx, member, input.year)
}

/** A one-time link for the member's branch to enter 组织考评; only the token's hash is stored. */
export async function createBranchLink(ctx: Ctx, actor: Actor, input: z.output<typeof BranchLinkInput>): Promise<BranchLink> {
  assertOpenYear(ctx, input.year)
  const [member] = await membersFor(ctx, actor, input.memberId)
  assertNotSelf(actor, member.id, '不能为自己生成组织考评链接')
  const token = Buffer.from(ctx.ids.randomBytes(24)).toString('base64url')
  const now = ctx.clock.now()
  await ctx.repos.workbench.saveEvaluationLink({
    tokenHash: hashToken(token),
    memberId: member.id,
    communityId: member.communityId,
    year: input.year,
    createdBy: actor.userId,
    createdAt: now,
    expiresAt: now + LINK_TTL_MS,
    usedAt: null,
  })
  return { path: `/workbench/branch-score/index?token=${token}`, token, expiresAt: new Date(now + LINK_TTL_MS).toISOString() }
}

async function openLink(ctx: Ctx, token: string) {
  const link = await ctx.repos.workbench.evaluationLink(hashToken(token))
  if (!link || link.expiresAt <= ctx.clock.now()) throw notFound('链接无效或已过期，请向社区索取新的链接')
  const member = await ctx.repos.users.get(link.memberId)
  if (!member || member.communityId !== link.communityId) throw notFound('链接无效或已过期，请向社区索取新的链接')
  return { link, member }
}

/** What the branch sees through its link (anyone holding it; no sign-in): figures and the 自评, no contact details. */
export async function branchForm(ctx: Ctx, _actor: Actor, input: { token: string }): Promise<BranchForm> {
  const { link, member } = await openLink(ctx, input.token)
  const [ledger, e, community] = await Promise.all([
    memberLedger(ctx, member, yearPeriod(link.year)),
    ctx.repos.workbench.evaluation(member.id, link.year),
    ctx.repos.places.community(member.communityId),
  ])
  return {
    name: member.name,
    branch: member.member?.branch ?? null,
    workUnit: member.member?.workUnit ?? null,
    year: link.year,
    communityName: community?.name ?? '',
    figures: figuresOf(ledger),
    selfText: e?.self?.text ?? null,
    done: link.usedAt !== null,
  }
}

/** 组织考评 through the link: once; the link is spent in the same transaction. */
export async function branchScore(ctx: Ctx, actor: Actor, input: z.output<typeof BranchScoreInput>): Promise<{ done: true }> {
  const { link, member } = await openLink(ctx, input.token)
  assertNotSelf(actor, member.id, '不能给自己做组织考评')
  if (link.usedAt !== null) throw conflict('这个链接已经用过了，如需修改请联系社区')
  await ctx.guard.check(input.scorer, 'scorer', actor)
  if (input.comment) await ctx.guard.check(input.comment, 'comment', actor)
  const now = ctx.clock.now()
  await ctx.repos.workbench.saveEvaluationLink({ ...link, usedAt: now })
  await save(ctx, member, link.year, {
    branch: { score: input.score, text: input.comment || null, by: null, byName: input.scorer, at: now },
  })
  return { done: true }
}

export function evaluationWorkbook(list: EvaluationList): WorkbookSpec {
  const score = (s: EvaluationScore | null) => s?.score ?? null
  return book(`三评汇总-${list.year}年`, [
    {
      name: '三评汇总',
      columns: [
        { header: '姓名', width: 12 },
        { header: '党支部', width: 24 },
        { header: '工作单位', width: 20 },
        { header: '服务工单（件）', width: 14 },
        { header: '参加活动（次）', width: 14 },
        { header: '志愿时长（小时）', width: 16 },
        { header: '结对帮扶（次）', width: 14 },
        { header: '平均评分', width: 10 },
        { header: '获得积分', width: 10 },
        { header: '自评', width: 8 },
        { header: '社区测评', width: 10 },
        { header: '组织考评', width: 10 },
        { header: '综合得分', width: 10 },
        { header: '等次', width: 10 },
      ],
      rows: list.items.map((p) => [
        p.name,
        p.branch,
        p.workUnit,
        p.figures.ordersServed,
        p.figures.activitiesAttended,
        p.figures.hours,
        p.figures.careTasksDone,
        p.figures.averageRating,
        p.figures.pointsEarned,
        score(p.self),
        score(p.community),
        score(p.branchScore),
        p.combined,
        p.grade ?? '待完成',
      ]),
    },
    {
      name: '评语',
      columns: [
        { header: '姓名', width: 12 },
        { header: '自评内容', width: 60 },
        { header: '社区评语', width: 40 },
        { header: '组织评语', width: 40 },
        { header: '组织考评人', width: 24 },
      ],
      rows: list.items.map((p) => [
        p.name,
        p.self?.text ?? null,
        p.community?.text ?? null,
        p.branchScore?.text ?? null,
        p.branchScore?.by ?? null,
      ]),
    },
  ])
}

export async function exportEvaluation(ctx: Ctx, actor: Actor, input: { year: number }): Promise<ExportedFile> {
  const saved = await ctx.exports.saveWorkbook(evaluationWorkbook(await listEvaluations(ctx, actor, input)), actor.userId)
  return { name: saved.name, url: saved.url, expiresAt: new Date(saved.expiresAt).toISOString() }
}
