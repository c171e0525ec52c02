// The gateway as a child process (`node --import tsx local/main.ts [--cloud]`) on a free loopback port
// with a data folder, as `npm run serve` / `serve:cloud` run it: for tests that kill, restart or stand
// outside it.
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

export interface GatewayProcess {
  child: ChildProcess
  /** http://127.0.0.1:<port> */
  url: string
  /** The line it printed when it started listening (cloud mode names its emulator there). */
  banner: string
  /** Everything it has written so far, stdout and stderr. */
  output(): string
}

export function spawnGateway(
  dataDir: string,
  options: { cloud?: boolean; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<GatewayProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts', ...(options.cloud ? ['--cloud'] : [])], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REDGRID_DATA: dataDir,
      REDGRID_STATIC: path.join(dataDir, 'no-h5'),
      REDGRID_DEMO: '1',
      // the small demo: no year of history (local/seed-history.ts runs for `npm start` only)
      REDGRID_HISTORY: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const output = () => out
  child.stderr?.on('data', (d) => {
    out += String(d)
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the gateway did not start within ${timeoutMs} ms: ${out}`))
    }, timeoutMs)
    child.stdout?.on('data', (d) => {
      out += String(d)
      const banner = /^.*running at http:\/\/localhost:(\d+)\/.*$/m.exec(out)
      if (!banner) return
      clearTimeout(timer)
      resolve({ child, url: `http://127.0.0.1:${banner[1]}`, banner: banner[0], output })
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the gateway exited (${code}) before it started: ${out}`))
    })
  })
}
