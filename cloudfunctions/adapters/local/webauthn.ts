// Passkeys (WebAuthn) with @simplewebauthn/server for one relying party: the site's origin, read when a
// passkey is made or used (the gateway knows its port only once it listens). Local mode only: the cloud
// functions' bundles never load it, and the library loads at the first passkey, not with the app.
import type { AuthenticationResponseJSON, RegistrationResponseJSON, WebAuthnCredential } from '@simplewebauthn/server'
import type { Passkey, PasskeyVerifier, RegisteredPasskey } from '../../core/ports'

/** The name browsers show beside a passkey. */
const RP_NAME = '红网邻里'

/** A relying party: the origin pages are served from, and its host name (the RP ID passkeys are bound to). */
export interface RelyingParty {
  origin: string
  rpID: string
}

/** The relying party of an origin such as `https://redgrid.example.org` or `http://localhost:8080`. */
export const relyingPartyOf = (origin: string): RelyingParty => {
  const url = new URL(origin)
  return { origin: url.origin, rpID: url.hostname }
}

// passkeys must prove the person is there (a fingerprint, a PIN): they replace the password
const UV = 'required' as const

const library = () => import('@simplewebauthn/server')
const fromB64u = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'))
const BASE64URL = /^[A-Za-z0-9_-]+$/

export function webAuthnVerifier(site: () => RelyingParty): PasskeyVerifier {
  return {
    async registrationOptions(user, existing, challenge) {
      const { rpID } = site()
      const { generateRegistrationOptions } = await library()
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID,
        userName: user.name,
        userID: new TextEncoder().encode(user.id),
        challenge: fromB64u(challenge),
        attestationType: 'none',
        excludeCredentials: existing.map((id) => ({ id })),
        // a discoverable credential: signing in needs no phone number typed first
        authenticatorSelection: { residentKey: 'required', userVerification: UV },
      })
      return { ...options }
    },
    async verifyRegistration(response, challenge) {
      const { origin, rpID } = site()
      const { verifyRegistrationResponse } = await library()
      try {
        const result = await verifyRegistrationResponse({
          response: response as RegistrationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: true,
        })
        if (!result.verified) return null
        const { credential } = result.registrationInfo
        return {
          id: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          counter: credential.counter,
          transports: credential.transports ?? [],
        } satisfies RegisteredPasskey
      } catch {
        return null
      }
    },
    async authenticationOptions(challenge) {
      const { rpID } = site()
      const { generateAuthenticationOptions } = await library()
      return { ...(await generateAuthenticationOptions({ rpID, challenge: fromB64u(challenge), userVerification: UV })) }
    },
    credentialIdOf(response) {
      const id = (response as { id?: unknown } | null)?.id
      return typeof id === 'string' && BASE64URL.test(id) ? id : null
    },
    async verifyAuthentication(response, challenge, passkey: Passkey) {
      const { origin, rpID } = site()
      const { verifyAuthenticationResponse } = await library()
      try {
        const result = await verifyAuthenticationResponse({
          response: response as AuthenticationResponseJSON,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          credential: {
            id: passkey.id,
            publicKey: fromB64u(passkey.publicKey),
            counter: passkey.counter,
            transports: passkey.transports as WebAuthnCredential['transports'],
          },
          requireUserVerification: true,
        })
        return result.verified ? { counter: result.authenticationInfo.newCounter } : null
      } catch {
        return null
      }
    },
  }
}
