// npm run bench — every benchmark in turn (builds first when missing), then bench/results.json and
// a Markdown table in bench/results.md. Targets are printed with pass/miss, never asserted.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Figure, ROOT, machine, round } from './lib'

const BENCHES = ['sizes', 'seed-street', 'street', 'mall', 'races', 'cloud-burst', 'routing', 'overhead', 'fcp', 'lighthouse']
const BUILDS: Array<[string, string]> = [
  ['dist/app.json', 'build:weapp'],
  ['dist-h5/index.html', 'build:h5'],
  ['build/functions/orders/index.js', 'build:functions'],
]

const t0 = Date.now()
rmSync(path.join(ROOT, 'bench', 'results.json'), { force: true })
for (const [marker, script] of BUILDS) {
  if (existsSync(path.join(ROOT, marker))) continue
  console.log(`\n> npm run ${script}`)
  const built = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}
const failed: string[] = []
// the street seed-street builds is the one street times (seeded once)
const street = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-street-'))
const ARGS: Record<string, string[]> = { 'seed-street': [street], street: [street] }
for (const bench of BENCHES) {
  const script = path.join(ROOT, 'bench', `${bench}.ts`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...(ARGS[bench] ?? [])], { cwd: ROOT, stdio: 'inherit' })
  if (run.status !== 0) failed.push(bench)
}
rmSync(street, { recursive: true, force: true })

const results = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8')) as {
  benches: Record<string, { date: string; figures: Figure[] }>
}
const m = machine()
const lines = [
  '# redgrid benchmarks',
  '',
  `${new Date().toISOString().slice(0, 10)} · ${m.cores} cores (${m.cpu}) · ${m.memoryGiB} GiB · Node ${m.node}`,
  '',
  '| bench | figure | value | unit | target | |',
  '|---|---|---:|---|---|---|',
]
for (const [bench, r] of Object.entries(results.benches)) {
  for (const f of r.figures) {
    lines.push(
      `| ${bench} | ${f.name} | ${round(f.value)} | ${f.unit} | ${f.target ?? ''} | ${f.pass === undefined ? '' : f.pass ? 'pass' : '**miss**'} |`,
    )
  }
}
writeFileSync(path.join(ROOT, 'bench', 'results.md'), `${lines.join('\n')}\n`)
console.log(`\n${lines.join('\n')}\n\nwrote bench/results.json and bench/results.md in ${Math.round((Date.now() - t0) / 1000)} s`)
if (failed.length) {
  console.error(`benchmarks that did not finish: ${failed.join(', ')}`)
  process.exit(1)
}
