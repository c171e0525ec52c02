// User text passes the content-guard port before anyone else sees it (DESIGN.md §8): every text field of
// every action that stores it — found from the schemas, not a list — refuses a blocked word of the local
// word list, naming the field, and writes nothing.
import { ACCESS_MATRIX, type MatrixCaller } from './access-matrix'
import { DEFAULT_BLOCKED_WORDS } from '../../cloudfunctions/adapters/local/word-guard'
import { PERSONA, allowedCaller, inputFor } from './catalog'
import { ACTIONS, setPath } from './schema'
import { type WorldHarness, openWorld } from './world'

// real HTTP on a busy 2-core machine: generous per-test time
jest.setTimeout(60_000)

/** Fields that only mean something with another value set (a reason is stored when rejecting). */
const CONTEXT: Record<string, Record<string, unknown>> = {
  'households.logVisit order.title': { order: { memberId: 'hm_wangxl', kind: 'service', category: 'care', title: '修水龙头' } },
  'households.logVisit order.description': { order: { memberId: 'hm_wangxl', kind: 'service', category: 'care', title: '修水龙头' } },
  'orders.review reason': { decision: 'reject' },
  'activities.update place.address': { place: { name: '社区广场' } },
}

/** Fields only another caller than the first the matrix allows may send: the resident's words, by staff for them. */
const CALLER: Record<string, MatrixCaller> = { 'orders.confirm residentWords': 'staff' }

/** Text fields nobody else ever reads, so no check is needed: passwords (never stored as text, never shown). */
const PRIVATE_TEXT: string[] = ['accounts.acceptInvite password', 'accounts.signIn password', 'accounts.setupCommunity password']

const cases = ACTIONS.filter((a) => a.mutating).flatMap((a) =>
  a.leaves.filter((l) => l.kind === 'text' && !PRIVATE_TEXT.includes(`${a.key} ${l.path}`)).map((l) => [a.key, l.path, l] as const),
)

let wh: WorldHarness
beforeAll(async () => {
  wh = await openWorld()
}, 60_000)
afterAll(() => wh?.h.close())

/** A text within the field's length bounds that carries `word`. */
function blocked(word: string, min = 0, max = 200): string {
  let text = `请帮忙看看${word}的事情`
  if (text.length > max) text = word
  while (text.length < min) text += '好'
  return text
}

it('finds text fields to check', () => {
  expect(cases.length).toBeGreaterThan(15)
})

it.each(cases)('%s %s refuses a blocked word and stores nothing', async (key, path, leaf) => {
  const a = ACTIONS.find((x) => x.key === key)!
  const row = ACCESS_MATRIX[key]
  const caller = CALLER[`${key} ${path}`] ?? (row && allowedCaller(row))
  if (!caller) throw new Error(`${key}: no caller the access matrix allows (add its row)`)
  const failures: string[] = []
  // two words of the list, the second spaced out (the guard reads through whitespace)
  for (const word of [DEFAULT_BLOCKED_WORDS[1], DEFAULT_BLOCKED_WORDS[3].split('').join(' ')]) {
    await wh.reset()
    const base = { ...((await inputFor(wh, key, caller, 'own')) as object), ...CONTEXT[`${key} ${path}`] }
    const input = setPath(base, path, blocked(word, leaf.minLength, leaf.maxLength))
    const before = wh.dump()
    const res = await wh.http(PERSONA[caller], a.fn, a.action, input)
    if (res.status !== 400 || res.body.error?.field !== path)
      failures.push(`${word}: ${res.status} ${JSON.stringify(res.body.error ?? 'ok')}`)
    else if (wh.dump() !== before) failures.push(`${word}: refused but written`)
  }
  // the same input with clean text goes through: it was the word that was refused
  await wh.reset()
  const clean = setPath(
    { ...((await inputFor(wh, key, caller, 'own')) as object), ...CONTEXT[`${key} ${path}`] },
    path,
    blocked('社区', leaf.minLength, leaf.maxLength),
  )
  const ok = await wh.http(PERSONA[caller], a.fn, a.action, clean)
  expect([ok.status, ok.body.error]).toEqual([200, undefined])
  expect(failures).toEqual([])
})
