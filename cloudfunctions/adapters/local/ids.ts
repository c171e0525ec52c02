import { randomFillSync } from 'node:crypto'
import type { Ids } from '../../core/ports'

/** Random bytes drawn from a pool refilled 4 KiB at a time: one system call per few hundred ids. */
const pool = Buffer.alloc(4096)
let used = pool.length
function take(n: number): Buffer {
  if (n > pool.length) return randomFillSync(Buffer.alloc(n))
  if (used + n > pool.length) {
    randomFillSync(pool)
    used = 0
  }
  const out = Buffer.from(pool.subarray(used, used + n))
  used += n
  return out
}

/** Random 96-bit ids, url-safe: unguessable, so a file or order id is no key to anything. */
export const randomIds: Ids = {
  next: (prefix) => `${prefix}_${take(12).toString('base64url')}`,
  randomBytes: (n) => new Uint8Array(take(n)),
}
