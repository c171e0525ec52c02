// One error type for every layer; the edge turns it into the envelope, the client rebuilds it.
import { ERROR_STATUS } from '@shared/enums'
import type { ErrorCode } from '@shared/enums'
import type { ErrorBody } from '@shared/envelope'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly field?: string

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.field = field
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }

  toJSON(): ErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }
}

export const invalid = (field: string, message: string) => new AppError('INVALID_INPUT', message, field)
export const forbidden = (message = '没有权限做这件事') => new AppError('FORBIDDEN', message)
export const notFound = (message = '没有找到') => new AppError('NOT_FOUND', message)
export const conflict = (message: string) => new AppError('CONFLICT', message)
