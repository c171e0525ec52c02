// Separation of duties (DESIGN.md §10): nobody awards, verifies, dispatches to or scores themselves,
// whatever roles they hold together. Each case is a person who is both staff and party member trying
// it, as the attack on the gateway did; each refusal leaves the database as it was.
import { yearOf } from '../../cloudfunctions/core/domain/time'
import { type Harness, dumpDb, openHarness } from '../helpers/local'
import { activityInput } from '../hardening/world'

jest.setTimeout(60_000)

const S = 'u_linx' // staff, made a party member (and resident) below
const S2 = 'u_huangj' // other staff
const R = 'u_wangxl'
const MINUTE = 60_000

let h: Harness
beforeEach(async () => {
  h = await openHarness()
  await makeStaffMember(h, S)
})
afterEach(() => h.close())

/** Gives a staff member the member and resident roles, with a profile, as the same person may hold them. */
async function makeStaffMember(harness: Harness, userId: string) {
  await harness.app.store.writeRaw((db) =>
    db
      .prepare("UPDATE users SET roles = ?, member = ?, room = '1单元 101' WHERE id = ?")
      .run(
        JSON.stringify(['staff', 'member', 'resident']),
        JSON.stringify({ branch: '社区党支部', workUnit: '红星社区', posts: ['care'], skills: [] }),
        userId,
      ),
  )
}

/** Calls as `userId` and expects a refusal that changed nothing. */
async function refused(call: () => Promise<{ ok: boolean; error?: { code: string } }>) {
  const before = dumpDb(h.app.store.db)
  const res = await call()
  expect(res.ok ? 'allowed' : res.error?.code).toBe('FORBIDDEN')
  expect(dumpDb(h.app.store.db) === before).toBe(true)
}

it('staff cannot adjust their own points', async () => {
  await refused(() => h.call(S, 'points', 'adjust', { memberId: S, delta: 10000, reason: '补录志愿积分' }))
})

it('staff cannot verify the pickup code of their own redemption', async () => {
  await h.ok(S2, 'points', 'adjust', { memberId: S, delta: 100, reason: '补录志愿积分' })
  const { code } = await h.ok(S, 'mall', 'redeem', { goodsId: 'g_demo_towel' })
  await refused(() => h.call(S, 'mall', 'verify', { code }))
})

it('staff cannot direct an order to themselves', async () => {
  const o = await h.ok(R, 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙取药', description: '' })
  await refused(() => h.call(S, 'orders', 'review', { orderId: o.id, decision: 'dispatch', points: 500, assigneeId: S }))
})

it('staff cannot claim an order they dispatched', async () => {
  const o = await h.ok(R, 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙取药', description: '' })
  await h.ok(S, 'orders', 'review', { orderId: o.id, decision: 'dispatch', points: 500 })
  await refused(() => h.call(S, 'orders', 'claim', { orderId: o.id }))
})

it('staff cannot make a 组织考评 link for themselves', async () => {
  await refused(() => h.call(S, 'points', 'branchLink', { memberId: S, year: yearOf(h.app.clock.now()) }))
})

it('a member cannot fill in their own 组织考评 through a link another staff member made', async () => {
  const { token } = await h.ok(S2, 'points', 'branchLink', { memberId: S, year: yearOf(h.app.clock.now()) })
  await refused(() => h.call(S, 'points', 'branchScore', { token, score: 100, scorer: '社区党支部 书记' }))
})

it('staff cannot mark their own attendance', async () => {
  const now = h.app.clock.now()
  const a = await h.ok(S2, 'activities', 'publish', activityInput(now, 20 * MINUTE, 2, 10 * MINUTE))
  await h.ok(S, 'activities', 'signup', { activityId: a.id })
  await refused(() => h.call(S, 'activities', 'markAttendance', { activityId: a.id, memberIds: [S], attended: true }))
})

it('staff may still do each of these for somebody else', async () => {
  await h.ok(S, 'points', 'adjust', { memberId: 'u_zhouzq', delta: 100, reason: '补录志愿积分' })
  const o = await h.ok(R, 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙取药', description: '' })
  await h.ok(S, 'orders', 'review', { orderId: o.id, decision: 'dispatch', points: 50, assigneeId: 'u_zhouzq' })
  await h.ok(S, 'points', 'branchLink', { memberId: 'u_zhouzq', year: yearOf(h.app.clock.now()) })
})

it('a 网格员 who is also staff cannot confirm (nor send back) their own grid task', async () => {
  // 林晓 made a 网格员 of 第二网格 too: staff and worker in one person
  await h.app.store.writeRaw((db) =>
    db
      .prepare('UPDATE users SET roles = ?, work_grids = ? WHERE id = ?')
      .run(JSON.stringify(['staff', 'member', 'resident', 'grid_worker']), JSON.stringify(['g_hx2']), S),
  )
  const dueDate = new Date(h.app.clock.now() + 7 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10)
  const [t] = (
    await h.ok(S2, 'workbench', 'publishGridTask', { gridId: 'g_hx2', workerId: S, title: '排查楼道', body: '检查每个单元', dueDate })
  ).items
  await h.ok(S, 'workbench', 'reportGridTask', { taskId: t.id, text: '排查完了', photos: [await h.upload(S)] })
  await h.ok(S, 'workbench', 'submitGridTask', { taskId: t.id })
  await refused(() => h.call(S, 'workbench', 'confirmGridTask', { taskId: t.id }))
  await refused(() => h.call(S, 'workbench', 'returnGridTask', { taskId: t.id, reason: '自己退回自己' }))
  // another staff member confirms it: paid once, to the worker
  expect((await h.ok(S2, 'workbench', 'confirmGridTask', { taskId: t.id })).points).toBe(10)
})
