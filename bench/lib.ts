// Shared bits for benchmarks: percentiles, the machine, a results file, a gateway child process.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { LoadPlan, LoadResult } from './load'
import os from 'node:os'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..')

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export function machine() {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  }
}

export interface Figure {
  name: string
  value: number
  unit: string
  /** e.g. "≥ 1000" — printed beside the figure with pass/miss, never asserted in tests. */
  target?: string
  pass?: boolean
  note?: string
}

/** Merges one benchmark's figures into bench/results.json and prints them as a table. */
export function report(bench: string, figures: Figure[], extra: Record<string, unknown> = {}) {
  const file = path.join(ROOT, 'bench', 'results.json')
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { benches: {} }
  all.machine = machine()
  all.benches[bench] = { date: new Date().toISOString(), figures, ...extra }
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`)
  console.log(`\n${bench}`)
  for (const f of figures) {
    const mark = f.pass === undefined ? '' : f.pass ? 'pass' : 'MISS'
    console.log(
      `  ${f.name.padEnd(46)} ${String(round(f.value)).padStart(10)} ${f.unit.padEnd(8)} ${f.target ? `target ${f.target} ${mark}` : ''}`,
    )
  }
}

export const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100)

/**
 * Starts the local gateway as its own process (as in production) and resolves with its URL.
 * BENCH_PROFILE=<dir> runs it under `node --cpu-prof` (the profile is written when it stops).
 */
export function startGateway(dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : []
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'local', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', REDGRID_DATA: dataDir, REDGRID_STATIC: path.join(dataDir, 'no-h5'), REDGRID_HISTORY: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /running at (http:\/\/localhost:\d+)\//.exec(out)
      if (m) resolve({ url: m[1].replace('localhost', '127.0.0.1'), child })
    })
    child.on('exit', (code) => reject(new Error(`gateway exited with ${code}: ${out}`)))
  })
}

/** Stops the gateway and waits for it to exit (so a --cpu-prof profile is written). */
export function stopGateway(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.removeAllListeners('exit')
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, in clock ticks of 1/100 s
  } catch {
    return Number.NaN
  }
}

/** Runs a load plan in the generator's own process (bench/load.ts) and resolves with what it saw. */
export function runLoad(plan: LoadPlan, on: { start?: () => void; end?: () => void } = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'load.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let result: LoadResult | undefined
    child.on('message', (m: LoadResult | { event: 'start' | 'end' }) => {
      if ('event' in m) on[m.event]?.()
      else result = m
    })
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code}`))))
    child.send(plan)
  })
}

/** Signs each person in on the demo door and resolves with their bearer tokens, in order. */
export async function signIn(url: string, userIds: string[]): Promise<string[]> {
  const tokens: string[] = []
  for (let i = 0; i < userIds.length; i += 64) {
    const batch = await Promise.all(
      userIds.slice(i, i + 64).map(async (userId) => {
        const res = await fetch(`${url}/api/auth/demo-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId }),
        })
        const body = (await res.json()) as { ok: boolean; data?: { token: string }; error?: unknown }
        if (!body.ok || !body.data) throw new Error(`demo sign-in of ${userId}: ${JSON.stringify(body.error)}`)
        return body.data.token
      }),
    )
    tokens.push(...batch)
  }
  return tokens
}

/** 发布活动's input for an activity three days after `now` (two hours, sign-ups until an hour before), as the benches publish it. */
export function activityInput(now: number, title: string, quota: number) {
  const start = now + 3 * 86400_000
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')
  return {
    title,
    category: 'environment',
    quota,
    place: { name: '社区广场' },
    startAt: iso(start),
    endAt: iso(start + 2 * 3600_000),
    signupDeadline: iso(start - 3600_000),
  }
}
