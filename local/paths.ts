// Request paths: percent-decoded once, where the gateway reads them; bad encoding (`GET /%`) or a NUL
// is the client's mistake, a 400, never a thrown URIError. And the signed paths of files: a photo or a
// workbook is served only through the URL a reply handed out, until it lapses.
import type { LocalApp } from '../cloudfunctions/compose'
import { AppError } from '../cloudfunctions/core/domain/errors'

/** Refuses (403) a /files or /exports URL whose signature is missing, wrong or lapsed. */
export function assertSigned(app: LocalApp, pathname: string, url: URL) {
  if (!app.signer.verify(pathname, url.searchParams)) throw new AppError('FORBIDDEN', '链接已失效，请返回刷新后再打开')
}

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

