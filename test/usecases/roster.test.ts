// 社区设置表: the template, an import checked row by row with a preview, nothing written when any row is
// wrong, one transaction on SQLite, and the same file twice changing nothing.
import { readSheets } from '../../cloudfunctions/adapters/xlsx/read'
import { renderXlsx } from '../../cloudfunctions/adapters/xlsx/render'
import { ROSTER_SHEETS, planRoster } from '../../cloudfunctions/core/domain/roster'
import { rosterTemplate } from '../../cloudfunctions/core/usecases/accounts/import-roster'
import { type HttpHarness, dumpDb, openHttpHarness } from '../helpers/local'
import { SMALL_COMMUNITY, rosterFile } from '../helpers/roster'

jest.setTimeout(60_000)

const EMPTY = { community: null, grids: [], buildings: [], people: [] }
/** A copy to spoil (JSON, not structuredClone: exceljs takes only this realm's arrays for rows). */
const copy = (): typeof SMALL_COMMUNITY => JSON.parse(JSON.stringify(SMALL_COMMUNITY))

describe('the template', () => {
  it('has the 说明 sheet, then one sheet per kind with its header row, and reads back as it was written', async () => {
    const sheets = await readSheets(await renderXlsx(rosterTemplate()))
    expect(Object.keys(sheets)).toEqual(['说明', ...ROSTER_SHEETS.map((s) => s.name)])
    for (const s of ROSTER_SHEETS) expect(sheets[s.name]).toEqual([s.columns.map((c) => c.header)])
    expect(JSON.stringify(sheets.说明)).toContain('13800010001')
  })
})

describe('checking the rows', () => {
  const plan = (sheets: typeof SMALL_COMMUNITY) => planRoster(sheets, 'c_x', EMPTY)

  it('plans every record of a correct file, each person once with the roles of every sheet they are on', () => {
    const p = plan(SMALL_COMMUNITY)
    expect(p.errors).toEqual([])
    expect(p.writes.map((w) => w.kind)).toEqual([
      'community',
      'grid',
      'grid',
      'building',
      'building',
      'building',
      ...Array(7).fill('insertUser'),
    ])
    const sun = p.writes.find((w) => w.kind === 'insertUser' && w.record.name === '孙晓梅')
    expect(sun?.record).toMatchObject({
      roles: ['staff', 'member', 'resident'],
      room: '1单元 201',
      member: { posts: ['care'], status: 'on_job', management: 'dual' },
    })
    // a retired member needs no work unit; a blank 状态 and 管理方式 are 在职 and 直管
    const qian = p.writes.find((w) => w.kind === 'insertUser' && w.record.name === '钱老师')
    expect(qian?.record).toMatchObject({
      roles: ['member', 'resident'],
      member: { workUnit: null, status: 'retired', management: 'direct' },
    })
    const zhao = p.writes.find((w) => w.kind === 'insertUser' && w.record.name === '赵志远')
    expect(zhao?.record).toMatchObject({ member: { workUnit: '区税务局', status: 'on_job', management: 'direct' } })
    // 网格员: the grids they serve, by the 网格 sheet's ids; 网格长 when marked so
    const grids = p.writes.flatMap((w) => (w.kind === 'grid' ? [w.record] : []))
    const wu = p.writes.find((w) => w.kind === 'insertUser' && w.record.name === '吴网格')
    expect(wu?.record).toMatchObject({ roles: ['staff', 'grid_worker'], workGrids: grids.map((g) => g.id), gridLead: true })
  })

  it.each([
    ['居民', 2, 1, '1380000000', '手机号', /11 位/],
    ['居民', 2, 2, '北9栋', '楼栋', /楼栋「北9栋」不在「楼栋」表中/],
    ['楼栋', 3, 1, '南区网格', '所属网格', /网格「南区网格」不在「网格」表中/],
    ['党员', 2, 7, '修电脑', '认领岗位', /不认识的岗位：修电脑/],
    ['工作人员', 2, 2, '对', '管理员', /填「是」或「否」/],
    ['居民', 3, 0, '', '姓名', /没有填/],
    ['党员', 2, 6, '', '工作单位', /在职党员请填写工作单位/],
    ['党员', 3, 9, '离休', '状态', /「状态」填「在职」、「退休」、「流动」/],
    ['党员', 3, 10, '托管', '管理方式', /「管理方式」填「直管」/],
    ['网格员', 2, 2, '北区网格', '负责网格', /网格「北区网格」不在「网格」表中/],
    ['网格员', 2, 3, '对', '网格长', /填「是」或「否」/],
  ])('「%s」row %i: a wrong cell is an error in Chinese naming its row and column', (sheet, row, col, value, column, message) => {
    const sheets = copy()
    sheets[sheet][row - 1][col] = value
    const p = plan(sheets)
    // the first error is this cell's (a wrong building can make rows that name it wrong too)
    expect(p.errors[0]).toEqual({ sheet, row, column, message: expect.stringMatching(message) })
    expect(p.writes).toEqual([])
  })

  it('names a missing column once for its sheet, and a sheet it does not use as a warning', () => {
    const sheets: typeof SMALL_COMMUNITY = { ...copy(), 备注: [['随便写']] }
    sheets.居民 = sheets.居民.map((r) => r.slice(0, 4))
    const p = plan(sheets)
    expect(p.errors).toEqual([{ sheet: '居民', row: 1, column: '房号', message: '缺少「房号」列' }])
    expect(p.warnings).toEqual(['没有用到工作表「备注」'])
  })

  it('refuses a person twice on one sheet, and two homes for one person', () => {
    const sheets = copy()
    sheets.居民.push(['陈阿婆', '13700000001', '东1栋', '1', '101'])
    sheets.党员[1][4] = '502'
    sheets.居民.push(['赵志远', '13700000011', '东2栋', '1', '501'])
    const messages = plan(sheets).errors.map((e) => `${e.sheet} ${e.row} ${e.message}`)
    expect(messages).toEqual(['居民 4 陈阿婆（13700000001）与第 2 行重复', '党员 2 赵志远 在「居民」表和「党员」表里的住址不一样'])
  })
})

describe('importing into a new server', () => {
  let h: HttpHarness
  let admin: string
  beforeEach(async () => {
    h = await openHttpHarness({ demo: false, seed: false })
    const link = await h.app.setupLink()
    const res = await h.post('accounts', {
      action: 'setupCommunity',
      input: { token: link.token, communityName: '幸福里', name: '周主任', phone: '13700000021', password: '幸福里社区-2026' },
    })
    expect(res.status).toBe(200)
    admin = res.body.data.token
  })
  afterEach(() => h.close())

  const upload = async (file: Buffer, commit: boolean, token = admin) => {
    const res = await fetch(
      `${h.url}/api/roster?commit=${commit ? 1 : 0}&requestId=roster-${commit}-${Math.random().toString(36).slice(2)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', authorization: `Bearer ${token}` },
        body: new Uint8Array(file),
      },
    )
    return { status: res.status, body: (await res.json()) as any }
  }

  it('previews, writes nothing on a dry run, then writes it all in one go; the same file again changes nothing', async () => {
    const file = await rosterFile(SMALL_COMMUNITY)
    const before = dumpDb(h.app.store.db, ['sessions', 'idempotency'])
    const dry = await upload(file, false)
    expect(dry.status).toBe(200)
    expect(dry.body.data).toMatchObject({ committed: false, errors: [] })
    expect(dry.body.data.counts.find((c: { sheet: string }) => c.sheet === '居民')).toEqual({
      sheet: '居民',
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
    })
    expect(dumpDb(h.app.store.db, ['sessions', 'idempotency'])).toBe(before)

    const done = await upload(file, true)
    expect(done.body.data).toMatchObject({ committed: true, errors: [] })
    // the admin who set the server up is the 周主任 of the sheet: one person, not two
    const people = h.app.store.db.prepare('SELECT name, roles FROM users ORDER BY name').all()
    expect(people).toHaveLength(7)
    expect(people).toContainEqual({ name: '周主任', roles: '["admin","staff"]' })
    expect(people).toContainEqual({ name: '吴网格', roles: '["staff","grid_worker"]' })
    expect(h.app.store.db.prepare('SELECT name FROM communities').all()).toEqual([{ name: '幸福里社区' }])
    const places = await h.ok(
      h.app.store.db.prepare("SELECT id FROM users WHERE name = '周主任'").pluck().get() as string,
      'accounts',
      'places',
      {},
    )
    expect(places.grids.map((g) => [g.name, g.buildings.map((b) => b.name)])).toEqual([
      ['东区网格', ['东1栋', '东2栋']],
      ['西区网格', ['西1栋']],
    ])

    const written = dumpDb(h.app.store.db, ['sessions', 'idempotency'])
    const again = await upload(file, true)
    expect(again.body.data.counts.every((c: { created: number; updated: number }) => c.created + c.updated === 0)).toBe(true)
    expect(dumpDb(h.app.store.db, ['sessions', 'idempotency'])).toBe(written)
  })

  it('writes nothing at all when one row is wrong, and says which', async () => {
    const sheets = copy()
    sheets.党员[2][1] = '137000000'
    const before = dumpDb(h.app.store.db, ['sessions', 'idempotency'])
    const res = await upload(await rosterFile(sheets), true)
    expect(res.body.data).toMatchObject({ committed: false, errors: [{ sheet: '党员', row: 3, column: '手机号' }] })
    expect(dumpDb(h.app.store.db, ['sessions', 'idempotency'])).toBe(before)
  })

  it('refuses a file that is not a workbook, and anyone but an admin', async () => {
    const bad = await upload(Buffer.from('not a workbook'), false)
    expect([bad.status, bad.body.error.field]).toEqual([400, 'body'])
    expect((await upload(await rosterFile(SMALL_COMMUNITY), false, 'x'.repeat(43))).status).toBe(401)
  })
})
