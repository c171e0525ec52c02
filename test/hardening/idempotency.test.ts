// Idempotency across every mutating action (core/edge.ts): the same requestId from the same person runs
// once and answers with the first result — repeated, or racing; another payload under that requestId
// is a 409; another person's identical requestId is theirs alone.
import { ACCESS_MATRIX } from './access-matrix'
import { CATALOG, PERSONA, allowedCaller, inputFor } from './catalog'
import { ACTIONS, type RegisteredAction } from './schema'
import { P, type WorldHarness, openWorld, requestId } from './world'

// real HTTP on a busy 2-core machine: generous per-test time
jest.setTimeout(60_000)

let wh: WorldHarness
beforeAll(async () => {
  wh = await openWorld()
}, 60_000)
afterAll(() => wh?.h.close())

// a secret action (a sign-in, an invitation) keeps nothing of its request: it has no stored reply to repeat
const mutating = ACTIONS.filter((a) => a.mutating && !a.secret)

it('stores nothing of a secret action: a repeat runs again', () => {
  expect(ACTIONS.filter((a) => a.secret).map((a) => a.key)).toEqual([
    'accounts.invite',
    'accounts.acceptInvite',
    'accounts.signIn',
    'accounts.setupCommunity',
  ])
})

async function validCall(a: RegisteredAction) {
  const row = ACCESS_MATRIX[a.key]
  const caller = row && allowedCaller(row)
  if (!caller) throw new Error(`${a.key}: no caller the access matrix allows (add its row)`)
  return { caller, userId: PERSONA[caller] as string, input: (await inputFor(wh, a.key, caller, 'own')) as Record<string, unknown> }
}

/** A schema-valid input for the same action that differs from `input`, when one can be made. */
async function otherPayload(a: RegisteredAction, caller: Parameters<typeof inputFor>[2], input: Record<string, unknown>) {
  if (CATALOG[a.key]?.others) {
    const other = (await inputFor(wh, a.key, caller, 'others')) as Record<string, unknown>
    if (JSON.stringify(other) !== JSON.stringify(input)) return other
  }
  for (const leaf of a.leaves) {
    if (leaf.path.includes('.')) continue
    const v = input[leaf.path]
    if (leaf.kind === 'text' && typeof v === 'string' && (leaf.maxLength ?? 0) > v.length) return { ...input, [leaf.path]: `${v}！` }
    if (leaf.kind === 'boolean' && typeof v === 'boolean') return { ...input, [leaf.path]: !v }
    if (leaf.kind === 'number' && typeof v === 'number' && (leaf.max ?? Number.POSITIVE_INFINITY) > v)
      return { ...input, [leaf.path]: v + 1 }
  }
  return null
}

/** Replays in-process when the first call ended the caller's session (deleteMe): the edge is the same. */
async function replay(userId: string, a: RegisteredAction, input: unknown, rid: string) {
  const res = await wh.http(userId, a.fn, a.action, input, rid)
  if (res.status !== 401) return res.body
  return wh.h.raw(userId, a.fn, a.action, input, rid)
}

const SIGNS_OUT = ['accounts.deleteMe', 'accounts.signOut', 'accounts.signOutEverywhere']

describe('the same requestId twice', () => {
  it.each(mutating.map((a) => a.key))('%s runs once and answers with the first result', async (key) => {
    const a = mutating.find((x) => x.key === key)!
    const { caller, userId, input } = await validCall(a)
    await wh.reset()
    const before = wh.dump()
    const rid = requestId()
    const first = await wh.http(userId, a.fn, a.action, input, rid)
    expect([first.status, first.body.error]).toEqual([200, undefined])
    const once = wh.dump()
    expect(once).not.toBe(before) // it did something (at least remembered the request)

    expect(await replay(userId, a, input, rid)).toEqual(first.body)
    expect(wh.dump()).toBe(once)

    const changed = await otherPayload(a, caller, input)
    if (changed) {
      const res = await wh.h.raw(userId, a.fn, a.action, changed, rid)
      expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(wh.dump()).toBe(once)
    }
    // another action under the same requestId is another payload too
    const elsewhere = await wh.h.call(userId, 'accounts', 'updateProfile', { rankingOptIn: false }, rid)
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(wh.dump()).toBe(once)
  })

  it.each(mutating.map((a) => a.key))('%s racing itself: both answers are the first result, one effect', async (key) => {
    const a = mutating.find((x) => x.key === key)!
    const { userId, input } = await validCall(a)
    await wh.reset()
    const rid = requestId()
    const [x, y] = await Promise.all([wh.http(userId, a.fn, a.action, input, rid), wh.http(userId, a.fn, a.action, input, rid)])
    expect(x.status).toBe(200)
    // deleteMe and signing out end the session: the loser of the race may find itself signed out instead
    if (!(SIGNS_OUT.includes(key) && y.status === 401)) expect(y.body).toEqual(x.body)
    const once = wh.dump()
    await wh.reset()
    await wh.http(userId, a.fn, a.action, input, requestId())
    // one call's worth of rows: the same tables grew by the same counts as a single call
    const count = (dump: string) => (JSON.parse(dump) as Array<[string, unknown[]]>).map(([t, rows]) => `${t}:${rows.length}`).join(' ')
    expect(count(once)).toBe(count(wh.dump()))
  })
})

describe('requestIds belong to their caller', () => {
  it("another person's identical requestId runs for them, not as a replay", async () => {
    await wh.reset()
    const rid = requestId()
    const input = { kind: 'service', category: 'care', title: '帮忙修水管' }
    const a = await wh.http(P.R, 'orders', 'create', input, rid)
    const b = await wh.http(P.R2, 'orders', 'create', input, rid)
    expect([a.status, b.status]).toEqual([200, 200])
    expect(b.body.data.id).not.toBe(a.body.data.id)
    expect(b.body.data.resident.id).toBe(P.R2)
  })
})
