// The envelope every function returns, over HTTP in local mode and through wx.cloud.callFunction in WeChat.
import type { ErrorCode } from './enums'

export interface ErrorBody {
  code: ErrorCode
  /** Short Chinese sentence a person can read. */
  message: string
  /** For INVALID_INPUT: the path of the input field at fault, e.g. "title" or "photos.0". */
  field?: string
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

export interface CallRequest {
  action: string
  input?: unknown
  /** Required for mutating actions: a repeat with the same id from the same user returns the first result. */
  requestId?: string
}
