// Cloud functions: `main(event, context)` handlers by name — a module the emulator loads, as
// CloudBase requires `index.js`, or an HTTP endpoint a test process serves. The caller's identity
// rides in each call's `context.environment`, where node-sdk's getCloudbaseContext(context)
// (src/utils/tcbcontext.ts) reads WX_OPENID — per call, never a process-wide variable.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { TcbError } from './errors'

/** Who is calling, as WeChat injects it for a mini-program user; absent for timers and server calls. */
export interface Caller {
  openId: string
  appId?: string
  unionId?: string
}

export interface InvokeOptions {
  caller?: Caller | null
  /** 'timer' for a timer trigger: TRIGGER_SRC=timer and no WeChat identity. */
  trigger?: 'timer' | 'wx' | 'sdk'
}

export type Handler = { kind: 'module'; file: string } | { kind: 'http'; url: string }

/** SCF's context object (node-sdk types ISCFContext / IContextParam). */
export interface FunctionContext {
  request_id: string
  function_name: string
  function_version: string
  namespace: string
  memory_limit_in_mb: number
  time_limit_in_ms: number
  /** JSON of the invocation's environment: what getCloudbaseContext(context) returns. */
  environment: string
}

export interface FunctionStats {
  invocations: number
  failures: number
}

/**
 * The context one invocation gets, as SCF hands it to `main`: WX_* only for a WeChat caller
 * (CLOUDBASE.md: empty for timers and function-to-function calls). Exported for tests that run a
 * composition in their own process and call it as the emulator would.
 */
export function invocationContext(name: string, env: { envId: string; appId: string }, options: InvokeOptions): FunctionContext {
  const requestId = randomBytes(16).toString('hex')
  const vars: Record<string, string> = {
    SCF_NAMESPACE: env.envId,
    TCB_ENV: env.envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SEQID,TRIGGER_SRC',
    TCB_SEQID: requestId,
    TRIGGER_SRC: options.trigger === 'timer' ? 'timer' : 'tcb',
  }
  if (options.caller?.openId && options.trigger !== 'timer') {
    vars.WX_OPENID = options.caller.openId
    vars.WX_APPID = options.caller.appId ?? env.appId
    vars.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    if (options.caller.unionId) {
      vars.WX_UNIONID = options.caller.unionId
      vars.WX_CONTEXT_KEYS += ',WX_UNIONID'
    }
    vars.TCB_SOURCE = 'wx_client'
  }
  return {
    request_id: requestId,
    function_name: name,
    function_version: '$LATEST',
    namespace: env.envId,
    memory_limit_in_mb: 256,
    time_limit_in_ms: 15_000,
    environment: JSON.stringify(vars),
  }
}

let tsxRegistered = false
function registerTsx() {
  // started as `node --import tsx main.ts`: TypeScript already loads
  if (tsxRegistered || process.execArgv.some((a) => a.includes('tsx'))) return
  require('tsx/cjs/api').register()
  tsxRegistered = true
}

export class Functions {
  private readonly handlers = new Map<string, Handler>()
  private readonly loaded = new Map<string, { main: (event: unknown, context: unknown) => unknown }>()
  readonly stats = new Map<string, FunctionStats>()

  constructor(
    private readonly envId: string,
    private readonly appId: string,
    /** `<dir>/<name>/index.js` answers a name nobody registered (the built bundles). */
    private readonly dir?: string,
  ) {}

  register(name: string, handler: Handler) {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) throw new TcbError('INVALID_PARAM', `bad function name ${name}`)
    if (handler.kind === 'module' && !path.isAbsolute(handler.file)) throw new TcbError('INVALID_PARAM', 'module must be an absolute path')
    this.handlers.set(name, handler)
    this.loaded.delete(name)
  }

  names(): string[] {
    return [...this.handlers.keys()].sort()
  }

  private handlerOf(name: string): Handler | null {
    const registered = this.handlers.get(name)
    if (registered) return registered
    if (this.dir && /^[A-Za-z0-9_-]{1,60}$/.test(name)) {
      const file = path.join(this.dir, name, 'index.js')
      if (existsSync(file)) return { kind: 'module', file }
    }
    return null
  }

  /** The context one invocation gets (see invocationContext). */
  contextFor(name: string, options: InvokeOptions): FunctionContext {
    return invocationContext(name, { envId: this.envId, appId: this.appId }, options)
  }

  /** Runs one invocation and returns what `main` resolved to. */
  async invoke(name: string, event: unknown, options: InvokeOptions = {}): Promise<unknown> {
    const handler = this.handlerOf(name)
    // [U] the real service's code for a missing function; wx-server-sdk's table names these two
    if (!handler) throw new TcbError('FUNCTIONS_REQUEST_FAIL', `function not found: ${name}`)
    const stats = this.stats.get(name) ?? { invocations: 0, failures: 0 }
    this.stats.set(name, stats)
    stats.invocations++
    const context = this.contextFor(name, options)
    try {
      if (handler.kind === 'http') return await this.invokeHttp(handler.url, event, context)
      let mod = this.loaded.get(name)
      if (!mod) {
        // TypeScript sources (the cloudfunctions/ entries before they are built) load through tsx
        if (/\.[cm]?ts$/.test(handler.file)) registerTsx()
        // loaded once, like one warm instance; each call still gets its own context
        mod = require(handler.file) as { main: (event: unknown, context: unknown) => unknown }
        if (typeof mod.main !== 'function') throw new Error(`${handler.file} exports no main`)
        this.loaded.set(name, mod)
      }
      return await mod.main(event, context)
    } catch (e) {
      stats.failures++
      if (e instanceof TcbError) throw e
      throw new TcbError('FUNCTIONS_EXECUTE_FAIL', `function ${name} failed: ${(e as Error)?.message ?? String(e)}`)
    }
  }

  private async invokeHttp(url: string, event: unknown, context: FunctionContext): Promise<unknown> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event, context }),
    })
    const body = (await res.json()) as { result?: unknown; error?: { message?: string } }
    if (!res.ok || body.error) throw new Error(body.error?.message ?? `handler answered ${res.status}`)
    return body.result
  }

  reset() {
    this.stats.clear()
  }
}
