// The app's cloud composition, unchanged, as functions on the emulator: the function entries of
// cloudfunctions/ (TypeScript sources, loaded into the emulator process as CloudBase loads index.js),
// their node-sdk and wx-server-sdk pointed at it by the environment, the caller's OPENID per call.
import path from 'node:path'
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { FIXTURES } from '../contract/repos.contract'
import { emulatorForFile, nodeSdk } from './helpers'

const templates = { order_progress: 'TPL_PROGRESS' }
const emulator = emulatorForFile({ env: { REDGRID_SUBSCRIBE_TEMPLATES: JSON.stringify(templates) } })
const ROOT = path.resolve(__dirname, '..', '..')

beforeAll(async () => {
  for (const fn of ['accounts', 'orders', 'scheduler'])
    await emulator().control.registerModule(fn, path.join(ROOT, 'cloudfunctions', fn, 'index.ts'))
})

beforeEach(async () => {
  await emulator().control.reset()
  const db = nodeSdk(emulator()).database()
  await seedCloudbase(db, cloudbaseStore(db), FIXTURES)
  for (const u of FIXTURES.users) await db.collection('identities').doc(`openid-${u.id}`).set({ userId: u.id })
})

let seq = 0
const call = (fn: string, openId: string | null, action: string, input: unknown = {}) =>
  emulator().control.invoke<any>(fn, { action, input, requestId: `req-emulator-${++seq}` }, { caller: openId ? { openId } : null })

it('identifies two concurrent callers each by their own OPENID', async () => {
  const [res, staff] = await Promise.all([call('accounts', 'openid-u_res', 'me'), call('accounts', 'openid-u_staff', 'me')])
  expect(res).toMatchObject({ ok: true, data: { id: 'u_res' } })
  expect(staff).toMatchObject({ ok: true, data: { id: 'u_staff' } })
  expect(await call('accounts', null, 'me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})

it('runs an order from creation (photo in storage, text checked) to a claim that sends one subscribe message', async () => {
  const control = emulator().control
  const photo = await control.putFile('uploads/u_res/a1b2c3.jpg', Buffer.from('jpeg'))
  await control.contentVerdict({ contains: '违禁', suggest: 'risky' })
  const input = { kind: 'service', category: 'care', title: '帮老人取药', description: '三楼王奶奶需要取药', photos: [photo] }
  expect(await call('orders', 'openid-u_res', 'create', { ...input, title: '违禁词' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  })
  const created = await call('orders', 'openid-u_res', 'create', input)
  expect(created).toMatchObject({ ok: true, data: { status: 'submitted' } })
  const orderId = created.data.id
  // the content check ran on the caller's OPENID
  expect((await control.openApiCalls('security.msgSecCheck')).at(-1)?.params).toMatchObject({ openid: 'openid-u_res', version: 2 })

  // she accepted 进度通知 twice as the app recorded it; WeChat holds one
  for (let i = 0; i < 2; i++) await call('accounts', 'openid-u_res', 'subscribe', { accepted: ['order_progress'] })
  await control.grantSubscription('openid-u_res', 'TPL_PROGRESS', 1)
  expect(await call('orders', 'openid-u_staff', 'review', { orderId, decision: 'dispatch', points: 10 })).toMatchObject({ ok: true })
  expect(await call('orders', 'openid-u_m1', 'claim', { orderId })).toMatchObject({ ok: true, data: { status: 'claimed' } })
  expect(await call('orders', 'openid-u_m1', 'release', { orderId, reason: '临时有事去不了' })).toMatchObject({ ok: true })

  const sent = await control.openApiCalls('subscribeMessage.send')
  // dispatched: inbox only; claimed: the one grant WeChat holds used; released: WeChat has none left
  // (43101, not an error for the app)
  expect(sent.map((c) => [c.params.template_id, c.response.errcode])).toEqual([
    ['TPL_PROGRESS', 0],
    ['TPL_PROGRESS', 43101],
  ])
  expect(sent[0].params).toMatchObject({ touser: 'openid-u_res', page: expect.stringContaining(orderId) })
})

it('runs the scheduler tick as a timer, and refuses it to a user', async () => {
  expect(await emulator().control.invoke('scheduler', {}, { trigger: 'timer' })).toMatchObject({ ok: true })
  expect(await emulator().control.invoke('scheduler', {}, { caller: { openId: 'openid-u_staff' } })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
})
