// Passkeys on the self-hosted door (issue 16), on SQLite through the edge, with real WebAuthn answers
// from a software authenticator verified by the real @simplewebauthn/server: add one, sign in with it,
// and every way an answer must be refused — another challenge, a used one, an expired one, another
// person's, a lagging counter, a removed passkey, another site.
import type { Envelope } from '@shared/envelope'
import { sessionUser } from '../../cloudfunctions/core/usecases/accounts/sessions'
import { PASSKEY_CHALLENGE_TTL_MS } from '../../cloudfunctions/core/usecases/accounts/passkeys'
import { SoftAuthenticator } from '../helpers/authenticator'
import { type Harness, TEST_ORIGIN, TEST_PASSWORDS, openHarness, rid } from '../helpers/local'

jest.setTimeout(30_000)

const RESIDENT = 'u_wangxl' // 王秀兰, 13800010001
const NEIGHBOUR = 'u_lijg' // 李建国, 13800010002

let h: Harness

beforeEach(async () => {
  h = await openHarness()
  for (const [userId, login] of [
    [RESIDENT, '13800010001'],
    [NEIGHBOUR, '13800010002'],
  ])
    await h.app.store.write((repos) =>
      TEST_PASSWORDS.hash('一个够长的密码').then((hash) => repos.identity.saveCredential({ userId, login, hash, updatedAt: 0 })),
    )
})
afterEach(() => h.close())

const errorOf = (res: Envelope<unknown>) => {
  if (res.ok) throw new Error(`expected a refusal, got ${JSON.stringify(res.data)}`)
  return res.error
}

/** The person adds a passkey made by `device`; returns the passkey's view. */
async function addPasskey(userId: string, device: SoftAuthenticator) {
  const { challengeId, options } = await h.ok(userId, 'accounts', 'passkeyRegistrationOptions', {})
  return h.ok(userId, 'accounts', 'addPasskey', { challengeId, response: device.create(options) })
}

const signInOptions = () => h.ok(null as unknown as string, 'accounts', 'passkeySignInOptions', {})
const signIn = (challengeId: string, response: Record<string, unknown>) =>
  h.call(null, 'accounts', 'signInWithPasskey', { challengeId, response })

describe('adding a passkey', () => {
  it('registers the browser’s new passkey to the signed-in person, and lists it as theirs only', async () => {
    const { challengeId, options } = await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    expect(options).toMatchObject({ rp: { id: 'localhost', name: '红网邻里' }, user: { name: '13800010001' } })
    const device = new SoftAuthenticator(TEST_ORIGIN)
    const added = await h.ok(RESIDENT, 'accounts', 'addPasskey', { challengeId, response: device.create(options) })
    expect(added).toEqual({ id: device.passkeys[0].id.toString('base64url'), createdAt: expect.any(String), lastUsedAt: null })
    expect((await h.ok(RESIDENT, 'accounts', 'passkeys', {})).items).toEqual([added])
    expect((await h.ok(NEIGHBOUR, 'accounts', 'passkeys', {})).items).toEqual([])
    // the next registration excludes it: the browser will not make a second on the same device
    const again = await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    expect(again.options.excludeCredentials).toEqual([expect.objectContaining({ id: added.id })])
  })

  it('answers a repeat of the same request with the same passkey', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    const { challengeId, options } = await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    const input = { challengeId, response: device.create(options) }
    const requestId = rid()
    const first = await h.ok(RESIDENT, 'accounts', 'addPasskey', input, requestId)
    expect(await h.ok(RESIDENT, 'accounts', 'addPasskey', input, requestId)).toEqual(first)
    expect((await h.ok(RESIDENT, 'accounts', 'passkeys', {})).items).toHaveLength(1)
  })

  it('refuses a used challenge: the same answer sent again (a new request) adds nothing', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    const { challengeId, options } = await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    const response = device.create(options)
    await h.ok(RESIDENT, 'accounts', 'addPasskey', { challengeId, response })
    expect(errorOf(await h.call(RESIDENT, 'accounts', 'addPasskey', { challengeId, response }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'challengeId',
    })
  })

  it('refuses another person’s challenge, which stays theirs to answer', async () => {
    const theirs = await h.ok(NEIGHBOUR, 'accounts', 'passkeyRegistrationOptions', {})
    const response = new SoftAuthenticator(TEST_ORIGIN).create(theirs.options)
    expect(errorOf(await h.call(RESIDENT, 'accounts', 'addPasskey', { challengeId: theirs.challengeId, response }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'challengeId',
    })
    expect((await h.ok(RESIDENT, 'accounts', 'passkeys', {})).items).toEqual([])
    await h.ok(NEIGHBOUR, 'accounts', 'addPasskey', { challengeId: theirs.challengeId, response })
    expect((await h.ok(NEIGHBOUR, 'accounts', 'passkeys', {})).items).toHaveLength(1)
  })

  it('refuses an answer to another challenge, one made on another site, and one past its few minutes', async () => {
    const first = await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    const second = await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    const device = new SoftAuthenticator(TEST_ORIGIN)
    const toFirst = device.create(first.options)
    expect(errorOf(await h.call(RESIDENT, 'accounts', 'addPasskey', { challengeId: second.challengeId, response: toFirst }))).toMatchObject(
      {
        code: 'INVALID_INPUT',
        field: 'response',
      },
    )
    const elsewhere = new SoftAuthenticator('http://localhost:9999').create(first.options)
    expect(
      errorOf(await h.call(RESIDENT, 'accounts', 'addPasskey', { challengeId: first.challengeId, response: elsewhere })),
    ).toMatchObject({
      field: 'response',
    })
    h.app.testClock?.advance(PASSKEY_CHALLENGE_TTL_MS + 1)
    expect(errorOf(await h.call(RESIDENT, 'accounts', 'addPasskey', { challengeId: first.challengeId, response: toFirst }))).toMatchObject({
      field: 'challengeId',
    })
    expect((await h.ok(RESIDENT, 'accounts', 'passkeys', {})).items).toEqual([])
  })

  it('sweeps challenges nobody answered once they expire (the local tick)', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    await addPasskey(RESIDENT, device)
    await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    const open = await signInOptions()
    const count = () => h.app.store.db.prepare('SELECT COUNT(*) AS n FROM passkey_challenges').get() as { n: number }
    expect((await h.app.tick()).expiredChallenges).toBe(0)
    expect(count().n).toBe(2)
    h.app.testClock?.advance(PASSKEY_CHALLENGE_TTL_MS)
    expect((await h.app.tick()).expiredChallenges).toBe(2)
    expect(count().n).toBe(0)
    expect(errorOf(await signIn(open.challengeId, device.get(open.options)))).toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('needs a password first, and a site origin (none in the cloud)', async () => {
    expect(errorOf(await h.call('u_zhanggy', 'accounts', 'passkeyRegistrationOptions', {}))).toMatchObject({ code: 'CONFLICT' })
    const cloudLike = await openHarness({ siteOrigin: null })
    try {
      expect(errorOf(await cloudLike.call(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {}))).toMatchObject({ code: 'CONFLICT' })
      expect(errorOf(await cloudLike.call(null, 'accounts', 'passkeySignInOptions', {}))).toMatchObject({ code: 'CONFLICT' })
    } finally {
      cloudLike.close()
    }
  })
})

describe('signing in with a passkey', () => {
  it('opens a session for the passkey’s person, the same SignedIn as the password, and records the use', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    const added = await addPasskey(RESIDENT, device)
    const { challengeId, options } = await signInOptions()
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' })
    const res = await signIn(challengeId, device.get(options))
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    expect(res.data.user).toMatchObject({ id: RESIDENT, name: '王秀兰' })
    expect(await sessionUser(h.app.store, h.app.clock, res.data.token)).toMatchObject({ userId: RESIDENT })
    const [listed] = (await h.ok(RESIDENT, 'accounts', 'passkeys', {})).items
    expect(listed).toEqual({ ...added, lastUsedAt: expect.any(String) })
    const stored = await h.app.store.read((repos) => repos.identity.passkey(added.id))
    expect(stored?.counter).toBe(1)
  })

  it('refuses a replayed answer: its challenge was taken by the sign-in it opened', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    await addPasskey(RESIDENT, device)
    const { challengeId, options } = await signInOptions()
    const answer = device.get(options)
    expect((await signIn(challengeId, answer)).ok).toBe(true)
    expect(errorOf(await signIn(challengeId, answer))).toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('refuses an answer to another challenge', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    await addPasskey(RESIDENT, device)
    const first = await signInOptions()
    const second = await signInOptions()
    expect(errorOf(await signIn(second.challengeId, device.get(first.options)))).toMatchObject({ code: 'UNAUTHENTICATED' })
    // a registration challenge is not a sign-in's
    const registration = await h.ok(RESIDENT, 'accounts', 'passkeyRegistrationOptions', {})
    expect(errorOf(await signIn(registration.challengeId, device.get(second.options)))).toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('refuses a signature counter that does not move on (a cloned passkey)', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    const added = await addPasskey(RESIDENT, device)
    const one = await signInOptions()
    expect((await signIn(one.challengeId, device.get(one.options, { counter: 5 }))).ok).toBe(true)
    const two = await signInOptions()
    expect(errorOf(await signIn(two.challengeId, device.get(two.options, { counter: 5 })))).toMatchObject({ code: 'UNAUTHENTICATED' })
    const three = await signInOptions()
    expect(errorOf(await signIn(three.challengeId, device.get(three.options, { counter: 3 })))).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect((await h.app.store.read((repos) => repos.identity.passkey(added.id)))?.counter).toBe(5)
    const four = await signInOptions()
    expect((await signIn(four.challengeId, device.get(four.options, { counter: 6 }))).ok).toBe(true)
  })

  it('refuses a removed passkey, which only its person can remove', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    const added = await addPasskey(RESIDENT, device)
    expect(errorOf(await h.call(NEIGHBOUR, 'accounts', 'removePasskey', { id: added.id }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await h.ok(RESIDENT, 'accounts', 'removePasskey', { id: added.id })).toEqual({ id: added.id })
    expect((await h.ok(RESIDENT, 'accounts', 'passkeys', {})).items).toEqual([])
    const { challengeId, options } = await signInOptions()
    expect(errorOf(await signIn(challengeId, device.get(options)))).toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('counts failures as the password does: per account and per address, until RATE_LIMITED', async () => {
    const device = new SoftAuthenticator(TEST_ORIGIN)
    await addPasskey(RESIDENT, device)
    const client = { address: '203.0.113.7' }
    const accounts = h.app.handlers.accounts
    const ask = async () =>
      (await accounts({ action: 'passkeySignInOptions', input: {}, requestId: rid() }, null, client)) as Envelope<{
        challengeId: string
        options: Record<string, unknown>
      }>
    // five answers with a lagging counter: each a failure on 王秀兰's account
    const first = await ask()
    if (!first.ok) throw new Error('no challenge')
    await accounts(
      { action: 'signInWithPasskey', input: { challengeId: first.data.challengeId, response: device.get(first.data.options) } },
      null,
      client,
    )
    for (let i = 0; i < 5; i++) {
      const c = await ask()
      if (!c.ok) throw new Error('no challenge')
      const res = await accounts(
        { action: 'signInWithPasskey', input: { challengeId: c.data.challengeId, response: device.get(c.data.options, { counter: 1 }) } },
        null,
        client,
      )
      expect(errorOf(res)).toMatchObject({ code: 'UNAUTHENTICATED' })
    }
    const c = await ask()
    if (!c.ok) throw new Error('no challenge')
    const locked = await accounts(
      { action: 'signInWithPasskey', input: { challengeId: c.data.challengeId, response: device.get(c.data.options) } },
      null,
      client,
    )
    expect(errorOf(locked)).toMatchObject({ code: 'RATE_LIMITED' })
    // the password door of the same account is locked too
    expect(errorOf(await h.call(null, 'accounts', 'signIn', { login: '13800010001', password: '一个够长的密码' }))).toMatchObject({
      code: 'RATE_LIMITED',
    })
  })

  it('names the field of a malformed answer', async () => {
    expect(errorOf(await h.raw(null, 'accounts', 'signInWithPasskey', { challengeId: 'x', response: 'no' }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'response',
    })
    expect(errorOf(await h.raw(RESIDENT, 'accounts', 'removePasskey', { id: '!' }))).toMatchObject({ code: 'INVALID_INPUT', field: 'id' })
  })
})
