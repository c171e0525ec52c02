// `npm test`: the tests read the production builds (dist/ for the mini-program, dist-h5/ for H5, the
// cloud functions in build/functions) but never build them; this builds whichever is missing (the
// functions also when older than their sources), then runs jest with the arguments given.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { ensureFunctions } from './functions-fresh.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BUILDS = [
  { dir: 'dist', marker: 'app.json', type: 'weapp' },
  { dir: 'dist-h5', marker: 'index.html', type: 'h5' },
]

// 订阅消息: the weapp build carries the template ids of REDGRID_SUBSCRIBE_TEMPLATES (config/index.ts), and
// the cloud-mode tests run the functions with the same setting; the tests' own ids unless one is given
const subscribeTemplates =
  process.env.REDGRID_SUBSCRIBE_TEMPLATES ??
  JSON.stringify(JSON.parse(readFileSync(path.join(root, 'test/helpers/subscribe-templates.json'), 'utf8')))
/** A weapp build made without these ids (by `npm start`, or before they changed) asks for none: build again. */
function carriesTemplates(dir) {
  const ids = Object.values(JSON.parse(subscribeTemplates || '{}'))
  if (ids.length === 0) return true
  const js = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.js'))
  return js.some((f) => readFileSync(path.join(dir, String(f)), 'utf8').includes(String(ids[0])))
}
const missing = BUILDS.filter(
  (b) => !existsSync(path.join(root, b.dir, b.marker)) || (b.type === 'weapp' && !carriesTemplates(path.join(root, b.dir))),
)
if (missing.length > 0) {
  console.log(`[test] ${missing.map((b) => `${b.dir}/`).join(' and ')} missing: building first (production, about a minute each)…`)
  for (const b of missing) {
    const built = spawnSync('npx', ['taro', 'build', '--type', b.type], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', REDGRID_SUBSCRIBE_TEMPLATES: subscribeTemplates },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (built.status !== 0 || !existsSync(path.join(root, b.dir, b.marker))) {
      // webpack's progress bar fills stdout: keep what follows the first error
      const out = stripVTControlCharacters(`${built.stdout ?? ''}\n${built.stderr ?? ''}`)
      const at = out.search(/✖ Errors|ERROR|Error:/)
      console.error(
        `[test] npx taro build --type ${b.type} failed (${built.status ?? built.signal}):\n${out.slice(at >= 0 ? at : -3000).slice(0, 4000)}`,
      )
      process.exit(1)
    }
  }
}

ensureFunctions(root, (m) => console.log(m.replace('[redgrid]', '[test]')))

const jest = createRequire(import.meta.url).resolve('jest/bin/jest')
const run = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)
