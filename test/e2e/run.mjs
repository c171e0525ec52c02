// `npm run test:e2e`: browser journeys on the production H5 build, served by the local gateway on a
// fresh data folder, in Debian's Chromium at phone size. Screenshots go to test-output/e2e/<journey>/.
//
//   node test/e2e/run.mjs                 all journeys
//   node test/e2e/run.mjs order-loop mall only journeys whose name contains "order-loop" or "mall"
//   node test/e2e/run.mjs --cloud [name]  in cloud mode: the gateway answered by the built functions on
//                                         the CloudBase emulator (npm run serve:cloud), built if stale
//   REDGRID_REBUILD=1 npm run test:e2e    rebuild dist-h5/ first (otherwise built only when missing)
//   CHROMIUM=/path/to/chrome              another browser binary (default /usr/bin/chromium)
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureFunctions } from '../../scripts/functions-fresh.mjs'
import { startGateway } from './lib/gateway.mjs'
import { Journey, SkipJourney } from './lib/harness.mjs'
import activities from './journeys/activities.mjs'
import drafts from './journeys/drafts.mjs'
import elderMode from './journeys/elder-mode.mjs'
import gettingAround from './journeys/getting-around.mjs'
import gridStreet from './journeys/grid-street.mjs'
import gridTasks from './journeys/grid-tasks.mjs'
import households from './journeys/households.mjs'
import care from './journeys/care.mjs'
import mall from './journeys/mall.mjs'
import orderLoop from './journeys/order-loop.mjs'
import passkeys from './journeys/passkeys.mjs'
import sharedCards from './journeys/shared-cards.mjs'
import history from './journeys/history.mjs'
import workbench from './journeys/workbench.mjs'
import formFields from './journeys/form-fields.mjs'
import readmeWalk from './journeys/readme-walk.mjs'
import rejectedCancelled from './journeys/rejected-cancelled.mjs'
import myData from './journeys/my-data.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(path.join(root, 'package.json'))
const { chromium } = require('playwright-core')

// the grid and the street, then activities: both move the gateway's test clock forward (a referral's
// deadline; the activity's check-in and end)
const JOURNEYS = [
  readmeWalk,
  formFields,
  orderLoop,
  rejectedCancelled,
  elderMode,
  drafts,
  gettingAround,
  mall,
  gridStreet,
  activities,
  workbench,
  households,
  passkeys,
  sharedCards,
  care,
  gridTasks,
  // last: it deletes 陈淑珍
  myData,
  // only with --history: a gateway of its own, seeded with the demo's year
  history,
]
const JOURNEY_TIMEOUT_MS = 300_000
const RUN_TIMEOUT_MS = 25 * 60_000
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const H5 = path.join(root, 'dist-h5')
const args = process.argv.slice(2)
const cloud = args.includes('--cloud')
// --history: the gateway as `npm start` starts it, the demo with its year of history; only journeys for it
const withHistory = args.includes('--history')
const only = args.filter((a) => !a.startsWith('--'))
const OUT = path.join(root, 'test-output', cloud ? 'e2e-cloud' : 'e2e')

const t0 = Date.now()
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`
const log = (...a) => console.log(`[e2e ${secs()}]`, ...a)

let gateway = null
/** A journey's own gateway (freshGateway), stopped with the rest if the run is cut short. */
let own = null
let browser = null
let snapshot = null
async function cleanup() {
  await browser?.close().catch(() => {})
  browser = null
  await own?.stop().catch(() => {})
  own = null
  await gateway?.stop().catch(() => {})
  gateway = null
  if (snapshot) rmSync(snapshot, { recursive: true, force: true })
  snapshot = null
}

const watchdog = setTimeout(async () => {
  console.error(`[e2e] the whole run took longer than ${RUN_TIMEOUT_MS / 1000} s: stopping`)
  await cleanup()
  process.exit(2)
}, RUN_TIMEOUT_MS)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await cleanup()
    process.exit(130)
  })
}

function ensureH5Build() {
  const index = path.join(H5, 'index.html')
  if (existsSync(index) && process.env.REDGRID_REBUILD !== '1') {
    const newest = newestMtime(path.join(root, 'src'))
    if (newest > statSync(index).mtimeMs) log('note: src/ has changed since dist-h5/ was built; REDGRID_REBUILD=1 rebuilds it')
    return
  }
  log('building the H5 app (npx taro build --type h5)…')
  const built = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
    timeout: 5 * 60_000,
  })
  if (built.status !== 0 || !existsSync(index)) throw new Error('the H5 build failed')
}

function newestMtime(dir) {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

function withTimeout(promise, ms, what) {
  let timer
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms)
    }),
  ]).finally(() => clearTimeout(timer))
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`)
  ensureH5Build()
  if (cloud) ensureFunctions(root, log)
  const selected = JOURNEYS.filter((j) => !!j.history === withHistory && (only.length === 0 || only.some((name) => j.name.includes(name))))
  if (selected.length === 0) throw new Error(`no journey matches ${only.map((n) => `"${n}"`).join(' or ')}`)
  for (const j of selected) rmSync(path.join(OUT, j.name), { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })

  // serve a copy: others may rebuild dist-h5/ while the journeys run
  snapshot = mkdtempSync(path.join(os.tmpdir(), 'redgrid-e2e-h5-'))
  cpSync(H5, snapshot, { recursive: true })
  if (!existsSync(path.join(snapshot, 'index.html'))) throw new Error('dist-h5/ has no index.html (a build in progress?)')
  gateway = await startGateway({ root, staticDir: snapshot, cloud, history: withHistory })
  log(`gateway at ${gateway.url} (data ${gateway.dataDir}${cloud ? ', cloud mode: built functions on the CloudBase emulator' : ''})`)
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  log(`browser ${browser.version()}`)

  const results = []
  for (const def of selected) {
    // a journey that must meet the demo as a fresh clone has it (README's walk) gets a gateway of its own
    own = def.freshGateway ? await startGateway({ root, staticDir: snapshot, cloud }) : null
    const gw = own ?? gateway
    const j = new Journey({ name: def.name, title: def.title, browser, baseUrl: gw.url, gateway: gw, outRoot: OUT, root, h5Dir: snapshot })
    const started = Date.now()
    log(`▶ ${def.name} — ${def.title}`)
    let status = 'passed'
    let reason = ''
    try {
      await withTimeout(def.run(j), def.timeoutMs ?? JOURNEY_TIMEOUT_MS, def.name)
    } catch (e) {
      if (e instanceof SkipJourney) {
        status = 'skipped'
        reason = e.message
      } else {
        status = 'failed'
        reason = e?.stack || String(e)
        for (const a of j.actors) {
          await a.page.screenshot({ path: path.join(j.dir, `fail-${a.label}.png`), timeout: 5_000 }).catch(() => {})
        }
      }
    }
    await j.close()
    await own?.stop()
    own = null
    if (status !== 'skipped' && j.problems.length > 0) {
      status = 'failed'
      reason = [reason, 'console errors / failed requests:', ...j.problems.map((p) => `  - ${p}`)].filter(Boolean).join('\n')
    }
    const ms = Date.now() - started
    results.push({ name: def.name, status, reason, ms, shots: j.shots, findings: j.findings, axe: j.axeResults })
    const mark = status === 'passed' ? '✔' : status === 'skipped' ? '○' : '✘'
    log(`${mark} ${def.name} ${status} in ${(ms / 1000).toFixed(1)}s${j.shots.length ? ` (${j.shots.length} screenshots)` : ''}`)
    if (reason) console.log(reason.replace(/^/gm, '    '))
  }

  await cleanup()

  const findings = results.flatMap((r) => r.findings)
  writeFileSync(path.join(OUT, 'findings.txt'), findings.length ? `${findings.join('\n')}\n` : 'none\n')
  if (findings.length) {
    console.log(`\nScreen audit (${findings.length} notes, not failures; also in ${path.relative(root, OUT)}/findings.txt):`)
    for (const f of findings) console.log(`  · ${f}`)
  }
  const checked = results.flatMap((r) => r.axe)
  if (checked.length) {
    const byRule = new Map()
    for (const { violations } of checked)
      for (const v of violations) byRule.set(`${v.impact} ${v.id}`, (byRule.get(`${v.impact} ${v.id}`) ?? 0) + 1)
    const rules = [...byRule].map(([rule, screens]) => `${rule} on ${screens} screen(s)`)
    console.log(`\naxe-core (WCAG 2 A/AA) on ${checked.length} screens: ${rules.length ? rules.join('; ') : 'no violations'}`)
  }
  const n = (s) => results.filter((r) => r.status === s).length
  console.log(`\nscreenshots: ${path.relative(root, OUT)}/<journey>/NN-name.png`)
  for (const r of results)
    console.log(
      `  ${r.status.padEnd(7)} ${r.name.padEnd(20)} ${(r.ms / 1000).toFixed(1).padStart(5)}s  ${r.status === 'skipped' ? `skipped: ${r.reason}` : r.shots.join(' ')}`,
    )
  console.log(`\n${n('passed')} passed, ${n('failed')} failed, ${n('skipped')} skipped (${secs()}${cloud ? ', cloud mode' : ''})`)
  return n('failed') === 0
}

main()
  .then(async (ok) => {
    clearTimeout(watchdog)
    await cleanup()
    process.exit(ok ? 0 : 1)
  })
  .catch(async (e) => {
    console.error(`[e2e] ${e?.stack || e}`)
    clearTimeout(watchdog)
    await cleanup()
    console.log('\n0 passed, 1 failed (the run could not start)')
    process.exit(1)
  })
