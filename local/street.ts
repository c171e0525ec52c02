// `npm run street -- <id> <名称> <社区编号>… [--account <姓名> <手机>]…`: the deployment's admin sets up a
// 街道 owning these communities, with its accounts (local mode: the data folder's SQLite).
//   npm run street -- st_hongqiao 红桥街道 c_hongxing c_qingshan --account 周敏 13800039001
import path from 'node:path'
import { composeLocal } from '../cloudfunctions/compose'
import { runWrite } from '../cloudfunctions/core/runner'
import { setUpStreet } from '../cloudfunctions/core/usecases/accounts/streets'

async function main() {
  const args = process.argv.slice(2)
  const [id, name, ...rest] = args
  const communityIds: string[] = []
  const accounts: Array<{ name: string; phone: string }> = []
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--account') {
      accounts.push({ name: rest[i + 1] ?? '', phone: rest[i + 2] ?? '' })
      i += 2
    } else communityIds.push(rest[i])
  }
  if (!id || !name || communityIds.length === 0) {
    console.error('用法 / usage: npm run street -- <id> <名称> <社区编号>… [--account <姓名> <手机>]…')
    process.exit(2)
  }
  const app = composeLocal({ dataDir: path.resolve(process.env.REDGRID_DATA ?? '.data'), demo: false })
  try {
    const out = await runWrite({ uow: app.store, deps: app.deps }, (ctx) => setUpStreet(ctx, { id, name, communityIds, accounts }))
    console.log(`[redgrid] 街道「${name}」(${out.streetId}) 管辖 ${communityIds.join('、')}；账号 ${out.accountIds.join('、') || '无'}`)
  } finally {
    app.close()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
