// Passwords with node:crypto's scrypt, memory-hard: N = 2^16, r = 8, p = 2 (64 MiB and two passes
// per hash — one of OWASP's equivalent scrypt settings), a 16-byte random salt, a 32-byte key. The
// output names its parameters (`scrypt$N$r$p$salt$key`), so hashes made with other settings still
// verify and are flagged for a rehash. Compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { Passwords } from '../core/ports'

export interface ScryptCost {
  N: number
  r: number
  p: number
}

/** Production settings. Tests may pass cheaper ones to scryptPasswords; stored hashes say which were used. */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 16, r: 8, p: 2 }
const KEY_BYTES = 32

const derive = (password: string, salt: Buffer, { N, r, p }: ScryptCost) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  )

function parse(encoded: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const [kind, N, r, p, salt, key] = encoded.split('$')
  const cost = { N: Number(N), r: Number(r), p: Number(p) }
  if (kind !== 'scrypt' || !salt || !key || ![cost.N, cost.r, cost.p].every((n) => Number.isInteger(n) && n > 0)) return null
  // a stored hash names its own cost: refuse one that would make verification itself a denial of service
  if (cost.N > 2 ** 20 || cost.r > 32 || cost.p > 16) return null
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') }
}

export function scryptPasswords(cost: ScryptCost = SCRYPT_COST): Passwords {
  return {
    async hash(password) {
      const salt = randomBytes(16)
      const key = await derive(password, salt, cost)
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
    },
    async verify(password, encoded) {
      const parsed = parse(encoded)
      if (!parsed || parsed.key.length !== KEY_BYTES) return false
      return timingSafeEqual(await derive(password, parsed.salt, parsed.cost), parsed.key)
    },
    outdated(encoded) {
      const parsed = parse(encoded)
      return !parsed || parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p
    },
  }
}
