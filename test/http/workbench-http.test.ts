// The workbench over the real gateway: an export downloads as an XLSX attachment with its Chinese name,
// lapses to 404, and public pages answer without a token while everything else still needs one.
import { Workbook } from 'exceljs'
import { type HttpHarness, openHttpHarness, rid } from '../helpers/local'

let h: HttpHarness
beforeEach(async () => {
  h = await openHttpHarness()
})
afterEach(() => h.close())

describe('exports over HTTP', () => {
  it('downloads the workbook as an attachment named in Chinese', async () => {
    const token = await h.token('u_linx')
    const res = await h.post(
      'workbench',
      { action: 'exportLedger', input: { memberId: 'u_zhouzq', from: '2026-01-01', to: '2026-12-31' } },
      token,
    )
    expect(res.status).toBe(200)
    const { url, name } = res.body.data
    expect(name).toBe('工作台账-周志强-2026-01-01至2026-12-31.xlsx')
    const file = await fetch(`${h.url}${url}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`)
    const wb = new Workbook()
    await wb.xlsx.load(await file.arrayBuffer())
    expect(wb.getWorksheet('汇总')?.getRow(2).getCell(1).value).toBe('周志强')

    // no signature, no file: whatever the path names
    expect((await fetch(`${h.url}/exports/x_nothing`)).status).toBe(403)
    expect((await fetch(`${h.url}/exports/..%2f..%2fredgrid.db`)).status).toBe(403)
    const signed = h.app.signer.sign('/exports/x_nothing', 60_000)
    expect((await fetch(`${h.url}${signed}`)).status).toBe(404)
  })
})

describe('public pages', () => {
  it('answer without a token; the rest still need one', async () => {
    const page = await h.post('workbench', { action: 'showcase', input: { gridId: 'g_hx2' } })
    expect([page.status, page.body.data?.gridName]).toEqual([200, '第二网格'])
    const places = await h.post('accounts', { action: 'places', input: { communityId: 'c_hongxing' } })
    expect(places.body.data.grids).toHaveLength(3)
    expect((await h.post('workbench', { action: 'dashboard', input: { from: '2026-01-01', to: '2026-01-31' } })).status).toBe(401)
    expect(
      (
        await h.post('accounts', {
          action: 'registerResident',
          requestId: rid(),
          input: { name: '陈明', phone: '13912345678', buildingId: 'b_hx1', unit: '1', room: '101' },
        })
      ).status,
    ).toBe(401)
  })
})
