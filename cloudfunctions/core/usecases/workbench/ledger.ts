// 工作台账: one member's record (or every member's, for staff) over a period, on screen and as an XLSX
// workbook — 汇总, 服务工单, 志愿活动, 结对帮扶, 积分明细, one sheet each, Chinese headers.
import type { z } from 'zod'
import type { ExportedFile, LedgerReport, LedgerReportInput, MemberLedger } from '@shared/workbench'
import { type Actor, hasRole, isStaff } from '../../domain/access'
import { forbidden, invalid } from '../../domain/errors'
import { POST_TYPE_LABELS } from '@shared/labels'
import type { User } from '../../domain/model'
import { beijingDay, period } from '../../domain/period'
import type { Ctx, WorkbookSpec } from '../../ports'
import { gridTaskLedger, ledgerCache, memberLedger } from './figures'
import { book } from './workbook'

type Input = z.output<typeof LedgerReportInput>

/** Members whose records are read at the same time. */
const AT_ONCE = 8

/** Staff: the member named, or every member; a member: themself only. */
export async function membersFor(ctx: Ctx, actor: Actor, memberId: string | undefined): Promise<User[]> {
  if (isStaff(actor)) {
    if (!memberId) return ctx.repos.users.listMembers(actor.communityId)
    const m = await ctx.repos.users.get(memberId)
    if (!m || m.communityId !== actor.communityId || !hasRole(m, 'member')) throw invalid('memberId', '请选择本社区的党员')
    return [m]
  }
  if (!hasRole(actor, 'member') || (memberId && memberId !== actor.userId)) throw forbidden('只能查看自己的工作台账')
  const me = await ctx.repos.users.get(actor.userId)
  return me ? [me] : []
}

export async function ledgerReport(ctx: Ctx, actor: Actor, input: Input): Promise<LedgerReport> {
  const p = period(input.from, input.to)
  const members = await membersFor(ctx, actor, input.memberId)
  // every member's record, a few at a time (on CloudBase each is a handful of round trips), in order;
  // the activities they attended and the care pairs they stand in read once for all of them
  const cache = ledgerCache()
  const out: MemberLedger[] = []
  for (let i = 0; i < members.length; i += AT_ONCE) {
    out.push(...(await Promise.all(members.slice(i, i + AT_ONCE).map((m) => memberLedger(ctx, m, p, cache)))))
  }
  // the grid workers' tasks sit beside the members' in staff's whole-community 台账
  const gridTasks = isStaff(actor) && !input.memberId ? await gridTaskLedger(ctx, actor.communityId, p) : null
  return { from: input.from, to: input.to, members: out, gridTasks }
}

const day = (iso: string) => beijingDay(Date.parse(iso))

export function ledgerWorkbook(report: LedgerReport): WorkbookSpec {
  const span = `${report.from} 至 ${report.to}`
  const who = report.members.length === 1 ? report.members[0].name : '全体党员'
  return book(`工作台账-${who}-${report.from}至${report.to}`, [
    {
      name: '汇总',
      columns: [
        { header: '姓名', width: 12 },
        { header: '党支部', width: 24 },
        { header: '工作单位', width: 20 },
        { header: '时段', width: 26 },
        { header: '服务工单（件）', width: 14 },
        { header: '参加活动（次）', width: 14 },
        { header: '志愿时长（小时）', width: 16 },
        { header: '结对帮扶（次）', width: 14 },
        { header: '平均评分', width: 10 },
        { header: '获得积分', width: 10 },
        { header: '使用积分', width: 10 },
      ],
      rows: report.members.map((m) => [
        m.name,
        m.branch,
        m.workUnit,
        span,
        m.ordersServed,
        m.activitiesAttended,
        m.hours,
        m.careTasksDone,
        m.averageRating,
        m.pointsEarned,
        m.pointsSpent,
      ]),
    },
    {
      name: '服务工单',
      columns: [
        { header: '姓名', width: 12 },
        { header: '完成日期', width: 12 },
        { header: '工单', width: 30 },
        { header: '岗位类别', width: 12 },
        { header: '评分', width: 8 },
        { header: '获得积分', width: 10 },
      ],
      rows: report.members.flatMap((m) =>
        m.orders.map((o) => [m.name, day(o.closedAt), o.title, POST_TYPE_LABELS[o.category], o.rating, o.points]),
      ),
    },
    {
      name: '志愿活动',
      columns: [
        { header: '姓名', width: 12 },
        { header: '活动日期', width: 12 },
        { header: '活动', width: 30 },
        { header: '岗位类别', width: 12 },
        { header: '时长（小时）', width: 12 },
        { header: '获得积分', width: 10 },
      ],
      rows: report.members.flatMap((m) =>
        m.activities.map((a) => [m.name, day(a.startAt), a.title, POST_TYPE_LABELS[a.category], a.hours, a.points]),
      ),
    },
    {
      name: '结对帮扶',
      columns: [
        { header: '姓名', width: 12 },
        { header: '完成日期', width: 12 },
        { header: '帮扶内容', width: 20 },
        { header: '获得积分', width: 10 },
      ],
      rows: report.members.flatMap((m) => m.care.map((c) => [m.name, day(c.at), c.title, c.points])),
    },
    {
      name: '积分明细',
      columns: [
        { header: '姓名', width: 12 },
        { header: '日期', width: 12 },
        { header: '事由', width: 36 },
        { header: '变动', width: 8 },
        { header: '余额', width: 8 },
      ],
      rows: report.members.flatMap((m) => m.entries.map((e) => [m.name, day(e.at), e.note, e.delta, e.balanceAfter])),
    },
    ...gridTaskSheet(report),
  ])
}

function gridTaskSheet(report: LedgerReport): WorkbookSpec['sheets'] {
  if (!report.gridTasks) return []
  return [
    {
      name: '网格员台账',
      columns: [
        { header: '网格员', width: 12 },
        { header: '网格', width: 12 },
        { header: '任务', width: 30 },
        { header: '发布日期', width: 12 },
        { header: '进展（次）', width: 10 },
        { header: '提交完成', width: 12 },
        { header: '确认人', width: 12 },
        { header: '确认日期', width: 12 },
        { header: '获得积分', width: 10 },
      ],
      rows: report.gridTasks.map((t) => [
        t.worker,
        t.grid,
        t.title,
        day(t.publishedAt),
        t.progressCount,
        t.submittedAt ? day(t.submittedAt) : '',
        t.confirmedBy ?? '',
        t.confirmedAt ? day(t.confirmedAt) : '',
        t.points,
      ]),
    },
  ]
}

export async function exportLedger(ctx: Ctx, actor: Actor, input: Input): Promise<ExportedFile> {
  const report = await ledgerReport(ctx, actor, input)
  const saved = await ctx.exports.saveWorkbook(ledgerWorkbook(report), actor.userId)
  return { name: saved.name, url: saved.url, expiresAt: new Date(saved.expiresAt).toISOString() }
}
