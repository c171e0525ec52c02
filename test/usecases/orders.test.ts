// Order use cases against the real SQLite adapter (a temp data folder per test), through the edge.
import type { InputOf } from '@shared/api'
import { type Harness, addMembers, dumpDb, openHarness, rid } from '../helpers/local'
import { TestClock } from '../../cloudfunctions/adapters/local/clock'

const RESIDENT = 'u_wangxl' // 王秀兰, 1号楼, 红星社区
const STAFF = 'u_linx'
const MEMBER = 'u_zhouzq' // 周志强
const OTHER_MEMBER = 'u_wuhy'
const FOREIGN_STAFF = 'u_qs_dengh' // 青山社区
const FOREIGN_MEMBER = 'u_qs_fengy'

let h: Harness
beforeEach(async () => {
  h = await openHarness()
})
afterEach(() => h.close())

async function newOrder(input: Partial<InputOf<'orders', 'create'>> = {}) {
  return h.ok(RESIDENT, 'orders', 'create', {
    kind: 'service',
    category: 'elderly_child',
    title: '帮老人取药',
    description: '腿脚不便，需要去社区医院取药',
    ...input,
  })
}

async function openOrder(review: Record<string, unknown> = {}) {
  const o = await newOrder()
  await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch', ...review })
  return o.id as string
}

async function completedOrder() {
  const id = await openOrder()
  await h.ok(MEMBER, 'orders', 'claim', { orderId: id })
  await h.ok(MEMBER, 'orders', 'complete', { orderId: id, summary: '已陪同老人取药并送回家中', photos: [await h.upload(MEMBER)] })
  return id
}

describe('the order loop', () => {
  it('runs from 点单 to points, with the timeline of every step', async () => {
    const created = await newOrder({ photos: [await h.upload(RESIDENT)] })
    expect(created).toMatchObject({
      status: 'submitted',
      urgency: 'normal',
      buildingName: '1号楼',
      gridName: '第一网格',
      actions: ['cancel'],
    })
    expect(created.photos[0].url).toMatch(/^\/files\/f_/)

    const queue = await h.ok(STAFF, 'orders', 'list', { scope: 'review' })
    expect(queue.items.map((o) => o.id)).toEqual([created.id])

    const dispatched = await h.ok(STAFF, 'orders', 'review', { orderId: created.id, decision: 'dispatch' })
    expect(dispatched).toMatchObject({ status: 'open', points: 20 }) // 助老扶幼 base 20 × normal 1

    const hall = await h.ok(MEMBER, 'orders', 'list', { scope: 'hall' })
    expect(hall.items.map((o) => o.id)).toContain(created.id)

    const claimed = await h.ok(MEMBER, 'orders', 'claim', { orderId: created.id })
    expect(claimed).toMatchObject({ status: 'claimed', claimer: { id: MEMBER, name: '周志强' }, actions: ['release', 'complete'] })
    expect(claimed.contact).toEqual({ name: '王秀兰', phone: '13800010001', address: '1号楼 1单元 302' })

    const completed = await h.ok(MEMBER, 'orders', 'complete', {
      orderId: created.id,
      summary: '已陪同老人取药并送回家中',
      photos: [await h.upload(MEMBER)],
    })
    expect(completed.status).toBe('completed')
    expect(completed.contact).toBeNull() // the member holds it no longer

    const closed = await h.ok(RESIDENT, 'orders', 'confirm', { orderId: created.id, rating: 5, comment: '非常感谢' })
    expect(closed).toMatchObject({ status: 'closed', rating: 5, awardedPoints: 25, actions: [] })
    expect(closed.timeline.map((e) => [e.action, e.to])).toEqual([
      ['create', 'submitted'],
      ['dispatch', 'open'],
      ['claim', 'claimed'],
      ['complete', 'completed'],
      ['confirm', 'closed'],
    ])

    expect(await h.ok(MEMBER, 'points', 'balance', {})).toMatchObject({ balance: 25, earned: 25, spent: 0, yearEarned: 25 })
    const ledger = await h.ok(MEMBER, 'points', 'ledger', {})
    expect(ledger.items).toEqual([
      expect.objectContaining({
        delta: 25,
        reason: 'order_award',
        note: '完成工单「帮老人取药」：下单积分 20 分，5 星加 5 分',
        // the award part by part, for the line 「助老扶幼 20 + 五星 5」
        parts: [
          { kind: 'post', postType: 'elderly_child', points: 20 },
          { kind: 'rating', stars: 5, points: 5 },
        ],
        balanceAfter: 25,
      }),
    ])

    // each step told the person it concerns, newest first, with the page that opens it
    const residentInbox = await h.ok(RESIDENT, 'accounts', 'inbox', {})
    expect(residentInbox.items.map((n) => n.kind)).toEqual(['order_completed', 'order_claimed', 'order_dispatched'])
    expect(residentInbox.items[1]).toMatchObject({
      body: '周志强接下了「帮老人取药」，会尽快与您联系',
      link: `/resident/order-detail/index?id=${created.id}`,
    })
    const memberInbox = await h.ok(MEMBER, 'accounts', 'inbox', {})
    expect(memberInbox.items[0]).toMatchObject({
      kind: 'order_closed',
      body: '「帮老人取药」已确认完成，获得 25 积分：下单积分 20 分，5 星加 5 分',
      read: false,
    })
  })

  it('does not tell anyone of a step that failed', async () => {
    const o = await newOrder()
    await h.call(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch', assigneeId: 'u_qs_fengy' })
    expect((await h.ok(RESIDENT, 'accounts', 'inbox', {})).items).toEqual([])
  })

  it('uses the points staff set, and the urgency factor when they leave it blank', async () => {
    const urgent = await newOrder({ urgency: 'urgent', category: 'care' })
    const byRule = await h.ok(STAFF, 'orders', 'review', { orderId: urgent.id, decision: 'dispatch' })
    expect(byRule.points).toBe(23) // 爱心关怀 15 × 1.5, rounded
    const chosen = await newOrder()
    expect((await h.ok(STAFF, 'orders', 'review', { orderId: chosen.id, decision: 'dispatch', points: 40 })).points).toBe(40)
  })

  it('turns an order down with the reason shown to the resident', async () => {
    const o = await newOrder()
    const rejected = await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'reject', reason: '不属于社区服务范围' })
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '不属于社区服务范围' })
    expect((await h.ok(RESIDENT, 'orders', 'get', { orderId: o.id })).timeline[1]).toMatchObject({
      action: 'reject',
      note: '不属于社区服务范围',
    })
  })

  it('lets the resident cancel until someone takes it', async () => {
    const id = await openOrder()
    expect((await h.ok(RESIDENT, 'orders', 'cancel', { orderId: id })).status).toBe('cancelled')
    const taken = await openOrder()
    await h.ok(MEMBER, 'orders', 'claim', { orderId: taken })
    expect(await h.call(RESIDENT, 'orders', 'cancel', { orderId: taken })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('returns a released order to the hall and counts the release', async () => {
    const id = await openOrder()
    await h.ok(MEMBER, 'orders', 'claim', { orderId: id })
    const released = await h.ok(MEMBER, 'orders', 'release', { orderId: id, reason: '临时出差，无法上门' })
    expect(released).toMatchObject({ status: 'open', claimer: null, releaseCount: 1 })
    expect((await h.ok(OTHER_MEMBER, 'orders', 'claim', { orderId: id })).claimer?.id).toBe(OTHER_MEMBER)
  })

  it('sends a disputed order back to its member, once', async () => {
    const id = await completedOrder()
    const disputed = await h.ok(RESIDENT, 'orders', 'dispute', { orderId: id, reason: '药拿错了' })
    expect(disputed).toMatchObject({ status: 'claimed', disputeCount: 1, actions: [] })
    await h.ok(MEMBER, 'orders', 'complete', { orderId: id, summary: '已重新取药并核对清楚', photos: [await h.upload(MEMBER)] })
    const again = await h.call(RESIDENT, 'orders', 'dispute', { orderId: id, reason: '还是不对' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '每张工单只能申诉一次' } })
  })

  it('keeps a directed order for the chosen member', async () => {
    const id = await openOrder({ assigneeId: OTHER_MEMBER })
    expect((await h.ok(MEMBER, 'orders', 'list', { scope: 'hall' })).items).toEqual([])
    expect((await h.ok(OTHER_MEMBER, 'orders', 'list', { scope: 'assigned' })).items.map((o) => o.id)).toEqual([id])
    expect(await h.call(MEMBER, 'orders', 'claim', { orderId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await h.ok(OTHER_MEMBER, 'orders', 'claim', { orderId: id })).status).toBe('claimed')
  })

  it('refuses to direct an order to someone who is not a member of the community', async () => {
    const o = await newOrder()
    for (const assigneeId of [FOREIGN_MEMBER, 'u_lijg', RESIDENT]) {
      const res = await h.call(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch', assigneeId })
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'assigneeId' } })
    }
  })
})

describe('who may do what', () => {
  it('lets only staff of the community review', async () => {
    const o = await newOrder()
    const before = dumpDb(h.app.store.db)
    expect(await h.call(MEMBER, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call(RESIDENT, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await h.call(FOREIGN_STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(dumpDb(h.app.store.db)).toBe(before)
  })

  it('never lets a member claim their own order', async () => {
    const o = await h.ok(MEMBER, 'orders', 'create', { kind: 'wish', category: 'education', title: '想学用智能手机' })
    await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
    expect((await h.ok(MEMBER, 'orders', 'list', { scope: 'hall' })).items).toEqual([])
    expect(await h.call(MEMBER, 'orders', 'claim', { orderId: o.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能接自己提交的工单' },
    })
  })

  it('lets only the claimer complete, and only the resident confirm — or staff for them, in their words', async () => {
    const id = await openOrder()
    await h.ok(MEMBER, 'orders', 'claim', { orderId: id })
    const photo = await h.upload(OTHER_MEMBER)
    expect(
      await h.call(OTHER_MEMBER, 'orders', 'complete', { orderId: id, summary: '我来替他完成这项服务', photos: [photo] }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await h.ok(MEMBER, 'orders', 'complete', { orderId: id, summary: '已陪同老人取药并送回家中', photos: [await h.upload(MEMBER)] })
    for (const who of [MEMBER, 'u_lijg']) {
      expect(await h.call(who, 'orders', 'confirm', { orderId: id, rating: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await h.call(STAFF, 'orders', 'confirm', { orderId: id, rating: 5 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'residentWords' },
    })
  })

  it('hides another community entirely', async () => {
    const id = await openOrder()
    expect((await h.ok(FOREIGN_MEMBER, 'orders', 'list', { scope: 'hall' })).items).toEqual([])
    expect(await h.call(FOREIGN_MEMBER, 'orders', 'get', { orderId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(FOREIGN_MEMBER, 'orders', 'claim', { orderId: id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await h.ok(FOREIGN_STAFF, 'orders', 'list', { scope: 'review' })).items).toEqual([])
  })

  it('keeps residents out of each other’s orders and submitted orders out of the hall', async () => {
    const o = await newOrder()
    expect(await h.call('u_lijg', 'orders', 'get', { orderId: o.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(MEMBER, 'orders', 'get', { orderId: o.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(MEMBER, 'orders', 'list', { scope: 'review' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('u_lijg', 'orders', 'list', { scope: 'hall' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('contact details (DESIGN.md §8)', () => {
  it('shows phone and address to the resident, staff, and the member only while they hold it', async () => {
    const id = await openOrder()
    const hallCard = (await h.ok(MEMBER, 'orders', 'list', { scope: 'hall' })).items[0]
    expect(JSON.stringify(hallCard)).not.toMatch(/1380001|单元/)
    const before = await h.ok(MEMBER, 'orders', 'get', { orderId: id })
    expect(before.contact).toBeNull()
    expect(before.resident.name).toBe('王**')
    expect((await h.ok(STAFF, 'orders', 'get', { orderId: id })).contact?.phone).toBe('13800010001')
    await h.ok(MEMBER, 'orders', 'claim', { orderId: id })
    expect((await h.ok(MEMBER, 'orders', 'get', { orderId: id })).contact?.phone).toBe('13800010001')
    const bystander = await h.ok(OTHER_MEMBER, 'orders', 'get', { orderId: id })
    expect(JSON.stringify(bystander)).not.toMatch(/13800010001|1单元 302/)
  })
})

describe('points are paid once', () => {
  it('awards on close once, whatever is retried', async () => {
    const id = await completedOrder()
    const requestId = rid()
    const first = await h.ok(RESIDENT, 'orders', 'confirm', { orderId: id, rating: 4 }, requestId)
    const replay = await h.ok(RESIDENT, 'orders', 'confirm', { orderId: id, rating: 4 }, requestId)
    expect(replay).toEqual(first)
    expect(await h.call(RESIDENT, 'orders', 'confirm', { orderId: id, rating: 4 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    const rows = h.app.store.db.prepare('SELECT delta FROM ledger WHERE member_id = ?').all(MEMBER)
    expect(rows).toEqual([{ delta: 23 }]) // 20 + rating-4 bonus 3
    const { balance } = h.app.store.db.prepare('SELECT balance FROM point_accounts WHERE member_id = ?').get(MEMBER) as { balance: number }
    expect(balance).toBe(23)
  })

  it('refuses the same requestId with a different payload', async () => {
    const requestId = rid()
    await newOrder()
    await h.ok(RESIDENT, 'orders', 'create', { kind: 'wish', category: 'care', title: '想要一本字典' }, requestId)
    const res = await h.call(RESIDENT, 'orders', 'create', { kind: 'wish', category: 'care', title: '想要两本字典' }, requestId)
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('runs a double-tapped create once', async () => {
    const requestId = rid()
    const input = { kind: 'service', category: 'convenience', title: '修水龙头', description: '厨房水龙头漏水' } as const
    const [a, b] = await Promise.all([
      h.ok(RESIDENT, 'orders', 'create', input, requestId),
      h.ok(RESIDENT, 'orders', 'create', input, requestId),
    ])
    expect(a.id).toBe(b.id)
    expect((await h.ok(RESIDENT, 'orders', 'list', { scope: 'mine' })).items).toHaveLength(1)
  })
})

describe('photos', () => {
  it('requires a photo for a hazard report and makes it urgent', async () => {
    expect(await h.call(RESIDENT, 'orders', 'create', { kind: 'hazard', category: 'environment', title: '楼道堆放杂物' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'photos' },
    })
    const o = await h.ok(RESIDENT, 'orders', 'create', {
      kind: 'hazard',
      category: 'environment',
      title: '楼道堆放杂物',
      photos: [await h.upload(RESIDENT)],
    })
    expect(o.urgency).toBe('urgent')
  })

  it('refuses photos someone else uploaded', async () => {
    const theirs = await h.upload(MEMBER)
    const res = await h.call(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '帮忙看看', photos: [theirs] })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'photos.0' } })
  })
})

describe('content check', () => {
  it('keeps blocked words out of what others will read', async () => {
    const res = await h.call(RESIDENT, 'orders', 'create', { kind: 'service', category: 'care', title: '代开发票找我' })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'title' } })
  })
})

describe('lists', () => {
  it('pages newest first without gaps or repeats', async () => {
    const ids: string[] = []
    for (let i = 0; i < 7; i++) ids.push((await newOrder({ title: `第${i + 1}件事` })).id)
    const seen: Array<{ id: string; createdAt: string }> = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await h.ok(RESIDENT, 'orders', 'list', { scope: 'mine', limit: 3, cursor })
      seen.push(...page.items)
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen.map((o) => o.id).sort()).toEqual([...ids].sort()) // orders made in the same millisecond tie on id
    const times = seen.map((o) => o.createdAt)
    expect(times).toEqual([...times].sort().reverse())
  })

  it('shows a member the orders they hold and the ones directed to them', async () => {
    const mine = await openOrder()
    await h.ok(MEMBER, 'orders', 'claim', { orderId: mine })
    const directed = await openOrder({ assigneeId: MEMBER })
    await openOrder() // in the hall, not theirs
    const tasks = await h.ok(MEMBER, 'orders', 'list', { scope: 'assigned' })
    expect(tasks.items.map((o) => o.id).sort()).toEqual([mine, directed].sort())
  })

  it('filters the hall by post type', async () => {
    await openOrder()
    const o = await h.ok(RESIDENT, 'orders', 'create', { kind: 'service', category: 'education', title: '孩子作业辅导' })
    await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
    const hall = await h.ok(MEMBER, 'orders', 'list', { scope: 'hall', category: 'education' })
    expect(hall.items.map((x) => x.id)).toEqual([o.id])
  })
})

describe('races', () => {
  it('lets exactly one of many members claim an order', async () => {
    const id = await openOrder()
    const members = await addMembers(h.app, 'c_hongxing', 30)
    const results = await Promise.all(members.map((m) => h.call(m, 'orders', 'claim', { orderId: id })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true)
  })
})

describe('72-hour auto-confirm', () => {
  it('closes a completed order after 72 hours and pays once, however often the job runs', async () => {
    h.close()
    const clock = new TestClock()
    h = await openHarness({ clock, demo: false })
    const id = await completedOrder()
    expect(await h.app.tick()).toMatchObject({ autoConfirmed: 0 })
    clock.advance(72 * 3600_000 + 1000)
    const [a, b] = await Promise.all([h.app.tick(), h.app.tick()])
    expect(a.autoConfirmed + b.autoConfirmed).toBe(1)
    expect(await h.app.tick()).toMatchObject({ autoConfirmed: 0 })
    const o = await h.ok(RESIDENT, 'orders', 'get', { orderId: id })
    expect(o).toMatchObject({ status: 'closed', rating: null, awardedPoints: 20 })
    expect(o.timeline.at(-1)).toMatchObject({ actor: null, note: '超过 72 小时未评价，系统自动确认' })
    expect(await h.ok(MEMBER, 'points', 'balance', {})).toMatchObject({ balance: 20 })
  })
})
