// 订阅消息 as a deployed function sends them: compose-cloud on the real node-sdk and wx-server-sdk, its
// open API the emulator's, where a test scripts what WeChat holds for each person (grantSubscription,
// else 43101) and reads every message sent. The app's own record of grants (accounts.subscribe) decides
// whether to send at all; WeChat's answer corrects it.
import { cloudHarnessForFile } from './harness'

const IDS = { order_progress: 'TPL_PROGRESS', new_task: 'TPL_NEW_TASK', task_reminder: 'TPL_TASK', pickup_reminder: 'TPL_PICKUP' }
const h = cloudHarnessForFile({ env: { REDGRID_SUBSCRIBE_TEMPLATES: JSON.stringify(IDS) } })

let seq = 0
async function ok(userId: string, fn: string, action: string, input: unknown = {}): Promise<any> {
  const res = await h().handle(fn, { action, input, requestId: `req-sub-${++seq}` }, `openid-${userId}`)
  if (!res.ok) throw new Error(`${fn}.${action} as ${userId}: ${JSON.stringify(res.error)}`)
  return res.data
}

/** 王秀兰's order, dispatched by 林晓 (notice: 工单已派单). */
async function dispatched(review: Record<string, unknown> = {}) {
  const o = await ok('u_res', 'orders', 'create', {
    kind: 'service',
    category: 'care',
    title: '帮老人取药',
    description: '三楼王奶奶需要取药',
  })
  await ok('u_staff', 'orders', 'review', { orderId: o.id, decision: 'dispatch', points: 10, ...review })
  return o.id as string
}

const sent = async () =>
  (await h().emu.control.openApiCalls('subscribeMessage.send')).map((c) => ({
    to: c.params.touser,
    template: c.params.template_id,
    errcode: c.response.errcode,
  }))
const grants = async (userId: string) =>
  Object.fromEntries((await ok(userId, 'accounts', 'exportMyData')).subscriptions.map((s: any) => [s.template, s.left]))
const failures = () => h().logs.filter(([message]) => message === 'subscribe message failed')

it('sends where the person granted one, uses it, and keeps the next notice in the inbox only', async () => {
  // 王秀兰 taps 提交 and accepts 进度通知: WeChat and the app each count one
  await ok('u_res', 'accounts', 'subscribe', { accepted: ['order_progress'] })
  await h().emu.control.grantSubscription('openid-u_res', 'TPL_PROGRESS', 1)
  const orderId = await dispatched()
  // 社区已下单 is news on the way: it waits in the inbox and leaves the grant for the claim
  expect(await sent()).toEqual([])
  await ok('u_m1', 'orders', 'claim', { orderId })

  expect(await sent()).toEqual([{ to: 'openid-u_res', template: 'TPL_PROGRESS', errcode: 0 }])
  const [message] = await h().emu.control.openApiCalls('subscribeMessage.send')
  expect(message.params).toMatchObject({
    page: `resident/order-detail/index?id=${orderId}`,
    // thing fields hold 20 characters: a longer text is cut with …
    data: { thing1: { value: '已有党员接单' }, thing2: { value: expect.stringMatching(/^.{1,19}…?$/) } },
    lang: 'zh_CN',
  })
  expect(await grants('u_res')).toEqual({ order_progress: 0 })
  const inbox = await ok('u_res', 'accounts', 'inbox')
  expect(inbox.items.map((n: any) => n.kind)).toEqual(['order_claimed', 'order_dispatched'])
  expect(failures()).toEqual([])
})

it('43101 (WeChat holds none after all) ends the grants and is no error for anyone', async () => {
  await ok('u_res', 'accounts', 'subscribe', { accepted: ['order_progress'] })
  await ok('u_res', 'accounts', 'subscribe', { accepted: ['order_progress'] })
  // WeChat's side holds nothing: the person switched 订阅消息 off in the settings meanwhile
  const orderId = await dispatched()
  await ok('u_m1', 'orders', 'claim', { orderId })
  expect(await sent()).toEqual([{ to: 'openid-u_res', template: 'TPL_PROGRESS', errcode: 43101 }])
  expect(await grants('u_res')).toEqual({ order_progress: 0 })
  // the member lets it go: that news has no grant left to go out on
  await ok('u_m1', 'orders', 'release', { orderId, reason: '临时有事去不了' })
  expect(await sent()).toHaveLength(1)
  expect(failures()).toEqual([])
})

it('never sends to a person who gave no grant, even when WeChat would take it', async () => {
  await h().emu.control.grantSubscription('openid-u_res', 'TPL_PROGRESS', 5)
  const orderId = await dispatched()
  await ok('u_m1', 'orders', 'claim', { orderId })
  expect(await sent()).toEqual([])
})

it('another failure gives the grant back, is logged, and the use case still succeeds', async () => {
  await ok('u_res', 'accounts', 'subscribe', { accepted: ['order_progress'] })
  await h().emu.control.failOpenApi({ api: 'subscribeMessage.send', errcode: -1, errmsg: 'system busy' })
  await ok('u_m1', 'orders', 'claim', { orderId: await dispatched() })
  expect(await sent()).toEqual([{ to: 'openid-u_res', template: 'TPL_PROGRESS', errcode: -1 }])
  expect(await grants('u_res')).toEqual({ order_progress: 1 })
  expect(failures()).toHaveLength(1)
})

it('a member’s 接单: 新任务 for an order directed to them, 办理提醒 when the resident disputes', async () => {
  await ok('u_m1', 'accounts', 'subscribe', { accepted: ['new_task', 'task_reminder'] })
  await h().emu.control.grantSubscription('openid-u_m1', '*', 2)
  const orderId = await dispatched({ assigneeId: 'u_m1' })
  await ok('u_m1', 'orders', 'claim', { orderId })
  await ok('u_m1', 'orders', 'complete', { orderId, summary: '已帮王奶奶取回药品并送到家中', photos: [await h().upload('u_m1')] })
  await ok('u_res', 'orders', 'dispute', { orderId, reason: '少拿了一盒药' })
  expect((await sent()).filter((m) => m.to === 'openid-u_m1')).toEqual([
    { to: 'openid-u_m1', template: 'TPL_NEW_TASK', errcode: 0 },
    { to: 'openid-u_m1', template: 'TPL_TASK', errcode: 0 },
  ])
  expect(await grants('u_m1')).toEqual({ new_task: 0, task_reminder: 0 })
})
