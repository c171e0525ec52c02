// The local gateway (DESIGN.md §9, "local HTTP contract"): POST /api/<fn>, demo sign-in, photo
// upload, the test clock, and the H5 build — one port, one process.
import { createReadStream, existsSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { ERROR_STATUS } from '@shared/enums'
import type { ErrorBody } from '@shared/envelope'
import { memoryRateLimiter } from '../cloudfunctions/adapters/local/rate-limiter'
import { AppError } from '../cloudfunctions/core/domain/errors'
import type { Identity } from '../cloudfunctions/core/edge'
import type { LocalApp } from '../cloudfunctions/compose'
import { demoRoster, demoSignIn } from '../cloudfunctions/core/usecases/accounts/demo-sign-in'
import { sessionUser } from '../cloudfunctions/core/usecases/accounts/sessions'
import { clientAddress } from './client-address'
import { health } from './health'
import { MAX_ROSTER_BYTES, importUpload } from './roster-upload'
import { appLink, assertSigned, decodePath } from './paths'

export interface GatewayOptions {
  demo: boolean
  /** The H5 build to serve, if present. */
  staticDir?: string
  /** Largest JSON body accepted. */
  maxJsonBytes?: number
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

export function createGateway(app: LocalApp, options: GatewayOptions): http.Server {
  const maxJson = options.maxJsonBytes ?? MAX_JSON
  const unknownTokens = memoryRateLimiter(app.clock, UNKNOWN_TOKEN_LIMIT)
  const addressOf = (req: http.IncomingMessage) => clientAddress(req, options.trustProxy ?? 0)

  /** Who is calling: no token is anonymous; a token naming no (live) session is counted, and 401. */
  async function identify(req: http.IncomingMessage): Promise<Identity> {
    const header = req.headers.authorization ?? ''
    if (header === '') return null
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)
    const found = match ? await sessionUser(app.store, app.clock, match[1]) : null
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
      return send(res, 200, { ok: true, data: await app.files.save(who.userId, mime, bytes) })
    }
    if (pathname === '/api/roster' && req.method === 'POST') {
      const who = await identify(req)
      const envelope = await importUpload(app, req, url, who, { address: addressOf(req) }, await readBody(req, MAX_ROSTER_BYTES))
      return send(res, envelope.ok ? 200 : ERROR_STATUS[envelope.error.code], envelope)
    }
    if (pathname === '/api/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      const { status, body } = health(app, options.demo)
      return send(res, status, body)
    }
    if (pathname.startsWith('/api/auth/') || pathname.startsWith('/api/dev/')) {
      if (!options.demo) throw new AppError('NOT_FOUND', '没有这个接口')
      return demoRoute(req, res, pathname)
    }
    if (pathname.startsWith('/api/')) {
      const fn = pathname.slice('/api/'.length)
      const handler = FN_NAME.test(fn) && Object.hasOwn(app.handlers, fn) ? app.handlers[fn] : undefined
      if (!handler) throw new AppError('NOT_FOUND', '没有这个接口')
      if (req.method !== 'POST') throw new AppError('NOT_FOUND', '请用 POST 调用')
      const body = await readJson(req, maxJson)
      const envelope = await handler(body, await identify(req), { address: addressOf(req) })
      return send(res, envelope.ok ? 200 : ERROR_STATUS[envelope.error.code], envelope)
    }
    if (pathname.startsWith('/exports/') && (req.method === 'GET' || req.method === 'HEAD')) {
      // generated workbooks (工作台账, 三评): an unguessable id that lapses after a day, like a cloud temporary URL
      assertSigned(app, pathname, url)
      const found = app.exports.locate(pathname.slice('/exports/'.length))
      if (!found) throw new AppError('NOT_FOUND', '文件不存在或已过期，请重新导出')
      res.writeHead(200, {
        'content-type': found.mime,
        'content-disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(found.name)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      if (req.method === 'HEAD') return void res.end()
      return void createReadStream(found.file).pipe(res)
    }
    if (pathname.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD')) {
      assertSigned(app, pathname, url)
      const found = app.files.locate(pathname.slice('/files/'.length))
      if (!found || !existsSync(found.file)) throw new AppError('NOT_FOUND', '图片不存在')
      const maxAge = Math.max(0, Math.floor((app.signer.expiresAt(url.searchParams) - app.clock.now()) / 1000))
      res.writeHead(200, { 'content-type': found.mime, 'cache-control': `private, max-age=${maxAge}`, 'x-content-type-options': 'nosniff' })
      return void createReadStream(found.file).pipe(res)
    }
    const link = req.method === 'GET' ? appLink(pathname, url) : null
    if (link) return void res.writeHead(302, { location: link, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end()
    return serveStatic(req, res, pathname)
  }

  async function demoRoute(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    if (pathname === '/api/auth/demo-users' && req.method === 'GET') {
      return send(res, 200, { ok: true, data: { users: await demoRoster(app.store) } })
    }
    if (pathname === '/api/auth/demo-login' && req.method === 'POST') {
      // a guessed user id is a failed sign-in, counted per address like a wrong password
      const limit = app.deps.signIns.address
      const key = `signin-from:${addressOf(req)}`
      await limit.assertAllowed(key)
      const { token, userId } = await readJson(req, maxJson)
        .then((body) => demoSignIn(app.store, app.deps, (body as { userId?: unknown } | null)?.userId))
        .catch(async (e) => {
          await limit.recordFailure(key)
          throw e
        })
      const me = await app.handlers.accounts({ action: 'me' }, { userId })
      if (!me.ok) throw new AppError(me.error.code, me.error.message)
      return send(res, 200, { ok: true, data: { token, user: me.data } })
    }
    if (pathname === '/api/dev/clock' && app.testClock) {
      if (req.method === 'GET') return send(res, 200, { ok: true, data: { now: new Date(app.clock.now()).toISOString() } })
      if (req.method === 'POST') {
        const body = (await readJson(req, maxJson)) as { advanceMs?: unknown }
        const ms = body?.advanceMs
        if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > 366 * 86400_000) {
          throw new AppError('INVALID_INPUT', '时钟只能向前拨，单位毫秒，最多一年', 'advanceMs')
        }
        app.testClock.advance(ms)
        const report = await app.tick()
        return send(res, 200, { ok: true, data: { now: new Date(app.clock.now()).toISOString(), tick: report } })
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
    res.writeHead(200, { 'content-type': type, 'cache-control': cache })
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
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
