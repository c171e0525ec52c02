// Starts the emulator in its own process and drives its test controls: what tests and the cloud-mode
// scripts import. `const emu = await startEmulator()`, point an SDK at `emu.sdkConfig()`, `await emu.stop()`.
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { EJSON } from 'bson'
import { functionEnv, provisionEnv, sdkConfig } from './env'
import type { ContentRule, MediaRule, OpenApiCall, OpenApiFailure } from './openapi'
import type { StoredFile } from './storage'

export { functionEnv, provisionEnv, sdkConfig } from './env'

const ROOT = path.resolve(__dirname, '..', '..')
/** The collections, indexes and rules `npm run provision` declares. */
export const DEFAULT_PLAN = path.join(ROOT, 'cloudfunctions', 'adapters', 'cloudbase', 'collections.json')

export interface StartOptions {
  /** 0 (default) picks a free port. */
  port?: number
  /** Persist documents and files here; in memory (files in a temporary folder) without it. */
  dataDir?: string
  /** Round trip per database call, ms. */
  latencyMs?: number
  envId?: string
  /** collections.json to declare; DEFAULT_PLAN unless null. */
  plan?: string | null
  prefix?: string
  /** Create unknown collections on first use (the real service refuses them). */
  autoCreateCollections?: boolean
  /** Serve unregistered functions from `<dir>/<fn>/index.js` (e.g. build/functions). */
  functionsDir?: string
  txLifetimeMs?: number
  /** Base of storage download links ('' for paths a front server serves); default the emulator's URL. */
  downloadBase?: string
  /** Extra environment for the emulator process (what functions loaded into it read, e.g. REDGRID_SUBSCRIBE_TEMPLATES). */
  env?: Record<string, string>
  /** Everything the emulator's process writes to stderr (its functions' logs among it); kept silent without. */
  onStderr?: (text: string) => void
  /** Ms to wait for the process to listen. */
  startTimeoutMs?: number
}

export interface Stats {
  requests: Record<string, number>
  /** Requests that carried a transactionId, by action. */
  inTransaction: Record<string, number>
  errors: Record<string, number>
  transactions: {
    started: number
    committed: number
    aborted: number
    conflicts: number
    injectedConflicts: number
    duplicates: number
    open: number
  }
  functions: Record<string, { invocations: number; failures: number }>
  openapi: Record<string, number>
}

export interface Caller {
  openId: string
  appId?: string
  unionId?: string
}

export class EmulatorControl {
  constructor(readonly url: string) {}

  private async call<T = any>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/__emulator${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json()) as T & { error?: string }
    if (!res.ok) throw new Error(`emulator ${method} ${route}: ${json.error ?? res.status}`)
    return json
  }

  /** Empties documents (declared collections stay), files, scripts, logs, counters; latency back to the start value. */
  reset = () => this.call('POST', '/reset')
  stats = () => this.call<Stats>('GET', '/stats')
  resetStats = () => this.call('POST', '/stats/reset')
  /** Round trip added to every database call from now on. */
  setLatency = (databaseMs: number) => this.call('POST', '/latency', { databaseMs })
  /** The next `count` transactional writes (in `collection`) answer DATABASE_TRANSACTION_CONFLICT. */
  injectConflicts = (count: number, collection?: string) => this.call('POST', '/conflicts', { count, collection })
  /** The time functions see (`Date.now()` in the emulator's process) and how far it runs ahead of the wall clock. */
  clock = () => this.call<{ now: number; offsetMs: number }>('GET', '/clock')
  /** Moves that time forward by `advanceMs` (never back): SLAs, deadlines and expiry in the functions follow. */
  advanceClock = (advanceMs: number) => this.call<{ now: number; offsetMs: number }>('POST', '/clock', { advanceMs })
  openTransactions = async () =>
    (await this.call<{ open: Array<{ id: string; ageMs: number; writes: number }> }>('GET', '/transactions')).open

  createCollection = (name: string, indexes: Array<{ name: string; keys: Array<[string, number]>; unique?: boolean }> = []) =>
    this.call('POST', '/collections', { name, indexes })
  /** Collections with their indexes and the security rule provision (or the plan) set. */
  collections = async () =>
    (await this.call<{ collections: Array<{ name: string; indexes: unknown[]; rule: unknown }> }>('GET', '/collections')).collections
  /** Committed documents, `_id` order (dates as Date). */
  docs = async (collection: string): Promise<Array<Record<string, any>>> =>
    EJSON.parse((await this.call<{ docs: string }>('GET', `/db/${encodeURIComponent(collection)}`)).docs) as never
  /** Loads documents as committed, without going through an SDK. */
  seed = (collection: string, docs: Array<Record<string, unknown>>) =>
    this.call('POST', `/db/${encodeURIComponent(collection)}`, { docs: EJSON.stringify(docs, { relaxed: false }) })

  /** msgSecCheck's verdict for matching text (first rule wins; default pass). */
  contentVerdict = (rule: ContentRule) => this.call('POST', '/openapi/content-verdicts', rule)
  /** mediaCheckAsync's eventual verdict for matching URLs. */
  mediaVerdict = (rule: MediaRule) => this.call('POST', '/openapi/media-verdicts', rule)
  /** Lets `openid` receive `count` subscribe messages (-1: unlimited); without a grant send answers 43101. */
  grantSubscription = (openid: string, templateId = '*', count = 1) =>
    this.call('POST', '/openapi/subscriptions', { openid, templateId, count })
  /** A one-time getPhoneNumber code; any other code answers 40029. */
  phoneCode = (code: string, phone: string, countryCode = '86') => this.call('POST', '/openapi/phone-codes', { code, phone, countryCode })
  /** The next `times` calls of `api` answer `errcode`. */
  failOpenApi = (failure: OpenApiFailure) => this.call('POST', '/openapi/failures', failure)
  /** Every open-API call received, with parameters as sent (snake_case) and the answer. */
  openApiCalls = async (api?: string): Promise<OpenApiCall[]> =>
    (await this.call<{ calls: OpenApiCall[] }>('GET', `/openapi/calls${api ? `?api=${encodeURIComponent(api)}` : ''}`)).calls
  /** The `wxa_media_check` event a submitted check would push later. */
  mediaCheckEvent = async (traceId: string) =>
    (await this.call<{ event: Record<string, unknown> }>('GET', `/openapi/media-event?traceId=${encodeURIComponent(traceId)}`)).event

  files = async (): Promise<StoredFile[]> => (await this.call<{ files: StoredFile[] }>('GET', '/files')).files
  /** Stores a file as a mini-program upload would, returning its fileID. */
  putFile = async (cloudPath: string, bytes: Buffer) =>
    (await this.call<{ fileID: string }>('POST', '/files', { cloudPath, base64: bytes.toString('base64') })).fileID

  /** `main(event, context)` of an absolute module path, loaded into the emulator process on first call. */
  registerModule = (name: string, modulePath: string) => this.call('POST', '/functions', { name, module: modulePath })
  /** Calls go as POST `{ event, context }` to `url`, which answers `{ result }` or `{ error: { message } }`. */
  registerHttp = (name: string, url: string) => this.call('POST', '/functions', { name, url })
  /**
   * One call as a mini-program user's wx.cloud.callFunction makes it: `caller` is put into this
   * call's context only (`trigger: 'timer'` calls with no identity, as a timer trigger does).
   */
  invoke = async <T = unknown>(name: string, event: unknown, options: { caller?: Caller | null; trigger?: 'timer' } = {}) => {
    const out = await this.call<{ result?: T; error?: { code: string; message: string } }>('POST', '/functions/invoke', {
      name,
      event,
      caller: options.caller ?? null,
      trigger: options.trigger,
    })
    if (out.error) throw Object.assign(new Error(out.error.message), { code: out.error.code })
    return out.result as T
  }
}

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string
  envId: string
  appId: string
  control: EmulatorControl
  /** node-sdk `tcb.init(...)` / wx-server-sdk `cloud.init(...)` options. */
  sdkConfig(): ReturnType<typeof sdkConfig>
  /** Environment for a process running unmodified function code against this emulator. */
  functionEnv(): Record<string, string>
  /** Environment for `npm run provision` (@cloudbase/manager-node) against this emulator. */
  provisionEnv(): Record<string, string>
  process: ChildProcess
  stop(): Promise<void>
}

/**
 * main.ts and its modules as one CommonJS file under node_modules/.cache (where the packages it
 * needs resolve), rebuilt when a source changes: plain node starts it about a second sooner than tsx,
 * which every test file pays. TypeScript functions still load: functions.ts registers tsx for them.
 */
function compiledEntry(): string {
  const sources = readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts'))
    .sort()
  const hash = createHash('sha1')
  for (const f of sources) hash.update(f).update(readFileSync(path.join(__dirname, f)))
  const dir = path.join(ROOT, 'node_modules', '.cache', 'tcb-emulator')
  const out = path.join(dir, `main-${hash.digest('hex').slice(0, 12)}.cjs`)
  if (existsSync(out)) return out
  mkdirSync(dir, { recursive: true })
  const tmp = `${out}.${process.pid}.tmp`
  require('esbuild').buildSync({
    entryPoints: [path.join(__dirname, 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: tmp,
    logLevel: 'error',
  })
  // several test workers may build at once: the rename is atomic
  renameSync(tmp, out)
  for (const old of readdirSync(dir))
    if (old.startsWith('main-') && old.endsWith('.cjs') && path.join(dir, old) !== out) rmSync(path.join(dir, old), { force: true })
  return out
}

/** Spawns the emulator (tools/tcb-emulator/main.ts, compiled once) and waits until it listens. */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const args = [compiledEntry(), '--port', String(options.port ?? 0), '--exit-with-stdin']
  const plan = options.plan === undefined ? DEFAULT_PLAN : options.plan
  if (plan) args.push('--plan', plan)
  if (options.prefix) args.push('--prefix', options.prefix)
  if (options.dataDir) args.push('--data', options.dataDir)
  if (options.latencyMs) args.push('--latency', String(options.latencyMs))
  if (options.envId) args.push('--env', options.envId)
  if (options.functionsDir) args.push('--functions', options.functionsDir)
  if (options.autoCreateCollections) args.push('--auto-create')
  if (options.txLifetimeMs) args.push('--tx-lifetime', String(options.txLifetimeMs))
  if (options.downloadBase !== undefined) args.push(`--download-base=${options.downloadBase}`)
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } })
  // kept until it is ready, for the error that says why it did not start (a long-lived emulator must not grow)
  let stderr = ''
  let started = false
  child.stderr?.on('data', (d) => {
    if (!started) stderr += d
    options.onStderr?.(String(d))
    if (process.env.TCB_EMULATOR_DEBUG) process.stderr.write(d)
  })
  const ready = await new Promise<{ url: string; envId: string; appId: string }>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`emulator did not start within ${options.startTimeoutMs ?? 20_000} ms\n${stderr}`))
    }, options.startTimeoutMs ?? 20_000)
    child.stdout?.on('data', (d) => {
      if (started) return
      out += d
      const line = out.split('\n').find((l) => l.includes('"event":"ready"'))
      if (!line) return
      started = true
      clearTimeout(timer)
      resolve(JSON.parse(line))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`emulator exited with ${code} before it was ready\n${stderr}`))
    })
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url: ready.url,
    envId: ready.envId,
    appId: ready.appId,
    control: new EmulatorControl(ready.url),
    sdkConfig: () => sdkConfig(ready.url, ready.envId),
    functionEnv: () => functionEnv(ready.url, ready.envId),
    provisionEnv: () => provisionEnv(ready.url, ready.envId),
    process: child,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}
