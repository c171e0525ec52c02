// H5 first contentful paint in headless Chromium on localhost, median of 5 fresh browser contexts,
// phone viewport, served by the local gateway as in production.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { ROOT, percentile, report, startGateway } from './lib'

const RUNS = 5
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-fcp-'))
  const { url, child } = await startGateway(dir, { REDGRID_STATIC: path.join(ROOT, 'dist-h5') })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS })
  try {
    const fcps: number[] = []
    const loads: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
      const page = await context.newPage()
      await page.goto(`${url}/`, { waitUntil: 'load' })
      const fcp = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const seen = performance.getEntriesByName('first-contentful-paint')[0]
            if (seen) return resolve(seen.startTime)
            new PerformanceObserver((list) => {
              const e = list.getEntriesByName('first-contentful-paint')[0]
              if (e) resolve(e.startTime)
            }).observe({ type: 'paint', buffered: true })
          }),
      )
      fcps.push(fcp)
      loads.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.duration ?? Number.NaN))
      await context.close()
    }
    fcps.sort((a, b) => a - b)
    loads.sort((a, b) => a - b)
    report('fcp', [
      {
        name: `H5 first contentful paint (median of ${RUNS})`,
        value: percentile(fcps, 50),
        unit: 'ms',
        target: '≤ 1000',
        pass: percentile(fcps, 50) <= 1000,
      },
      { name: `H5 load event (median of ${RUNS})`, value: percentile(loads, 50), unit: 'ms' },
    ])
  } finally {
    await browser.close()
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
