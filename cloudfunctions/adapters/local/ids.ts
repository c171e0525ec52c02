import { randomBytes } from 'node:crypto'
import type { Ids } from '../../core/ports'

/** Random 96-bit ids, url-safe: unguessable, so a file or order id is no key to anything. */
export const randomIds: Ids = {
  next: (prefix) => `${prefix}_${randomBytes(12).toString('base64url')}`,
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
}
