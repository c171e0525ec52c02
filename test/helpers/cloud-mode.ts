// Cloud mode (npm run serve:cloud) as a child process on a fresh data folder, for tests that stand
// where WeChat's client stands: the built functions on the CloudBase emulator, the demo seeded, each
// demo person bound to an OPENID. Plain node:http, so it works from jsdom tests too (no fetch there).
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { builtFunctions } from './builds'
import { spawnGateway } from './gateway-process'

export interface CloudModeProcess {
  /** The gateway (the local HTTP contract). */
  gatewayUrl: string
  /** The CloudBase emulator the functions run on. */
  emulatorUrl: string
  /** Everything the process wrote (the functions' logs among it). */
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

export async function startCloudModeProcess(timeoutMs = 60_000, env: Record<string, string> = {}): Promise<CloudModeProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-cloud-mode-'))
  const gateway = await spawnGateway(dataDir, { cloud: true, env: { REDGRID_FUNCTIONS: builtFunctions(), ...env }, timeoutMs })
  const emulator = / on (http:\/\/127\.0\.0\.1:\d+)\)/.exec(gateway.banner)
  if (!emulator) throw new Error(`cloud mode named no emulator: ${gateway.banner}`)
  const { child } = gateway
  return {
    gatewayUrl: gateway.url,
    emulatorUrl: emulator[1],
    stderr: gateway.output,
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
