// A software passkey authenticator: an ES256 key pair from node:crypto answering WebAuthn options the
// way a browser and a platform authenticator would — attestation "none", authenticator data, client
// data JSON, a real signature — so the real @simplewebauthn/server verifies what the tests send.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'

type Json = Record<string, unknown>

const b64u = (b: Uint8Array) => Buffer.from(b).toString('base64url')
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest()

// ---- just enough CBOR for an attestation object and a COSE key -------------------------------------
type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>
const head = (major: number, n: number) =>
  n < 24
    ? Buffer.from([(major << 5) | n])
    : n < 256
      ? Buffer.from([(major << 5) | 24, n])
      : Buffer.from([(major << 5) | 25, n >> 8, n & 255])
function cbor(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v)
  if (typeof v === 'string') return Buffer.concat([head(3, Buffer.byteLength(v)), Buffer.from(v)])
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), Buffer.from(v)])
  return Buffer.concat([head(5, v.size), ...[...v].flatMap(([k, x]) => [cbor(k), cbor(x)])])
}

const UP = 0x01
const UV = 0x04
const AT = 0x40

export interface SoftPasskey {
  id: Buffer
  key: KeyObject
  userHandle: string
  counter: number
}

export class SoftAuthenticator {
  readonly passkeys: SoftPasskey[] = []

  /** `origin`: the page the browser is on (its host is the RP ID it answers for). */
  constructor(readonly origin: string) {}

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }))
  }

  /** navigator.credentials.create: a new passkey for the options' user, as RegistrationResponseJSON. */
  create(options: Json): Json {
    const rp = options.rp as { id: string }
    const user = options.user as { id: string }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const jwk = publicKey.export({ format: 'jwk' })
    const cose = cbor(
      new Map<Cbor, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    )
    const id = randomBytes(16)
    const idLength = Buffer.from([id.length >> 8, id.length & 255])
    const authData = Buffer.concat([sha256(rp.id), Buffer.from([UP | UV | AT]), Buffer.alloc(4), Buffer.alloc(16), idLength, id, cose])
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    )
    this.passkeys.push({ id, key: privateKey, userHandle: user.id, counter: 0 })
    return {
      id: b64u(id),
      rawId: b64u(id),
      type: 'public-key',
      response: {
        clientDataJSON: b64u(this.clientData('webauthn.create', options.challenge as string)),
        attestationObject: b64u(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }

  /**
   * navigator.credentials.get: signs the options' challenge with a passkey (the last made, unless
   * named), as AuthenticationResponseJSON. `counter` sets the signature counter it reports (a cloned
   * authenticator's would lag); otherwise it counts up.
   */
  get(options: Json, { passkey = this.passkeys.at(-1), counter }: { passkey?: SoftPasskey; counter?: number } = {}): Json {
    if (!passkey) throw new Error('no passkey to sign with')
    const rpId = options.rpId as string
    passkey.counter = counter ?? passkey.counter + 1
    const count = Buffer.alloc(4)
    count.writeUInt32BE(passkey.counter)
    const authData = Buffer.concat([sha256(rpId), Buffer.from([UP | UV]), count])
    const clientDataJSON = this.clientData('webauthn.get', options.challenge as string)
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), passkey.key)
    return {
      id: b64u(passkey.id),
      rawId: b64u(passkey.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64u(clientDataJSON),
        authenticatorData: b64u(authData),
        signature: b64u(signature),
        userHandle: passkey.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    }
  }
}
