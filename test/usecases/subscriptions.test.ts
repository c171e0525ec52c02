// 订阅消息 grants (accounts.subscribe) and the grant rules the notifier uses, against the real SQLite
// adapter through the edge; the notifier itself runs against the emulator's open API in
// test/cloud/subscribe-messages.test.ts.
import { SUBSCRIBE_TEMPLATES, TEMPLATE_KEYS, parseTemplateIds, templateOf } from '@shared/subscribe'
import { NOTICE_KINDS } from '@shared/inbox'
import { dropGrants, returnGrant, useGrant } from '../../cloudfunctions/core/usecases/accounts/subscribe'
import { type Harness, openHarness } from '../helpers/local'

const RESIDENT = 'u_wangxl'
const MEMBER = 'u_zhouzq'

let h: Harness
beforeEach(async () => {
  h = await openHarness()
})
afterEach(() => h.close())

const left = async (userId: string) =>
  Object.fromEntries((await h.ok(userId, 'accounts', 'exportMyData', {})).subscriptions.map((s) => [s.template, s.left]))

describe('the templates, declared once', () => {
  it('puts every notice on at most one template, and names each template’s fields', () => {
    const carried = TEMPLATE_KEYS.flatMap((t) => SUBSCRIBE_TEMPLATES[t].notices)
    expect(new Set(carried).size).toBe(carried.length)
    for (const kind of carried) expect(NOTICE_KINDS).toContain(kind)
    expect(templateOf('order_claimed')).toBe('order_progress')
    expect(templateOf('order_assigned')).toBe('new_task')
    expect(templateOf('pickup_reminder')).toBe('pickup_reminder')
    // staff hear of escalations in the app only
    expect(templateOf('order_escalated')).toBeNull()
    for (const t of TEMPLATE_KEYS) expect(Object.keys(SUBSCRIBE_TEMPLATES[t].fields).length).toBeGreaterThan(0)
  })

  it('reads the ids from the one setting, dropping what is not a template or an id, refusing what is not JSON', () => {
    expect(parseTemplateIds(undefined)).toEqual({})
    expect(parseTemplateIds('  ')).toEqual({})
    expect(parseTemplateIds('{"order_progress":"AbC-12_x","nope":"x","new_task":"has space","task_reminder":7}')).toEqual({
      order_progress: 'AbC-12_x',
    })
    expect(() => parseTemplateIds('order_progress=abc')).toThrow()
    expect(() => parseTemplateIds('["abc"]')).toThrow()
  })
})

describe('accounts.subscribe', () => {
  it('records one more message per template accepted, per person', async () => {
    expect(await h.ok(RESIDENT, 'accounts', 'subscribe', { accepted: ['order_progress'] })).toEqual({
      items: [{ template: 'order_progress', name: '进度通知', left: 1 }],
    })
    await h.ok(RESIDENT, 'accounts', 'subscribe', { accepted: ['order_progress', 'pickup_reminder'] })
    expect(await left(RESIDENT)).toEqual({ order_progress: 2, pickup_reminder: 1 })
    expect(await left(MEMBER)).toEqual({})
  })

  it('runs once per requestId, and refuses templates that are not declared or named twice', async () => {
    await h.ok(MEMBER, 'accounts', 'subscribe', { accepted: ['new_task', 'task_reminder'] }, 'req-sub-once-1')
    await h.ok(MEMBER, 'accounts', 'subscribe', { accepted: ['new_task', 'task_reminder'] }, 'req-sub-once-1')
    expect(await left(MEMBER)).toEqual({ new_task: 1, task_reminder: 1 })
    const unknown = await h.raw(MEMBER, 'accounts', 'subscribe', { accepted: ['TPL-xyz'] })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'accepted.0' } })
    const twice = await h.raw(MEMBER, 'accounts', 'subscribe', { accepted: ['new_task', 'new_task'] })
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'accepted' } })
    expect(await h.raw(MEMBER, 'accounts', 'subscribe', { accepted: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await h.raw(null, 'accounts', 'subscribe', { accepted: ['new_task'] })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('goes with the account: exported with the rest, and deleted with it', async () => {
    await h.ok(RESIDENT, 'accounts', 'subscribe', { accepted: ['order_progress'] })
    expect((await h.ok(RESIDENT, 'accounts', 'exportMyData', {})).subscriptions).toEqual([
      { template: 'order_progress', name: '进度通知', left: 1 },
    ])
    await h.ok(RESIDENT, 'accounts', 'deleteMe', { confirm: true })
    expect(await h.app.store.read((r) => r.subscriptions.grantsOf(RESIDENT))).toEqual([])
  })
})

describe('the grants the notifier uses', () => {
  const write = <T>(fn: Parameters<typeof h.app.store.write<T>>[0]) => h.app.store.write(fn)

  it('uses one per message, and says when none is left', async () => {
    await h.ok(RESIDENT, 'accounts', 'subscribe', { accepted: ['order_progress'] })
    await h.ok(RESIDENT, 'accounts', 'subscribe', { accepted: ['order_progress'] })
    expect(await write((r) => useGrant(r, RESIDENT, 'order_progress', 5))).toBe(true)
    expect(await write((r) => useGrant(r, RESIDENT, 'order_progress', 6))).toBe(true)
    expect(await write((r) => useGrant(r, RESIDENT, 'order_progress', 7))).toBe(false)
    expect(await write((r) => useGrant(r, MEMBER, 'new_task', 7))).toBe(false)
    expect(await left(RESIDENT)).toEqual({ order_progress: 0 })
  })

  it('gives one back after a failed send, and drops them all when WeChat says none is left (43101)', async () => {
    await h.ok(MEMBER, 'accounts', 'subscribe', { accepted: ['new_task'] })
    await write((r) => returnGrant(r, MEMBER, 'new_task', 5))
    expect(await left(MEMBER)).toEqual({ new_task: 2 })
    await write((r) => dropGrants(r, MEMBER, 'new_task', 6))
    expect(await left(MEMBER)).toEqual({ new_task: 0 })
    await write((r) => returnGrant(r, MEMBER, 'task_reminder', 7))
    expect(await left(MEMBER)).toEqual({ new_task: 0, task_reminder: 1 })
  })
})
