// The built functions (build/functions) for what runs them — npm test, serve:cloud, the cloud-mode
// journeys: built when missing, older than their sources, or REDGRID_REBUILD=1 (esbuild, ~10 s).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const SOURCES = ['cloudfunctions', 'types', 'scripts/build-functions.mjs']

function newest(p) {
  if (!existsSync(p)) return 0
  const s = statSync(p)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), 0)
}

/** Why build/functions must be built now, or null when it is up to date. */
export function functionsStale(root) {
  const out = path.join(root, 'build', 'functions')
  const bundles = existsSync(out) ? readdirSync(out).map((fn) => path.join(out, fn, 'index.js')) : []
  if (bundles.length === 0 || !bundles.every((b) => existsSync(b))) return 'missing'
  const built = Math.min(...bundles.map((b) => statSync(b).mtimeMs))
  if (SOURCES.some((s) => newest(path.join(root, s)) > built)) return 'older than cloudfunctions/'
  return process.env.REDGRID_REBUILD === '1' ? 'REDGRID_REBUILD=1' : null
}

/** Builds build/functions if it is stale; exits the process if the build fails. */
export function ensureFunctions(root, log = console.log) {
  const why = functionsStale(root)
  if (!why) return
  log(`[redgrid] build/functions ${why}: building the cloud functions (npm run build:functions)…`)
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-functions.mjs')], { cwd: root, encoding: 'utf8' })
  if (built.status !== 0) {
    console.error(`${built.stdout}\n${built.stderr}\n[redgrid] the cloud functions did not build`)
    process.exit(built.status ?? 1)
  }
}
