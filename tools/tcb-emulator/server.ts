// The emulator's HTTP server: the TCB admin API the server SDKs call (one POST per action, as
// node-sdk src/utils/tcbapirequester.ts sends it), the storage URLs it hands out, and the test
// controls under /__emulator/. Bound to 127.0.0.1 only.
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { cloudApi } from './cloudapi'
import { type Control, handleControl } from './control'
import { Database } from './database'
import { TcbError } from './errors'
import { PlatformClock } from './clock'
import { Functions } from './functions'
import { OpenApi } from './openapi'
import { Persistence } from './persist'
import { loadPlan } from './plan'
import { Storage } from './storage'
import { decode, encode } from './wire'

export interface EmulatorOptions {
  port?: number
  envId?: string
  appId?: string
  /** Folder for documents and files; without it documents live in memory and files in a temporary folder. */
  dataDir?: string
  /** collections.json to declare collections, indexes and rules from. */
  plan?: string
  /** Prefix for the plan's collection names. */
  prefix?: string
  /** Round trip added to every database call, half before and half after it runs. */
  latencyMs?: number
  /** Unknown collections are created on first use instead of failing. */
  autoCreateCollections?: boolean
  /** `<dir>/<fn>/index.js` answers calls to a function nobody registered. */
  functionsDir?: string
  txLifetimeMs?: number
  /** Base of storage download links ('' for paths on whatever origin serves them); default this emulator's URL. */
  downloadBase?: string
}

export interface RequestStats {
  /** Requests by action (`database.getDocument`, `wx.openApi`, …). */
  requests: Record<string, number>
  /** Of those, the requests that carried a transactionId (what ran inside a transaction), by action. */
  inTransaction: Record<string, number>
  /** Error answers by code. */
  errors: Record<string, number>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export class Emulator implements Control {
  readonly envId: string
  readonly appId: string
  readonly db: Database
  readonly storage: Storage
  readonly openapi: OpenApi
  readonly functions: Functions
  readonly persistence: Persistence | null
  readonly requestStats: RequestStats = { requests: {}, inTransaction: {}, errors: {} }
  /** Security rules by collection: provision's function-only rule; server SDKs bypass them, so they are recorded only. */
  readonly rules = new Map<string, unknown>()
  /** The time the functions see; a reset leaves it where it is (time never goes back). */
  readonly clock = new PlatformClock()
  latencyMs: number
  private readonly server: http.Server
  private readonly tempDir: string | null
  private readonly sweep: NodeJS.Timeout
  private seq = 0
  url = ''

  constructor(private readonly options: EmulatorOptions = {}) {
    this.envId = options.envId ?? 'redgrid-emu-7e1a0c'
    this.appId = options.appId ?? 'wx0000000000emulator'
    this.latencyMs = options.latencyMs ?? 0
    this.persistence = options.dataDir ? new Persistence(path.join(options.dataDir, 'db'), () => this.db) : null
    this.db = new Database({
      envId: this.envId,
      autoCreateCollections: options.autoCreateCollections,
      txLifetimeMs: options.txLifetimeMs,
      onChange: (c) => this.persistence?.changed(c),
    })
    this.declarePlan()
    this.persistence?.load()
    this.tempDir = options.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'tcb-emulator-'))
    this.storage = new Storage(
      this.envId,
      path.join(options.dataDir ?? (this.tempDir as string), 'storage'),
      () => this.url,
      options.downloadBase,
    )
    this.openapi = new OpenApi(this.appId)
    this.functions = new Functions(this.envId, this.appId, options.functionsDir)
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((e) => {
        res.statusCode = 500
        res.end(String(e?.stack ?? e))
      })
    })
    this.server.keepAliveTimeout = 5000
    this.sweep = setInterval(() => this.db.expireTransactions(), 1000)
    this.sweep.unref()
  }

  private declarePlan() {
    if (!this.options.plan) return
    for (const c of loadPlan(this.options.plan, this.options.prefix)) {
      this.db.createCollection(c.name, c.indexes)
      this.rules.set(c.name, { aclTag: 'CUSTOM', rule: c.rule })
    }
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.options.port ?? 0, '127.0.0.1', () => resolve())
    })
    const { port } = this.server.address() as { port: number }
    this.url = `http://127.0.0.1:${port}`
    return this.url
  }

  async close() {
    clearInterval(this.sweep)
    this.persistence?.flush()
    this.server.closeAllConnections()
    await new Promise((r) => this.server.close(r))
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true })
  }

  reset() {
    this.db.reset()
    this.declarePlan()
    this.storage.reset()
    this.openapi.reset()
    this.functions.reset()
    this.requestStats.requests = {}
    this.requestStats.inTransaction = {}
    this.requestStats.errors = {}
    this.latencyMs = this.options.latencyMs ?? 0
    this.persistence?.flush()
  }

  // ---- routing ----

  private async route(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = await readBody(req)
    if (url.pathname.startsWith('/__emulator/')) {
      const out = await handleControl(this, req.method ?? 'GET', url, body)
      res.statusCode = out.status
      res.setHeader('content-type', 'application/json; charset=utf-8')
      res.end(JSON.stringify(out.body))
      return
    }
    if (url.pathname.startsWith('/__cos/')) return this.cos(req, res, url, body)
    if (url.pathname === '/__tcb-api' && req.method === 'POST') {
      // @cloudbase/manager-node with TCB_BASE_URL pointing here (what `npm run provision` calls)
      const action = String(req.headers['x-tc-action'] ?? '')
      this.count(`cloudapi.${action}`)
      const out = cloudApi({ envId: this.envId, db: this.db, rules: this.rules }, action, JSON.parse(body.toString() || '{}'))
      return sendJson(res, out)
    }
    if (req.method !== 'POST') {
      res.statusCode = 404
      res.end()
      return
    }
    return this.tcbApi(req, res, body)
  }

  /** The storage URLs: the upload PUT of node-sdk's uploadFile, the GET of a temporary URL. */
  private cos(req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Buffer) {
    const [bucket, ...rest] = url.pathname.slice('/__cos/'.length).split('/')
    const cloudPath = rest.map(decodeURIComponent).join('/')
    if (req.method === 'PUT') {
      const token = req.headers['x-cos-security-token']
      const out = this.storage.receive(bucket, cloudPath, typeof token === 'string' ? token : undefined, body)
      this.count('cos.put')
      // COS answers an error as XML, which uploadFile parses (node-sdk src/storage/index.ts)
      if (!out.ok) {
        res.statusCode = 403
        res.setHeader('content-type', 'application/xml')
        res.end(
          `<?xml version='1.0' encoding='utf-8' ?><Error><Code>${out.code}</Code><Message>${out.message}</Message><Resource>/${cloudPath}</Resource><RequestId>emu</RequestId><TraceId>emu</TraceId></Error>`,
        )
        return
      }
      res.end()
      return
    }
    this.count('cos.get')
    const bytes = bucket === this.storage.bucket ? this.storage.read(cloudPath) : null
    if (!bytes || !this.storage.verify(cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'))) {
      res.statusCode = bytes ? 403 : 404
      res.end()
      return
    }
    res.setHeader('content-type', contentTypeOf(cloudPath))
    res.setHeader('content-length', bytes.length)
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }

  private count(action: string) {
    this.requestStats.requests[action] = (this.requestStats.requests[action] ?? 0) + 1
  }

  private async tcbApi(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    const requestId = `emu-${(++this.seq).toString(36)}-${Date.now().toString(36)}`
    let params: Record<string, unknown>
    const type = String(req.headers['content-type'] ?? '')
    try {
      params = type.startsWith('multipart/form-data') ? parseMultipart(raw, type) : JSON.parse(raw.toString() || '{}')
    } catch {
      return sendJson(res, { code: 'INVALID_PARAM', message: 'unreadable request body', requestId })
    }
    const action = String(params.action ?? '')
    this.count(action)
    if (typeof params.transactionId === 'string' && params.transactionId)
      this.requestStats.inTransaction[action] = (this.requestStats.inTransaction[action] ?? 0) + 1
    const isDb = action.startsWith('database.')
    try {
      const envName = String(params.envName ?? '')
      // '' is the default environment (node-sdk sends it when no env is set); [U] the real code for a wrong one
      if (envName && envName !== this.envId)
        throw new TcbError('INVALID_ENV', `environment ${envName} not found (this emulator serves ${this.envId})`)
      if (isDb && this.latencyMs > 0) await sleep(this.latencyMs / 2)
      if (action === 'wx.openApi') {
        const body = this.openApiCall(params)
        res.setHeader('content-type', 'application/octet-stream')
        res.end(body)
        return
      }
      const result = await this.dispatch(action, params)
      if (isDb && this.latencyMs > 0) await sleep(this.latencyMs / 2)
      sendJson(res, { requestId, ...result })
    } catch (e) {
      const error =
        e instanceof TcbError ? e : new TcbError(isDb ? 'DATABASE_REQUEST_FAILED' : 'SYS_ERR', (e as Error)?.message ?? String(e))
      this.requestStats.errors[error.code] = (this.requestStats.errors[error.code] ?? 0) + 1
      if (isDb && this.latencyMs > 0) await sleep(this.latencyMs / 2)
      sendJson(res, { code: error.code, message: error.message, requestId })
    }
  }

  /** `wx.openApi` (node-sdk src/wx/index.ts callCompatibleWxOpenApi): multipart in, protobuf out. */
  private openApiCall(params: Record<string, unknown>): Buffer {
    const apiName = String(params.apiName ?? '')
    const data = params.requestData
    const decoded = Buffer.isBuffer(data) ? OpenApi.decodeRequest(data) : {}
    return OpenApi.encodeResponse(this.openapi.call(apiName, decoded))
  }

  private async dispatch(action: string, p: Record<string, unknown>): Promise<Record<string, unknown>> {
    const db = this.db
    const coll = () => {
      if (typeof p.collectionName !== 'string' || !p.collectionName) throw new TcbError('INVALID_PARAM', 'collectionName is required')
      return p.collectionName
    }
    const txId = typeof p.transactionId === 'string' && p.transactionId ? p.transactionId : undefined
    switch (action) {
      // @cloudbase/database src/collection.ts add() and src/document.ts create()
      case 'database.insertDocument': {
        if (!Array.isArray(p.data)) throw new TcbError('INVALID_PARAM', 'data must be an array of EJSON documents')
        const docs = p.data.map((d, i) => decode(d, `data[${i}]`))
        return { data: { insertedIds: db.insert(coll(), docs, txId) } }
      }
      // src/query.ts get() (WHERE, with order/offset/limit/projection) and src/document.ts get() (DOC)
      case 'database.getDocument': {
        const list = db.find(
          coll(),
          {
            query: decode(p.query, 'query') ?? {},
            order: decode(p.order, 'order'),
            offset: typeof p.offset === 'number' ? p.offset : undefined,
            limit: typeof p.limit === 'number' ? p.limit : undefined,
            projection: decode(p.projection, 'projection'),
          },
          txId,
        )
        return { data: { list: list.map(encode), limit: p.limit ?? 100, offset: p.offset ?? 0 } }
      }
      // src/query.ts count(): never carries a transaction
      case 'database.calculateDocument':
        return { data: { total: db.count(coll(), decode(p.query, 'query') ?? {}) } }
      // src/query.ts update() (WHERE, multi, no transactionId: the trap), src/document.ts set() (merge false, upsert) and update() (merge true)
      case 'database.modifyDocument': {
        const data = decode(p.data, 'data')
        if (!data || typeof data !== 'object') throw new TcbError('INVALID_PARAM', 'data is required')
        const out = db.modify(
          coll(),
          { query: decode(p.query, 'query') ?? {}, data, multi: p.multi !== false, merge: p.merge !== false, upsert: p.upsert === true },
          txId,
        )
        return { data: { updated: out.updated, ...(out.upsertId !== undefined ? { upsert_id: out.upsertId } : {}) } }
      }
      // src/query.ts remove() (WHERE, multi) and src/document.ts remove() (DOC)
      case 'database.removeDocument':
        return { data: { deleted: db.remove(coll(), decode(p.query, 'query') ?? {}, p.multi !== false, txId) } }
      // src/query.ts updateAndReturn()
      case 'database.modifyAndReturnDoc': {
        const name = coll()
        const [first] = db.find(name, { query: decode(p.query, 'query') ?? {}, limit: 1 }, txId)
        if (!first) return { data: { updated: 0, doc: null } }
        const data = decode(p.data, 'data')
        const out = db.modify(name, { query: { _id: first._id }, data, multi: false, merge: true, upsert: false }, txId)
        const [after] = db.find(name, { query: { _id: first._id }, limit: 1 }, txId)
        return { data: { updated: out.updated, doc: after ? encode(after) : null } }
      }
      // src/transaction/index.ts: startTransaction → top-level transactionId; commit; abort (rollback)
      case 'database.startTransaction':
        return { transactionId: db.startTransaction() }
      case 'database.commitTransaction':
        db.commitTransaction(String(p.transactionId ?? ''))
        return {}
      case 'database.abortTransaction':
        db.abortTransaction(String(p.transactionId ?? ''))
        return {}
      // src/index.ts createCollection()
      case 'database.addCollection':
        // [U] the real code for an existing collection
        if (!db.createCollection(coll()))
          throw new TcbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${p.collectionName} already exists`)
        return {}
      // node-sdk src/functions/index.ts callFunction: the answer travels as a JSON string
      case 'functions.invokeFunction': {
        const name = String(p.function_name ?? '')
        let event: unknown = {}
        if (typeof p.request_data === 'string' && p.request_data) event = JSON.parse(p.request_data)
        // a call through the server SDK carries no WeChat identity (CLOUDBASE.md: function-to-function)
        const result = await this.functions.invoke(name, event, { trigger: 'sdk' })
        return { data: { response_data: JSON.stringify(result ?? null) } }
      }
      // node-sdk src/storage/index.ts
      case 'storage.getUploadMetadata':
        return { data: this.storage.uploadMetadata(p.path) }
      case 'storage.batchGetDownloadUrl':
        return { data: { download_list: this.storage.downloadUrls(p.file_list) } }
      case 'storage.batchDeleteFile':
        return { data: { delete_list: this.storage.delete(p.fileid_list) } }
      // node-sdk src/wx/index.ts callWxOpenApi: JSON in, `responseData` JSON string out
      case 'wx.api': {
        const data = typeof p.requestData === 'string' && p.requestData ? JSON.parse(p.requestData) : {}
        return { data: { responseData: JSON.stringify(this.openapi.call(String(p.apiName ?? ''), data)) } }
      }
      default:
        throw new TcbError('INVALID_ACTION', `action ${action || '(none)'} is not emulated`)
    }
  }
}

function sendJson(res: http.ServerResponse, body: unknown) {
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.end(JSON.stringify(body))
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 64 * 1024 * 1024) throw new Error('request body over 64 MB')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** multipart/form-data as form-data's getBuffer() writes it (node-sdk src/utils/request-core.ts): text fields as strings, file parts as Buffers. */
export function parseMultipart(body: Buffer, contentType: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType)
  if (!boundary) throw new Error('multipart without boundary')
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  const out: Record<string, unknown> = {}
  let at = body.indexOf(delimiter)
  while (at >= 0) {
    const start = at + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next < 0) break
    const part = body.subarray(start + 2, next - 2) // after CRLF, before CRLF
    const headerEnd = part.indexOf('\r\n\r\n')
    const headers = part.subarray(0, headerEnd).toString()
    const content = part.subarray(headerEnd + 4)
    const name = /name="([^"]*)"/.exec(headers)?.[1]
    if (name !== undefined)
      out[name] = /filename=|content-type:\s*application\/octet-stream/i.test(headers) ? Buffer.from(content) : content.toString()
    at = next
  }
  return out
}

function contentTypeOf(p: string) {
  const ext = path.extname(p).toLowerCase()
  const types: Record<string, string> = {
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.png': 'image/png',
    '.webp': 'image/webp',
    '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    '.json': 'application/json',
    '.txt': 'text/plain; charset=utf-8',
  }
  return types[ext] ?? 'application/octet-stream'
}
