// Request paths: percent-decoded once, where the gateway reads them; bad encoding (`GET /%`) or a NUL
// is the client's mistake, a 400, never a thrown URIError. And the signed paths of files: a photo or a
// workbook is served only through the URL a reply handed out, until it lapses.
import type { LocalApp } from '../cloudfunctions/compose'
import { AppError } from '../cloudfunctions/core/domain/errors'

/** Refuses (403) a /files or /exports URL whose signature is missing, wrong or lapsed; returns its query. */
export function assertSigned(app: LocalApp, pathname: string, search: string): URLSearchParams {
  const query = new URLSearchParams(search)
  if (!app.signer.verify(pathname, query)) throw new AppError('FORBIDDEN', '链接已失效，请返回刷新后再打开')
  return query
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

/**
 * The short links people are sent — `/setup?token=…` (printed by a new server) and `/invite?token=…`
 * (an invitation, as text or a QR code) — lead to the app's pages for them (H5's hash routes).
 */
export function appLink(pathname: string, url: URL): string | null {
  const token = url.searchParams.get('token') ?? ''
  if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return null
  if (pathname === '/setup') return `/#/account/setup/index?token=${token}`
  if (pathname === '/invite') return `/#/account/accept/index?token=${token}`
  return null
}
