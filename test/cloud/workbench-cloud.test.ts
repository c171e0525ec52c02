// The workbench in the cloud composition: first contact (an OPENID with nobody behind it may read a
// community's places and submit 居民登记, which creates the person), public pages without an OPENID,
// and exports uploaded to storage and handed out as a temporary URL.
import { Workbook } from 'exceljs'
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import type { OpenApiCall, WxOpenApi } from '../../cloudfunctions/adapters/wechat/openapi'
import { type CloudPlatform, composeCloud } from '../../cloudfunctions/compose-cloud'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { FIXTURES } from '../contract/repos.contract'
import { type CloudHarness, cloudHarness } from './harness'
import { FakeCloudbase } from './fake-cloudbase'

let h: CloudHarness
beforeEach(async () => {
  h = await cloudHarness()
})

let n = 0
const call = (fn: string, action: string, input: unknown = {}) =>
  h.app.handle(fn, { action, input, requestId: `req-wb-${++n}-${Date.now()}` }, {})
const REGISTER = { name: '陈明', phone: '13912345678', buildingId: 'b_1', unit: '2', room: '301' }

describe('first contact in WeChat', () => {
  it('lets an unregistered OPENID read places and submit 居民登记, creating and binding the person', async () => {
    h.openId = 'openid-newcomer'
    expect(await call('accounts', 'me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await call('accounts', 'places', { communityId: 'c_one' })).toMatchObject({ ok: true, data: { communityName: '红星社区' } })
    const users = h.db.docs('users').length

    // refused input creates nobody
    expect(await call('accounts', 'registerResident', { ...REGISTER, phone: '123' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'phone' },
    })
    expect(await call('accounts', 'registerResident', { ...REGISTER, buildingId: 'b_nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'buildingId' },
    })
    expect(h.db.docs('users')).toHaveLength(users)
    // nor does any other action
    expect(
      await call('accounts', 'registerMember', { workUnit: '市财政局', branch: '第二党支部', posts: ['care'], gridId: 'g_1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })

    const submitted = await call('accounts', 'registerResident', REGISTER)
    expect(submitted).toMatchObject({ ok: true, data: { status: 'pending', name: '陈明', address: '1号楼 2单元 301' } })
    expect(h.db.docs('users')).toHaveLength(users + 1)
    const me = await call('accounts', 'me')
    expect(me).toMatchObject({ ok: true, data: { name: '陈明', roles: [], communityName: '红星社区' } })
    const userId = (me as any).data.id

    h.openId = 'openid-u_staff'
    expect(await call('accounts', 'approveResident', { userId, approve: true })).toMatchObject({ ok: true, data: { status: 'approved' } })
    h.openId = 'openid-newcomer'
    expect(await call('accounts', 'me')).toMatchObject({ ok: true, data: { roles: ['resident'], address: '1号楼 2单元 301' } })
    // a second registration finds the person already bound
    expect(await call('accounts', 'registerResident', REGISTER)).toMatchObject({ ok: true, data: { status: 'pending' } })
    expect(h.db.docs('users')).toHaveLength(users + 1)
  })

  it('enrols nobody for a registration without a request id', async () => {
    h.openId = 'openid-newcomer'
    const users = h.db.docs('users').length
    const res = await h.app.handle('accounts', { action: 'registerResident', input: REGISTER }, {})
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'requestId' } })
    expect(h.db.docs('users')).toHaveLength(users)
    expect(h.db.docAt('identities', 'openid-newcomer')).toBeNull()
  })

  it('enrols one person when two first calls from one OPENID race', async () => {
    h.openId = 'openid-newcomer'
    const users = h.db.docs('users').length
    const both = await Promise.all([call('accounts', 'registerResident', REGISTER), call('accounts', 'registerResident', REGISTER)])
    expect(both.filter((r) => r.ok)).not.toHaveLength(0)
    expect(h.db.docs('users')).toHaveLength(users + 1)
    const me = await call('accounts', 'me')
    expect(h.db.docAt('identities', 'openid-newcomer')).toMatchObject({ userId: (me as any).data.id })
  })

  it('carries on as the person bound first when another first call binds the OPENID just before this one commits', async () => {
    h.openId = 'openid-newcomer'
    const users = h.db.docs('users').length
    h.db.beforeCommit = async () => {
      h.db.beforeCommit = undefined
      await h.db.collection('identities').add({ _id: 'openid-newcomer', userId: 'u_m1' })
    }
    expect(await call('accounts', 'registerResident', REGISTER)).toMatchObject({ ok: true, data: { userId: 'u_m1', status: 'pending' } })
    expect(h.db.docs('users')).toHaveLength(users)
  })

  it('opens public pages without any OPENID (the web, a shared link)', async () => {
    h.openId = null
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
    const db = new FakeCloudbase()
    const uploads: Array<{ cloudPath: string; fileContent: Buffer }> = []
    const unused: OpenApiCall = async () => {
      throw new Error('not expected')
    }
    const openApi: WxOpenApi = {
      security: { msgSecCheck: async () => ({ errCode: 0, result: { suggest: 'pass' } }), mediaCheckAsync: unused },
      subscribeMessage: { send: unused },
      phonenumber: { getPhoneNumber: async () => ({ errCode: 0, phoneInfo: { purePhoneNumber: '13912345678' } }) },
    }
    const platform: CloudPlatform = {
      db: () => db,
      openId: () => 'openid-u_staff',
      envId: () => 'env-1',
      getTempFileURL:
        () =>
        async ({ fileList }) => ({
          fileList: fileList.map(({ fileID }) => ({ fileID, tempFileURL: `https://tmp.example/${fileID}`, code: 'SUCCESS' })),
        }),
      uploadFile: () => async (req) => {
        uploads.push(req)
        return { fileID: `cloud://env-1.bucket/${req.cloudPath}` }
      },
      openApi: () => openApi,
      randomBytes: (k) => new Uint8Array(k).map(() => Math.floor(Math.random() * 256)),
      log: () => undefined,
    }
    const app = composeCloud(platform)
    await seedCloudbase(db, cloudbaseStore(db), FIXTURES)
    for (const u of FIXTURES.users) await db.collection('identities').doc(`openid-${u.id}`).set({ userId: u.id })

    const res = await app.handle('workbench', { action: 'exportLedger', input: { from: '2030-01-01', to: '2030-12-31' } }, {})
    expect(res).toMatchObject({
      ok: true,
      data: {
        name: '工作台账-全体党员-2030-01-01至2030-12-31.xlsx',
        url: expect.stringMatching(/^https:\/\/tmp\.example\/cloud:\/\/env-1\.bucket\/exports\/u_staff\/x_/),
      },
    })
    expect(uploads).toHaveLength(1)
    const wb = new Workbook()
    await wb.xlsx.load(uploads[0].fileContent as unknown as ArrayBuffer)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '服务工单', '志愿活动', '积分明细'])
    expect(wb.getWorksheet('汇总')?.rowCount).toBe(1 + 3) // the three members of c_one

    // WeChat's getPhoneNumber code, exchanged on the server
    expect(await app.handle('accounts', { action: 'verifyPhone', input: { code: 'code-123456' } }, {})).toEqual({
      ok: true,
      data: { phone: '13912345678' },
    })
  })

  it('refuses exports when storage is not wired', async () => {
    h.openId = 'openid-u_staff'
    expect(await call('workbench', 'exportEvaluation', { year: 2030 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
