// Stored replies (core/edge.ts): kept a day for a repeat of their requestId, and scrubbed of a person
// who deletes their account, wherever they appear in another person's reply.
import { mentionsOf } from '../../cloudfunctions/core/edge'
import { type Harness, openHarness, rid } from '../helpers/local'

const R2 = 'u_lijg'
const S = 'u_linx'

let h: Harness
beforeEach(async () => {
  h = await openHarness()
})
afterEach(() => h.close())

const stored = () =>
  h.app.store.db.prepare('SELECT key, response, mentions FROM idempotency ORDER BY key').all() as Array<{
    key: string
    response: string
    mentions: string
  }>

it('names the people in a reply by their ids, and nothing that only looks like one', () => {
  expect(
    mentionsOf({
      id: 'o_1',
      resident: { id: 'u_wangxl', name: '王秀兰' },
      timeline: [{ actor: { id: 'u_linx' } }, { actor: { id: 'u_wangxl' } }],
      note: 'u_ with text',
    }),
  ).toEqual(['u_wangxl', 'u_linx'])
})

it("erases a person who deletes their account from staff's stored reply about them, and from its mentions", async () => {
  await h.ok(R2, 'accounts', 'registerResident', { name: '李建国', phone: '13800010002', buildingId: 'b_hx2', unit: '2', room: '501' })
  const approval = rid()
  const view = await h.ok(S, 'accounts', 'approveResident', { userId: R2, approve: true }, approval)
  expect([view.name, view.phone]).toEqual(['李建国', '13800010002'])
  await h.ok(R2, 'accounts', 'deleteMe', { confirm: true })
  const reply = stored().find((r) => r.key === `${S}:${approval}`)
  expect(reply?.response).not.toMatch(/李建国|13800010002|2单元 501/)
  expect(JSON.parse(reply?.mentions ?? '[]')).not.toContain(R2)
  // of their own requests, only the deletion's reply is left, which names nothing of them
  expect(stored().filter((r) => r.key.startsWith(`${R2}:`) && /李建国|13800010002/.test(r.response))).toEqual([])
  // the repeat answers with the scrubbed reply
  const again = await h.call(S, 'accounts', 'approveResident', { userId: R2, approve: true }, approval)
  expect(JSON.stringify(again)).not.toMatch(/李建国|13800010002/)
})

it('answers a repeat within the day with the first reply, and runs a repeat after it anew', async () => {
  const input = { kind: 'service' as const, category: 'care' as const, title: '修水管', description: '' }
  const first = await h.ok('u_wangxl', 'orders', 'create', input, 'same-request-1')
  expect((await h.ok('u_wangxl', 'orders', 'create', input, 'same-request-1')).id).toBe(first.id)
  h.app.testClock?.advance(24 * 3600_000 + 1)
  expect((await h.ok('u_wangxl', 'orders', 'create', input, 'same-request-1')).id).not.toBe(first.id)
})
