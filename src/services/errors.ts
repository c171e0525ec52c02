// The one error the app sees from the backend: the envelope's error rebuilt (code, message, field), or
// NETWORK when no answer came back. Platform wires and the transport both throw it.
import type { Envelope } from '@shared/envelope'
import type { ErrorCode } from '@shared/enums'

/** NETWORK: the request never got an answer, so we cannot know whether it ran. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

const FALLBACK_MESSAGE: Record<ClientErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限做这件事',
  NOT_FOUND: '没有找到，可能已被删除',
  CONFLICT: '状态已变化，请刷新后再试',
  SOLD_OUT: '已经兑完了',
  LIMIT_REACHED: '已达到上限',
  INSUFFICIENT_POINTS: '积分不够',
  PAYLOAD_TOO_LARGE: '文件太大了',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  STORAGE_FULL: '存储空间不足，请联系社区管理员',
  INTERNAL: '服务器开小差了，请稍后再试',
  NETWORK: '网络不通，请检查网络后重试',
}

export class ApiError extends Error {
  readonly code: ClientErrorCode
  readonly field?: string
  constructor(code: ClientErrorCode, message?: string, field?: string) {
    super(message || FALLBACK_MESSAGE[code] || FALLBACK_MESSAGE.INTERNAL)
    Object.setPrototypeOf(this, ApiError.prototype)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
  /** True when the server may or may not have run the action: retry with the same requestId. */
  get ambiguous(): boolean {
    return this.code === 'NETWORK' || this.code === 'INTERNAL'
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError('NETWORK')
}

/** The envelope's data, or its error as an ApiError. */
export function fromEnvelope<T>(env: unknown): T {
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new ApiError('INTERNAL')
  const e = env as Envelope<T>
  if (e.ok) return e.data
  const code = (e.error?.code ?? 'INTERNAL') as ClientErrorCode
  throw new ApiError(code in FALLBACK_MESSAGE ? code : 'INTERNAL', e.error?.message, e.error?.field)
}
