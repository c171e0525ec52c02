// 社区设置表 (accounts.importRoster and `npm run setup`): every row checked, a preview with row-level
// errors in Chinese, nothing written when any row is wrong; then the plan (core/domain/roster.ts)
// written — in the edge's one transaction on SQLite, and on CloudBase as writes at ids derived from
// the sheet, so a re-run completes an interrupted import. The same file twice changes nothing.
import type { z } from 'zod'
import type { ExportedFile } from '@shared/workbench'
import type { ImportRosterInput, RosterPreview } from '@shared/accounts'
import type { Actor } from '../../domain/access'
import { ROSTER_SHEETS, type RosterPlan, type RosterWrite, type Sheets, planRoster } from '../../domain/roster'
import type { Ctx, Repos, WorkbookSpec } from '../../ports'

/** Reads what the community has and plans the import of `sheets` into it. */
export async function planImport(repos: Repos, communityId: string, sheets: Sheets): Promise<RosterPlan> {
  const [community, grids, buildings, people] = await Promise.all([
    repos.places.community(communityId),
    repos.places.grids(communityId),
    repos.places.buildings(communityId),
    repos.users.listCommunity(communityId),
  ])
  return planRoster(sheets, communityId, { community, grids, buildings, people })
}

/** Writes planned records; each names its id, so writing one twice is writing it once. */
export async function writePlanned(repos: Repos, writes: RosterWrite[], now: number): Promise<void> {
  for (const w of writes) {
    if (w.kind === 'community') await repos.places.saveCommunity(w.record)
    else if (w.kind === 'grid') await repos.places.saveGrid(w.record)
    else if (w.kind === 'building') await repos.places.saveBuilding(w.record)
    else if (w.kind === 'insertUser') {
      // a re-run after an interrupted import finds the person written already: the same record, saved again
      const current = await repos.users.get(w.record.id)
      if (current) await repos.users.saveProfile({ ...w.record, createdAt: current.createdAt })
      else await repos.users.insert({ ...w.record, createdAt: now })
    } else await repos.users.saveProfile(w.record)
  }
}

export const preview = (plan: RosterPlan, committed: boolean): RosterPreview => ({
  committed,
  errors: plan.errors,
  warnings: plan.warnings,
  counts: plan.counts,
})

/** accounts.importRoster (admin): into the admin's own community; `commit: false` only previews. */
export async function importRoster(ctx: Ctx, actor: Actor, input: z.output<typeof ImportRosterInput>): Promise<RosterPreview> {
  const plan = await planImport(ctx.repos, actor.communityId, input.sheets)
  const commit = input.commit && plan.errors.length === 0
  if (commit) await writePlanned(ctx.repos, plan.writes, ctx.clock.now())
  return preview(plan, commit)
}

/** The template: a 说明 sheet (what each sheet and column is for, with an example row), then each sheet's header. */
export function rosterTemplate(): WorkbookSpec {
  const about: Array<Array<string | null>> = []
  for (const s of ROSTER_SHEETS) {
    about.push([`「${s.name}」表`, s.about, null])
    for (const [i, c] of s.columns.entries())
      about.push([null, `${c.header}${c.required ? '（必填）' : '（选填）'}`, `${c.hint}；例：${s.example[i] ?? ''}`])
  }
  about.push(
    [null, null, null],
    [
      '说明',
      '每张表第一行是列名，请勿修改；从第二行起每行一条。同一个人出现在「居民」「党员」「工作人员」几张表里时，姓名和手机号要一致。',
      null,
    ],
  )
  about.push(['说明', '导入前会逐行检查，有任何一行不对就一行也不写入；同一个文件导入两次不会重复。', null])
  return {
    name: '红网邻里-社区设置模板',
    sheets: [
      {
        name: '说明',
        columns: [
          { header: '表', width: 14 },
          { header: '内容', width: 36 },
          { header: '填写说明', width: 60 },
        ],
        rows: about,
      },
      ...ROSTER_SHEETS.map((s) => ({
        name: s.name,
        columns: s.columns.map((c) => ({ header: c.header, width: c.width ?? 14 })),
        rows: [],
      })),
    ],
  }
}

/** accounts.rosterTemplate (admin): the template as a download. */
export async function downloadRosterTemplate(ctx: Ctx, actor: Actor): Promise<ExportedFile> {
  const saved = await ctx.exports.saveWorkbook(rosterTemplate(), actor.userId)
  return { name: saved.name, url: saved.url, expiresAt: new Date(saved.expiresAt).toISOString() }
}
