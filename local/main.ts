// `npm run serve`: the local gateway on PORT (8080) with SQLite in REDGRID_DATA (.data/). Demo mode
// (the default) seeds the demo communities and listens on loopback; REDGRID_DEMO=0 is a community's own
// server: nothing demo, and a one-time setup link while it has no community (local/startup.ts).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { composeLocal } from '../cloudfunctions/compose'
import { trustedHops } from './client-address'
import { createGateway } from './gateway'
import { seedDemo } from './seed'
import { setupNotice, startPlan } from './startup'

const TICK_EVERY_MS = 60_000

async function main() {
  const plan = startPlan(process.env)
  if (plan.refusal) {
    console.error(plan.refusal)
    process.exit(1)
  }
  const { port, host, demo } = plan
  const dataDir = path.resolve(process.env.REDGRID_DATA ?? '.data')
  const staticDir = path.resolve(process.env.REDGRID_STATIC ?? 'dist-h5')
  const trustProxy = trustedHops(process.env.TRUST_PROXY)
  const reserveMb = process.env.REDGRID_DISK_RESERVE_MB ? Number(process.env.REDGRID_DISK_RESERVE_MB) : undefined
  mkdirSync(dataDir, { recursive: true })
  for (const notice of plan.notices) console.log(notice)

  const log = (message: string, error?: unknown) => console.error(`[redgrid] ${message}`, error ?? '')
  const app = composeLocal({ dataDir, demo, log, reserveBytes: reserveMb === undefined ? undefined : reserveMb * 1024 * 1024 })
  if (demo && (await seedDemo(app))) console.log(`[redgrid] 已创建演示社区 / seeded the demo communities in ${dataDir}`)

  const server = createGateway(app, { demo, staticDir, log, trustProxy })
  const timer = setInterval(() => {
    app.tick().catch((e) => log('scheduler tick failed', e))
  }, TICK_EVERY_MS)
  timer.unref()

  server.listen(port, host, async () => {
    const addr = server.address()
    const actual = typeof addr === 'object' && addr ? addr.port : port
    const origin = `http://localhost:${actual}`
    if (!demo && (await app.store.read((repos) => repos.places.communities())).length === 0) {
      const link = await app.setupLink()
      console.log(setupNotice(`${origin}/setup?token=${link.token}`, link.expiresAt))
    }
    console.log(`[redgrid] 红网邻里 running at ${origin}/  (listening on ${host}, data: ${dataDir}, demo: ${demo ? 'on' : 'off'})`)
  })

  const stop = () => {
    clearInterval(timer)
    server.close(() => {
      app.close()
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
