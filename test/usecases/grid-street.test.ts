// The grid and the street (docs/grid-and-street.md) on the real SQLite adapter: 网格员 scoped to their
// grids, 代办 with its separation of duties, 转办 with graded response up to the 街道 account, the
// rating rule, and members as they are (退休, no work unit; 楼栋长 on cards and in routing).
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { runWrite } from '../../cloudfunctions/core/runner'
import { setUpStreet } from '../../cloudfunctions/core/usecases/accounts/streets'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'

const WANG = 'u_wangxl' // resident, 1号楼, 第一网格
const MA = 'u_maxz' // resident living alone, 3号楼, 第二网格
const LIJ = 'u_lij' // 网格员 (网格长) of 第一网格
const WANGF = 'u_wangf' // 网格员 of 第二网格
const STAFF = 'u_linx' // 社区工作者
const ADMIN = 'u_xujh'
const ZHENG = 'u_zhengw' // member, 3号楼, 第二网格
const ZHOU = 'u_zhouzq' // member, 1号楼
const STREET = 'u_st_zhoum' // 红桥街道
const QS_STAFF = 'u_qs_dengh'
const HOUR = 3600_000
const START = Date.parse('2026-06-10T10:00:00+08:00')

let h: Harness
let clock: TestClock
beforeEach(async () => {
  clock = new TestClock({ now: () => START })
  h = await openHarness({ clock, demo: false })
})
afterEach(() => {
  expect(brokenInvariants(h.app.store.db)).toEqual([])
  h.close()
})

const order = (who: string, title: string, extra: Record<string, unknown> = {}) =>
  h.ok(who, 'orders', 'create', { kind: 'service', category: 'elderly_child', title, ...extra })
const hazard = async (who: string, title: string) =>
  h.ok(who, 'orders', 'create', { kind: 'hazard', category: 'environment', title, photos: [await h.upload(who)] })
const ids = (page: { items: Array<{ id: string }> }) => page.items.map((o) => o.id)

describe('网格员: their grids only', () => {
  it('holds the review and overdue queues and the dashboard to their grids; community staff see every grid', async () => {
    const first = await order(WANG, '帮我取药')
    clock.advance(1000)
    const second = await order(MA, '帮我买菜')
    expect(ids(await h.ok(LIJ, 'orders', 'list', { scope: 'review' }))).toEqual([first.id])
    expect(ids(await h.ok(WANGF, 'orders', 'list', { scope: 'review' }))).toEqual([second.id])
    expect(ids(await h.ok(STAFF, 'orders', 'list', { scope: 'review' }))).toEqual([second.id, first.id])
    // a grid filter of another grid finds nothing of it
    expect(ids(await h.ok(LIJ, 'orders', 'list', { scope: 'review', gridId: 'g_hx2' }))).toEqual([])

    for (const id of [first.id, second.id]) await h.ok(STAFF, 'orders', 'review', { orderId: id, decision: 'dispatch' })
    clock.advance(25 * HOUR)
    await h.app.tick()
    expect(ids(await h.ok(WANGF, 'orders', 'list', { scope: 'overdue' }))).toEqual([second.id])
    expect(ids(await h.ok(STAFF, 'orders', 'list', { scope: 'overdue' })).sort()).toEqual([first.id, second.id].sort())

    const day = '2026-06-10'
    const mine = await h.ok(WANGF, 'workbench', 'dashboard', { from: day, to: '2026-06-11' })
    expect([mine.orders.total, mine.gridNames, mine.orders.byGrid.map((g) => g.gridName)]).toEqual([1, ['第二网格'], ['第二网格']])
    expect((await h.ok(STAFF, 'workbench', 'dashboard', { from: day, to: '2026-06-11' })).orders.total).toBe(2)
  })

  it('refuses a 网格员 another grid’s order: not found to open, forbidden to review', async () => {
    const o = await order(WANG, '帮我取药')
    expect(await h.call(WANGF, 'orders', 'get', { orderId: o.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(WANGF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const opened = await h.ok(LIJ, 'orders', 'get', { orderId: o.id })
    expect([opened.contact?.phone, opened.actions]).toEqual(['13800010001', ['dispatch', 'reject', 'refer']])
  })

  it('is made by the admin, of the community’s grids, with 网格长 on the card', async () => {
    const made = await h.ok(ADMIN, 'accounts', 'setGridWorker', { userId: STAFF, gridIds: ['g_hx2', 'g_hx3'], lead: true })
    expect(made).toMatchObject({
      roles: ['staff', 'grid_worker'],
      gridWork: { lead: true, grids: [{ name: '第二网格' }, { name: '第三网格' }] },
    })
    expect((await h.ok(LIJ, 'accounts', 'me')).gridWork).toEqual({ grids: [{ id: 'g_hx1', name: '第一网格' }], lead: true })
    const unmade = await h.ok(ADMIN, 'accounts', 'setGridWorker', { userId: STAFF, gridIds: [] })
    expect([unmade.roles, unmade.gridWork]).toEqual([['staff'], null])
    expect(await h.call(ADMIN, 'accounts', 'setGridWorker', { userId: STAFF, gridIds: ['g_qs1'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'gridIds.0' },
    })
  })
})

describe('代办: ordering for a resident', () => {
  it('lets a 网格员 order for a resident of their grid, who sees it as theirs and rates it', async () => {
    expect((await h.ok(WANGF, 'accounts', 'residents', { q: '马' })).items).toEqual([
      { id: MA, name: '马秀珍', gridName: '第二网格', address: '3号楼 2单元 101', phone: '13800010007' },
    ])
    expect((await h.ok(LIJ, 'accounts', 'residents', { q: '马' })).items).toEqual([]) // not of 李娟's grid
    const o = await h.ok(WANGF, 'orders', 'create', {
      onBehalfOf: { residentId: MA, channel: 'phone' },
      kind: 'service',
      category: 'convenience',
      title: '厨房水龙头坏了',
    })
    expect(o).toMatchObject({
      resident: { id: MA, name: '马秀珍' },
      channel: 'phone',
      onBehalf: { agent: { name: '王芳' }, channel: 'phone' },
    })
    expect(o.timeline[0]).toMatchObject({ action: 'create', actor: { name: '王芳' }, note: '电话代办' })
    expect(ids(await h.ok(MA, 'orders', 'list', { scope: 'mine' }))).toEqual([o.id])
    expect(ids(await h.ok(WANGF, 'orders', 'list', { scope: 'proxied' }))).toEqual([o.id])
    expect((await h.ok(MA, 'accounts', 'inbox', {})).items[0]).toMatchObject({ kind: 'order_proxied', title: '已为您代办' })

    await h.ok(WANGF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
    await h.ok(ZHENG, 'orders', 'claim', { orderId: o.id })
    await h.ok(ZHENG, 'orders', 'complete', { orderId: o.id, summary: '换了新的水龙头，试过不漏了', photos: [await h.upload(ZHENG)] })
    const closed = await h.ok(MA, 'orders', 'confirm', { orderId: o.id, rating: 5 })
    expect([closed.status, closed.awardedPoints]).toEqual(['closed', 15])
  })

  it('never lets whoever placed it confirm for the resident; other staff may, with the resident’s own words', async () => {
    const o = await h.ok(WANGF, 'orders', 'create', {
      onBehalfOf: { residentId: MA, channel: 'home_visit' },
      kind: 'wish',
      category: 'care',
      title: '想要一台收音机',
    })
    await h.ok(WANGF, 'orders', 'review', { orderId: o.id, decision: 'dispatch' })
    await h.ok(ZHENG, 'orders', 'claim', { orderId: o.id })
    await h.ok(ZHENG, 'orders', 'complete', { orderId: o.id, summary: '送去了一台收音机，教会了怎么用', photos: [await h.upload(ZHENG)] })
    expect(await h.call(WANGF, 'orders', 'confirm', { orderId: o.id, rating: 5, residentWords: '很喜欢' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '代办人不能替居民确认' },
    })
    const closed = await h.ok(STAFF, 'orders', 'confirm', { orderId: o.id, rating: 4, residentWords: '收音机很好用，谢谢' })
    expect([closed.comment, closed.timeline.at(-1)?.note]).toEqual([
      '收音机很好用，谢谢',
      '居民原话：「收音机很好用，谢谢」（林晓代为确认）',
    ])
  })

  it('keeps an order placed for a resident when the 网格员 deletes their account, without the photos they took', async () => {
    const photo = await h.upload(WANGF)
    const o = await h.ok(WANGF, 'orders', 'create', {
      onBehalfOf: { residentId: MA, channel: 'patrol' },
      kind: 'hazard',
      category: 'environment',
      title: '单元门口地砖翘起',
      photos: [photo],
    })
    await h.ok(WANGF, 'accounts', 'deleteMe', { confirm: true })
    const kept = await h.ok(MA, 'orders', 'get', { orderId: o.id })
    expect([kept.status, kept.photos, kept.onBehalf?.agent.name]).toEqual(['submitted', [], '已注销用户'])
  })

  it('refuses a resident another grid’s or community’s worker would order for', async () => {
    const input = { kind: 'service' as const, category: 'care' as const, title: '帮忙' }
    for (const [who, residentId] of [
      [LIJ, MA],
      [QS_STAFF, MA],
      [WANG, MA],
      [STAFF, ZHOU.replace('zhouzq', 'nobody')],
    ]) {
      expect(await h.call(who, 'orders', 'create', { ...input, onBehalfOf: { residentId, channel: 'phone' } })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'onBehalfOf.residentId' },
      })
    }
  })
})

describe('转办 and graded response', () => {
  it('refers a hazard to the 物业 with a deadline; late, it climbs to the street, which answers without the contact', async () => {
    const o = await hazard(WANG, '楼道水管漏水')
    const referred = await h.ok(LIJ, 'orders', 'refer', {
      orderId: o.id,
      unitId: 'un_hx_property',
      severity: 'major',
      deadline: new Date(START + 24 * HOUR).toISOString(),
      note: '请尽快上门',
    })
    expect(referred).toMatchObject({
      status: 'referred',
      level: 'community',
      severity: 'major',
      referral: { unitName: '红星物业服务中心', status: 'sent' },
    })
    expect(referred.timeline.at(-1)?.note).toBe('转办给红星物业服务中心，请于 6月11日 周四 10:00 前答复；请尽快上门；较大：由社区办理')
    expect((await h.ok(WANG, 'accounts', 'inbox', {})).items[0]).toMatchObject({ kind: 'order_referred', title: '您的诉求已转办' })
    // a referred order is not the volunteers' to take
    expect(ids(await h.ok(ZHOU, 'orders', 'list', { scope: 'hall' }))).not.toContain(o.id)

    clock.advance(25 * HOUR)
    expect((await h.app.tick()).escalated).toBe(1)
    const street = await h.ok(STREET, 'orders', 'list', { scope: 'street' })
    expect(street.items.map((x) => [x.id, x.level, x.referral?.status])).toEqual([[o.id, 'street', 'sent']])
    expect((await h.ok(STREET, 'accounts', 'inbox', {})).items[0]).toMatchObject({ kind: 'order_escalated', title: '工单升级到街道' })
    const seen = await h.ok(STREET, 'orders', 'get', { orderId: o.id })
    expect([seen.contact, seen.resident.name, seen.actions]).toEqual([null, '王**', ['answer', 'sendDown']])
    expect(seen.referrals[0]).toMatchObject({ unit: { name: '红星物业服务中心', kind: 'property' }, late: true })

    const answered = await h.ok(STREET, 'orders', 'recordReferralAnswer', { orderId: o.id, answer: '街道已协调物业，今天下午换了水管' })
    expect(answered).toMatchObject({ status: 'completed', referral: { status: 'answered' } })
    expect(answered.referrals[0]).toMatchObject({ answer: '街道已协调物业，今天下午换了水管', answeredBy: { name: '周敏' }, late: true })
    const done = await h.ok(WANG, 'orders', 'confirm', { orderId: o.id, rating: 5 })
    expect([done.status, done.referral?.status, done.awardedPoints]).toEqual(['closed', 'done', 0])
  })

  it('starts a 重大 order at 街道; the street sends it down with its instruction and the community gets a fresh period', async () => {
    const o = await hazard(WANG, '外墙砖松动随时会掉')
    await h.ok(STAFF, 'orders', 'refer', { orderId: o.id, unitId: 'un_hx_housing', severity: 'critical' })
    const down = await h.ok(STREET, 'orders', 'sendDown', { orderId: o.id, note: '请社区先拉警戒线，督促住建局三日内处理' })
    expect(down.level).toBe('community')
    expect(down.escalations.at(-1)).toMatchObject({
      from: 'street',
      to: 'community',
      reason: '街道发回：请社区先拉警戒线，督促住建局三日内处理',
    })
    expect((await h.ok(STAFF, 'accounts', 'inbox', {})).items.map((n) => n.kind)).toContain('order_sent_down')
    expect(await h.call(STREET, 'orders', 'get', { orderId: o.id })).toMatchObject({ ok: true }) // it reached the street once
    expect(await h.call(STREET, 'orders', 'sendDown', { orderId: o.id, note: '再发一次' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('times a severity’s clock from the rules, and an order that never reached the street stays hidden from it', async () => {
    const o = await order(WANG, '帮我取药', { urgency: 'normal' })
    const dispatched = await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch', severity: 'major' })
    expect([dispatched.level, dispatched.dueAt]).toEqual(['community', new Date(START + 12 * HOUR).toISOString()]) // 24 h × 0.5
    expect(await h.call(STREET, 'orders', 'get', { orderId: o.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('keeps a directory per community, refusing a unit of another', async () => {
    const unit = await h.ok(STAFF, 'orders', 'upsertUnit', { name: '区城管局', kind: 'department', contact: '值班室', phone: '0531-12319' })
    expect((await h.ok(LIJ, 'orders', 'units', {})).items.map((u) => u.name)).toContain('区城管局')
    expect((await h.ok(QS_STAFF, 'orders', 'units', {})).items.map((u) => u.id)).not.toContain(unit.id)
    const o = await order(WANG, '路灯不亮')
    expect(await h.call(STAFF, 'orders', 'refer', { orderId: o.id, unitId: 'un_qs_property' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'unitId' },
    })
  })
})

describe('points follow the rating', () => {
  async function served(rating: number | null) {
    const o = await order(WANG, '陪老人去医院陪诊')
    await h.ok(STAFF, 'orders', 'review', { orderId: o.id, decision: 'dispatch', points: 20 })
    await h.ok(ZHOU, 'orders', 'claim', { orderId: o.id })
    await h.ok(ZHOU, 'orders', 'complete', { orderId: o.id, summary: '陪老人看完病送回了家', photos: [await h.upload(ZHOU)] })
    if (rating === null) {
      clock.advance(72 * HOUR)
      await h.app.tick()
      return h.ok(WANG, 'orders', 'get', { orderId: o.id })
    }
    return h.ok(WANG, 'orders', 'confirm', { orderId: o.id, rating })
  }

  it.each([
    [5, 25, '下单积分 20 分，5 星加 5 分', false],
    [3, 20, '下单积分 20 分', false],
    [2, 10, '2 星评价，按下单积分的 50% 计 10 分，社区将回访', true],
    [null, 20, '未评价，按下单积分计 20 分', false],
  ])('%s stars pay %i: %s', async (rating, points, note, revisit) => {
    const o = await served(rating)
    expect([o.awardedPoints, o.awardNote, o.revisitDue]).toEqual([points, note, revisit])
    const ledger = await h.ok(ZHOU, 'points', 'ledger', {})
    expect(ledger.items[0]).toMatchObject({ delta: points, note: `完成工单「陪老人去医院陪诊」：${note}` })
  })

  it('asks the grid for a 回访 after a low rating, and clears it once made', async () => {
    const o = await served(2)
    expect((await h.ok(LIJ, 'accounts', 'inbox', {})).items[0]).toMatchObject({ kind: 'order_revisit', title: '居民评价偏低，请回访' })
    expect(ids(await h.ok(LIJ, 'orders', 'list', { scope: 'revisit' }))).toEqual([o.id])
    const visited = await h.ok(LIJ, 'orders', 'revisit', { orderId: o.id, note: '上门看过，老人嫌去得晚了，已致歉' })
    expect([visited.revisitDue, visited.timeline.at(-1)?.note]).toEqual([false, '回访：上门看过，老人嫌去得晚了，已致歉'])
    expect((await h.ok(LIJ, 'orders', 'list', { scope: 'revisit' })).items).toEqual([])
  })

  it('explains the rule to members in plain words', async () => {
    const { explained } = await h.ok(ZHOU, 'points', 'rules')
    expect(explained).toEqual(
      expect.arrayContaining([
        '居民评 1 星的，按下单积分的 50% 计分。',
        '评 2 星及以下的，社区会上门回访。',
        '居民 72 小时未评价、自动确认的，只计下单积分。',
      ]),
    )
  })
})

describe('people as they are', () => {
  it('lets a retired member register without a work unit; an in-service one must name theirs', async () => {
    const base = { branch: '红星社区离退休党支部', posts: ['care'] as const, gridId: 'g_hx2' }
    expect(await h.call('u_zhanggy', 'accounts', 'registerMember', { ...base, posts: ['care'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'workUnit' },
    })
    const reg = await h.ok('u_zhanggy', 'accounts', 'registerMember', { ...base, posts: ['care'], status: 'retired', management: 'direct' })
    expect(reg.member).toMatchObject({ status: 'retired', management: 'direct', workUnit: null })
    await h.ok(STAFF, 'accounts', 'approveMember', { userId: 'u_zhanggy', approve: true })
    expect((await h.ok('u_zhanggy', 'accounts', 'me')).member).toMatchObject({ status: 'retired', workUnit: null })
    const units = (await h.ok(ZHOU, 'points', 'ranking', { by: 'workUnit' })).rows.map((r) => r.name)
    expect(units).toContain('离退休党员')
  })

  it('marks a 楼栋长 on their card, and routing knows them', async () => {
    expect((await h.ok('u_liudm', 'accounts', 'me')).head).toBe('4号楼楼栋长')
    await h.ok(STAFF, 'accounts', 'setHead', { userId: 'u_hub', head: { buildingId: 'b_hx1', unit: '3' } })
    const o = await order(WANG, '帮忙修水管')
    const picks = await h.ok(STAFF, 'orders', 'suggest', { orderId: o.id })
    const hu = picks.items.find((s) => s.member.id === 'u_hub')
    expect(hu?.parts.map((p) => p.label)).toContain('本楼单元长')
    expect((await h.ok(ADMIN, 'accounts', 'people', {})).items.find((p) => p.id === 'u_hub')?.head).toBe('1号楼3单元单元长')
  })
})

describe('the street account', () => {
  it('belongs to its street, not a community: it sees none of a community’s own data', async () => {
    const me = await h.ok(STREET, 'accounts', 'me')
    expect(me).toMatchObject({
      communityName: '红桥街道',
      street: { name: '红桥街道', communities: [{ name: '红星社区' }, { name: '青山社区' }] },
    })
    expect((await h.ok(STREET, 'activities', 'list', { scope: 'upcoming' })).items).toEqual([])
    expect((await h.ok(STREET, 'mall', 'listGoods', {})).items).toEqual([])
    expect(await h.call(STREET, 'accounts', 'places', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(STREET, 'orders', 'list', { scope: 'review' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('is set up by the deployment’s admin: a street owning communities, with its accounts', async () => {
    const setUp = (communityIds: string[]) =>
      runWrite({ uow: h.app.store, deps: h.app.deps }, (ctx) =>
        setUpStreet(ctx, { id: 'st_qingshan', name: '青山街道', communityIds, accounts: [{ name: '孙洁', phone: '13800039002' }] }),
      )
    await expect(setUp(['c_nowhere'])).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'communityIds.0' })
    const { accountIds } = await setUp(['c_qingshan'])
    const me = await h.ok(accountIds[0], 'accounts', 'me')
    expect(me).toMatchObject({ roles: ['street'], communityName: '青山街道', street: { communities: [{ id: 'c_qingshan' }] } })
    // 青山 now answers to its own street: 红桥 no longer sees what reaches 街道 there
    expect((await h.ok(STREET, 'accounts', 'me')).street?.communities.map((c) => c.id)).toEqual(['c_hongxing'])
  })
})
