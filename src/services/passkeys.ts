// 通行密钥: the caller's passkeys (list, add, remove) and signing in with one. The browser's part is the
// platform's (`platform.passkeys`, absent in WeChat); its refusals are toasted here, the server's by the
// transport.
import type { Me, PasskeyView } from '@shared/accounts'
import { platform } from '@/platform'
import { toast } from './feedback'
import { ApiError, call } from './transport'
import { signedIn } from './auth'

/** Whether this app, in this browser, can use passkeys. */
export const passkeysAvailable = () => !!platform.passkeys?.available()

async function device<T>(run: (d: NonNullable<typeof platform.passkeys>) => Promise<T>): Promise<T> {
  const d = platform.passkeys
  if (!d) throw new ApiError('CONFLICT', '这里用不了通行密钥')
  try {
    return await run(d)
  } catch (e) {
    if (e instanceof ApiError) toast(e.message, 'error')
    throw e
  }
}

export async function listPasskeys(): Promise<PasskeyView[]> {
  return (await call('accounts', 'passkeys')).items
}

/** Makes a passkey on this device and adds it: null when the person cancelled the browser's prompt. */
export async function addPasskey(requestId: string): Promise<PasskeyView | null> {
  const { challengeId, options } = await call('accounts', 'passkeyRegistrationOptions', {}, { requestId: `${requestId}-o`, loading: false })
  const response = await device((d) => d.create(options))
  if (!response) return null
  return call('accounts', 'addPasskey', { challengeId, response }, { requestId, loading: '正在添加' })
}

export function removePasskey(id: string, requestId: string) {
  return call('accounts', 'removePasskey', { id }, { requestId, loading: '正在删除' })
}

/** Signs in with a passkey on this device: null when the person cancelled. */
export async function passkeySignIn(): Promise<Me | null> {
  const attempt = `passkey-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  const { challengeId, options } = await call('accounts', 'passkeySignInOptions', {}, { requestId: `${attempt}-o`, loading: false })
  const response = await device((d) => d.get(options))
  if (!response) return null
  return signedIn(await call('accounts', 'signInWithPasskey', { challengeId, response }, { requestId: attempt, loading: '正在登录' }))
}
