// Cloud mode (npm run serve:cloud) as a child process on a fresh data folder, for tests that stand
// where WeChat's client stands: the built functions on the CloudBase emulator, the demo seeded, each
// demo person bound to an OPENID. Plain node:http, so it works from jsdom tests too (no fetch there).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { builtFunctions } from './builds'

const ROOT = path.resolve(__dirname, '../..')

export interface CloudModeProcess {
  /** The gateway (the local HTTP contract). */
  gatewayUrl: string
  /** The CloudBase emulator the functions run on. */
  emulatorUrl: string
  /** Everything the process wrote to stderr (the functions' logs among it). */
  stderr(): string
  stop(): Promise<void>
}

/** One JSON request, its status and JSON answer (node:http: jsdom tests have no fetch). */
function requestJson<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const headers = data ? { 'content-type': 'application/json', 'content-length': data.length } : {}
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        } catch (e) {
          reject(e)
        }
      })
    })
    req.on('error', reject)
    req.end(data)
  })
}

export const postJson = <T = any>(url: string, body: unknown) => requestJson<T>('POST', url, body)
export const getJson = <T = any>(url: string) => requestJson<T>('GET', url)

export async function startCloudModeProcess(timeoutMs = 60_000): Promise<CloudModeProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-cloud-mode-'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'local', 'main.ts'), '--cloud'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REDGRID_DATA: dataDir,
      REDGRID_DEMO: '1',
      REDGRID_FUNCTIONS: builtFunctions(),
      REDGRID_STATIC: path.join(dataDir, 'no-h5'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (d) => {
    stderr += d
  })
  const ready = await new Promise<{ gatewayUrl: string; emulatorUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cloud mode did not start within ${timeoutMs} ms\n${stdout}${stderr}`)), timeoutMs)
    child.stdout?.on('data', (d) => {
      stdout += d
      const m = /running at (http:\/\/localhost:\d+)\/.* on (http:\/\/127\.0\.0\.1:\d+)\)/.exec(stdout)
      if (!m) return
      clearTimeout(timer)
      resolve({ gatewayUrl: m[1], emulatorUrl: m[2] })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`cloud mode exited with ${code} before it was ready\n${stdout}${stderr}`))
    })
  })
  return {
    ...ready,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        const forced = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(forced)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
