// The local gateway as a child process on a free port, with a fresh data folder: local mode, or with
// `cloud` the same gateway answered by the built functions on the CloudBase emulator.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Starts `node --import tsx local/main.ts` with PORT=0 and waits for the line
 * "running at http://localhost:<port>/". Everything it writes to stderr is kept in `errors`
 * (the gateway logs unexpected errors there as "[redgrid] gateway error …").
 */
export async function startGateway({ root, staticDir, cloud = false, history = false, timeoutMs = history ? 240_000 : 60_000 }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-e2e-'))
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'local', 'main.ts'), ...(cloud ? ['--cloud'] : [])], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      REDGRID_DATA: dataDir,
      REDGRID_STATIC: staticDir,
      REDGRID_DEMO: '1',
      REDGRID_HISTORY: history ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stderr = []
  const stdout = []
  child.stderr.setEncoding('utf8')
  child.stdout.setEncoding('utf8')
  child.stderr.on('data', (d) => stderr.push(d))

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the gateway did not start within ${timeoutMs} ms:\n${stdout.join('')}${stderr.join('')}`)),
      timeoutMs,
    )
    child.stdout.on('data', (d) => {
      stdout.push(d)
      const m = /running at (http:\/\/localhost:\d+)\//.exec(stdout.join(''))
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the gateway exited with ${code} before it was ready:\n${stdout.join('')}${stderr.join('')}`))
    })
  })

  let stopped = false
  return {
    url,
    dataDir,
    /** stderr lines written since `mark` (an index from `mark()`). */
    mark: () => stderr.join('').length,
    errorsSince: (at) =>
      stderr
        .join('')
        .slice(at)
        .split('\n')
        .filter((l) => l.trim()),
    async stop() {
      if (stopped) return
      stopped = true
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const forced = setTimeout(() => child.kill('SIGKILL'), 3000)
        await exited
        clearTimeout(forced)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
