// `npm test`: the tests read the production builds (dist/ for the mini-program, dist-h5/ for H5, the
// cloud functions in build/functions) but never build them; this builds whichever is missing (the
// functions also when older than their sources), then runs jest with the arguments given.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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

const missing = BUILDS.filter((b) => !existsSync(path.join(root, b.dir, b.marker)))
if (missing.length > 0) {
  console.log(`[test] ${missing.map((b) => `${b.dir}/`).join(' and ')} missing: building first (production, about a minute each)…`)
  for (const b of missing) {
    const built = spawnSync('npx', ['taro', 'build', '--type', b.type], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
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
