// The access matrix's callers widened (issue 16): a person who is both staff and party member, and the
// other community's party member and resident. Every action is called over HTTP as each, on the world
// of test/hardening/world.ts restored before each call, and every refused call is held to the database
// compared table by table. npm test runs a sample of the actions; npm run test:attack (ATTACK_FULL=1)
// runs them all.
//
// The oracle, from the six-caller matrix (test/hardening/access-matrix.ts):
// - both staff and member: keeps every staff power; with another member's object (the fixture's) is
//   refused, writing nothing; never gets what neither role may (self-dealing: self-dealing.test.ts).
// - the other community's member and resident, reaching for this community's objects (the inputs this
//   community's member and resident send for theirs): never allowed; an action without an object acts in
//   their own community and is left to the matrix.
import type Database from 'better-sqlite3'
import { ACCESS_MATRIX, CALLERS, type Outcome } from '../hardening/access-matrix'
import { CATALOG, inputFor } from '../hardening/catalog'
import { P, type WorldHarness, openWorld, snapshot } from '../hardening/world'

jest.setTimeout(120_000)

const FULL = process.env.ATTACK_FULL === '1'
const actions = Object.keys(ACCESS_MATRIX).filter((_, i) => FULL || i % 4 === 0)
const STAFF_MEMBER = 'u_huangj' // 黄静: staff of 红星, made a member (and resident) below

let wh: WorldHarness
let calls = 0
beforeAll(async () => {
  wh = await openWorld(
    async (h) => {
      await h.app.store.writeRaw((db) =>
        db
          .prepare("UPDATE users SET roles = ?, member = ?, room = '2单元 102' WHERE id = ?")
          .run(
            JSON.stringify(['staff', 'member', 'resident']),
            JSON.stringify({ branch: '社区党支部', workUnit: '红星社区', posts: ['care'], skills: [] }),
            STAFF_MEMBER,
          ),
      )
    },
    [STAFF_MEMBER],
  )
}, 120_000)
afterAll(() => {
  wh?.h.close()
  console.log(`more callers: ${actions.length} actions × 3 callers, ${calls} calls over HTTP, every refusal compared table by table`)
})

/** Which tables differ between two snapshots, by name: what a refused call must never leave. */
function changedTables(db: Database.Database, before: ReturnType<typeof snapshot>): string[] {
  const after = new Map(snapshot(db).map(([t, rows]) => [t, JSON.stringify(rows)]))
  return before.filter(([t, rows]) => t !== 'sessions' && after.get(t) !== JSON.stringify(rows)).map(([t]) => t)
}

const cell = (action: string, caller: (typeof CALLERS)[number]) => ACCESS_MATRIX[action].own[CALLERS.indexOf(caller)]

async function call(action: string, userId: string, input: unknown) {
  await wh.reset()
  const [fn, name] = action.split('.')
  const before = snapshot(wh.h.app.store.db)
  const res = await wh.http(userId, fn, name, input)
  calls += 1
  return { res, changed: changedTables(wh.h.app.store.db, before) }
}

const refused = (status: number) => [400, 401, 403, 404].includes(status)

describe('a person who is both staff and party member', () => {
  it.each(actions)('%s: staff powers whole, nothing neither role may, and a refusal writes nothing', async (action) => {
    const may: Outcome[] = [cell(action, 'staff'), cell(action, 'member'), cell(action, 'resident')]
    if (may.every((o) => o === 'n/a')) return
    // the input of the role that may act; staff's when several may
    const as =
      cell(action, 'staff') === 'allow'
        ? 'staff'
        : cell(action, 'member') === 'allow'
          ? 'member'
          : cell(action, 'resident') === 'allow'
            ? 'resident'
            : 'staff'
    const input = await inputFor(wh, action, as, 'own')
    const { res, changed } = await call(action, STAFF_MEMBER, input)
    // staff powers stay whole; with another member's or resident's object (the fixture's) it is
    // someone else's, and a refusal (or a member's own thing it already did) must write nothing
    const staffPower = cell(action, 'staff') === 'allow' && cell(action, 'resident') !== 'allow'
    if (staffPower) expect([action, res.status, res.body.error?.message]).toEqual([action, 200, undefined])
    else if (res.status !== 200) {
      // a form filled for someone else's home (the fixture's grid) is refused as input, as it is for anyone
      expect([action, refused(res.status) || res.status === 409]).toEqual([action, true])
      expect([action, changed]).toEqual([action, []])
    } else expect([action, may.includes('allow')]).toEqual([action, true])
  })
})

describe("the other community's member and resident, reaching for this community's objects", () => {
  const withObjects = actions.filter((a) => CATALOG[a]?.others && ACCESS_MATRIX[a].others.some((o) => o !== 'n/a'))
  it.each(withObjects)('%s: never allowed, and nothing written', async (action) => {
    for (const [who, as] of [
      [P.QM, 'member'],
      [P.QR, 'resident'],
    ] as const) {
      const input = await inputFor(wh, action, as, 'own')
      const { res, changed } = await call(action, who, input)
      const publicAction = ACCESS_MATRIX[action].own[0] === 'allow'
      if (publicAction) continue
      if (res.status === 200) {
        // a no-op (another person's notice passed over) writes nothing of anyone's
        expect([action, who, changed.filter((t) => t !== 'idempotency')]).toEqual([action, who, []])
      } else {
        expect([action, who, refused(res.status)]).toEqual([action, who, true])
        expect([action, who, changed]).toEqual([action, who, []])
      }
    }
  })
})
