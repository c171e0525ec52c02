// The authorisation matrix (access-matrix.ts) held to the running system: every
// action × caller × object over real HTTP on a real fixture, restored before each cell. A denied call
// must leave the database byte-identical.
import { ACCESS_MATRIX, CALLERS, type MatrixCaller, type Outcome, ROLE_VARIANTS, type Whose } from './access-matrix'
import { REGISTRY } from '../../cloudfunctions/core/registry'
import { CATALOG, PERSONA, inputFor } from './catalog'
import { type WorldHarness, openWorld } from './world'

// real HTTP on a busy 2-core machine: generous per-test time
jest.setTimeout(60_000)

const registryActions = Object.entries(REGISTRY).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`))

let wh: WorldHarness
let cells = 0
beforeAll(async () => {
  wh = await openWorld()
}, 60_000)
afterAll(() => {
  wh?.h.close()
  const declared = Object.values(ACCESS_MATRIX).reduce((n, row) => n + [...row.own, ...row.others].filter((o) => o !== 'n/a').length, 0)
  console.log(
    `access matrix: ${registryActions.length} actions × ${CALLERS.length} callers × own/others; ${declared} cells declared, ${cells} checked over HTTP`,
  )
})

describe('the table', () => {
  it('has a row for every action in the registry, and none for an action that is gone', () => {
    expect(registryActions.filter((a) => !ACCESS_MATRIX[a])).toEqual([])
    expect(Object.keys(ACCESS_MATRIX).filter((a) => !registryActions.includes(a))).toEqual([])
  })

  it('has a fixture for every cell it declares', () => {
    const missing = Object.entries(ACCESS_MATRIX).flatMap(([action, row]) =>
      (['own', 'others'] as const)
        .filter((whose) => row[whose].some((o) => o !== 'n/a') && !CATALOG[action]?.[whose])
        .map((whose) => `${action} ${whose}`),
    )
    expect(missing).toEqual([])
  })

  it('agrees with the registry: a caller without the required role (or anonymous, unless public) is denied everything', () => {
    const roleOf: Record<MatrixCaller, string[]> = {
      anonymous: [],
      resident: ['resident'],
      member: ['member', 'resident'],
      staff: ['staff'],
      admin: ['admin', 'staff'],
      otherStaff: ['staff'],
      gridWorker: ['grid_worker'],
      otherGridWorker: ['grid_worker'],
      street: ['street'],
    }
    const wrong: string[] = []
    for (const [action, row] of Object.entries(ACCESS_MATRIX)) {
      const [fn, name] = action.split('.')
      const def = REGISTRY[fn][name] as { roles?: readonly string[]; public?: boolean }
      CALLERS.forEach((caller, i) => {
        const mayCall = caller === 'anonymous' ? def.public === true : !def.roles || def.roles.some((r) => roleOf[caller].includes(r))
        for (const whose of ['own', 'others'] as const) {
          if (!mayCall && row[whose][i] !== 'deny' && row[whose][i] !== 'n/a') wrong.push(`${action} ${caller} ${whose}: ${row[whose][i]}`)
        }
      })
    }
    expect(wrong).toEqual([])
  })
})

/** The tables whose rows differ between two dumps (dumpDb): the database compared table by table. */
function changedTables(before: string, after: string): string[] {
  const rows = (dump: string) => new Map((JSON.parse(dump) as Array<[string, unknown]>).map(([t, r]) => [t, JSON.stringify(r)]))
  const [a, b] = [rows(before), rows(after)]
  return [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t))
}

/** Calls one cell on a freshly restored world and returns what went wrong, if anything. */
async function check(action: string, caller: MatrixCaller, whose: Whose, expected: Outcome, input?: unknown): Promise<string | null> {
  await wh.reset()
  const [fn, name] = action.split('.')
  const body = input ?? (await inputFor(wh, action, caller, whose))
  const before = wh.dump()
  const beforeNoIdem = wh.dump(['sessions', 'idempotency'])
  const res = await wh.http(PERSONA[caller], fn, name, body)
  cells += 1
  const got = `${res.status} ${res.body.ok ? 'ok' : res.body.error?.code}`
  const where = `${action} as ${caller} on ${whose} ${JSON.stringify(body)}`
  switch (expected) {
    case 'allow':
      return res.status === 200 && res.body.ok === true ? null : `${where}: expected allow, got ${got} ${res.body.error?.message ?? ''}`
    case 'noop':
      if (res.status !== 200) return `${where}: expected noop (200), got ${got}`
      return wh.dump(['sessions', 'idempotency']) === beforeNoIdem ? null : `${where}: answered ok and changed someone's data`
    case 'deny':
    case 'refuse': {
      const statuses = expected === 'deny' ? [401, 403, 404] : [400]
      if (!statuses.includes(res.status)) return `${where}: expected ${expected} (${statuses.join('/')}), got ${got}`
      if (caller === 'anonymous' && res.status !== 401) return `${where}: anonymous must get 401, got ${got}`
      if (!/[\u4e00-\u9fa5]/.test(res.body.error?.message ?? '')) return `${where}: the refusal has no Chinese message`
      const after = wh.dump()
      return after === before ? null : `${where}: denied (${got}) but these tables changed: ${changedTables(before, after).join(', ')}`
    }
    default:
      return null
  }
}

describe('every cell over HTTP', () => {
  it.each(Object.keys(ACCESS_MATRIX))('%s', async (action) => {
    const row = ACCESS_MATRIX[action]
    const failures: string[] = []
    for (const whose of ['own', 'others'] as const) {
      for (const [i, caller] of CALLERS.entries()) {
        const expected = row[whose][i]
        if (expected === 'n/a') continue
        const failure = await check(action, caller, whose, expected)
        if (failure) failures.push(failure)
      }
    }
    expect(failures).toEqual([])
  })
})

describe('inputs whose answer depends on the role', () => {
  it.each(ROLE_VARIANTS.map((v) => [v.action, JSON.stringify(v.input), v] as const))('%s %s', async (action, _label, v) => {
    const failures: string[] = []
    for (const caller of CALLERS) {
      const failure = await check(action, caller, 'own', v.allowed.includes(caller) ? 'allow' : 'deny', v.input)
      if (failure) failures.push(failure)
    }
    expect(failures).toEqual([])
  })
})
