// 结对帮扶 (issue 18, part 2) on the real SQLite adapter, over the demo's households: pairing one or two
// members with a household, the care task in the members' lists closed with a report and photos for the
// care points (once, even in a race of the pair's two members), the next one by the cadence, what a
// paired member may read, and the staff's coverage.
import { Workbook } from 'exceljs'
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'

const ZHOU = 'u_zhouzq' // member, paired in the demo with 王秀兰 (hh_hx_wangxl), 每周探望
const WU = 'u_wuhy' // member
const ZHENG = 'u_zhengw' // member
const LIUDM = 'u_liudm' // resident of hh_hx_liudm
const LIJ = 'u_lij' // 网格员 of 第一网格
const WANGF = 'u_wangf' // 网格员 of 第二网格
const STAFF = 'u_linx'
const QS_STAFF = 'u_qs_dengh'
const QS_MEMBER = 'u_qs_fengy'
const DAY = 24 * 3600_000
const START = Date.parse('2026-06-10T10:00:00+08:00')
const REPORT = '陪老人聊了一个小时，帮着收拾了厨房'

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

const refusal = (res: { ok: boolean; error?: { code: string; field?: string } }) => (res.ok ? null : res.error)
const balance = async (who: string) => (await h.ok(who, 'points', 'balance', {})).balance
const pairLiu = (memberIds: string[], by = STAFF) =>
  h.ok(by, 'households', 'pair', { householdId: 'hh_hx_liudm', memberIds, kind: 'visit', cadence: 'weekly' })
const close = async (who: string, pairId: string) =>
  h.call(who, 'households', 'closeCareTask', { pairId, report: REPORT, photos: [await h.upload(who)] })

describe('pairing', () => {
  it('pairs one or two members with a household (一对一 / 二对一), recording who and when; unpair ends it', async () => {
    const paired = await pairLiu([WU, ZHENG])
    expect(paired.pair).toMatchObject({
      members: [
        { id: WU, name: '吴海燕' },
        { id: ZHENG, name: '郑伟' },
      ],
      title: '每周探望',
      pairedBy: { id: STAFF, name: '林晓' },
      pairedAt: new Date(START).toISOString(),
      dueAt: new Date(START).toISOString(),
      due: true,
      status: 'active',
    })
    // one pair a household: a second is refused until the first ends
    expect(
      refusal(
        await h.call(STAFF, 'households', 'pair', { householdId: 'hh_hx_liudm', memberIds: [ZHOU], kind: 'shopping', cadence: 'monthly' }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'householdId' })
    const ended = await h.ok(STAFF, 'households', 'unpair', { pairId: paired.pair!.id })
    expect(ended.pair).toBeNull()
    expect((await h.ok(WU, 'households', 'careTasks', {})).items).toEqual([])
    expect(refusal(await h.call(STAFF, 'households', 'unpair', { pairId: paired.pair!.id }))?.code).toBe('CONFLICT')
    const again = await h.ok(STAFF, 'households', 'pair', {
      householdId: 'hh_hx_liudm',
      memberIds: [ZHOU],
      kind: 'shopping',
      cadence: 'monthly',
    })
    expect(again.pair?.title).toBe('每月代购')
  })

  it('tells each paired member where, with whom and how often, and tells them when the pair ends', async () => {
    const paired = await pairLiu([WU, ZHENG])
    const [wu] = (await h.ok(WU, 'accounts', 'inbox', {})).items
    expect(wu).toMatchObject({ kind: 'care_paired', title: '你有了一户结对帮扶', link: `/member/care/index?id=${paired.pair!.id}` })
    expect(wu.body).toMatch(/^社区安排你和郑伟与.+刘德明家结对，每周探望。第一次现在就可以去了/)
    expect((await h.ok(ZHENG, 'accounts', 'inbox', {})).items[0].body).toMatch(/^社区安排你和吴海燕与/)
    // nobody else hears of it
    expect((await h.ok(ZHOU, 'accounts', 'inbox', {})).items.filter((n: { kind: string }) => n.kind.startsWith('care_'))).toEqual([])

    await h.ok(STAFF, 'households', 'unpair', { pairId: paired.pair!.id })
    for (const who of [WU, ZHENG])
      expect((await h.ok(who, 'accounts', 'inbox', {})).items[0]).toMatchObject({
        kind: 'care_ended',
        title: '结对帮扶已解除',
        link: '/member/tasks/index',
        body: expect.stringMatching(/（每周探望）已解除，不用再去了/),
      })
    // 一对一: no partner named
    await h.ok(STAFF, 'households', 'pair', { householdId: 'hh_hx_liudm', memberIds: [ZHOU], kind: 'shopping', cadence: 'monthly' })
    expect((await h.ok(ZHOU, 'accounts', 'inbox', {})).items[0].body).toMatch(/^社区安排你与.+结对，每月代购。/)
  })

  it('lets a member stand in several pairs; each shows in their list', async () => {
    await h.ok(LIJ, 'households', 'pair', { householdId: 'hh_hx_zhaogl', memberIds: [ZHOU], kind: 'shopping', cadence: 'fortnightly' })
    const tasks = (await h.ok(ZHOU, 'households', 'careTasks', {})).items
    expect(tasks.map((t) => [t.householdId, t.title, t.due, t.open])).toEqual([
      ['hh_hx_wangxl', '每周探望', true, true],
      ['hh_hx_zhaogl', '每两周代购', true, true],
    ])
    expect(tasks[0]).toMatchObject({ head: '王秀兰', address: '1号楼 1单元 302', points: 10, partner: null })
  })

  it('refuses a member of another community, a non-member, oneself and the household’s own people, naming the field', async () => {
    const at = (memberIds: string[], by = STAFF) =>
      h.call(by, 'households', 'pair', { householdId: 'hh_hx_liudm', memberIds, kind: 'visit', cadence: 'weekly' })
    expect(refusal(await at([QS_MEMBER]))).toMatchObject({ code: 'INVALID_INPUT', field: 'memberIds.0' })
    expect(refusal(await at([WU, 'u_wangxl']))).toMatchObject({ code: 'INVALID_INPUT', field: 'memberIds.1' })
    expect(refusal(await at([WU, WU]))).toMatchObject({ code: 'INVALID_INPUT', field: 'memberIds' })
    expect(refusal(await at([WU, ZHENG, ZHOU]))).toMatchObject({ code: 'INVALID_INPUT', field: 'memberIds' })
    expect(refusal(await at([]))).toMatchObject({ code: 'INVALID_INPUT', field: 'memberIds' })
    // 刘德明 is a resident here, not a member; make him one to see his own household refused
    h.app.store.db.prepare(`UPDATE users SET roles = '["resident","member"]' WHERE id = ?`).run(LIUDM)
    expect(refusal(await at([LIUDM]))).toMatchObject({ code: 'INVALID_INPUT', field: 'memberIds.0' })
    expect(
      refusal(
        await h.call(STAFF, 'households', 'pair', {
          householdId: 'hh_hx_liudm',
          memberIds: [WU],
          kind: 'visit',
          cadence: 'daily',
        } as never),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', field: 'cadence' })
    expect(h.app.store.db.prepare("SELECT COUNT(*) AS n FROM care_pairs WHERE household_id = 'hh_hx_liudm'").get()).toEqual({ n: 0 })
  })

  it('keeps pairing to those who keep the file: another grid’s 网格员 and another community do not find it', async () => {
    const input = { householdId: 'hh_hx_liudm', memberIds: [WU], kind: 'visit' as const, cadence: 'weekly' as const }
    expect(refusal(await h.call(LIJ, 'households', 'pair', input))?.code).toBe('NOT_FOUND')
    expect(refusal(await h.call(QS_STAFF, 'households', 'pair', input))?.code).toBe('NOT_FOUND')
    expect(refusal(await h.call(WU, 'households', 'pair', input))?.code).toBe('FORBIDDEN')
    expect((await h.ok(WANGF, 'households', 'pair', input)).pair?.pairedBy.name).toBe('王芳')
    expect(refusal(await h.call(LIJ, 'households', 'unpair', { pairId: 'pr_hx_wangxl' }))).toBeNull()
  })

  it('runs a pairing once per requestId', async () => {
    const input = { householdId: 'hh_hx_liudm', memberIds: [WU], kind: 'visit' as const, cadence: 'weekly' as const }
    const first = await h.call(STAFF, 'households', 'pair', input, 'req-pair-1')
    const again = await h.call(STAFF, 'households', 'pair', input, 'req-pair-1')
    expect(first.ok && again.ok).toBe(true)
    expect(h.app.store.db.prepare("SELECT COUNT(*) AS n FROM care_pairs WHERE household_id = 'hh_hx_liudm'").get()).toEqual({ n: 1 })
  })
})

describe('the care task', () => {
  it('is closed like an order — report and photo — pays the care points once and comes round a week later', async () => {
    const before = await balance(ZHOU)
    const done = await h.ok(ZHOU, 'households', 'closeCareTask', { pairId: 'pr_hx_wangxl', report: REPORT, photos: [await h.upload(ZHOU)] })
    expect(done.points).toBe(10)
    expect(await balance(ZHOU)).toBe(before + 10)
    const ledger = await h.ok(ZHOU, 'points', 'ledger', {})
    expect(ledger.items[0]).toMatchObject({ reason: 'care_award', delta: 10, note: '结对帮扶「每周探望」王秀兰家' })
    // the seeded task was due yesterday: the next one falls a week after it was done (late: anew)
    expect(done.task).toMatchObject({ due: false, open: false, dueAt: new Date(START + 7 * DAY).toISOString() })
    expect(refusal(await close(ZHOU, 'pr_hx_wangxl'))?.code).toBe('CONFLICT')

    clock.advance(5 * DAY) // two days before it is due, it may be done already
    expect((await h.ok(ZHOU, 'households', 'careTasks', {})).items[0]).toMatchObject({ due: false, open: true })
    const early = await h.ok(ZHOU, 'households', 'closeCareTask', {
      pairId: 'pr_hx_wangxl',
      report: REPORT,
      photos: [await h.upload(ZHOU)],
    })
    // done early, the rhythm stays: a week after the day it was due
    expect(early.task.dueAt).toBe(new Date(START + 14 * DAY).toISOString())
    expect(await balance(ZHOU)).toBe(before + 20)

    const file = await h.ok(ZHOU, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    expect(file.care.map((c) => [c.member.name, c.title, c.points, c.photos.length])).toEqual([
      ['周志强', '每周探望', 10, 1],
      ['周志强', '每周探望', 10, 1],
    ])
    expect(file.pair).toMatchObject({ tasksDone: 2, lastCareAt: new Date(START + 5 * DAY).toISOString() })
  })

  it('needs a report of 10 characters and a photo of the member’s own, naming the field; nothing is paid', async () => {
    const photo = await h.upload(ZHOU)
    const call = (input: Record<string, unknown>) =>
      h.call(ZHOU, 'households', 'closeCareTask', { pairId: 'pr_hx_wangxl', ...input } as never)
    expect(refusal(await call({ report: '去过了', photos: [photo] }))).toMatchObject({ code: 'INVALID_INPUT', field: 'report' })
    expect(refusal(await call({ report: REPORT, photos: [] }))).toMatchObject({ code: 'INVALID_INPUT', field: 'photos' })
    expect(refusal(await call({ report: REPORT, photos: [await h.upload(WU)] }))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'photos.0',
    })
    expect(refusal(await call({ report: REPORT }))).toMatchObject({ code: 'INVALID_INPUT', field: 'photos' })
    expect(h.app.store.db.prepare("SELECT COUNT(*) AS n FROM ledger WHERE reason = 'care_award'").get()).toEqual({ n: 0 })
  })

  it('is not found for a member outside the pair, nor for another community', async () => {
    expect(refusal(await close(WU, 'pr_hx_wangxl'))?.code).toBe('NOT_FOUND')
    expect(refusal(await close(QS_MEMBER, 'pr_hx_wangxl'))?.code).toBe('NOT_FOUND')
    expect(refusal(await close(STAFF, 'pr_hx_wangxl'))?.code).toBe('FORBIDDEN')
  })

  it('二对一: one member closing the task closes it for both, and pays only them — even when both close at once', async () => {
    const paired = await pairLiu([WU, ZHENG])
    const pairId = paired.pair!.id
    expect((await h.ok(ZHENG, 'households', 'careTasks', {})).items[0].partner).toEqual({ id: WU, name: '吴海燕' })
    const [wuPhoto, zhengPhoto] = [await h.upload(WU), await h.upload(ZHENG)]
    const [wu0, zheng0] = [await balance(WU), await balance(ZHENG)]
    const results = await Promise.all([
      h.call(WU, 'households', 'closeCareTask', { pairId, report: REPORT, photos: [wuPhoto] }),
      h.call(ZHENG, 'households', 'closeCareTask', { pairId, report: REPORT, photos: [zhengPhoto] }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => refusal(r)?.code)).toEqual(['CONFLICT'])
    expect((await balance(WU)) - wu0 + (await balance(ZHENG)) - zheng0).toBe(10)
    for (const who of [WU, ZHENG])
      expect((await h.ok(who, 'households', 'careTasks', {})).items[0]).toMatchObject({ due: false, open: false })
  })

  it('pays by the rules: the care points the admin set, explained to members', async () => {
    const rules = (await h.ok('u_xujh', 'points', 'rules', {})).rules
    await h.ok('u_xujh', 'points', 'updateRules', { rules: { ...rules, carePoints: 15 } })
    expect((await h.ok(ZHOU, 'points', 'rules', {})).explained).toContain('结对帮扶每完成一次（拍照并写明情况）得 15 分。')
    const done = await h.ok(ZHOU, 'households', 'closeCareTask', { pairId: 'pr_hx_wangxl', report: REPORT, photos: [await h.upload(ZHOU)] })
    expect(done.points).toBe(15)
  })

  it('runs a close once per requestId', async () => {
    const input = { pairId: 'pr_hx_wangxl', report: REPORT, photos: [await h.upload(ZHOU)] }
    const first = await h.call(ZHOU, 'households', 'closeCareTask', input, 'req-close-1')
    const again = await h.call(ZHOU, 'households', 'closeCareTask', input, 'req-close-1')
    expect(first).toEqual(again)
    expect(h.app.store.db.prepare("SELECT COUNT(*) AS n FROM ledger WHERE reason = 'care_award'").get()).toEqual({ n: 1 })
    // the stored reply keeps ids only: the household's address is read anew
    const kept = h.app.store.db.prepare('SELECT response FROM idempotency WHERE key LIKE ?').get('%req-close-1') as { response: string }
    expect(kept.response).not.toContain('1单元 302')
  })
})

describe('the 工作台账 and the 三评', () => {
  it('count the care tasks a member closed in the period, each on the 结对帮扶 sheet', async () => {
    await h.ok(ZHOU, 'households', 'closeCareTask', { pairId: 'pr_hx_wangxl', report: REPORT, photos: [await h.upload(ZHOU)] })
    const week = { from: '2026-06-08', to: '2026-06-14' }
    const [zhou] = (await h.ok(STAFF, 'workbench', 'ledger', { ...week, memberId: ZHOU })).members
    expect(zhou).toMatchObject({ careTasksDone: 1, care: [{ title: '每周探望', points: 10, at: new Date(START).toISOString() }] })
    // another period holds none
    expect((await h.ok(STAFF, 'workbench', 'ledger', { from: '2026-05-01', to: '2026-05-31', memberId: ZHOU })).members[0].care).toEqual([])
    const file = await h.ok(STAFF, 'workbench', 'exportLedger', { ...week, memberId: ZHOU })
    const found = h.app.exports.locate(file.url.split('?')[0].replace('/exports/', ''))
    const wb = new Workbook()
    await wb.xlsx.readFile(found?.file ?? '')
    const sheet = wb.getWorksheet('结对帮扶')
    if (!sheet) throw new Error('no 结对帮扶 sheet')
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '完成日期', '帮扶内容', '获得积分'])
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['周志强', '2026-06-10', '每周探望', 10])
    expect(sheet.rowCount).toBe(2)
    expect((await h.ok(ZHOU, 'points', 'evaluation', { year: 2026 })).figures.careTasksDone).toBe(1)
  })
})

describe('a paired member’s 导出我的数据', () => {
  it('holds their pairs and every care task they closed, report and photos; not another member’s', async () => {
    await h.ok(ZHOU, 'households', 'closeCareTask', { pairId: 'pr_hx_wangxl', report: REPORT, photos: [await h.upload(ZHOU)] })
    const mine = await h.ok(ZHOU, 'accounts', 'exportMyData', {})
    expect(mine.care.pairs.map((p) => [p.pairId, p.title])).toEqual([['pr_hx_wangxl', '每周探望']])
    expect(mine.care.done.map((c) => [c.pairId, c.title, c.member.name, c.report, c.points, c.photos.length])).toEqual([
      ['pr_hx_wangxl', '每周探望', '周志强', REPORT, 10, 1],
    ])
    expect((await h.ok(WU, 'accounts', 'exportMyData', {})).care).toEqual({ pairs: [], done: [] })
  })
})

describe('what a paired member may read', () => {
  it('opens the paired household’s page read-only, and no other household', async () => {
    const file = await h.ok(ZHOU, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    expect(file).toMatchObject({ head: '王秀兰', mayEdit: false, pair: { title: '每周探望' } })
    expect((await h.ok(LIJ, 'households', 'get', { householdId: 'hh_hx_wangxl' })).mayEdit).toBe(true)
    expect(refusal(await h.call(ZHOU, 'households', 'get', { householdId: 'hh_hx_zhaogl' }))?.code).toBe('NOT_FOUND')
    expect(refusal(await h.call(WU, 'households', 'get', { householdId: 'hh_hx_wangxl' }))?.code).toBe('NOT_FOUND')
    expect(refusal(await h.call(ZHOU, 'households', 'list', {}))?.code).toBe('FORBIDDEN')
    expect(refusal(await h.call(ZHOU, 'households', 'logVisit', { householdId: 'hh_hx_wangxl', found: '一切正常' }))?.code).toBe(
      'FORBIDDEN',
    )
    // once the pair ends, the file closes to them
    await h.ok(STAFF, 'households', 'unpair', { pairId: 'pr_hx_wangxl' })
    expect(refusal(await h.call(ZHOU, 'households', 'get', { householdId: 'hh_hx_wangxl' }))?.code).toBe('NOT_FOUND')
  })
})

describe('a member who deletes their account', () => {
  it('leaves their pairs: a 二对一 goes on with the other member, a pair of one ends; the care done stays', async () => {
    const two = await pairLiu([WU, ZHENG])
    const pairId = two.pair?.id ?? ''
    expect((await close(WU, pairId)).ok).toBe(true)
    // 周志强 stands alone with 王秀兰 (the demo's 一对一)
    await h.ok(ZHOU, 'accounts', 'deleteMe', { confirm: true })
    await h.ok(WU, 'accounts', 'deleteMe', { confirm: true })
    const wang = await h.ok(STAFF, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    expect(wang.pair).toBeNull()
    const liu = await h.ok(STAFF, 'households', 'get', { householdId: 'hh_hx_liudm' })
    expect(liu.pair?.members.map((m) => m.id)).toEqual([ZHENG])
    expect(liu.care).toHaveLength(1)
    expect(liu.care[0].member.name).toBe('已注销用户')
    expect((await h.ok(ZHENG, 'households', 'careTasks', {})).items.map((t) => t.pairId)).toContain(pairId)
  })
})

describe('coverage', () => {
  it('lists households without a visit or care task in N days, and those with no pair', async () => {
    const cov = await h.ok(STAFF, 'households', 'coverage', {})
    expect(cov).toMatchObject({ days: 30, total: 4, stale: 0, unpaired: 3 })
    expect(cov.items.map((r) => [r.id, r.paired, r.stale])).toEqual([
      ['hh_hx_liudm', false, false],
      ['hh_hx_zhaogl', false, false],
      ['hh_hx_maxz', false, false],
    ])
    expect((await h.ok(STAFF, 'households', 'coverage', { days: 7 })).items.filter((r) => r.stale).map((r) => r.id)).toEqual([
      'hh_hx_liudm',
      'hh_hx_zhaogl',
    ])
    // a care task counts as contact
    clock.advance(20 * DAY)
    await h.ok(ZHOU, 'households', 'closeCareTask', { pairId: 'pr_hx_wangxl', report: REPORT, photos: [await h.upload(ZHOU)] })
    const later = await h.ok(STAFF, 'households', 'coverage', { days: 14 })
    expect(later.items.filter((r) => r.stale).map((r) => r.id)).toEqual(['hh_hx_liudm', 'hh_hx_zhaogl', 'hh_hx_maxz'])
    expect((await h.ok(LIJ, 'households', 'coverage', { days: 14 })).items.map((r) => r.id)).toEqual(['hh_hx_zhaogl'])
    expect(refusal(await h.call(STAFF, 'households', 'coverage', { days: 0 }))).toMatchObject({ code: 'INVALID_INPUT', field: 'days' })
    expect(refusal(await h.call(ZHOU, 'households', 'coverage', {}))?.code).toBe('FORBIDDEN')
  })
})
