// `npm run setup`: a community from its spreadsheets (社区设置表).
//   npm run setup -- --template [file.xlsx]      the template to fill in
//   npm run setup -- file.xlsx [--dry-run]       checks every row, shows what it will write, writes it
//                                                into REDGRID_DATA (.data/) in one transaction
//   npm run setup -- file.xlsx --community <id>  when the data folder holds several communities
//   npm run setup -- file.xlsx --cloud           into CloudBase (TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY),
//                                                every record at an id derived from the sheet: a re-run
//                                                completes an interrupted import; prints a setup link
// Nothing is written when any row is wrong. The same file twice changes nothing. Admins named in the
// 工作人员 sheet without a password get a one-time invitation link (local) to set one.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { renderXlsx } from '../cloudfunctions/adapters/xlsx/render'
import { readSheets } from '../cloudfunctions/adapters/xlsx/read'
import { composeLocal } from '../cloudfunctions/compose'
import { derivedId } from '../cloudfunctions/core/domain/roster'
import type { Actor } from '../cloudfunctions/core/domain/access'
import type { UnitOfWork } from '../cloudfunctions/core/ports'
import { runWrite } from '../cloudfunctions/core/runner'
import { planImport, preview, rosterTemplate, writePlanned } from '../cloudfunctions/core/usecases/accounts/import-roster'
import { invite } from '../cloudfunctions/core/usecases/accounts/sign-in'
import { importToCloud } from './setup-cloud'
import type { RosterPreview } from '@shared/accounts'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

function describe(p: RosterPreview): string {
  const lines = p.counts.map((c) => `  ${c.sheet}：${c.rows} 行 — 新增 ${c.created}，更新 ${c.updated}，不变 ${c.unchanged}`)
  for (const w of p.warnings) lines.push(`  提示：${w}`)
  for (const e of p.errors)
    lines.push(`  ✗ 「${e.sheet}」${e.row ? `第 ${e.row} 行` : ''}${e.column ? `「${e.column}」` : ''}：${e.message}`)
  return lines.join('\n')
}

async function main() {
  if (flag('--template')) {
    const file = path.resolve(
      args[args.indexOf('--template') + 1]?.endsWith('.xlsx') ? args[args.indexOf('--template') + 1] : '红网邻里-社区设置模板.xlsx',
    )
    writeFileSync(file, await renderXlsx(rosterTemplate()))
    console.log(`已生成模板 / template written: ${file}`)
    return
  }
  const file = args.find((a) => a.endsWith('.xlsx'))
  if (!file) {
    console.error('用法 / usage: npm run setup -- --template | npm run setup -- file.xlsx [--dry-run] [--community <id>] [--cloud]')
    process.exit(2)
  }
  const sheets = await readSheets(readFileSync(file))
  const dryRun = flag('--dry-run')
  const communityName = sheets.社区?.[1]?.[sheets.社区[0].indexOf('社区名称')]?.trim() ?? ''

  if (flag('--cloud')) return cloud(sheets, communityName, dryRun)

  const dataDir = path.resolve(process.env.REDGRID_DATA ?? '.data')
  mkdirSync(dataDir, { recursive: true })
  const app = composeLocal({ dataDir, demo: false, log: (m, e) => console.error(m, e ?? '') })
  try {
    const communities = await app.store.read((r) => r.places.communities())
    const chosen = option('--community')
    const communityId =
      chosen ?? (communities.length === 1 ? communities[0].id : communities.length === 0 ? derivedId('c', communityName) : null)
    if (!communityId) {
      console.error(
        `数据目录里有 ${communities.length} 个社区，请用 --community 指定：${communities.map((c) => `${c.id}（${c.name}）`).join('、')}`,
      )
      process.exit(2)
    }
    const runtime = { uow: app.store, deps: app.deps }
    const result = await runWrite(runtime, async (ctx) => {
      const plan = await planImport(ctx.repos, communityId, sheets)
      const commit = !dryRun && plan.errors.length === 0
      if (commit) await writePlanned(ctx.repos, plan.writes, ctx.clock.now())
      return preview(plan, commit)
    })
    console.log(describe(result))
    if (result.errors.length) {
      console.error(`有 ${result.errors.length} 处需要修改，没有写入任何内容 / nothing was written: fix the rows above and run again`)
      process.exit(1)
    }
    if (dryRun) return console.log('检查通过（--dry-run：没有写入）/ all rows are fine (dry run: nothing written)')
    console.log(`已写入 ${dataDir} / written`)
    await inviteAdmins(app.store, runtime, communityId)
  } finally {
    app.close()
  }
}

/** One-time links for the community's admins who have no password yet, so they can sign in. */
async function inviteAdmins(uow: UnitOfWork, runtime: Parameters<typeof runWrite>[0], communityId: string) {
  const admins = (await uow.read((r) => r.users.listStaff(communityId))).filter((u) => u.roles.includes('admin'))
  const origin = process.env.REDGRID_ORIGIN ?? `http://localhost:${process.env.PORT ?? 8080}`
  for (const admin of admins) {
    if (await uow.read((r) => r.identity.credentialOf(admin.id))) continue
    // the setup tool invites as the system: no person stands behind it
    const system: Actor = { userId: '', communityId, roles: ['admin', 'staff'], name: '社区设置工具' }
    const link = await runWrite(runtime, (ctx) => invite(ctx, system, { userId: admin.id }))
    console.log(
      `管理员 ${admin.name} 设置密码的一次性链接（7 天内有效）/ ${admin.name} sets a password here: ${origin}/invite?token=${link.token}`,
    )
  }
}

async function cloud(sheets: Awaited<ReturnType<typeof readSheets>>, communityName: string, dryRun: boolean) {
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env
  if (!TCB_ENV_ID || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('需要 TCB_ENV_ID、TCB_SECRET_ID、TCB_SECRET_KEY / set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY')
    process.exit(2)
  }
  const tcb = require('@cloudbase/node-sdk')
  const app = tcb.init({ env: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY })
  const communityId = option('--community') ?? derivedId('c', communityName)
  const result = await importToCloud(app.database(), communityId, sheets, dryRun, Date.now())
  console.log(describe(result.preview))
  if (result.preview.errors.length) process.exit(1)
  for (const l of result.links) console.log(`管理员 ${l.name}：在微信中打开小程序页面 ${l.path}（7 天内有效，只能用一次）完成绑定`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
