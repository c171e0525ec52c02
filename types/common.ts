// Building blocks for the action schemas (server side: the app imports only types from here).
import { z } from 'zod'
import type { Span } from './limits'

/** Trimmed text with a length range (a Span from ./limits); empty after trimming counts as missing. */
export const text = ({ min, max }: Span) => z.string().trim().min(min).max(max)

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不对')

/** A photo reference: local `f_…` ids or `cloud://` file ids; ownership is checked by the files port. */
export const fileId = z.string().min(1).max(256)

export const empty = z.strictObject({})

export const page = {
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(50).optional(),
}

export interface Page<T> {
  items: T[]
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string
}
