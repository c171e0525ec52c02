// npm run bench:overhead — what the edge adds (parse, actor, idempotency record, envelope) over
// calling the use case itself, for a read and a write.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { composeLocal } from '../cloudfunctions/compose'
import { getOrder } from '../cloudfunctions/core/usecases/orders/get'
import { adjustPoints } from '../cloudfunctions/core/usecases/points/adjust'
import type { Actor } from '../cloudfunctions/core/domain/access'
import type { Repos } from '../cloudfunctions/core/ports'
import { seedDemo } from '../local/seed'
import { percentile, report } from './lib'

const N = 3000

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bench-overhead-'))
  const app = composeLocal({ dataDir: dir, demo: false })
  await seedDemo(app)
  const staff: Actor = { userId: 'u_linx', communityId: 'c_hongxing', roles: ['staff'], name: '林晓' }
  const created = await app.handlers.orders(
    { action: 'create', input: { kind: 'service', category: 'care', title: '测量开销' }, requestId: 'overhead-0001' },
    { userId: 'u_wangxl' },
  )
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const orderId = (created.data as { id: string }).id
  const ctxOf = (repos: Repos) => ({ ...app.deps, repos, after: () => undefined })

  const time = async (fn: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 200; i++) await fn(-i - 1)
    const samples: number[] = []
    for (let i = 0; i < N; i++) {
      const t = performance.now()
      await fn(i)
      samples.push((performance.now() - t) * 1000)
    }
    return samples.sort((a, b) => a - b)
  }
  const readEdge = await time(() => app.handlers.orders({ action: 'get', input: { orderId } }, { userId: 'u_linx' }))
  const readBare = await time(() => app.store.read((repos) => getOrder(ctxOf(repos), staff, { orderId })))
  const writeEdge = await time((i) =>
    app.handlers.points(
      { action: 'adjust', input: { memberId: 'u_zhouzq', delta: 1, reason: '开销测量' }, requestId: `overhead-w-${i}` },
      { userId: 'u_linx' },
    ),
  )
  const writeBare = await time(() =>
    app.store.write((repos) => adjustPoints(ctxOf(repos), staff, { memberId: 'u_zhouzq', delta: 1, reason: '开销测量' })),
  )
  app.close()
  rmSync(dir, { recursive: true, force: true })
  const p50 = (s: number[]) => percentile(s, 50)
  report('overhead', [
    { name: 'orders.get through the edge (p50)', value: p50(readEdge), unit: 'µs' },
    { name: 'orders.get use case alone (p50)', value: p50(readBare), unit: 'µs' },
    {
      name: 'edge overhead on a read',
      value: p50(readEdge) - p50(readBare),
      unit: 'µs',
      target: '≤ 200',
      pass: p50(readEdge) - p50(readBare) <= 200,
    },
    { name: 'points.adjust through the edge (p50)', value: p50(writeEdge), unit: 'µs' },
    { name: 'points.adjust use case in a transaction (p50)', value: p50(writeBare), unit: 'µs' },
    {
      name: 'edge overhead on a write (idempotency record included)',
      value: p50(writeEdge) - p50(writeBare),
      unit: 'µs',
      target: '≤ 300',
      pass: p50(writeEdge) - p50(writeBare) <= 300,
    },
  ])
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
