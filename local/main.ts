// `npm run serve`: the local gateway on PORT (8080) with SQLite in REDGRID_DATA (.data/), seeded.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { composeLocal } from '../cloudfunctions/compose'
import { createGateway } from './gateway'
import { localBackend } from './local-backend'
import { seedDemo } from './seed'

const TICK_EVERY_MS = 60_000

async function main() {
  const port = Number(process.env.PORT ?? 8080)
  // all interfaces unless HOST names one (tests bind 127.0.0.1)
  const host = process.env.HOST || undefined
  const dataDir = path.resolve(process.env.REDGRID_DATA ?? '.data')
  const demo = process.env.REDGRID_DEMO !== '0'
  const staticDir = path.resolve(process.env.REDGRID_STATIC ?? 'dist-h5')
  mkdirSync(dataDir, { recursive: true })

  const log = (message: string, error?: unknown) => console.error(`[redgrid] ${message}`, error ?? '')
  const app = composeLocal({ dataDir, demo, log })
  if (await seedDemo(app)) console.log(`[redgrid] 已创建演示社区 / seeded the demo communities in ${dataDir}`)

  const server = createGateway(localBackend(app), { demo, staticDir, log })
  const timer = setInterval(() => {
    app.tick().catch((e) => log('scheduler tick failed', e))
  }, TICK_EVERY_MS)
  timer.unref()

  server.listen(port, host, () => {
    const addr = server.address()
    const actual = typeof addr === 'object' && addr ? addr.port : port
    console.log(`[redgrid] 红网邻里 running at http://localhost:${actual}/  (data: ${dataDir}, demo: ${demo ? 'on' : 'off'})`)
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
