// What the main thread does during the H5 app's first load, task by task: Chromium's own trace
// (unthrottled), each task of 8 ms or more with what it spent its time on (script by file, layout, style,
// paint), and a summary line per run with what Lighthouse's ×4 CPU throttling would count as blocking after
// the first paint. A tool for taking the Lighthouse figures apart (bench/README.md, "The first load on a
// phone"), not a figure of `npm run bench`.
//   node --import tsx bench/first-load-trace.ts            the sign-in page, 2 runs
//   TRACE_PAGE=home TRACE_RUNS=4 BENCH_H5=<dir> …           a signed-in resident's home, another build
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { ROOT, startGateway } from './lib'

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: { name?: string; data?: Record<string, unknown> }
}

const KINDS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'FireAnimationFrame',
  'RunMicrotasks',
  'MinorGC',
  'MajorGC',
  'EventDispatch',
])

async function once(url: string, home: boolean) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await (await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true })).newPage()
    if (home) {
      const res = await fetch(`${url}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'u_wangxl' }),
      })
      const body = (await res.json()) as { data: { token: string; user: unknown } }
      await page.goto(`${url}/api/health`)
      await page.evaluate(
        (v) => localStorage.setItem('redgrid.auth', v),
        JSON.stringify({ data: { token: body.data.token, user: body.data.user } }),
      )
    }
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'],
    })
    await page.goto(`${url}${home ? '/#/pages/index/index' : '/'}`, { waitUntil: 'networkidle' })
    await page.waitForTimeout(800)
    return (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents
  } finally {
    await browser.close()
  }
}

function describe(events: TraceEvent[], host: string) {
  // the renderer that navigated to the app, its main thread
  const nav = events.find((e) => e.name === 'navigationStart' && String(e.args?.data?.documentLoaderURL ?? '').includes(host))
  if (!nav) throw new Error('no navigation to the app in the trace')
  const main = events.find((e) => e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain')
  const ev = events.filter((e) => e.pid === nav.pid && e.tid === main?.tid && e.ph === 'X' && e.ts >= nav.ts).sort((a, b) => a.ts - b.ts)
  const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid)
  const lcp = events.filter((e) => e.name === 'largestContentfulPaint::Candidate' && e.pid === nav.pid)
  const at = (ts: number) => ((ts - nav.ts) / 1000).toFixed(0)
  const tasks = ev.filter((e) => e.name === 'RunTask')
  let blocking = 0
  const lines: string[] = []
  for (const t of tasks) {
    const ms = (t.dur ?? 0) / 1000
    if (fcp && t.ts > fcp.ts) blocking += Math.max(0, 4 * ms - 50)
    if (ms < 8) continue
    const by = new Map<string, number>()
    for (const k of ev) {
      if (k.ts < t.ts || k.ts + (k.dur ?? 0) > t.ts + (t.dur ?? 0) || k === t || !KINDS.has(k.name)) continue
      const data = k.args?.data ?? {}
      const file = String(data.url || data.styleSheetUrl || '')
        .split('/')
        .pop()
      const label = file && k.name !== 'Layout' ? `${k.name} ${file}${data.functionName ? `:${data.functionName}` : ''}` : k.name
      by.set(label, (by.get(label) ?? 0) + (k.dur ?? 0) / 1000)
    }
    const parts = [...by].sort((a, b) => b[1] - a[1]).slice(0, 6)
    lines.push(`  @${at(t.ts)} ${ms.toFixed(0)} ms: ${parts.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | ')}`)
  }
  const sum = (name: string) => ev.filter((e) => e.name === name).reduce((a, e) => a + (e.dur ?? 0), 0) / 1000
  const busy = tasks.reduce((a, e) => a + (e.dur ?? 0), 0) / 1000
  lines.push(
    `  FCP ${fcp ? at(fcp.ts) : '?'} ms, LCP candidates ${lcp.map((e) => at(e.ts)).join(', ')} ms; busy ${busy.toFixed(0)} ms (script ${(sum('EvaluateScript') + sum('FunctionCall')).toFixed(0)}, layout ${sum('Layout').toFixed(0)}, style ${sum('UpdateLayoutTree').toFixed(0)}); blocking after FCP ×4: ${blocking.toFixed(0)} ms`,
  )
  return lines
}

async function main() {
  const home = process.env.TRACE_PAGE === 'home'
  const runs = Number(process.env.TRACE_RUNS ?? 2)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-first-load-'))
  const h5 = path.resolve(process.env.BENCH_H5 ?? path.join(ROOT, 'dist-h5'))
  const { url, child } = await startGateway(dir, { REDGRID_STATIC: h5 })
  try {
    for (let i = 0; i < runs; i++) {
      console.log(`${home ? 'resident home' : 'sign-in'}, run ${i + 1}:`)
      for (const line of describe(await once(url, home), url.replace('http://', ''))) console.log(line)
    }
  } finally {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
