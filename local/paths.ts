// Request paths: percent-decoded once, where the gateway reads them; bad encoding (`GET /%`) or a NUL
// is the client's mistake, a 400, never a thrown URIError.
import { AppError } from '../cloudfunctions/core/domain/errors'

export function decodePath(pathname: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    throw new AppError('INVALID_INPUT', '网址编码不正确', 'path')
  }
  if (decoded.includes('\0')) throw new AppError('INVALID_INPUT', '网址编码不正确', 'path')
  return decoded
}
