// The load generator, in its own process (bench/lib.ts: runLoad): keep-alive `http` agents, one
// socket per simulated person, each sending its requests one after another. It takes its plan over
// IPC and answers with every latency, each reply's outcome, and its own CPU time, so a figure says
// what the gateway did and what the generator cost beside it.
import http from 'node:http'

export interface LoadWorker {
  token: string
  /** POST /api/<fn> */
  fn: string
  action: string
  input: unknown
  /** How many requests this person sends; with `shared`, they draw from the plan's total instead. */
  count?: number
}

export interface LoadPlan {
  url: string
  workers: LoadWorker[]
  /** Requests drawn by all workers from one counter (the mall's 20,000), instead of each `count`. */
  shared?: number
}

export interface LoadResult {
  latencies: number[]
  /** When each request (in `latencies`' order) was sent, in ms from the start of the run. */
  starts: number[]
  /** Replies by outcome: `ok`, `ok:<data.status>` when the reply has one, or the error code. */
  outcomes: Record<string, number>
  /** Requests each worker sent, and how many were answered ok. */
  sent: number[]
  okBy: number[]
  seconds: number
  /** The generator's own CPU time (user + system) over the run, in seconds. */
  cpuSeconds: number
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const target = new URL(plan.url)
  // one kept-alive socket per person (a pooled agent hands freed sockets to whoever asks next, so a warm-up
  // would open only as many as ran at once, and the timed run would start with 1,000 fresh connects)
  const agents = plan.workers.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }))
  const latencies: number[] = []
  const starts: number[] = []
  const outcomes: Record<string, number> = {}
  const sent = plan.workers.map(() => 0)
  const okBy = plan.workers.map(() => 0)
  let issued = 0

  const post = (w: LoadWorker, i: number, body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        {
          agent: agents[i],
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: `/api/${w.fn}`,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${w.token}` },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }))
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  // open every person's connection first, 64 more every time the last ones have answered, each person
  // then asking cheap reads until everyone is connected: the timed run measures requests on kept-alive
  // sockets that never sat idle (the server closes those after 5 s), not 1,024 connects at once beyond
  // the listen backlog (such a connect waits for its SYN to be sent again: 1 s, 3 s, 7 s…)
  const me = JSON.stringify({ action: 'me' })
  let connected = 0
  let release = () => {}
  const allConnected = new Promise<void>((resolve) => {
    release = resolve
  })
  const keepWarm = (w: LoadWorker, i: number) => {
    const first = post({ ...w, fn: 'accounts' }, i, me).catch(() => undefined)
    const done = first.then(async () => {
      if (++connected === plan.workers.length) release()
      while (connected < plan.workers.length) await post({ ...w, fn: 'accounts' }, i, me).catch(() => undefined)
    })
    return { first, done }
  }
  const warming: Array<Promise<void>> = []
  for (let i = 0; i < plan.workers.length; i += 64) {
    const batch = plan.workers.slice(i, i + 64).map((w, j) => keepWarm(w, i + j))
    warming.push(...batch.map((b) => b.done))
    await Promise.all(batch.map((b) => b.first))
  }
  await allConnected
  await Promise.all(warming)

  process.send?.({ event: 'start' }) // the parent reads the gateway's CPU time now and at 'end'
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await Promise.all(
    plan.workers.map(async (w, i) => {
      for (let n = 0; ; n++) {
        if (plan.shared !== undefined ? issued++ >= plan.shared : n >= (w.count ?? 1)) return
        const start = performance.now()
        const body = JSON.stringify({ action: w.action, input: w.input, requestId: `load-${i}-${n}-${Math.round(start)}` })
        const answer = await post(w, i, body).catch((e: NodeJS.ErrnoException) => ({ status: 0, text: '', network: e.code ?? 'error' }))
        latencies.push(performance.now() - start)
        starts.push(start - t0)
        sent[i]++
        let key: string
        if ('network' in answer)
          key = `network:${answer.network}` // counted, never retried: the checks will not add up
        else {
          const reply = JSON.parse(answer.text) as { ok: boolean; data?: { status?: unknown }; error?: { code: string } }
          key = reply.ok ? (typeof reply.data?.status === 'string' ? `ok:${reply.data.status}` : 'ok') : (reply.error?.code ?? 'unknown')
        }
        outcomes[key] = (outcomes[key] ?? 0) + 1
        if (key.startsWith('ok')) okBy[i]++
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  process.send?.({ event: 'end' })
  for (const agent of agents) agent.destroy()
  return { latencies, starts, outcomes, sent, okBy, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }
}

process.once('message', (plan: LoadPlan) => {
  run(plan).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
})
