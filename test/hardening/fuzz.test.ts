// Fuzzing (fast-check) every action over HTTP with malformed and hostile input: wrong types, huge and
// strange strings (RTL, zero-width, emoji, NUL, lone surrogates), negative, fractional and unsafe numbers,
// NaN and Infinity (null on the wire, or 1e999 in raw JSON), deep nesting, prototype-pollution keys. The
// answer is always an envelope, never a 500; refused input changes nothing; accepted input keeps the
// invariants. FUZZ_RUNS sets the cases per action (npm test: 30; npm run test:long: 300).
import fc from 'fast-check'
import { ERROR_STATUS } from '@shared/enums'
import { ACCESS_MATRIX } from './access-matrix'
import { brokenInvariants } from '../helpers/invariants'
import { PERSONA, allowedCaller, inputFor } from './catalog'
import { ACTIONS, type RegisteredAction, setPath } from './schema'
import { type WorldHarness, openWorld, requestId } from './world'

jest.setTimeout(120_000)

const RUNS = Number(process.env.FUZZ_RUNS ?? 30)
const CHINESE = /[\u4e00-\u9fa5]/
const POLLUTERS = ['__proto__', 'constructor', 'prototype']

function nested(depth: number, array: boolean): unknown {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v }
  return v
}

const strangeString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    '   ',
    '\u202e\u0645\u0631\u062d\u0628\u0627 gnp.exe', // right-to-left override
    '\u200b\u200c\u200d\u2060\ufeff', // zero-width only
    '赌\u200b博', // a blocked word split by a zero-width space
    '👨‍👩‍👧‍👦🏳️‍🌈🧑🏽‍🦳',
    'Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e',
    '\u0000\u0001\u001f',
    '\ud800',
    '\udfff\ud800',
    "' OR 1=1 --",
    '"; DROP TABLE orders; --',
    '<img src=x onerror=alert(1)>',
    '../../../../etc/passwd',
    '$' + '{7*7}{{7*7}}', // template injection probes
    '%s%n%x',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    'null',
    'true',
    ...POLLUTERS,
    'o_'.padEnd(65, 'x'),
    '2030-02-30T25:61:00+08:00',
    '99999999',
    '-1',
  ),
  fc.integer({ min: 300, max: 60_000 }).map((n) => '好'.repeat(n)),
)

const strangeNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    -1,
    -0,
    0.5,
    1.0000001,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 63),
    1e308,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
)

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  strangeString,
  strangeNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(strangeString, strangeNumber), { maxLength: 12 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
  fc.tuple(fc.integer({ min: 50, max: 2500 }), fc.boolean()).map(([d, a]) => nested(d, a)),
  fc.constantFrom(POLLUTERS).chain((k) => fc.constant(JSON.parse(`{"${k}":{"role":"admin","polluted":true}}`))),
  fc.constantFrom({}, [], [[]], [{}], { toString: 'x', valueOf: 1 }),
)

/** A JSON body as text, so raw forms (1e999, duplicate and prototype keys) reach the server as written. */
type Case = { label: string; body: string }

function cases(a: RegisteredAction, valid: Record<string, unknown>): fc.Arbitrary<Case> {
  const paths = [...new Set(a.leaves.map((l) => l.path))]
  const envelope = (input: unknown) => JSON.stringify({ action: a.action, requestId: requestId(), input })
  const replaceLeaf = paths.length
    ? fc.tuple(fc.constantFrom(...paths), hostile).map(([p, v]) => ({ label: `${p} = hostile`, body: envelope(setPath(valid, p, v)) }))
    : hostile.map((v) => ({ label: 'extra = hostile', body: envelope({ ...valid, extra: v }) }))
  const extraKey = fc.tuple(fc.constantFrom(...POLLUTERS, 'role', 'hasOwnProperty', 'toString', ''), hostile).map(([k, v]) => ({
    label: `extra key ${k}`,
    body: envelope(valid).replace(/"input":\{/, `"input":{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'},`),
  }))
  const rawNumbers = fc.constantFrom(...(paths.length ? paths : ['x'])).chain((p) =>
    fc.constantFrom('1e999', '-1e999', '-0', '0.1e1', '1E+400', '123456789012345678901234567890').map((n) => ({
      label: `${p} = ${n} (raw)`,
      body: envelope(setPath(valid, p, '__RAW__')).replace('"__RAW__"', n),
    })),
  )
  const wholeInput = hostile.map((v) => ({ label: 'input = hostile', body: envelope(v) }))
  const badEnvelope = fc.oneof(
    fc.tuple(strangeString, strangeString).map(([action, rid]) => ({
      label: 'envelope: hostile action/requestId',
      body: JSON.stringify({ action, requestId: rid, input: valid }),
    })),
    fc
      .constantFrom(
        '[]',
        'null',
        '"orders"',
        '12',
        '{}',
        `{"action":"${a.action}","__proto__":{"polluted":true},"input":{}}`,
        `{"action":"${a.action}","action":"me"}`,
      )
      .map((body) => ({
        label: `raw body ${body.slice(0, 30)}`,
        body,
      })),
    fc
      .integer({ min: 100, max: 5000 })
      .map((d) => ({ label: `raw nesting ${d}`, body: `{"action":"${a.action}","input":${'['.repeat(d)}${']'.repeat(d)}}` })),
  )
  return fc.oneof(
    { weight: 4, arbitrary: replaceLeaf },
    { weight: 2, arbitrary: extraKey },
    { weight: 1, arbitrary: rawNumbers },
    { weight: 1, arbitrary: wholeInput },
    { weight: 1, arbitrary: badEnvelope },
  )
}

let wh: WorldHarness
let total = 0
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort()
beforeAll(async () => {
  wh = await openWorld()
}, 60_000)
afterAll(() => {
  wh?.h.close()
  console.log(
    `fuzz: ${total} hostile requests over HTTP (${RUNS} per action × ${ACTIONS.length} actions), no 500, nothing written by a refused one`,
  )
})

/** What the server's JSON.parse makes of the body's input, and whether the schema takes it. */
function schemaTakes(a: RegisteredAction, body: string): boolean {
  try {
    const req = JSON.parse(body)
    if (typeof req !== 'object' || req === null || Array.isArray(req)) return false
    // a repeated key is read as JSON.parse reads it (the last one wins): it may name another action
    const target = ACTIONS.find((x) => x.fn === a.fn && x.action === req.action)
    if (!target) return false
    if (req.requestId !== undefined && !/^[A-Za-z0-9_-]{8,64}$/.test(req.requestId)) return false
    return target.schema.safeParse(req.input ?? {}).success
  } catch {
    return false
  }
}

describe('hostile input to every action', () => {
  it.each(ACTIONS.map((a) => a.key))('%s', async (key) => {
    const a = ACTIONS.find((x) => x.key === key)!
    const caller = ACCESS_MATRIX[key] && allowedCaller(ACCESS_MATRIX[key])
    if (!caller) throw new Error(`${key}: no caller the access matrix allows (add its row)`)
    const valid = ((await inputFor(wh, key, caller, 'own')) ?? {}) as Record<string, unknown>
    const token = await wh.h.token(PERSONA[caller] as string)
    await fc.assert(
      fc.asyncProperty(cases(a, valid), async (c) => {
        await wh.reset()
        const before = wh.dump()
        const res = await fetch(`${wh.h.url}/api/${a.fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: c.body,
        })
        total += 1
        const text = await res.text()
        const what = `${key} ${c.label}: ${res.status} ${text.slice(0, 200)}`
        if (res.status >= 500) throw new Error(`server error — ${what}`)
        const body = JSON.parse(text)
        if (body.ok !== true && body.ok !== false) throw new Error(`not an envelope — ${what}`)
        if (body.ok === false) {
          const code = body.error?.code as keyof typeof ERROR_STATUS
          if (ERROR_STATUS[code] !== res.status || !CHINESE.test(body.error.message)) throw new Error(`bad error envelope — ${what}`)
          if (/at .*\.ts|Error:|SQLITE/.test(text)) throw new Error(`internals in the answer — ${what}`)
          if (wh.dump() !== before) throw new Error(`refused, but the database changed — ${what}`)
          return
        }
        if (!schemaTakes(a, c.body)) throw new Error(`accepted input its schema refuses — ${what}`)
        const broken = brokenInvariants(wh.h.app.store.db)
        if (broken.length) throw new Error(`${what}\n${broken.join('\n')}`)
      }),
      { numRuns: RUNS },
    )
    // no key of any body reached a prototype
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).role).toBeUndefined()
  })
})
