// The local gateway (DESIGN.md §9, "local HTTP contract"): POST /api/<fn>, demo sign-in, photo
// upload, the test clock, downloads, the 社区设置表 upload, health and the H5 build — one port, one process. What answers is a
// Backend: local mode's in-process handlers (local-backend.ts) or cloud mode's built functions on the
// CloudBase emulator (cloud-backend.ts); the HTTP contract is this file's alone.
import { createReadStream, existsSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { Readable } from 'node:stream'
import type { DemoUser } from '@shared/accounts'
import { ERROR_STATUS } from '@shared/enums'
import type { Envelope, ErrorBody } from '@shared/envelope'
import { memoryRateLimiter } from '../cloudfunctions/adapters/local/rate-limiter'
import { AppError } from '../cloudfunctions/core/domain/errors'
import type { Client, Identity } from '../cloudfunctions/core/edge'
import type { Clock, RateLimiter } from '../cloudfunctions/core/ports'
import { SIGN_IN_LIMITS } from '../cloudfunctions/core/usecases/accounts/sign-in-limits'
import { clientAddress } from './client-address'
import { appLink, decodePath } from './paths'

/** A stored file the gateway hands out: its bytes and the headers they go with. */
export interface Download {
  headers: Record<string, string>
  body: Readable | Buffer
}

/** Files at paths the backend gave out (photos, exports): everything under `prefix`. */
export interface DownloadRoute {
  prefix: string
  /** What a person is told when the file is not there (or its link has lapsed). */
  missing: string
  open(rest: string, search: string): Promise<Download | null>
}

/** What answers the HTTP contract. */
export interface Backend {
  clock: Clock
  /** The functions callable as POST /api/<fn>. */
  functions: readonly string[]
  /** One call of `fn` as `identity`: the bearer token's person, never anything in the body; `client` as the gateway saw it. */
  call(fn: string, request: unknown, identity: Identity, client?: Client): Promise<Envelope<unknown>>
  /** The person a bearer token signs in and the session it names, or null when it names no (live) session. */
  sessionUser(token: string): Promise<{ userId: string; sessionId: string } | null>
  demoRoster(): Promise<DemoUser[]>
  /** A session as the chosen demo person. */
  demoSignIn(userId: unknown): Promise<{ token: string; userId: string }>
  /** Stores a photo uploaded by `ownerId` (POST /api/files). */
  savePhoto(ownerId: string, mime: string, bytes: Buffer): Promise<{ fileId: string; url: string }>
  downloads: DownloadRoute[]
  /** Demo mode's test clock: moves forward, then runs the scheduler once (its report). Null when off. */
  testClock: { advance(ms: number): Promise<unknown> } | null
  /** GET /api/health: the database, the disk, the scheduler (local mode). */
  health?(demo: boolean): { status: number; body: unknown }
  /** POST /api/roster: an admin's 社区设置表 (.xlsx bytes) into the import (local mode). */
  importRoster?(request: { bytes: Buffer; contentType: string; url: URL }, identity: Identity, client: Client): Promise<Envelope<unknown>>
}

export interface GatewayOptions {
  demo: boolean
  /** The H5 build to serve, if present. */
  staticDir?: string
  /** Largest JSON body accepted. */
  maxJsonBytes?: number
  /** Counts failed demo sign-ins per client address; default SIGN_IN_LIMITS.address in memory. */
  signInLimiter?: RateLimiter
  /** Proxies in front that append to X-Forwarded-For (TRUST_PROXY): failures count per client address behind them. */
  trustProxy?: number
  log?: (message: string, error?: unknown) => void
}

/**
 * Unknown, forged or ended tokens one client address may present in the window before its unknown
 * tokens get 429 instead of 401. Counted apart from sign-ins: a browser left with a stale token never
 * locks anyone at its address out of signing in (and a valid token is never slowed).
 */
export const UNKNOWN_TOKEN_LIMIT = { maxFailures: 100, windowMs: 10 * 60_000 }

const MAX_JSON = 256 * 1024
const MAX_UPLOAD = 5 * 1024 * 1024
const MAX_ROSTER = 5 * 1024 * 1024
const FN_NAME = /^[a-z][A-Za-z]{1,31}$/

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
]

/** The build's compressed copy of `file` the client accepts (brotli first), if there is one. */
function precompressed(file: string, acceptEncoding: string): { name: string; file: string } | null {
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''))
      .map(([name]) => name.trim().toLowerCase()),
  )
  for (const { name, suffix } of ENCODINGS) {
    if (accepted.has(name) && existsSync(file + suffix)) return { name, file: file + suffix }
  }
  return null
}

export function createGateway(backend: Backend, options: GatewayOptions): http.Server {
  const maxJson = options.maxJsonBytes ?? MAX_JSON
  const signIn = options.signInLimiter ?? memoryRateLimiter(backend.clock, SIGN_IN_LIMITS.address)
  const unknownTokens = memoryRateLimiter(backend.clock, UNKNOWN_TOKEN_LIMIT)
  // successful calls are never counted: a community centre full of people behind one address on a
  // Saturday morning is never slowed; only guessing (tokens, user ids) runs into the limit
  const addressOf = (req: http.IncomingMessage) => clientAddress(req, options.trustProxy ?? 0)
  const clientKey = (req: http.IncomingMessage) => `signin-from:${addressOf(req)}`

  /** Who is calling: no token is anonymous; a token naming no (live) session is counted apart, and 401. */
  async function identify(req: http.IncomingMessage): Promise<Identity> {
    const header = req.headers.authorization ?? ''
    if (header === '') return null
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)
    const found = match ? await backend.sessionUser(match[1]) : null
    if (found) return found
    const key = `token:${addressOf(req)}`
    await unknownTokens.assertAllowed(key)
    await unknownTokens.recordFailure(key)
    return null
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const pathname = decodePath(url.pathname)
    if (pathname === '/api/files' && req.method === 'POST') {
      const who = await identify(req)
      if (!who) throw new AppError('UNAUTHENTICATED', '请先登录')
      const mime = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      const bytes = await readBody(req, MAX_UPLOAD)
      return send(res, 200, { ok: true, data: await backend.savePhoto(who.userId, mime, bytes) })
    }
    if (pathname === '/api/roster' && req.method === 'POST' && backend.importRoster) {
      const who = await identify(req)
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      const bytes = await readBody(req, MAX_ROSTER)
      const envelope = await backend.importRoster({ bytes, contentType, url }, who, { address: addressOf(req) })
      return send(res, envelope.ok ? 200 : ERROR_STATUS[envelope.error.code], envelope)
    }
    if (pathname === '/api/health' && (req.method === 'GET' || req.method === 'HEAD') && backend.health) {
      const { status, body } = backend.health(options.demo)
      return send(res, status, body)
    }
    if (pathname.startsWith('/api/auth/') || pathname.startsWith('/api/dev/')) {
      if (!options.demo) throw new AppError('NOT_FOUND', '没有这个接口')
      return demoRoute(req, res, pathname)
    }
    if (pathname.startsWith('/api/')) {
      const fn = pathname.slice('/api/'.length)
      if (!FN_NAME.test(fn) || !backend.functions.includes(fn)) throw new AppError('NOT_FOUND', '没有这个接口')
      if (req.method !== 'POST') throw new AppError('NOT_FOUND', '请用 POST 调用')
      const body = await readJson(req, maxJson)
      const envelope = await backend.call(fn, body, await identify(req), { address: addressOf(req) })
      return send(res, envelope.ok ? 200 : ERROR_STATUS[envelope.error.code], envelope)
    }
    const download =
      req.method === 'GET' || req.method === 'HEAD' ? backend.downloads.find((d) => pathname.startsWith(d.prefix)) : undefined
    if (download) {
      const found = await download.open(pathname.slice(download.prefix.length), url.search)
      if (!found) throw new AppError('NOT_FOUND', download.missing)
      res.writeHead(200, { 'x-content-type-options': 'nosniff', ...found.headers })
      if (req.method === 'HEAD') return void res.end()
      if (Buffer.isBuffer(found.body)) return void res.end(found.body)
      return void found.body.pipe(res)
    }
    const link = req.method === 'GET' ? appLink(pathname, url) : null
    if (link) return void res.writeHead(302, { location: link, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end()
    return serveStatic(req, res, pathname)
  }

  async function demoRoute(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (pathname === '/api/auth/demo-users' && req.method === 'GET') {
      return send(res, 200, { ok: true, data: { users: await backend.demoRoster() } })
    }
    if (pathname === '/api/auth/demo-login' && req.method === 'POST') {
      const key = clientKey(req)
      await signIn.assertAllowed(key)
      const { token, userId } = await readJson(req, maxJson)
        .then((body) => backend.demoSignIn((body as { userId?: unknown } | null)?.userId))
        .catch(async (e) => {
          await signIn.recordFailure(key)
          throw e
        })
      const me = await backend.call('accounts', { action: 'me' }, { userId })
      if (!me.ok) throw new AppError(me.error.code, me.error.message)
      return send(res, 200, { ok: true, data: { token, user: me.data } })
    }
    if (pathname === '/api/dev/clock' && backend.testClock) {
      const now = () => new Date(backend.clock.now()).toISOString()
      if (req.method === 'GET') return send(res, 200, { ok: true, data: { now: now() } })
      if (req.method === 'POST') {
        const body = (await readJson(req, maxJson)) as { advanceMs?: unknown }
        const ms = body?.advanceMs
        if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 366 * 86400_000) {
          throw new AppError('INVALID_INPUT', '时钟只能向前拨，单位毫秒，最多一年', 'advanceMs')
        }
        const tick = await backend.testClock.advance(ms)
        return send(res, 200, { ok: true, data: { now: now(), tick } })
      }
    }
    throw new AppError('NOT_FOUND', '没有这个接口')
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const root = options.staticDir
    if (!root || !existsSync(path.join(root, 'index.html')) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      throw new AppError('NOT_FOUND', '没有这个页面')
    }
    let file = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''))
    if (!file.startsWith(path.resolve(root)) || !existsSync(file) || statSync(file).isDirectory()) {
      // the H5 app routes on the client: unknown paths get the app shell
      file = path.join(root, 'index.html')
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
    const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable'
    // the build writes brotli and gzip copies beside its larger text files (config/precompress.ts):
    // on a phone's network the app's JavaScript is a third of its size that way
    const encoding = precompressed(file, String(req.headers['accept-encoding'] ?? ''))
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': cache, vary: 'accept-encoding' }
    if (encoding) headers['content-encoding'] = encoding.name
    res.writeHead(200, headers)
    if (req.method === 'HEAD') return void res.end()
    createReadStream(encoding?.file ?? file).pipe(res)
  }

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    route(req, res, url).catch((error) => {
      const err = error instanceof AppError ? error : null
      if (!err) options.log?.('gateway error', error)
      const body: ErrorBody = err ? err.toJSON() : { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' }
      if (!res.headersSent) send(res, ERROR_STATUS[body.code], { ok: false, error: body })
      else res.destroy()
    })
  })
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      req.resume()
      return reject(new AppError('PAYLOAD_TOO_LARGE', `请求内容太大（最多 ${Math.round(limit / 1024)} KB）`))
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        reject(new AppError('PAYLOAD_TOO_LARGE', `请求内容太大（最多 ${Math.round(limit / 1024)} KB）`))
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').toLowerCase()
  if (!type.startsWith('application/json')) throw new AppError('INVALID_INPUT', '请求内容应为 JSON', 'body')
  const text = (await readBody(req, limit)).toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError('INVALID_INPUT', '请求内容不是有效的 JSON', 'body')
  }
}
