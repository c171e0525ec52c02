// The workbench in the cloud composition: first contact (an OPENID with nobody behind it may read a
// community's places and submit 居民登记, which creates the person), public pages without an OPENID,
// and exports uploaded to storage and handed out as a temporary URL.
import { Workbook } from 'exceljs'
import { cloudHarnessForFile, duringNextTransaction } from './harness'

const harness = cloudHarnessForFile()

let n = 0
const call = (fn: string, action: string, input: unknown = {}) =>
  harness().handle(fn, { action, input, requestId: `req-wb-${++n}-${Date.now()}` })
const REGISTER = { name: '陈明', phone: '13912345678', buildingId: 'b_1', unit: '2', room: '301' }
const count = async (collection: string) => (await harness().docs(collection)).length

describe('first contact in WeChat', () => {
  it('lets an unregistered OPENID read places and submit 居民登记, creating and binding the person', async () => {
    const h = harness()
    h.openId = 'openid-newcomer'
    expect(await call('accounts', 'me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await call('accounts', 'places', { communityId: 'c_one' })).toMatchObject({ ok: true, data: { communityName: '红星社区' } })
    const users = await count('users')

    // refused input creates nobody
    expect(await call('accounts', 'registerResident', { ...REGISTER, phone: '123' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'phone' },
    })
    expect(await call('accounts', 'registerResident', { ...REGISTER, buildingId: 'b_nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'buildingId' },
    })
    expect(await count('users')).toBe(users)
    // nor does any other action
    expect(
      await call('accounts', 'registerMember', { workUnit: '市财政局', branch: '第二党支部', posts: ['care'], gridId: 'g_1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })

    const submitted = await call('accounts', 'registerResident', REGISTER)
    expect(submitted).toMatchObject({ ok: true, data: { status: 'pending', name: '陈明', address: '1号楼 2单元 301' } })
    expect(await count('users')).toBe(users + 1)
    const me = await call('accounts', 'me')
    expect(me).toMatchObject({ ok: true, data: { name: '陈明', roles: [], communityName: '红星社区' } })
    const userId = (me as any).data.id

    h.openId = 'openid-u_staff'
    expect(await call('accounts', 'approveResident', { userId, approve: true })).toMatchObject({ ok: true, data: { status: 'approved' } })
    h.openId = 'openid-newcomer'
    expect(await call('accounts', 'me')).toMatchObject({ ok: true, data: { roles: ['resident'], address: '1号楼 2单元 301' } })
    // a second registration finds the person already bound
    expect(await call('accounts', 'registerResident', REGISTER)).toMatchObject({ ok: true, data: { status: 'pending' } })
    expect(await count('users')).toBe(users + 1)
  })

  it('enrols nobody for a registration without a request id', async () => {
    const h = harness()
    const users = await count('users')
    const res = await h.handle('accounts', { action: 'registerResident', input: REGISTER }, 'openid-newcomer')
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'requestId' } })
    expect(await count('users')).toBe(users)
    expect(await h.doc('identities', 'openid-newcomer')).toBeNull()
  })

  it('enrols one person when two first calls from one OPENID race', async () => {
    harness().openId = 'openid-newcomer'
    const users = await count('users')
    const both = await Promise.all([call('accounts', 'registerResident', REGISTER), call('accounts', 'registerResident', REGISTER)])
    expect(both.filter((r) => r.ok)).not.toHaveLength(0)
    expect(await count('users')).toBe(users + 1)
    const me = await call('accounts', 'me')
    expect(await harness().doc('identities', 'openid-newcomer')).toMatchObject({ userId: (me as any).data.id })
  })

  it('carries on as the person bound first when another first call binds the OPENID inside this one’s transaction', async () => {
    const h = harness()
    h.openId = 'openid-newcomer'
    const users = await count('users')
    const res = await duringNextTransaction(
      h.emu,
      () => call('accounts', 'registerResident', REGISTER),
      () => h.emu.control.seed('identities', [{ _id: 'openid-newcomer', userId: 'u_m1' }]),
    )
    expect(res).toMatchObject({ ok: true, data: { userId: 'u_m1', status: 'pending' } })
    expect(await count('users')).toBe(users)
    // the enrolment lost the race on the binding, and the SDK's retry found it bound
    expect((await h.emu.control.stats()).transactions.conflicts).toBeGreaterThan(0)
  })

  it('opens public pages without any OPENID (the web, a shared link)', async () => {
    expect(await call('workbench', 'showcase', { gridId: 'g_1' })).toMatchObject({
      ok: true,
      data: { gridName: '第一网格', cards: [], services: [] },
    })
    expect(await call('points', 'branchForm', { token: 'A'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('workbench', 'dashboard', { from: '2030-01-01', to: '2030-01-31' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})

describe('exports in the cloud', () => {
  it('uploads the workbook under exports/<user>/ and answers with a temporary URL', async () => {
    const h = harness()
    h.openId = 'openid-u_staff'
    const res = await h.handle('workbench', { action: 'exportLedger', input: { from: '2030-01-01', to: '2030-12-31' } })
    expect(res).toMatchObject({
      ok: true,
      data: {
        name: '工作台账-全体党员-2030-01-01至2030-12-31.xlsx',
        url: expect.stringMatching(new RegExp(`^${h.emu.url}/__cos/[^/]+/exports/u_staff/x_[^/]+\\.xlsx\\?sign=`)),
      },
    })
    const stored = await h.emu.control.files()
    expect(stored.map((f) => f.cloudPath)).toEqual([expect.stringMatching(/^exports\/u_staff\/x_[A-Za-z0-9_-]+\.xlsx$/)])
    // the temporary URL serves the workbook itself
    const bytes = Buffer.from(await (await fetch((res as any).data.url)).arrayBuffer())
    const wb = new Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '服务工单', '志愿活动', '结对帮扶', '积分明细', '网格员台账'])
    expect(wb.getWorksheet('汇总')?.rowCount).toBe(1 + 3) // the three members of c_one

    // WeChat's getPhoneNumber code, exchanged on the server
    await h.emu.control.phoneCode('code-123456', '13912345678')
    expect(await h.handle('accounts', { action: 'verifyPhone', input: { code: 'code-123456' } })).toEqual({
      ok: true,
      data: { phone: '13912345678' },
    })
  })

  it('refuses exports when storage is not wired', async () => {
    const app = harness().compose({ uploadFile: undefined })
    const res = await app.handle('workbench', { action: 'exportEvaluation', input: { year: 2030 } }, harness().context('openid-u_staff'))
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
