// Identity in the cloud: the OPENID comes from the platform, maps to a user through `identities`,
// and nothing in the event can stand in for it. Calls without an OPENID may only run the scheduler.
import { cloudHarnessForFile } from './harness'

const harness = cloudHarnessForFile()

const call = (fn: string, action: string, input: unknown = {}, extra: Record<string, unknown> = {}) =>
  harness().handle(fn, { action, input, requestId: `req-${Math.random().toString(36).slice(2, 12)}`, ...extra })

describe('a caller with an OPENID', () => {
  it('acts as the user the OPENID is registered to', async () => {
    const h = harness()
    h.openId = 'openid-u_res'
    expect(await call('accounts', 'me')).toMatchObject({ ok: true, data: { id: 'u_res', name: '王秀兰', communityName: '红星社区' } })
    h.openId = 'openid-u_staff'
    expect(await call('accounts', 'me')).toMatchObject({ ok: true, data: { id: 'u_staff' } })
  })

  it('is sent to registration when the OPENID is not registered', async () => {
    harness().openId = 'openid-stranger'
    expect(await call('accounts', 'me')).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '你还没有注册红网邻里，请先完成注册' },
    })
  })

  it('is never identified by the event: userInfo, openid or userId in the payload are ignored', async () => {
    const h = harness()
    h.openId = 'openid-u_res'
    const forged = await call('accounts', 'me', {}, { userInfo: { openId: 'openid-u_staff' }, openid: 'openid-u_staff', userId: 'u_staff' })
    expect(forged).toMatchObject({ ok: true, data: { id: 'u_res' } })
    h.openId = null
    expect(await call('accounts', 'me', {}, { userInfo: { openId: 'openid-u_res' } })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('gets the roles of the database, not of the request', async () => {
    harness().openId = 'openid-u_res'
    expect(await call('accounts', 'listMembers', {}, { roles: ['staff'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('may not run the scheduler', async () => {
    expect(await harness().scheduler({ Type: 'Timer', TriggerName: 'tick' }, 'openid-u_staff')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '定时任务只能由系统定时触发' },
    })
  })

  it('runs a whole write through the CloudBase adapter, idempotent by requestId', async () => {
    const h = harness()
    h.openId = 'openid-u_res'
    const input = {
      kind: 'hazard',
      category: 'environment',
      title: '楼道灯坏了',
      description: '三楼楼道灯不亮',
      photos: [await h.upload('u_res')],
    }
    const first = await h.handle('orders', { action: 'create', input, requestId: 'req-create-1' })
    expect(first).toMatchObject({
      ok: true,
      data: { status: 'submitted', urgency: 'urgent', timeline: [{ action: 'create', to: 'submitted' }] },
    })
    const again = await h.handle('orders', { action: 'create', input, requestId: 'req-create-1' })
    // the same answer; its photo links are signed anew (a repeat reads the order again), so their
    // signature and time may differ by the second that passed
    const unsigned = (answer: unknown) => JSON.parse(JSON.stringify(answer).replace(/\?sign=[^"]*/g, ''))
    expect(unsigned(again)).toEqual(unsigned(first))
    expect(await h.docs('orders')).toHaveLength(1)
    // the content check ran as the caller, on the caller's OPENID
    const checks = await h.emu.control.openApiCalls('security.msgSecCheck')
    expect(checks.map((c) => c.params)).toContainEqual(
      expect.objectContaining({ version: 2, openid: 'openid-u_res', content: '楼道灯坏了' }),
    )
  })
})

describe('a call without an OPENID (timer, another function)', () => {
  it.each(['accounts', 'orders', 'points', 'mall', 'activities'])('is refused by %s', async (fn) => {
    expect(await call(fn, 'list')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信小程序中打开红网邻里' } })
  })

  it('enrols nobody: a 居民登记 without an OPENID creates no person and binds nothing', async () => {
    const h = harness()
    const [users, identities] = [(await h.docs('users')).length, (await h.docs('identities')).length]
    const input = { name: '陈明', phone: '13912345678', buildingId: 'b_1', unit: '2', room: '301' }
    expect(await call('accounts', 'registerResident', input)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await h.docs('users')).toHaveLength(users)
    expect(await h.docs('identities')).toHaveLength(identities)
  })

  it('runs the scheduler tick', async () => {
    const res = await harness().scheduler({ Type: 'Timer', TriggerName: 'tick', Time: '2025-01-01T00:00:00Z' })
    expect(res).toMatchObject({ ok: true, data: { autoConfirmed: 0 } })
  })

  it('auto-confirms an order left completed for 72 hours, once', async () => {
    const h = harness()
    const old = Date.now() - 73 * 3600 * 1000
    await h.db
      .collection('orders')
      .doc('o_done')
      .set({
        communityId: 'c_one',
        residentId: 'u_res',
        kind: 'service',
        category: 'care',
        title: '代买菜',
        description: '买菜',
        urgency: 'normal',
        photos: [],
        preferredTime: null,
        status: 'completed',
        points: 10,
        assigneeId: null,
        claimerId: 'u_m1',
        gridId: 'g_1',
        buildingId: 'b_1',
        summary: '已送到',
        completionPhotos: [],
        rating: null,
        comment: null,
        rejectReason: null,
        releaseCount: 0,
        disputeCount: 0,
        awardedPoints: null,
        level: 'grid',
        escalations: [],
        dueAt: old + 72 * 3600 * 1000,
        createdAt: old,
        updatedAt: old,
        version: 4,
      })
    expect(await h.scheduler({})).toMatchObject({ ok: true, data: { autoConfirmed: 1 } })
    expect(await h.scheduler({})).toMatchObject({ ok: true, data: { autoConfirmed: 0 } })
    expect(await h.doc('orders', 'o_done')).toMatchObject({ status: 'closed', version: 5 })
    expect(await h.doc('point_accounts', 'u_m1')).toMatchObject({ balance: 10 })
    expect(await h.doc('ledger', 'order:o_done:award')).toMatchObject({ delta: 10, memberId: 'u_m1' })
  })
})

it('answers NOT_FOUND for a function that does not exist', async () => {
  expect(await harness().handle('nope', { action: 'x' }, 'openid-u_res')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})
