// Privacy (DESIGN.md §8): a scanner calls every read action as every person with every object of the
// world and fails on any phone number or exact address shown to someone who must not see it; then the
// PIPL pair — exporting one's data and deleting one's account.
import { ACCESS_MATRIX } from './access-matrix'
import { ERASED_NAME } from '../../cloudfunctions/core/usecases/accounts/delete-me'
import { brokenInvariants } from '../helpers/invariants'
import { ACTIONS, type RegisteredAction } from './schema'
import { P, type WorldHarness, openWorld, requestId } from './world'

// real HTTP on a busy 2-core machine: generous per-test time
jest.setTimeout(60_000)

const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const ROOM = /\d+单元\s*\d+/g

interface Person {
  id: string
  communityId: string
  roles: string[]
  phone: string | null
  room: string | null
  building: string | null
}

let wh: WorldHarness
beforeAll(async () => {
  wh = await openWorld()
}, 60_000)
afterAll(() => wh?.h.close())

const db = () => wh.h.app.store.db

function people(): Person[] {
  return (
    db()
      .prepare(
        'SELECT u.id, u.community_id, u.roles, u.phone, u.room, b.name AS building FROM users u LEFT JOIN buildings b ON b.id = u.building_id',
      )
      .all() as Array<Record<string, string | null>>
  ).map((r) => ({
    id: r.id as string,
    communityId: r.community_id as string,
    roles: JSON.parse(r.roles as string),
    phone: r.phone,
    room: r.room,
    building: r.building,
  }))
}

/**
 * The homes of 一户一档 as subjects too: a household's address and its people's phones are for those
 * who keep its file — its community's staff and its grid's 网格员 — and the members paired with it.
 */
function households(): Array<Person & { gridId: string; household: string }> {
  const rows = db()
    .prepare(
      'SELECT h.id, h.community_id, h.grid_id, h.room, h.members, b.name AS building FROM households h JOIN buildings b ON b.id = h.building_id',
    )
    .all() as Array<Record<string, string>>
  return rows.flatMap((r) => {
    const home = { communityId: r.community_id, gridId: r.grid_id, household: r.id, roles: [], room: r.room, building: r.building }
    const phones = (JSON.parse(r.members) as Array<{ phone: string | null }>).map((m) => m.phone)
    return [null, ...phones].map((phone, i) => ({ ...home, id: `${r.id}#${i}`, phone }))
  })
}

function keepsFile(viewer: Person, home: { communityId: string; gridId: string; household: string }): boolean {
  if (viewer.communityId !== home.communityId) return false
  // 结对帮扶: a member of an active pair with this household
  const paired = db()
    .prepare("SELECT 1 FROM care_pairs p, json_each(p.member_ids) m WHERE p.household_id = ? AND p.status = 'active' AND m.value = ?")
    .get(home.household, viewer.id)
  if (paired) return true
  if (viewer.roles.includes('staff') || viewer.roles.includes('admin')) return true
  const row = db().prepare('SELECT work_grids FROM users WHERE id = ?').get(viewer.id) as { work_grids: string } | undefined
  return viewer.roles.includes('grid_worker') && !!row && (JSON.parse(row.work_grids) as string[]).includes(home.gridId)
}

/**
 * May `viewer` see `subject`'s phone and exact address? The subject themself, their community's staff,
 * and the member holding one of the subject's orders (claimed by them, now) — nobody else.
 */
function maySee(viewer: Person | null, subject: Person): boolean {
  if (!viewer) return false
  if (viewer.id === subject.id) return true
  if ('gridId' in subject) return keepsFile(viewer, subject as Person & { gridId: string; household: string })
  if (viewer.communityId === subject.communityId && (viewer.roles.includes('staff') || viewer.roles.includes('admin'))) return true
  return !!db().prepare("SELECT 1 FROM orders WHERE resident_id = ? AND claimer_id = ? AND status = 'claimed'").get(subject.id, viewer.id)
}

/** Phones and exact addresses in `text` that `viewer` must not see, with whose they are. */
function leaks(text: string, viewer: Person | null, everyone: Person[]): string[] {
  const found: string[] = []
  for (const m of text.matchAll(PHONE)) {
    const owners = everyone.filter((p) => p.phone === m[0])
    if (owners.length === 0) found.push(`an unknown phone number ${m[0]}`)
    else if (!owners.some((o) => maySee(viewer, o))) found.push(`${owners[0].id}'s phone`)
  }
  for (const m of text.matchAll(ROOM)) {
    const room = m[0].replace(/\s+/g, ' ')
    const before = text.slice(0, m.index)
    // the address as the app writes it: "<building> <room>"; a room alone could be anyone's with it
    const owners = everyone.filter(
      (p) => p.room === room && (!p.building || !/号楼\s*$/.test(before) || before.trimEnd().endsWith(p.building)),
    )
    if (owners.length === 0) found.push(`an unknown address ${room}`)
    else if (!owners.some((o) => maySee(viewer, o))) found.push(`${owners.map((o) => o.id).join('/')}'s address ${room}`)
  }
  return found
}

/** Inputs for a read action: every object of the world in each id field, each value of each enum. */
function readInputs(a: RegisteredAction): unknown[] {
  const d = db()
  const col = (sql: string) => (d.prepare(sql).all() as Array<{ v: string }>).map((r) => r.v)
  const pools: Record<string, unknown[]> = {
    orderId: col('SELECT id AS v FROM orders'),
    activityId: col('SELECT id AS v FROM activities'),
    memberId: col("SELECT id AS v FROM users WHERE roles LIKE '%member%'"),
    userId: col('SELECT id AS v FROM users'),
    code: col('SELECT code AS v FROM redemptions'),
    gridId: col('SELECT id AS v FROM grids'),
    communityId: col('SELECT id AS v FROM communities'),
    year: [new Date(wh.h.app.clock.now()).getUTCFullYear()],
  }
  const top = a.leaves.filter((l) => !l.path.includes('.'))
  const valuesOf = (leaf: (typeof top)[number]) =>
    leaf.kind === 'enum' ? (leaf.values ?? []) : leaf.kind === 'boolean' ? [true, false] : (pools[leaf.path] ?? [])
  // every combination of the required fields; each optional value once, on the first of them
  let inputs: Array<Record<string, unknown>> = [{}]
  for (const leaf of top.filter((l) => !l.optional)) {
    const values = valuesOf(leaf)
    if (values.length === 0) continue
    inputs = inputs.flatMap((base) => values.map((v) => ({ ...base, [leaf.path]: v }))).slice(0, 200)
  }
  const first = inputs[0]
  for (const leaf of top.filter((l) => l.optional)) for (const v of valuesOf(leaf)) inputs.push({ ...first, [leaf.path]: v })
  return inputs
}

const VIEWERS = [null, P.R, P.R2, P.M, P.M2, P.S, P.A, P.OS, P.QR, P.QM]
const reads = ACTIONS.filter((a) => !a.mutating)

describe('the privacy scanner', () => {
  let calls = 0
  afterAll(() => console.log(`privacy scanner: ${calls} read calls scanned`))

  it.each(reads.map((a) => a.key))(
    '%s shows no phone or exact address to anyone who must not see it',
    async (key) => {
      const a = reads.find((x) => x.key === key)!
      const everyone = [...people(), ...households()]
      const failures: string[] = []
      for (const input of readInputs(a)) {
        for (const viewerId of VIEWERS) {
          const viewer = everyone.find((p) => p.id === viewerId) ?? null
          const res = await wh.http(viewerId, a.fn, a.action, input)
          calls += 1
          for (const leak of leaks(JSON.stringify(res.body), viewer, everyone))
            failures.push(`${viewerId ?? 'anonymous'} ${JSON.stringify(input)}: ${leak}`)
        }
      }
      expect([...new Set(failures)]).toEqual([])
    },
    60_000,
  )

  it('would see a leak: the member holding an order sees the contact, another member does not', async () => {
    const held = await wh.http(P.M, 'orders', 'get', { orderId: wh.w.o.clmM })
    expect(JSON.stringify(held.body)).toContain('13800010001')
    const other = await wh.http(P.M2, 'orders', 'get', { orderId: wh.w.o.clmM })
    expect(other.status).toBe(200)
    expect(JSON.stringify(other.body)).not.toMatch(PHONE)
    expect(leaks(JSON.stringify(held.body), people().find((p) => p.id === P.M2) ?? null, people())).toEqual([
      "u_wangxl's phone",
      "u_wangxl's address 1单元 302",
    ])
  })
})

describe('accounts.exportMyData', () => {
  const count = (sql: string, ...args: unknown[]) =>
    (
      db()
        .prepare(sql)
        .get(...args) as { n: number }
    ).n

  it('gives a resident their profile and every order they placed, with their own contact', async () => {
    await wh.reset()
    const res = await wh.http(P.R, 'accounts', 'exportMyData', {})
    expect(res.status).toBe(200)
    const data = res.body.data
    expect(data.profile).toMatchObject({ id: P.R, name: '王秀兰', phone: '13800010001', address: '1号楼 1单元 302' })
    expect(data.orders.map((o) => o.id).sort()).toEqual(
      (db().prepare('SELECT id FROM orders WHERE resident_id = ?').all(P.R) as Array<{ id: string }>).map((r) => r.id).sort(),
    )
    expect(data.orders.every((o) => o.contact?.phone === '13800010001')).toBe(true)
    expect(data.inbox.map((n) => n.id)).toContain(wh.w.notice[P.R])
    expect(data.inbox).toHaveLength(count('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?', P.R))
  })

  it("gives a member their tasks, ledger, redemptions and sign-ups — and no resident's contact once the task is done", async () => {
    await wh.reset()
    const data = (await wh.http(P.M, 'accounts', 'exportMyData', {})).body.data
    expect(data.points.ledger).toHaveLength(count('SELECT COUNT(*) AS n FROM ledger WHERE member_id = ?', P.M))
    expect(data.points.balance.balance).toBe(count('SELECT COALESCE(SUM(delta), 0) AS n FROM ledger WHERE member_id = ?', P.M))
    expect(data.redemptions.map((r) => r.id)).toEqual([wh.w.red.M.id])
    expect(data.signups).toHaveLength(
      count("SELECT COUNT(*) AS n FROM activity_signups WHERE member_id = ? AND status <> 'withdrawn'", P.M),
    )
    expect(data.tasks.map((o) => o.id).sort()).toEqual([wh.w.o.dirM, wh.w.o.clmM, wh.w.o.cmpM, wh.w.o.closedM, wh.w.o.lowM].sort())
    const contacts = data.tasks.filter((o) => o.contact).map((o) => o.id)
    expect(contacts).toEqual([wh.w.o.clmM]) // only while they hold it
    expect(data.inbox.length).toBe(count('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?', P.M))
  })
})

describe('accounts.deleteMe', () => {
  const user = (id: string) => db().prepare('SELECT * FROM users WHERE id = ?').get(id) as Record<string, unknown>
  const order = (id: string) => db().prepare('SELECT * FROM orders WHERE id = ?').get(id) as Record<string, any>
  const balances = () =>
    Object.fromEntries((db().prepare('SELECT member_id, balance FROM point_accounts').all() as any[]).map((r) => [r.member_id, r.balance]))

  it('needs an explicit confirm', async () => {
    await wh.reset()
    const before = wh.dump()
    for (const input of [{}, { confirm: false }, { confirm: 'yes' }, { confirm: 1 }]) {
      const res = await wh.http(P.R, 'accounts', 'deleteMe', input)
      expect([res.status, res.body.error.field]).toEqual([400, 'confirm'])
    }
    expect(wh.dump()).toBe(before)
  })

  it("erases a resident: profile, sign-in, photos, notices, stored responses; ends what waits on them; keeps others' records true", async () => {
    await wh.reset()
    const photos = db().prepare('SELECT id FROM files WHERE owner_id = ?').all(P.R) as Array<{ id: string }>
    expect(photos.length).toBeGreaterThan(0)
    const othersBefore = balances()
    const notices = (db().prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?').get(P.R) as { n: number }).n
    const token = await wh.h.token(P.R)
    const res = await wh.http(P.R, 'accounts', 'deleteMe', { confirm: true })
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ deleted: true, cancelledOrders: 3, deletedNotices: notices })
    expect(res.body.data.kept.length).toBeGreaterThan(0)

    expect(user(P.R)).toMatchObject({
      name: ERASED_NAME,
      phone: null,
      room: null,
      building_id: null,
      grid_id: null,
      member: null,
      roles: '[]',
    })
    expect(db().prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(P.R)).toEqual({ n: 0 })
    expect((await wh.h.post('accounts', { action: 'me' }, token)).status).toBe(401)
    expect((await wh.h.post('auth/demo-login', { userId: P.R })).status).toBe(404)
    // photos: gone from the records, the files table and the disk
    expect(db().prepare('SELECT COUNT(*) AS n FROM files WHERE owner_id = ?').get(P.R)).toEqual({ n: 0 })
    for (const p of photos) expect(wh.h.app.files.locate(p.id)).toBeNull()
    expect(order(wh.w.o.sub).photos).toBe('[]')
    expect(order(wh.w.o.clmM).photos).toBe('[]')
    // what nobody had taken is cancelled; what a member holds goes on, and pays them when it closes
    expect([order(wh.w.o.sub).status, order(wh.w.o.open).status, order(wh.w.o.dirM).status]).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ])
    expect([order(wh.w.o.clmM).status, order(wh.w.o.cmpM).status, order(wh.w.o.closedM).status]).toEqual(['claimed', 'completed', 'closed'])
    expect(db().prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?').get(P.R)).toEqual({ n: 0 })
    // their stored responses (with their contact in them) are gone; only this request's record stays
    expect((db().prepare("SELECT key FROM idempotency WHERE key LIKE ? || ':%'").all(P.R) as any[]).length).toBe(1)
    expect(balances()).toEqual(othersBefore)
    expect(brokenInvariants(db())).toEqual([])

    // the member still holding their order sees no phone and no room any more
    const held = await wh.http(P.M, 'orders', 'get', { orderId: wh.w.o.clmM })
    expect(held.body.data.resident.name).toBe(ERASED_NAME)
    expect(held.body.data.contact).toMatchObject({ phone: '', name: ERASED_NAME })
    expect(JSON.stringify(held.body)).not.toMatch(/13800010001|1单元 302/)
    // and neither staff nor anyone else finds their phone or address in any answer
    const scan = [
      await wh.http(P.S, 'orders', 'list', { scope: 'review', status: 'cancelled' }),
      await wh.http(P.S, 'orders', 'get', { orderId: wh.w.o.cmpM }),
    ]
    for (const r of scan) expect(JSON.stringify(r.body)).not.toMatch(/13800010001|1单元 302/)
  })

  it('erases a member: hands back their tasks, refunds their pickup, withdraws open sign-ups, keeps the ledger', async () => {
    await wh.reset()
    const ledgerBefore = db().prepare('SELECT * FROM ledger WHERE member_id = ? ORDER BY rowid').all(P.M)
    const stockBefore = (db().prepare('SELECT stock FROM goods WHERE id = ?').get(wh.w.goods.hx) as { stock: number }).stock
    const res = await wh.http(P.M, 'accounts', 'deleteMe', { confirm: true })
    expect(res.body.data).toMatchObject({ releasedOrders: 2, cancelledRedemptions: 1, withdrawnSignups: 1 })
    // 退单 and 退回 through the transition table: the orders are back in the hall for others
    expect(order(wh.w.o.clmM)).toMatchObject({ status: 'open', claimer_id: null, assignee_id: null })
    expect(order(wh.w.o.dirM)).toMatchObject({ status: 'open', assignee_id: null })
    expect(order(wh.w.o.cmpM).completion_photos).toBe('[]')
    expect(db().prepare('SELECT status FROM redemptions WHERE id = ?').get(wh.w.red.M.id)).toEqual({ status: 'cancelled' })
    expect((db().prepare('SELECT stock FROM goods WHERE id = ?').get(wh.w.goods.hx) as { stock: number }).stock).toBe(stockBefore + 1)
    // the ledger keeps every entry, plus the refund: balance = Σ ledger
    const ledgerAfter = db().prepare('SELECT * FROM ledger WHERE member_id = ? ORDER BY rowid').all(P.M)
    expect(ledgerAfter.slice(0, ledgerBefore.length)).toEqual(ledgerBefore)
    expect(ledgerAfter).toHaveLength(ledgerBefore.length + 1)
    expect(brokenInvariants(db())).toEqual([])
    // signed up before the deadline: withdrawn; past it (attendance, awards): kept
    const signups = Object.fromEntries(
      (db().prepare('SELECT activity_id, status FROM activity_signups WHERE member_id = ?').all(P.M) as any[]).map((s) => [
        s.activity_id,
        s.status,
      ]),
    )
    expect(signups[wh.w.act.open]).toBe('withdrawn')
    expect(signups[wh.w.act.ended]).toBe('signed')
    // no longer offered work or listed
    const members = (await wh.http(P.S, 'accounts', 'listMembers', {})).body.data.items.map((m) => m.id)
    expect(members).not.toContain(P.M)
    expect(JSON.stringify((await wh.http(P.S, 'activities', 'get', { activityId: wh.w.act.ended })).body)).not.toContain('13900010001')
  })

  it("erases a staff member's pictures from the community's goods", async () => {
    await wh.reset()
    const image = await wh.h.upload(P.S)
    await wh.h.ok(P.S, 'mall', 'upsertGoods', {
      id: wh.w.goods.hx,
      name: '纯棉毛巾',
      price: 15,
      stock: 50,
      limitPerMember: 3,
      onShelf: true,
      image,
    })
    expect((await wh.http(P.S, 'accounts', 'deleteMe', { confirm: true })).status).toBe(200)
    expect(db().prepare('SELECT image FROM goods WHERE id = ?').get(wh.w.goods.hx)).toEqual({ image: null })
    expect(wh.h.app.files.locate(image)).toBeNull()
    // what they published stays, by 已注销用户
    expect((await wh.http(P.A, 'activities', 'get', { activityId: wh.w.act.open })).body.data.createdBy.name).toBe(ERASED_NAME)
  })

  it('erases registrations (withdrawing a pending one), the 亮身份 card, 自评 text and 晒服务 consent', async () => {
    await wh.reset()
    await wh.h.ok(P.R, 'workbench', 'setConsent', { orderId: wh.w.o.closedM, consent: true })
    expect((await wh.http(P.R, 'workbench', 'showcase', { gridId: 'g_hx1' })).body.data.services.map((x) => x.orderId)).toContain(
      wh.w.o.closedM,
    )
    await wh.h.ok(P.S, 'workbench', 'saveCard', {
      gridId: 'g_hx1',
      title: '网格员',
      duties: '负责网格内的日常巡查',
      pledge: '有事找我',
      photo: await wh.h.upload(P.S),
    })
    await wh.h.ok(P.M, 'points', 'selfEvaluate', { year: wh.w.year, score: 90, text: '今年参加了二十多次志愿服务活动' })
    const exported = (await wh.http(P.R2, 'accounts', 'exportMyData', {})).body.data
    expect(exported.registrations.map((r) => [r.kind, r.phone])).toEqual([
      ['resident', '13800010002'],
      ['member', '13800010002'],
    ])

    for (const who of [P.R, P.R2, P.S, P.M]) expect((await wh.http(who, 'accounts', 'deleteMe', { confirm: true })).status).toBe(200)
    const regs = db().prepare('SELECT * FROM registrations WHERE user_id = ?').all(P.R2) as any[]
    expect(regs.map((r) => [r.status, r.name, r.phone, r.room, r.reason])).toEqual([
      ['rejected', ERASED_NAME, null, null, '申请人已注销账号'],
      ['rejected', ERASED_NAME, null, null, '申请人已注销账号'],
    ])
    expect((await wh.http(P.A, 'accounts', 'listPending', {})).body.data.items.map((r) => r.userId)).not.toContain(P.R2)
    expect(db().prepare('SELECT title, duties, pledge, photo FROM staff_cards WHERE user_id = ?').get(P.S)).toEqual({
      title: '',
      duties: '',
      pledge: '',
      photo: null,
    })
    const showcase = (await wh.http(null, 'workbench', 'showcase', { gridId: 'g_hx1' })).body.data
    expect(showcase.services).toEqual([])
    expect(showcase.cards.map((c) => c.userId)).not.toContain(P.S)
    const packet = await wh.h.ok(P.A, 'points', 'evaluation', { memberId: P.M2, year: wh.w.year })
    expect(packet.memberId).toBe(P.M2)
    expect(JSON.stringify(db().prepare('SELECT * FROM evaluations').all())).not.toContain('二十多次')
  })

  it('is in the access matrix for every signed-in person and for nobody else', () => {
    const everyoneSignedIn = ['deny', 'allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'allow', 'allow']
    expect(ACCESS_MATRIX['accounts.deleteMe'].own).toEqual(everyoneSignedIn)
    expect(ACCESS_MATRIX['accounts.exportMyData'].own).toEqual(everyoneSignedIn)
  })

  it('answers a repeat with the first result (in-process: the session is gone)', async () => {
    await wh.reset()
    const rid = requestId()
    const first = await wh.h.call(P.R2, 'accounts', 'deleteMe', { confirm: true }, rid)
    expect(first.ok).toBe(true)
    expect(await wh.h.call(P.R2, 'accounts', 'deleteMe', { confirm: true }, rid)).toEqual(first)
  })
})
