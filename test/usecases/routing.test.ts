// Routing and the escalation ladder on the real SQLite adapter, with an injected clock.
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { type Harness, addMembers, openHarness } from '../helpers/local'

const RESIDENT = 'u_wangxl' // 1号楼, 第一网格
const STAFF = 'u_linx'
const ZHOU = 'u_zhouzq' // 1号楼, 第一网格, 助老扶幼 + 便民利民, 陪诊
const WU = 'u_wuhy' // 2号楼, 第一网格, 爱心关怀 + 助老扶幼
const ZHENG = 'u_zhengw' // 3号楼, 第二网格, 便民利民 + 环境提升
const START = Date.parse('2026-11-25T02:00:00Z') // Wed 10:00 Beijing

let h: Harness
let clock: TestClock
beforeEach(async () => {
  clock = new TestClock({ now: () => START })
  h = await openHarness({ clock, demo: false })
})
afterEach(() => h.close())

async function dispatched(fields: Record<string, unknown> = {}, review: Record<string, unknown> = {}, who = RESIDENT) {
  const o = await h.ok(who, 'orders', 'create', { kind: 'service', category: 'elderly_child', title: '陪老人去医院陪诊', ...fields })
  await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch', ...review })
  return o.id as string
}

describe('为你推荐 in the hall', () => {
  it('puts the orders that fit the member first, with the reasons in words', async () => {
    const far = await dispatched({ category: 'environment', title: '清理楼道杂物' }, {}, 'u_chensz') // 5号楼, 第三网格
    const fits = await dispatched() // 助老扶幼, 1号楼
    clock.advance(60_000)
    const newer = await dispatched({ category: 'education', title: '辅导孩子作业' }, {}, 'u_zhanggy') // 3号楼, 第二网格
    const hall = await h.ok(ZHOU, 'orders', 'list', { scope: 'hall' })
    expect(hall.items.map((o) => o.id)).toEqual([fits, newer, far])
    expect(hall.items[0].recommendation).toMatchObject({ recommended: true, score: 65 })
    expect(hall.items[0].recommendation?.parts.map((p) => p.label)).toEqual(['已认领助老扶幼岗', '擅长陪诊', '同楼栋'])
    expect(hall.items[1].recommendation?.recommended).toBe(false)
    // 郑伟 (3号楼, 环境提升岗) sees the ones that fit him first, nearest before farthest after that
    const his = await h.ok(ZHENG, 'orders', 'list', { scope: 'hall' })
    expect(his.items.map((o) => [o.id, o.recommendation?.recommended, o.recommendation?.parts.map((p) => p.label)])).toEqual([
      [far, true, ['已认领环境提升岗']],
      [newer, true, ['同楼栋']],
      [fits, false, []],
    ])
  })

  it('pages the rest nearest first without repeats', async () => {
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      clock.advance(1000)
      ids.push(await dispatched({ category: 'environment', title: `第${i + 1}件事` }, {}, i % 2 ? 'u_chensz' : 'u_lijg'))
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await h.ok(ZHENG, 'orders', 'list', { scope: 'hall', limit: 3, cursor })
      seen.push(...page.items.map((o) => o.id))
      cursor = page.nextCursor
    } while (cursor)
    expect([...seen].sort()).toEqual([...ids].sort())
    expect(new Set(seen).size).toBe(7)
  })

  it('shows the wish wall: open micro-wishes only', async () => {
    const wish = await dispatched({ kind: 'wish', category: 'care', title: '想要一副老花镜' })
    await dispatched()
    const wall = await h.ok(WU, 'orders', 'list', { scope: 'hall', kind: 'wish' })
    expect(wall.items.map((o) => [o.id, o.kind])).toEqual([[wish, 'wish']])
  })
})

describe('推荐人选 for staff', () => {
  it('ranks the community’s members with reasons and leaves out the resident and the fully loaded', async () => {
    const id = await dispatched()
    const top = (await h.ok(STAFF, 'orders', 'suggest', { orderId: id })).items
    expect(top[0]).toMatchObject({ member: { id: ZHOU, name: '周志强', gridName: '第一网格' }, score: 65 })
    expect(top[0].parts.map((p) => `${p.label} ${p.points > 0 ? '+' : ''}${p.points}`)).toEqual([
      '已认领助老扶幼岗 +30',
      '擅长陪诊 +10',
      '同楼栋 +25',
    ])
    expect(top.map((s) => s.member.id)).not.toContain(RESIDENT)
    expect(top).toHaveLength(5)

    // 周志强 takes three orders: at the cap he is offered no more
    for (let i = 0; i < 3; i++) await h.ok(ZHOU, 'orders', 'claim', { orderId: await dispatched({ title: `陪诊${i}` }) })
    const after = (await h.ok(STAFF, 'orders', 'suggest', { orderId: id })).items
    expect(after.map((s) => s.member.id)).not.toContain(ZHOU)
  })

  it('is for staff of the order’s community only', async () => {
    const id = await dispatched()
    expect(await h.call(ZHOU, 'orders', 'suggest', { orderId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('u_qs_dengh', 'orders', 'suggest', { orderId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('directs an order to one member, who may decline it back to the hall', async () => {
    const id = await dispatched({}, { assigneeId: WU })
    expect((await h.ok(ZHOU, 'orders', 'list', { scope: 'hall' })).items).toEqual([])
    const detail = await h.ok(WU, 'orders', 'get', { orderId: id })
    expect(detail.actions).toEqual(['claim', 'decline'])
    const declined = await h.ok(WU, 'orders', 'decline', { orderId: id, reason: '这周在外地出差' })
    expect(declined).toMatchObject({ status: 'open', assignee: null })
    expect(declined.timeline.at(-1)).toMatchObject({ action: 'decline', note: '这周在外地出差' })
    expect((await h.ok(ZHOU, 'orders', 'list', { scope: 'hall' })).items.map((o) => o.id)).toEqual([id])
    expect(await h.call(ZHOU, 'orders', 'decline', { orderId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('the escalation ladder (分级响应)', () => {
  it('raises an unclaimed urgent order 网格 → 社区 → 街道 at each deadline, once per deadline', async () => {
    const id = await dispatched({ urgency: 'urgent' })
    expect((await h.ok(STAFF, 'orders', 'get', { orderId: id })).dueAt).toBe(new Date(START + 2 * 3600_000).toISOString())
    clock.advance(2 * 3600_000 - 1)
    expect((await h.app.tick()).escalated).toBe(0)
    clock.advance(1)
    const [a, b] = await Promise.all([h.app.tick(), h.app.tick()])
    expect(a.escalated + b.escalated).toBe(1)
    let o = await h.ok(STAFF, 'orders', 'get', { orderId: id })
    expect(o).toMatchObject({ level: 'community', escalations: [{ from: 'grid', to: 'community', reason: '超过接单时限' }] })
    expect(o.timeline.at(-1)).toMatchObject({ action: 'escalate', actor: null, note: '超过接单时限，由网格升级到社区' })
    const queue = await h.ok(STAFF, 'orders', 'list', { scope: 'overdue' })
    expect(queue.items.map((x) => [x.id, x.level])).toEqual([[id, 'community']])
    for (const staff of [STAFF, 'u_huangj', 'u_xujh']) {
      const inbox = await h.ok(staff, 'accounts', 'inbox', {})
      expect(inbox.items.filter((n) => n.kind === 'order_escalated').map((n) => n.title)).toEqual(['工单升级到社区'])
    }
    expect((await h.ok('u_qs_dengh', 'accounts', 'inbox', {})).items).toEqual([]) // another community hears nothing

    clock.advance(2 * 3600_000)
    expect((await h.app.tick()).escalated).toBe(1)
    clock.advance(30 * 86400_000)
    expect((await h.app.tick()).escalated).toBe(0) // 街道 is the top
    o = await h.ok(STAFF, 'orders', 'get', { orderId: id })
    expect(o.escalations.map((e) => e.to)).toEqual(['community', 'street'])
  })

  it('restarts the clock when the order is claimed, and climbs again if it is not completed in time', async () => {
    const id = await dispatched({ urgency: 'urgent' })
    clock.advance(3600_000)
    await h.ok(ZHOU, 'orders', 'claim', { orderId: id })
    clock.advance(2 * 3600_000)
    expect((await h.app.tick()).escalated).toBe(0) // claimed in time; 24 h to complete
    clock.advance(22 * 3600_000)
    expect((await h.app.tick()).escalated).toBe(1)
    expect((await h.ok(STAFF, 'orders', 'get', { orderId: id })).escalations[0].reason).toBe('超过完成时限')
  })

  it('keeps the overdue queue to staff, most overdue first', async () => {
    const first = await dispatched({ urgency: 'urgent' })
    clock.advance(3600_000)
    const second = await dispatched({ urgency: 'urgent' })
    await dispatched({ urgency: 'low' })
    clock.advance(2 * 3600_000 + 1)
    const queue = await h.ok(STAFF, 'orders', 'list', { scope: 'overdue' })
    expect(queue.items.map((o) => o.id)).toEqual([first, second])
    expect(await h.call(ZHOU, 'orders', 'list', { scope: 'overdue' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('auto-confirms 72 hours after completion, however the order got there', async () => {
    const id = await dispatched()
    await h.ok(ZHOU, 'orders', 'claim', { orderId: id })
    await h.ok(ZHOU, 'orders', 'complete', { orderId: id, summary: '已陪同老人完成全部检查', photos: [await h.upload(ZHOU)] })
    clock.advance(72 * 3600_000 - 1)
    expect((await h.app.tick()).autoConfirmed).toBe(0)
    clock.advance(1)
    expect((await h.app.tick()).autoConfirmed).toBe(1)
  })
})

describe('a busy community', () => {
  it('suggests among many members quickly enough to use', async () => {
    await addMembers(h.app, 'c_hongxing', 500)
    const id = await dispatched()
    const top = (await h.ok(STAFF, 'orders', 'suggest', { orderId: id })).items
    expect(top[0].member.id).toBe(ZHOU)
  })
})
