// Passkeys in the browser with @simplewebauthn/browser: the server's WebAuthn options to
// navigator.credentials and the answer back as JSON. A browser offers them only over https or on
// localhost; elsewhere `available()` is false and the password is the way in. The library loads when a
// passkey is first made or used, not with the sign-in page (bench/README.md, "The first load on a phone").
import type { startAuthentication, startRegistration } from '@simplewebauthn/browser'
import { ApiError } from '@/services/transport'
import type { PasskeyDevice } from './index'

type Options<F extends (o: { optionsJSON: never }) => unknown> = Parameters<F>[0]['optionsJSON']

const webauthn = () => import('@simplewebauthn/browser')

/** The person closed the prompt, or it timed out: nothing to say. */
const cancelled = (e: unknown) => e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'AbortError')

function refusal(e: unknown): ApiError {
  if (e instanceof Error && e.name === 'InvalidStateError') return new ApiError('CONFLICT', '这台设备已经有您的通行密钥了')
  return new ApiError('CONFLICT', '这个浏览器用不了通行密钥，请用密码登录')
}

async function ask<T>(run: () => Promise<T>): Promise<Record<string, unknown> | null> {
  try {
    return { ...(await run()) } as Record<string, unknown>
  } catch (e) {
    if (cancelled(e)) return null
    throw refusal(e)
  }
}

export const passkeys: PasskeyDevice = {
  // what the library's browserSupportsWebAuthn() checks
  available: () => typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function',
  create: (options) =>
    ask(async () => (await webauthn()).startRegistration({ optionsJSON: options as unknown as Options<typeof startRegistration> })),
  get: (options) =>
    ask(async () => (await webauthn()).startAuthentication({ optionsJSON: options as unknown as Options<typeof startAuthentication> })),
}
