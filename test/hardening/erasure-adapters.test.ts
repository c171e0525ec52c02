// Account deletion where the adapters differ: sign-in (local sessions; WeChat identities on CloudBase)
// and stored photos (the local files table and folder; cloud storage). The generic parts run in the
// repository contract on both adapters (test/contract/repos.contract.ts, "account deletion").
import { existsSync } from 'node:fs'
import { cloudFiles } from '../../cloudfunctions/adapters/wechat/files'
import { cloudHarnessForFile, ENV_ID } from '../cloud/harness'
import { nodeSdk } from '../emulator/helpers'
import { openHarness, openHttpHarness } from '../helpers/local'

// real HTTP on a busy 2-core machine: generous per-test time
jest.setTimeout(60_000)

describe('local mode', () => {
  it("deleteMe ends every session of the person, and nobody else's", async () => {
    const h = await openHttpHarness()
    try {
      const signIn = async (userId: string) => (await h.post('auth/demo-login', { userId })).body.data.token as string
      const mine = [await signIn('u_wangxl'), await signIn('u_wangxl')]
      const theirs = await signIn('u_lijg')
      const me = (token: string) => h.post('accounts', { action: 'me' }, token)
      const deleted = await h.post('accounts', { action: 'deleteMe', input: { confirm: true }, requestId: 'req-delete-0001' }, mine[0])
      expect(deleted.body).toMatchObject({ ok: true, data: { deleted: true } })
      for (const token of mine) expect((await me(token)).status).toBe(401)
      expect((await me(theirs)).body).toMatchObject({ ok: true, data: { id: 'u_lijg' } })
    } finally {
      h.close()
    }
  })

  it('removeAllOf deletes every upload of the owner — rows and bytes — and only theirs', async () => {
    const h = await openHarness()
    try {
      const mine = [await h.upload('u_wangxl'), await h.upload('u_wangxl')]
      const theirs = await h.upload('u_lijg')
      await h.app.files.removeAllOf('u_wangxl', [theirs])
      for (const id of mine) expect(h.app.files.locate(id)).toBeNull()
      const kept = h.app.files.locate(theirs)
      expect(kept && existsSync(kept.file)).toBe(true)
    } finally {
      h.close()
    }
  })
})

describe('CloudBase (the emulator, through the real SDKs)', () => {
  const harness = cloudHarnessForFile()

  it('deleteMe removes the WeChat identity: the next call from that OPENID is not a user any more', async () => {
    const h = harness()
    h.openId = 'openid-u_m1'
    const call = (action: string, input: unknown) => h.handle('accounts', { action, input, requestId: `req-${action}-0001` })
    expect(await call('me', {})).toMatchObject({ ok: true, data: { id: 'u_m1' } })
    const res = await call('deleteMe', { confirm: true })
    expect(res).toMatchObject({ ok: true, data: { deleted: true } })
    expect(await h.app.store.read((r) => r.identity.userForOpenId('openid-u_m1'))).toBeNull()
    expect(await h.app.store.read((r) => r.identity.userForOpenId('openid-u_m2'))).toBe('u_m2')
    expect(await call('me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const user = await h.app.store.read((r) => r.users.get('u_m1'))
    expect(user).toMatchObject({ name: '已注销用户', phone: null, room: null, roles: [], member: null })
  })

  it("removeAllOf deletes the owner's files of this environment only, in batches", async () => {
    const h = harness()
    const app = nodeSdk(h.emu)
    const files = cloudFiles({
      envId: ENV_ID,
      getTempFileURL: () => (req) => app.getTempFileURL(req),
      deleteFile: () => (req) => app.deleteFile(req),
    })
    const own = await Promise.all(Array.from({ length: 60 }, (_, i) => h.upload('u_res', `p${i}.jpg`)))
    const theirs = await h.upload('u_m1', 'x.jpg')
    const others = [theirs, own[0].replace(ENV_ID, 'other-env'), 'f_local']
    await h.emu.control.resetStats()
    await files.removeAllOf('u_res', [...own, ...others, own[0]])
    expect((await h.emu.control.stats()).requests['storage.batchDeleteFile']).toBe(2) // 50, then 10
    expect((await h.emu.control.files()).map((f) => f.fileID)).toEqual([theirs])
  })
})
