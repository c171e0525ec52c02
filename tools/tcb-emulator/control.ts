// The test controls under /__emulator/: script open-API verdicts, read what was sent, inject latency
// and conflicts, count requests, seed and read documents, register and invoke functions, reset.
// JSON in and out; documents travel as canonical EJSON so dates and numbers survive.
import type { PlatformClock } from './clock'
import type { Database } from './database'
import { TcbError } from './errors'
import type { Caller, Functions } from './functions'
import type { OpenApi } from './openapi'
import type { RequestStats } from './server'
import type { Storage } from './storage'
import { decodeMany, encodeMany } from './wire'

/** What the controls need of the emulator. */
export interface Control {
  envId: string
  appId: string
  url: string
  latencyMs: number
  db: Database
  storage: Storage
  openapi: OpenApi
  functions: Functions
  requestStats: RequestStats
  rules: Map<string, unknown>
  clock: PlatformClock
  reset(): void
}

type Out = { status: number; body: unknown }

const ok = (body: unknown = { ok: true }): Out => ({ status: 200, body })
const bad = (message: string, status = 400): Out => ({ status, body: { error: message } })

export async function handleControl(emu: Control, method: string, url: URL, raw: Buffer): Promise<Out> {
  let body: Record<string, any> = {}
  if (raw.length) {
    try {
      body = JSON.parse(raw.toString())
    } catch {
      return bad('body must be JSON')
    }
  }
  const route = `${method} ${url.pathname.slice('/__emulator'.length)}`
  try {
    return await dispatch(emu, route, url, body)
  } catch (e) {
    if (e instanceof TcbError) return bad(`${e.code}: ${e.message}`, 409)
    return bad((e as Error)?.message ?? String(e), 500)
  }
}

async function dispatch(emu: Control, route: string, url: URL, body: Record<string, any>): Promise<Out> {
  const [verb, pathname] = route.split(' ')
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent)

  if (route === 'GET /health') return ok({ ok: true, envId: emu.envId, appId: emu.appId, url: emu.url })
  if (route === 'POST /reset') {
    emu.reset()
    return ok()
  }
  if (route === 'GET /stats')
    return ok({
      requests: emu.requestStats.requests,
      inTransaction: emu.requestStats.inTransaction,
      errors: emu.requestStats.errors,
      transactions: { ...emu.db.stats, open: emu.db.openTransactions().length },
      functions: Object.fromEntries(emu.functions.stats),
      openapi: countBy(emu.openapi.calls.map((c) => c.api)),
    })
  if (route === 'POST /stats/reset') {
    emu.requestStats.requests = {}
    emu.requestStats.inTransaction = {}
    emu.requestStats.errors = {}
    emu.db.resetStats()
    emu.functions.reset()
    return ok()
  }
  if (route === 'POST /latency') {
    const ms = Number(body.databaseMs)
    if (!Number.isFinite(ms) || ms < 0) return bad('databaseMs must be a number ≥ 0')
    emu.latencyMs = ms
    return ok({ databaseMs: ms })
  }
  if (route === 'POST /conflicts') {
    emu.db.injectConflicts(Number(body.count) || 0, typeof body.collection === 'string' ? body.collection : undefined)
    return ok()
  }
  if (route === 'GET /transactions') return ok({ open: emu.db.openTransactions() })
  if (route === 'GET /clock') return ok({ now: Date.now(), offsetMs: emu.clock.offsetMs })
  if (route === 'POST /clock') {
    const ms = Number(body.advanceMs)
    if (!Number.isFinite(ms) || ms < 0) return bad('advanceMs must be a number ≥ 0 (the clock only moves forward)')
    return ok({ now: emu.clock.advance(ms), offsetMs: emu.clock.offsetMs })
  }

  // ---- documents ----
  if (route === 'GET /collections')
    return ok({
      collections: emu.db.collectionNames().map((name) => ({ name, indexes: emu.db.indexesOf(name), rule: emu.rules.get(name) ?? null })),
    })
  if (route === 'POST /collections') {
    if (typeof body.name !== 'string') return bad('name is required')
    return ok({ created: emu.db.createCollection(body.name, Array.isArray(body.indexes) ? body.indexes : []) })
  }
  if (parts[0] === 'db' && parts.length === 2) {
    // GET: the committed documents; POST { docs: EJSON string }: load them as committed
    if (verb === 'GET') return ok({ docs: encodeMany(emu.db.dump(parts[1])) })
    if (verb === 'POST') {
      if (typeof body.docs !== 'string') return bad('docs must be an EJSON string of an array')
      emu.db.load(parts[1], decodeMany(body.docs) as never)
      return ok()
    }
  }

  // ---- open APIs ----
  if (route === 'POST /openapi/content-verdicts') {
    emu.openapi.addContentRule({ openid: body.openid, contains: body.contains, suggest: body.suggest, label: body.label })
    return ok()
  }
  if (route === 'POST /openapi/media-verdicts') {
    emu.openapi.addMediaRule({ contains: body.contains, suggest: body.suggest, label: body.label })
    return ok()
  }
  if (route === 'POST /openapi/subscriptions') {
    if (typeof body.openid !== 'string') return bad('openid is required')
    emu.openapi.grantSubscription(body.openid, body.templateId ?? '*', body.count ?? 1)
    return ok()
  }
  if (route === 'POST /openapi/phone-codes') {
    if (typeof body.code !== 'string' || typeof body.phone !== 'string') return bad('code and phone are required')
    emu.openapi.addPhoneCode(body.code, body.phone, body.countryCode)
    return ok()
  }
  if (route === 'POST /openapi/failures') {
    if (typeof body.api !== 'string' || typeof body.errcode !== 'number') return bad('api and errcode are required')
    emu.openapi.failNext({ api: body.api, errcode: body.errcode, errmsg: body.errmsg, times: body.times })
    return ok()
  }
  if (route === 'GET /openapi/calls') {
    const api = url.searchParams.get('api')
    return ok({ calls: emu.openapi.calls.filter((c) => !api || c.api === api) })
  }
  if (route === 'GET /openapi/media-event') {
    const event = emu.openapi.mediaEvent(url.searchParams.get('traceId') ?? '')
    return event ? ok({ event }) : bad('no media check with that traceId', 404)
  }

  // ---- storage ----
  if (route === 'GET /files') return ok({ files: emu.storage.list() })
  if (route === 'POST /files') {
    // a file as a mini-program's wx.cloud.uploadFile would leave it: { cloudPath, base64 }
    if (typeof body.cloudPath !== 'string' || typeof body.base64 !== 'string') return bad('cloudPath and base64 are required')
    return ok({ fileID: emu.storage.put(body.cloudPath, Buffer.from(body.base64, 'base64')) })
  }

  // ---- functions ----
  if (route === 'GET /functions') return ok({ functions: emu.functions.names() })
  if (route === 'POST /functions') {
    if (typeof body.name !== 'string') return bad('name is required')
    if (typeof body.module === 'string') emu.functions.register(body.name, { kind: 'module', file: body.module })
    else if (typeof body.url === 'string') emu.functions.register(body.name, { kind: 'http', url: body.url })
    else return bad('module (absolute path) or url is required')
    return ok()
  }
  if (route === 'POST /functions/invoke') {
    // a mini-program user's wx.cloud.callFunction: the caller's identity goes into this call's context only
    if (typeof body.name !== 'string') return bad('name is required')
    const caller: Caller | null = body.caller?.openId ? body.caller : null
    try {
      const result = await emu.functions.invoke(body.name, body.event ?? {}, { caller, trigger: body.trigger === 'timer' ? 'timer' : 'wx' })
      return ok({ result: result ?? null })
    } catch (e) {
      const err = e as TcbError
      return ok({ error: { code: err.code ?? 'FUNCTIONS_EXECUTE_FAIL', message: err.message } })
    }
  }
  return bad(`no control ${route}`, 404)
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const x of xs) out[x] = (out[x] ?? 0) + 1
  return out
}
