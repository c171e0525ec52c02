// `npm run serve`: the local gateway on PORT (8080) with SQLite in REDGRID_DATA (.data/). Demo mode
// (the default) seeds the demo communities and listens on loopback; REDGRID_DEMO=0 is a community's own
// server: nothing demo, and a one-time setup link while it has no community (local/startup.ts).
// `npm run serve:cloud` (`--cloud`): the same HTTP contract answered by the built cloud functions on
// the CloudBase emulator, documents and files in REDGRID_DATA/cloudbase/, seeded the same way.
// A fresh demo data folder (local mode) also gets 红星社区's year of history, made through the use cases
// (local/seed-history.ts) — unless REDGRID_HISTORY=0, which every test harness sets: they keep the small demo.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { composeLocal } from '../cloudfunctions/compose'
import type { Backend } from './gateway'
import { createGateway } from './gateway'
import { trustedHops } from './client-address'
import { localBackend } from './local-backend'
import { seedDemo } from './seed'
import { historyLine, seedHistory } from './seed-history'
import { setupNotice, startPlan } from './startup'
import { lanUrls } from './urls'

const TICK_EVERY_MS = 60_000
/** Connections the kernel may hold for us before we accept them (capped by net.core.somaxconn). */
const LISTEN_BACKLOG = 4096

interface Mode {
  backend: Backend
  /** The scheduler's minute tick (the timer trigger's, in cloud mode). */
  tick(): Promise<unknown>
  /** What the start line adds after the data folder and demo switch. */
  note: string
  /** A one-time setup link's token when the server has no community yet (local mode, demo off). */
  setupLink?(): Promise<{ token: string; expiresAt: number } | null>
  close(): Promise<void> | void
}

type Log = (message: string, error?: unknown) => void

/**
 * The site's origin, which passkeys are bound to: REDGRID_ORIGIN (the https address a community's server
 * is reached at, behind its proxy), else http://localhost:<port> once the gateway listens.
 */
let siteOrigin: string | undefined

async function openLocal(dataDir: string, demo: boolean, log: Log): Promise<Mode> {
  const reserveMb = process.env.REDGRID_DISK_RESERVE_MB ? Number(process.env.REDGRID_DISK_RESERVE_MB) : undefined
  const app = composeLocal({
    dataDir,
    demo,
    log,
    reserveBytes: reserveMb === undefined ? undefined : reserveMb * 1024 * 1024,
    siteOrigin: () => siteOrigin ?? 'http://localhost',
  })
  if (demo && (await seedDemo(app))) {
    console.log(`[redgrid] 已创建演示社区 / seeded the demo communities in ${dataDir}`)
    if (process.env.REDGRID_HISTORY !== '0') {
      // a history that fails part way leaves the demo as far as it got: the gateway still starts
      await seedHistory(app, dataDir).then(
        (report) => console.log(historyLine(report)),
        (e) => log('the demo history stopped part way', e),
      )
    }
  }
  const setupLink = async () => (demo || (await app.store.read((repos) => repos.places.communities())).length > 0 ? null : app.setupLink())
  return { backend: localBackend(app), tick: app.tick, note: '', setupLink, close: () => app.close() }
}

async function openCloud(dataDir: string, log: Log): Promise<Mode> {
  // loaded only here: local mode never starts the emulator or loads the SDKs
  const { startCloudMode } = await import('./cloud-backend')
  const functionsDir = path.resolve(process.env.REDGRID_FUNCTIONS ?? 'build/functions')
  // the small demo only: the year of history (local/seed-history.ts) runs the use cases in this process on
  // SQLite; here each of its ≈2,500 calls would be a function invocation on the emulator
  const cloud = await startCloudMode({ dataDir, functionsDir, log })
  if (cloud.seeded)
    console.log(`[redgrid] 已创建演示社区（云开发模拟器）/ seeded the demo communities in the CloudBase emulator (${dataDir}/cloudbase)`)
  return {
    backend: cloud.backend,
    tick: cloud.tick,
    note: `, cloud mode: functions ${functionsDir} on ${cloud.emulator.url}`,
    close: cloud.close,
  }
}

async function main() {
  const plan = startPlan(process.env)
  if (plan.refusal) {
    console.error(plan.refusal)
    process.exit(1)
  }
  const { port, host, demo } = plan
  siteOrigin = plan.origin
  const dataDir = path.resolve(process.env.REDGRID_DATA ?? '.data')
  const staticDir = path.resolve(process.env.REDGRID_STATIC ?? 'dist-h5')
  const trustProxy = trustedHops(process.env.TRUST_PROXY)
  mkdirSync(dataDir, { recursive: true })
  for (const notice of plan.notices) console.log(notice)

  const log = (message: string, error?: unknown) => console.error(`[redgrid] ${message}`, error ?? '')
  const mode = process.argv.includes('--cloud') ? await openCloud(dataDir, log) : await openLocal(dataDir, demo, log)

  const server = createGateway(mode.backend, { demo, staticDir, log, trustProxy })
  const timer = setInterval(() => {
    mode.tick().catch((e) => log('scheduler tick failed', e))
  }, TICK_EVERY_MS)
  timer.unref()

  // a burst of new connections beyond the listen backlog (Node's default 511) waits for its SYN to be sent
  // again (1 s, 3 s, 7 s…): a Saturday morning's phones connecting at once get a queue as long as the kernel allows
  server.listen(port, host, LISTEN_BACKLOG, async () => {
    const addr = server.address()
    const actual = typeof addr === 'object' && addr ? addr.port : port
    const origin = `http://localhost:${actual}`
    siteOrigin ??= origin
    const link = await mode.setupLink?.()
    if (link) console.log(setupNotice(`${origin}/setup?token=${link.token}`, link.expiresAt))
    console.log(
      `[redgrid] 红网邻里 running at ${origin}/  (listening on ${host}, data: ${dataDir}, demo: ${demo ? 'on' : 'off'}${mode.note})`,
    )
    for (const url of lanUrls(host, actual)) console.log(`[redgrid] 同一网络的手机可以打开 / on your network: ${url}`)
  })

  const stop = () => {
    clearInterval(timer)
    server.close(async () => {
      await mode.close()
      process.exit(0)
    })
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
