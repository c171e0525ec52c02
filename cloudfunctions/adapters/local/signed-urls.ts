// Short-lived signed URLs for the gateway's files (photos at /files/<id>, workbooks at /exports/<id>):
// an <img> or a download link cannot carry the Bearer token, so the URL itself says who may fetch what
// until when — handed out only in a reply to someone allowed to see the file. HMAC-SHA256 under a
// secret kept in the data folder (made on first start, readable by its owner only).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Clock } from '../../core/ports'

/** Expiries are rounded up to this step, so one file's URL stays the same for a while (the browser's cache works). */
const STEP_MS = 10 * 60_000

export interface UrlSigner {
  /** `path?exp=…&sig=…`, valid for at least `ttlMs`. */
  sign(pathname: string, ttlMs: number): string
  /** Whether `exp` and `sig` sign `pathname` and have not lapsed. */
  verify(pathname: string, query: URLSearchParams): boolean
  /** When a signed URL lapses, from its query. */
  expiresAt(query: URLSearchParams): number
}

/** The data folder's signing secret: 32 random bytes in `secret.key`, made once. */
export function folderSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' })
  return readFileSync(file)
}

export function urlSigner(secret: Buffer, clock: Clock): UrlSigner {
  const mac = (pathname: string, exp: number) => createHmac('sha256', secret).update(`${pathname}\n${exp}`).digest('base64url')
  return {
    sign(pathname, ttlMs) {
      const exp = Math.ceil((clock.now() + ttlMs) / STEP_MS) * STEP_MS
      return `${pathname}?exp=${exp}&sig=${mac(pathname, exp)}`
    },
    verify(pathname, query) {
      const exp = Number(query.get('exp'))
      const sig = Buffer.from(query.get('sig') ?? '')
      if (!Number.isSafeInteger(exp) || exp <= clock.now()) return false
      const want = Buffer.from(mac(pathname, exp))
      return sig.length === want.length && timingSafeEqual(sig, want)
    },
    expiresAt: (query) => Number(query.get('exp')),
  }
}
