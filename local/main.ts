// `npm run serve`: the local gateway on PORT (8080) with SQLite in REDGRID_DATA (.data/), seeded.
// `npm run serve:cloud` (`--cloud`): the same HTTP contract answered by the built cloud functions on
// the CloudBase emulator, documents and files in REDGRID_DATA/cloudbase/, seeded the same way.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { composeLocal } from '../cloudfunctions/compose'
import type { Backend } from './gateway'
import { createGateway } from './gateway'
import { localBackend } from './local-backend'
import { seedDemo } from './seed'

const TICK_EVERY_MS = 60_000

interface Mode {
  backend: Backend
  /** The scheduler's minute tick (the timer trigger's, in cloud mode). */
  tick(): Promise<unknown>
  /** What the start line adds after the data folder and demo switch. */
  note: string
  close(): Promise<void> | void
}

type Log = (message: string, error?: unknown) => void

async function openLocal(dataDir: string, demo: boolean, log: Log): Promise<Mode> {
  const app = composeLocal({ dataDir, demo, log })
  if (await seedDemo(app)) console.log(`[redgrid] 已创建演示社区 / seeded the demo communities in ${dataDir}`)
  return { backend: localBackend(app), tick: app.tick, note: '', close: () => app.close() }
}

async function openCloud(dataDir: string, log: Log): Promise<Mode> {
  // loaded only here: local mode never starts the emulator or loads the SDKs
  const { startCloudMode } = await import('./cloud-backend')
  const functionsDir = path.resolve(process.env.REDGRID_FUNCTIONS ?? 'build/functions')
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
  const port = Number(process.env.PORT ?? 8080)
  // all interfaces unless HOST names one (tests bind 127.0.0.1)
  const host = process.env.HOST || undefined
  const dataDir = path.resolve(process.env.REDGRID_DATA ?? '.data')
  const demo = process.env.REDGRID_DEMO !== '0'
  const staticDir = path.resolve(process.env.REDGRID_STATIC ?? 'dist-h5')
  mkdirSync(dataDir, { recursive: true })

  const log = (message: string, error?: unknown) => console.error(`[redgrid] ${message}`, error ?? '')
  const mode = process.argv.includes('--cloud') ? await openCloud(dataDir, log) : await openLocal(dataDir, demo, log)

  const server = createGateway(mode.backend, { demo, staticDir, log })
  const timer = setInterval(() => {
    mode.tick().catch((e) => log('scheduler tick failed', e))
  }, TICK_EVERY_MS)
  timer.unref()

  server.listen(port, host, () => {
    const addr = server.address()
    const actual = typeof addr === 'object' && addr ? addr.port : port
    console.log(`[redgrid] 红网邻里 running at http://localhost:${actual}/  (data: ${dataDir}, demo: ${demo ? 'on' : 'off'}${mode.note})`)
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
