// `npm start`: build the H5 app if it is missing (or REDGRID_REBUILD=1), then run the local gateway
// that serves it with the API on one port. `npm run serve:cloud` (--cloud): the same, with the cloud
// functions built too when missing or stale, answered by them on the CloudBase emulator.
// In a terminal the build draws its progress bar; in a log (`npm start | cat`, CI, a service manager)
// it says one line before and one after, and prints the build's whole output only when the build
// fails, so every error is there in full.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { ensureFunctions } from './functions-fresh.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const h5 = path.join(root, 'dist-h5', 'index.html')
const say = (line) => console.log(`[redgrid] ${line}`)

function build() {
  const t0 = Date.now()
  say('正在构建 H5 应用（首次约 30 秒）/ building the H5 app (about 30 s the first time)…')
  const env = { ...process.env, NODE_ENV: 'production' }
  const args = ['taro', 'build', '--type', 'h5']
  if (process.stdout.isTTY) return spawnSync('npx', args, { cwd: root, stdio: 'inherit', env }).status === 0
  const built = spawnSync('npx', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const output = stripVTControlCharacters(`${built.stdout ?? ''}${built.stderr ?? ''}`)
  const log = path.join(root, 'node_modules', '.cache', 'redgrid', 'h5-build.log')
  mkdirSync(path.dirname(log), { recursive: true })
  writeFileSync(log, output)
  if (built.status !== 0 || !existsSync(h5)) {
    console.error(output.trimEnd())
    return false
  }
  say(`H5 应用已构建 / built in ${Math.round((Date.now() - t0) / 1000)} s (log: ${path.relative(root, log)})`)
  return true
}

if (!existsSync(h5) || process.env.REDGRID_REBUILD === '1') {
  if (!build()) {
    console.error('[redgrid] H5 构建失败 / the H5 build failed')
    process.exit(1)
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
