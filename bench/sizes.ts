// Sizes users and deploys feel: the weapp main package and subpackages, H5 JS gzipped, each cloud
// function bundle and its require time. Reads the production builds (run them first: npm run bench does).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { type Figure, ROOT, report } from './lib'

const KB = 1024

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(p) : [p]
  })
}

const bytes = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0)

/** Main package = everything in dist/ outside the subpackage roots (license files are not shipped). */
export function weappSizes(dist = path.join(ROOT, 'dist')) {
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const shipped = filesUnder(dist).filter((f) => !f.endsWith('.LICENSE.txt'))
  const inRoot = (f: string, r: string) => path.relative(dist, f).split(path.sep).join('/').startsWith(`${r}/`)
  const sub = Object.fromEntries(roots.map((r) => [r, bytes(shipped.filter((f) => inRoot(f, r)))]))
  const main = bytes(shipped.filter((f) => !roots.some((r) => inRoot(f, r))))
  return { main, sub }
}

export function h5Sizes(dist = path.join(ROOT, 'dist-h5')) {
  const js = filesUnder(dist).filter((f) => f.endsWith('.js'))
  return { raw: bytes(js), gzip: js.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0), files: js.length }
}

/** Milliseconds a fresh node takes to `require` this file (run from `cwd`), or NaN when it fails to load. */
function requireMs(file: string, cwd: string): number {
  const run = spawnSync(
    process.execPath,
    ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
    { encoding: 'utf8', cwd },
  )
  return run.status === 0 ? Number(run.stdout.trim()) : Number.NaN
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Fresh processes per figure; the median is reported (a busy machine moves single runs by 2×, and with 3
 * the same build gave 41–50 ms in one run of the bench and 41–66 ms in the next).
 */
const RUNS = 7

function functionSizes(dir = path.join(ROOT, 'build', 'functions')) {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((fn) => existsSync(path.join(dir, fn, 'index.js')))
    .map((fn) => {
      const file = path.join(dir, fn, 'index.js')
      // no node_modules beside the bundle: the SDKs must load lazily
      const runs = Array.from({ length: RUNS }, () => requireMs(file, path.dirname(file)))
      return { fn, size: statSync(file).size, requireMs: median(runs), loaded: runs.every((ms) => !Number.isNaN(ms)) }
    })
}

/** The same measure for a bare `require('zod')` (the whole package, as installed): the yardstick for this machine. */
const zodRequireMs = () => median(Array.from({ length: RUNS }, () => requireMs('zod', ROOT)))

function main() {
  const figures: Figure[] = []
  if (existsSync(path.join(ROOT, 'dist', 'app.json'))) {
    const w = weappSizes()
    figures.push({ name: 'weapp main package', value: w.main / KB, unit: 'KiB', target: '≤ 700', pass: w.main <= 700 * KB })
    for (const [root, size] of Object.entries(w.sub))
      figures.push({ name: `weapp subpackage ${root}/`, value: size / KB, unit: 'KiB', target: '≤ 1024', pass: size <= 1024 * KB })
  } else console.log('  (no dist/: run npm run build:weapp)')
  if (existsSync(path.join(ROOT, 'dist-h5', 'index.html'))) {
    const h = h5Sizes()
    figures.push({ name: `H5 JS, ${h.files} files (raw)`, value: h.raw / KB, unit: 'KiB' })
    figures.push({ name: 'H5 JS gzipped', value: h.gzip / KB, unit: 'KiB', target: '≤ 300', pass: h.gzip <= 300 * KB })
  } else console.log('  (no dist-h5/: run npm run build:h5)')
  const functions = functionSizes()
  const zod = functions.length ? zodRequireMs() : Number.NaN
  if (functions.length) figures.push({ name: `bare require('zod') in a fresh process (median of ${RUNS})`, value: zod, unit: 'ms' })
  for (const f of functions) {
    figures.push({
      name: `function ${f.fn} bundle (SDKs external)`,
      value: f.size / KB,
      unit: 'KiB',
      target: '≤ 220',
      pass: f.size <= 220 * KB,
    })
    figures.push({
      name: `function ${f.fn} require time (median of ${RUNS})`,
      value: f.requireMs,
      unit: 'ms',
      target: '≤ 50',
      pass: f.loaded && f.requireMs <= 50,
    })
    figures.push({ name: `function ${f.fn} require ÷ bare zod require`, value: f.requireMs / zod, unit: '×' })
  }
  report('sizes', figures)
}

// run directly (npm run bench:sizes), not when imported
if (process.argv[1]?.endsWith('sizes.ts')) main()
