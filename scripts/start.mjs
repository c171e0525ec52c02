// `npm start`: build the H5 app if it is missing (or REDGRID_REBUILD=1), then run the local gateway
// that serves it with the API on one port. `npm run serve:cloud` (--cloud): the same, with the cloud
// functions built too when missing or stale, answered by them on the CloudBase emulator.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureFunctions } from './functions-fresh.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const h5 = path.join(root, 'dist-h5', 'index.html')

if (!existsSync(h5) || process.env.REDGRID_REBUILD === '1') {
  console.log('[redgrid] 正在构建 H5 应用（首次约 30 秒）/ building the H5 app (about 30 s the first time)…')
  const built = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (built.status !== 0) {
    console.error('[redgrid] H5 构建失败 / the H5 build failed')
    process.exit(built.status ?? 1)
  }
}

const cloud = process.argv.includes('--cloud')
if (cloud) ensureFunctions(root)

const gateway = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'local', 'main.ts'), ...(cloud ? ['--cloud'] : [])], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => gateway.kill(signal))
gateway.on('exit', (code) => process.exit(code ?? 0))
