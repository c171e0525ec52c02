// The mall under concurrency, through the real HTTP gateway: never oversold, never below zero.
import { type HttpHarness, addMembers, openHttpHarness, rid } from '../helpers/local'
import { brokenInvariants } from '../helpers/invariants'

const STAFF = 'u_linx'
let h: HttpHarness

beforeEach(async () => {
  h = await openHttpHarness()
})
afterEach(() => h.close())

async function fund(members: string[], points: number) {
  for (const memberId of members) await h.ok(STAFF, 'points', 'adjust', { memberId, delta: points, reason: '活动积分补录' })
}

it('1,024 concurrent redeems from many members for a stock of 10: exactly 10 succeed, the rest SOLD_OUT', async () => {
  const g = await h.ok(STAFF, 'mall', 'upsertGoods', { name: '电饭煲', price: 50, stock: 10, limitPerMember: 1, onShelf: true })
  const members = await addMembers(h.app, 'c_hongxing', 1024, 'u_racer')
  await fund(members, 100)
  const tokens = await Promise.all(members.map((m) => h.token(m)))
  const results = await Promise.all(tokens.map((t) => h.post('mall', { action: 'redeem', input: { goodsId: g.id }, requestId: rid() }, t)))
  const ok = results.filter((r) => r.status === 200)
  expect(ok).toHaveLength(10)
  expect(results.filter((r) => r.status === 409 && r.body.error.code === 'SOLD_OUT')).toHaveLength(1014)
  expect(new Set(ok.map((r) => r.body.data.code)).size).toBe(10)
  expect(h.app.store.db.prepare('SELECT stock FROM goods WHERE id = ?').get(g.id)).toEqual({ stock: 0 })
  expect(brokenInvariants(h.app.store.db, { [g.id]: 10 })).toEqual([])
}, 60_000)

it('a member with points for two redeems six times at once: exactly two succeed', async () => {
  const g = await h.ok(STAFF, 'mall', 'upsertGoods', { name: '毛巾', price: 40, stock: 100, limitPerMember: 10, onShelf: true })
  const [member] = await addMembers(h.app, 'c_hongxing', 1, 'u_saver')
  await fund([member], 85)
  const token = await h.token(member)
  const results = await Promise.all(
    Array.from({ length: 6 }, () => h.post('mall', { action: 'redeem', input: { goodsId: g.id }, requestId: rid() }, token)),
  )
  expect(results.filter((r) => r.status === 200)).toHaveLength(2)
  expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(4).fill('INSUFFICIENT_POINTS'))
  expect((await h.ok(member, 'points', 'balance', {})).balance).toBe(5)
  expect(brokenInvariants(h.app.store.db, { [g.id]: 100 })).toEqual([])
})

it('a cancel raced against itself and against expiry refunds once', async () => {
  const g = await h.ok(STAFF, 'mall', 'upsertGoods', { name: '雨伞', price: 20, stock: 3, limitPerMember: 3, onShelf: true })
  const [member] = await addMembers(h.app, 'c_hongxing', 1, 'u_canceller')
  await fund([member], 20)
  const r = await h.ok(member, 'mall', 'redeem', { goodsId: g.id })
  const token = await h.token(member)
  const clock = (ms: number) =>
    fetch(`${h.url}/api/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    })
  await clock(30 * 86400_000 - 5_000) // five seconds before the pickup window closes
  const cancels = Array.from({ length: 8 }, () =>
    h.post('mall', { action: 'cancelRedemption', input: { redemptionId: r.id }, requestId: rid() }, token),
  )
  const [results] = await Promise.all([Promise.all(cancels), clock(10_000)])
  expect(results.filter((x) => x.status === 200).length).toBeLessThanOrEqual(1)
  expect((await h.ok(member, 'points', 'balance', {})).balance).toBe(20)
  expect(h.app.store.db.prepare("SELECT COUNT(*) AS n FROM ledger WHERE reason = 'refund'").get()).toEqual({ n: 1 })
  expect(brokenInvariants(h.app.store.db, { [g.id]: 3 })).toEqual([])
})
