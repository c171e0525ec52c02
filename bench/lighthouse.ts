// The first load on a phone, as Lighthouse scores it: lighthouse (mobile form factor, its default
// simulated throttling — slow 4G, 4× CPU slowdown) on the H5 build served by the local gateway as in
// production, performance category only, median of 3 fresh browsers per page: the sign-in page and a
// signed-in resident's home (王秀兰, her session put where the app keeps it, as the e2e journeys do).
// BENCH_LIGHTHOUSE_JSON=<dir> keeps each run's full report (lhr JSON) there; BENCH_H5=<dir> measures
// another H5 build (an A/B of a change); BENCH_LIGHTHOUSE_PAGES=sign-in measures only the pages named.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { type Figure, ROOT, percentile, report, startGateway } from './lib'

const RUNS = 3
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
const RESIDENT = 'u_wangxl'

interface Page {
  name: string
  path: string
  /** localStorage the page starts with (the app's session), or none: signed out. */
  storage?: (url: string) => Promise<Record<string, string>>
}

interface Run {
  score: number
  lcp: number
  fcp: number
  tbt: number
  transfer: number
  lcpElement: string
}

const PAGES: Page[] = [
  { name: 'sign-in', path: '/' },
  {
    name: 'resident home',
    path: '/#/pages/index/index',
    async storage(url) {
      const res = await fetch(`${url}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: RESIDENT }),
      })
      const body = (await res.json()) as { ok: boolean; data?: { token: string; user: unknown }; error?: unknown }
      if (!body.ok || !body.data) throw new Error(`demo sign-in of ${RESIDENT}: ${JSON.stringify(body.error)}`)
      return {
        'redgrid.auth': JSON.stringify({ data: { token: body.data.token, user: body.data.user } }),
        'redgrid.demoClock': JSON.stringify({ data: true }),
      }
    },
  },
]

async function once(url: string, page: Page, keep?: string, n = 0): Promise<Run> {
  const { default: lighthouse } = await import('lighthouse')
  const { launch } = await import('chrome-launcher')
  const chrome = await launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS })
  try {
    const storage = page.storage ? await page.storage(url) : null
    if (storage) {
      // a fresh profile: the session goes in from a page of the same origin that loads none of the app
      // (so the HTTP cache stays cold), and Lighthouse is told not to clear it
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`)
      const tab = await browser.contexts()[0].newPage()
      await tab.goto(`${url}/api/health`)
      await tab.evaluate((items) => {
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v)
      }, storage)
      await tab.close()
      await browser.close()
    }
    const result = await lighthouse(`${url}${page.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      formFactor: 'mobile',
      disableStorageReset: !!storage,
    })
    if (!result) throw new Error('lighthouse gave no result')
    const lhr = result.lhr
    if (keep) writeFileSync(path.join(keep, `${page.name.replace(/\W+/g, '-')}-${n}.json`), JSON.stringify(lhr))
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    const lcpItems = (
      lhr.audits['largest-contentful-paint-element']?.details as { items?: Array<{ items?: Array<{ node?: { snippet?: string } }> }> }
    )?.items?.[0]?.items
    return {
      score: Math.round((lhr.categories.performance.score ?? Number.NaN) * 100),
      lcp: audit('largest-contentful-paint'),
      fcp: audit('first-contentful-paint'),
      tbt: audit('total-blocking-time'),
      transfer: audit('total-byte-weight'),
      lcpElement: lcpItems?.[0]?.node?.snippet ?? '',
    }
  } finally {
    await chrome.kill()
  }
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-lighthouse-'))
  const keep = process.env.BENCH_LIGHTHOUSE_JSON ? path.resolve(process.env.BENCH_LIGHTHOUSE_JSON) : undefined
  if (keep) mkdirSync(keep, { recursive: true })
  const h5 = path.resolve(process.env.BENCH_H5 ?? path.join(ROOT, 'dist-h5'))
  const { url, child } = await startGateway(dir, { REDGRID_STATIC: h5 })
  const only = process.env.BENCH_LIGHTHOUSE_PAGES?.split(',')
  const loadBefore = os.loadavg()[0]
  const figures: Figure[] = []
  const runs: Record<string, Run[]> = {}
  try {
    for (const page of PAGES.filter((p) => !only || only.includes(p.name))) {
      const seen: Run[] = []
      for (let i = 0; i < RUNS; i++) seen.push(await once(url, page, keep, i))
      runs[page.name] = seen
      // the median run by score (its own LCP, FCP, … reported with it would mix runs); each figure's own median
      const med = (k: keyof Omit<Run, 'lcpElement'>) =>
        percentile(
          seen.map((r) => r[k]).sort((a, b) => a - b),
          50,
        )
      const score = med('score')
      const lcp = med('lcp')
      figures.push(
        { name: `Lighthouse ${page.name}: performance`, value: score, unit: 'score', target: '≥ 95', pass: score >= 95 },
        { name: `Lighthouse ${page.name}: LCP`, value: lcp, unit: 'ms', target: '≤ 2500', pass: lcp <= 2500 },
        { name: `Lighthouse ${page.name}: FCP`, value: med('fcp'), unit: 'ms' },
        { name: `Lighthouse ${page.name}: TBT`, value: med('tbt'), unit: 'ms' },
        { name: `Lighthouse ${page.name}: total transfer`, value: med('transfer') / 1024, unit: 'KiB' },
      )
      console.log(
        `${page.name}: ${seen.map((r) => `${r.score} (LCP ${Math.round(r.lcp)} ms, FCP ${Math.round(r.fcp)} ms, TBT ${Math.round(r.tbt)} ms, ${Math.round(r.transfer / 1024)} KiB)`).join(' · ')}`,
      )
      // Lighthouse 12.2.3 cannot name it with Debian's Chromium (its TraceElements gatherer fails on the trace)
      if (seen[0].lcpElement) console.log(`  LCP element: ${seen[0].lcpElement}`)
    }
    // simulated throttling multiplies the main thread's observed work by 4: on a shared machine the
    // load average moves TBT (and so the score) far more than any change does — it is kept with the figures
    const load = { before: loadBefore, after: os.loadavg()[0], cores: os.cpus().length }
    console.log(`load average ${load.before.toFixed(1)} → ${load.after.toFixed(1)} on ${load.cores} cores`)
    report('lighthouse', figures, {
      runs: RUNS,
      lighthouse: '12.2.3',
      throttling: 'simulated (mobile slow 4G, 4× CPU)',
      loadAverage: load,
      raw: runs,
    })
  } finally {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
