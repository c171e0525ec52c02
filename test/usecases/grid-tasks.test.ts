// 网格台账 (issue 18, part 3) on the real SQLite adapter, over the demo: staff (or a 网格长) publish a task
// to a grid's 网格员, the worker uploads progress with photos and submits it, community staff — never the
// worker — confirm it (paying the rules' points once) or send it back; the 工作台账 export holds it.
import { Workbook } from 'exceljs'
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules'
import { brokenInvariants } from '../helpers/invariants'
import { type Harness, openHarness } from '../helpers/local'

const LIJ = 'u_lij' // 网格长 of 第一网格
const WANGF = 'u_wangf' // 网格员 of 第二网格 (the demo's open task gt_demo_wangf is hers)
const ZHAOG = 'u_zhaog' // 网格员 of 第三网格
const STAFF = 'u_linx'
const ADMIN = 'u_xujh'
const MEMBER = 'u_zhouzq'
const RESIDENT = 'u_wangxl'
const QS_STAFF = 'u_qs_dengh'
const QS_WORKER = 'u_qs_liuy'
const START = Date.parse('2026-06-10T10:00:00+08:00')
const DAY = 86400_000

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
const task = (over: Record<string, unknown> = {}) => ({
  gridId: 'g_hx2',
  title: '走访独居老人',
  body: '本周内走访网格内的独居老人，了解身体和生活情况。',
  dueDate: '2026-06-14',
  ...over,
})
const balance = async (who: string) => (await h.ok(who, 'points', 'balance', {})).balance

/** Publishes to 王芳, reports once with a photo and submits: a task waiting for staff. */
async function submitted(): Promise<string> {
  const [t] = (await h.ok(STAFF, 'workbench', 'publishGridTask', task({ workerId: WANGF }))).items
  await h.ok(WANGF, 'workbench', 'reportGridTask', { taskId: t.id, text: '已走访 3 户，老人都好', photos: [await h.upload(WANGF)] })
  await h.ok(WANGF, 'workbench', 'submitGridTask', { taskId: t.id })
  return t.id
}

describe('publishing', () => {
  it('gives every 网格员 of the grid a task of their own, due at the end of the day, and tells them', async () => {
    const out = await h.ok(STAFF, 'workbench', 'publishGridTask', task())
    expect(out.items).toHaveLength(1)
    expect(out.items[0]).toMatchObject({
      gridName: '第二网格',
      worker: { id: WANGF, name: '王芳' },
      title: '走访独居老人',
      status: 'open',
      progressCount: 0,
      dueAt: new Date(Date.parse('2026-06-14T23:59:59.999+08:00')).toISOString(),
      overdue: false,
    })
    const mine = await h.ok(WANGF, 'workbench', 'gridTasks', { mine: true })
    expect(mine.items.map((t) => t.title)).toEqual(['走访独居老人', '排查楼道消防通道'])
    const inbox = await h.ok(WANGF, 'accounts', 'inbox', {})
    expect(inbox.items[0]).toMatchObject({ kind: 'grid_task_assigned', title: '有一项新的网格任务' })
  })

  it('lists who a task may go to: staff every grid’s 网格员, a 网格长 their grids’, another 网格员 nobody', async () => {
    const names = async (who: string, gridId?: string) =>
      (await h.ok(who, 'workbench', 'gridWorkers', gridId ? { gridId } : {})).items.map((w) => `${w.gridId}:${w.name}`)
    expect(await names(STAFF)).toEqual(['g_hx1:李娟', 'g_hx3:赵刚', 'g_hx2:王芳']) // grids by name: 第一, 第三, 第二
    expect(await names(STAFF, 'g_hx2')).toEqual(['g_hx2:王芳'])
    expect(await names(LIJ)).toEqual(['g_hx1:李娟'])
    expect(await names(WANGF)).toEqual([])
    expect(await names(QS_STAFF, 'g_hx2')).toEqual([])
  })

  it('lets a 网格长 publish to the grids they lead, not to others; a 网格员 who does not lead may not publish', async () => {
    const out = await h.ok(LIJ, 'workbench', 'publishGridTask', task({ gridId: 'g_hx1' }))
    expect(out.items.map((t) => t.worker.name)).toEqual(['李娟'])
    expect(refusal(await h.call(LIJ, 'workbench', 'publishGridTask', task({ gridId: 'g_hx2' })))?.code).toBe('FORBIDDEN')
    expect(refusal(await h.call(WANGF, 'workbench', 'publishGridTask', task()))?.code).toBe('FORBIDDEN')
    expect(refusal(await h.call(MEMBER, 'workbench', 'publishGridTask', task()))?.code).toBe('FORBIDDEN')
  })

  it('refuses, naming the field, a grid of another community, a worker not of the grid, a past day — nothing written', async () => {
    const before = (await h.ok(STAFF, 'workbench', 'gridTasks', {})).items.length
    expect(refusal(await h.call(QS_STAFF, 'workbench', 'publishGridTask', task()))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'gridId',
    })
    expect(refusal(await h.call(STAFF, 'workbench', 'publishGridTask', task({ workerId: ZHAOG })))).toMatchObject({ field: 'workerId' })
    expect(refusal(await h.call(STAFF, 'workbench', 'publishGridTask', task({ dueDate: '2026-06-09' })))).toMatchObject({
      field: 'dueDate',
    })
    expect(refusal(await h.call(STAFF, 'workbench', 'publishGridTask', task({ title: '' })))).toMatchObject({ field: 'title' })
    expect(refusal(await h.call(STAFF, 'workbench', 'publishGridTask', task({ dueDate: '6月14日' })))).toMatchObject({ field: 'dueDate' })
    expect((await h.ok(STAFF, 'workbench', 'gridTasks', {})).items).toHaveLength(before)
  })
})

describe('progress and submission', () => {
  it('takes several progress reports with photos, then submission; staff see it 待确认', async () => {
    const [t] = (await h.ok(STAFF, 'workbench', 'publishGridTask', task({ workerId: WANGF }))).items
    expect(refusal(await h.call(WANGF, 'workbench', 'submitGridTask', { taskId: t.id }))?.code).toBe('CONFLICT')
    await h.ok(WANGF, 'workbench', 'reportGridTask', { taskId: t.id, text: '走访了3号楼的两户', photos: [await h.upload(WANGF)] })
    const second = await h.ok(WANGF, 'workbench', 'reportGridTask', {
      taskId: t.id,
      text: '4号楼的一户不在家，约了明天',
      photos: [await h.upload(WANGF), await h.upload(WANGF)],
    })
    expect(second.progress.map((p) => [p.text, p.photos.length])).toEqual([
      ['走访了3号楼的两户', 1],
      ['4号楼的一户不在家，约了明天', 2],
    ])
    expect(second.actions).toEqual(['report', 'submit'])
    const done = await h.ok(WANGF, 'workbench', 'submitGridTask', { taskId: t.id })
    expect(done).toMatchObject({ status: 'submitted', actions: [] })
    expect(
      refusal(await h.call(WANGF, 'workbench', 'reportGridTask', { taskId: t.id, text: '补一张', photos: [await h.upload(WANGF)] }))?.code,
    ).toBe('CONFLICT')
    const waiting = await h.ok(STAFF, 'workbench', 'gridTasks', { status: 'submitted' })
    expect(waiting.items.map((x) => x.id)).toEqual([t.id])
    expect((await h.ok(STAFF, 'workbench', 'gridTask', { taskId: t.id })).actions).toEqual(['confirm', 'return'])
    expect((await h.ok(STAFF, 'accounts', 'inbox', {})).items[0]).toMatchObject({ kind: 'grid_task_submitted' })
  })

  it('needs a photo and words, the worker’s own photos; refused input writes nothing', async () => {
    const id = 'gt_demo_wangf'
    expect(refusal(await h.call(WANGF, 'workbench', 'reportGridTask', { taskId: id, text: '已完成', photos: [] }))).toMatchObject({
      field: 'photos',
    })
    const hers = await h.upload(STAFF)
    expect(refusal(await h.call(WANGF, 'workbench', 'reportGridTask', { taskId: id, text: '已完成', photos: [hers] }))).toMatchObject({
      field: 'photos.0',
    })
    expect(
      refusal(await h.call(WANGF, 'workbench', 'reportGridTask', { taskId: id, text: '', photos: [await h.upload(WANGF)] })),
    ).toMatchObject({
      field: 'text',
    })
    expect((await h.ok(WANGF, 'workbench', 'gridTask', { taskId: id })).progressCount).toBe(0)
  })

  it('is in its worker’s 导出我的数据, progress and all; nobody else’s', async () => {
    await h.ok(WANGF, 'workbench', 'reportGridTask', { taskId: 'gt_demo_wangf', text: '查了3号楼', photos: [await h.upload(WANGF)] })
    const mine = await h.ok(WANGF, 'accounts', 'exportMyData', {})
    expect(mine.gridTasks.map((t) => [t.title, t.progress.map((p) => p.text)])).toEqual([['排查楼道消防通道', ['查了3号楼']]])
    expect((await h.ok(LIJ, 'accounts', 'exportMyData', {})).gridTasks).toEqual([])
    expect((await h.ok(STAFF, 'accounts', 'exportMyData', {})).gridTasks).toEqual([])
  })

  it('keeps a task from everyone but its worker, the community’s staff and its grid’s 网格长', async () => {
    const id = 'gt_demo_wangf'
    expect((await h.ok(STAFF, 'workbench', 'gridTask', { taskId: id })).worker.name).toBe('王芳')
    for (const who of [LIJ, ZHAOG, QS_STAFF, QS_WORKER])
      expect(refusal(await h.call(who, 'workbench', 'gridTask', { taskId: id }))?.code).toBe('NOT_FOUND')
    for (const who of [MEMBER, RESIDENT])
      expect(refusal(await h.call(who, 'workbench', 'gridTask', { taskId: id }))?.code).toBe('FORBIDDEN')
    // nobody reports on another's task, staff included
    const photo = await h.upload(ZHAOG)
    expect(refusal(await h.call(ZHAOG, 'workbench', 'reportGridTask', { taskId: id, text: '帮她做了', photos: [photo] }))?.code).toBe(
      'NOT_FOUND',
    )
  })
})

describe('confirmation (社区确认) and the points', () => {
  it('pays the rules’ points once on confirmation, into the worker’s ledger, with the reason in words', async () => {
    const id = await submitted()
    const confirmed = await h.ok(STAFF, 'workbench', 'confirmGridTask', { taskId: id }, 'req-confirm')
    expect(confirmed).toMatchObject({ status: 'confirmed', points: DEFAULT_RULES.gridTaskPoints, confirmedBy: { name: '林晓' } })
    expect(await balance(WANGF)).toBe(10)
    // a repeat of the same request answers the same; a second confirmation is refused; nothing more is paid
    expect((await h.ok(STAFF, 'workbench', 'confirmGridTask', { taskId: id }, 'req-confirm')).status).toBe('confirmed')
    expect(refusal(await h.call(ADMIN, 'workbench', 'confirmGridTask', { taskId: id }))?.code).toBe('CONFLICT')
    expect(await balance(WANGF)).toBe(10)
    const ledger = await h.ok(WANGF, 'points', 'ledger', {})
    expect(ledger.items[0]).toMatchObject({ delta: 10, reason: 'grid_task_award', note: '完成网格任务「走访独居老人」，社区确认（林晓）' })
  })

  it('pays by the community’s rules as they stand at confirmation (0: nothing posted)', async () => {
    await h.ok(ADMIN, 'points', 'updateRules', { rules: { ...DEFAULT_RULES, gridTaskPoints: 25 } })
    const id = await submitted()
    await h.ok(STAFF, 'workbench', 'confirmGridTask', { taskId: id })
    expect(await balance(WANGF)).toBe(25)
    await h.ok(ADMIN, 'points', 'updateRules', { rules: { ...DEFAULT_RULES, gridTaskPoints: 0 } })
    const next = await submitted()
    expect((await h.ok(STAFF, 'workbench', 'confirmGridTask', { taskId: next })).points).toBe(0)
    expect(await balance(WANGF)).toBe(25)
  })

  it('two staff confirming at once pay once', async () => {
    const id = await submitted()
    const [a, b] = await Promise.all([
      h.call(STAFF, 'workbench', 'confirmGridTask', { taskId: id }),
      h.call(ADMIN, 'workbench', 'confirmGridTask', { taskId: id }),
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect(await balance(WANGF)).toBe(10)
  })

  it('sends a task back with the reason; the worker adds progress and submits again', async () => {
    const id = await submitted()
    expect(refusal(await h.call(STAFF, 'workbench', 'returnGridTask', { taskId: id, reason: '' }))).toMatchObject({ field: 'reason' })
    const back = await h.ok(STAFF, 'workbench', 'returnGridTask', { taskId: id, reason: '缺少4号楼的照片' })
    expect(back).toMatchObject({ status: 'open', returnedReason: '缺少4号楼的照片', submittedAt: null })
    expect((await h.ok(WANGF, 'accounts', 'inbox', {})).items[0]).toMatchObject({ title: '网格任务被退回' })
    expect(refusal(await h.call(STAFF, 'workbench', 'confirmGridTask', { taskId: id }))?.code).toBe('CONFLICT')
    await h.ok(WANGF, 'workbench', 'reportGridTask', { taskId: id, text: '补拍了4号楼', photos: [await h.upload(WANGF)] })
    expect((await h.ok(WANGF, 'workbench', 'submitGridTask', { taskId: id })).returnedReason).toBeNull()
    expect((await h.ok(STAFF, 'workbench', 'confirmGridTask', { taskId: id })).progressCount).toBe(2)
    expect(await balance(WANGF)).toBe(10)
  })

  it('is never the worker’s to confirm — nor a 网格长’s, nor another community’s staff', async () => {
    const id = await submitted()
    expect(refusal(await h.call(WANGF, 'workbench', 'confirmGridTask', { taskId: id }))?.code).toBe('FORBIDDEN')
    expect(refusal(await h.call(LIJ, 'workbench', 'confirmGridTask', { taskId: id }))?.code).toBe('FORBIDDEN')
    expect(refusal(await h.call(QS_STAFF, 'workbench', 'confirmGridTask', { taskId: id }))?.code).toBe('NOT_FOUND')
    expect(await balance(WANGF)).toBe(0)
  })
})

describe('the 工作台账', () => {
  it('holds the grid workers’ tasks beside the members’ in the whole-community export (sheet 网格员台账)', async () => {
    clock.advance(3600_000) // published after the demo's task
    const id = await submitted()
    clock.advance(DAY)
    await h.ok(STAFF, 'workbench', 'confirmGridTask', { taskId: id })
    const period = { from: '2026-06-01', to: '2026-06-30' }
    const report = await h.ok(STAFF, 'workbench', 'ledger', period)
    expect(report.gridTasks?.map((t) => [t.worker, t.title, t.status])).toEqual([
      ['王芳', '排查楼道消防通道', 'open'],
      ['王芳', '走访独居老人', 'confirmed'],
    ])
    const file = await h.ok(STAFF, 'workbench', 'exportLedger', period)
    const found = h.app.exports.locate(file.url.split('?')[0].replace('/exports/', ''))
    if (!found) throw new Error('no export')
    const wb = new Workbook()
    await wb.xlsx.readFile(found.file)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '服务工单', '志愿活动', '结对帮扶', '积分明细', '网格员台账'])
    const rows: unknown[][] = []
    wb.getWorksheet('网格员台账')?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1))
    })
    expect(rows).toEqual([
      ['网格员', '网格', '任务', '发布日期', '进展（次）', '提交完成', '确认人', '确认日期', '获得积分'],
      ['王芳', '第二网格', '排查楼道消防通道', '2026-06-10', 0, '', '', '', ''],
      ['王芳', '第二网格', '走访独居老人', '2026-06-10', 1, '2026-06-10', '林晓', '2026-06-11', 10],
    ])
    // one member's 台账 has no such sheet
    const one = await h.ok(STAFF, 'workbench', 'ledger', { ...period, memberId: MEMBER })
    expect(one.gridTasks).toBeNull()
  })
})
