// WeChat open APIs through the real wx-server-sdk (`cloud.openapi`, pointed at the emulator the way a
// deployed function is: by environment variables), with scripted verdicts; then the app's WeChat
// adapters (content guard, notifier, phone numbers, media check) on top of it.
import { wechatContentGuard } from '../../cloudfunctions/adapters/wechat/content-guard'
import { parseMediaVerdict, wechatMediaCheck } from '../../cloudfunctions/adapters/wechat/media-check'
import { wechatNotifier } from '../../cloudfunctions/adapters/wechat/notifier'
import { type WxOpenApi, wxOpenApi } from '../../cloudfunctions/adapters/wechat/openapi'
import { wechatPhoneNumbers } from '../../cloudfunctions/adapters/wechat/phone'
import { emulatorForFile, rejection } from './helpers'

const emulator = emulatorForFile()
const saved = { ...process.env }
let openapi: WxOpenApi

beforeAll(() => {
  // what a deployed function has; wxOpenApi() then runs cloud.init({ env: DYNAMIC_CURRENT_ENV }) unchanged
  Object.assign(process.env, emulator().functionEnv())
  openapi = wxOpenApi()
})

afterAll(() => {
  process.env = saved
})

beforeEach(() => emulator().control.reset())

const actor = { userId: 'u_1' } as never

describe('security.msgSecCheck (v2)', () => {
  it('answers pass by default, and the scripted review and risky verdicts with errCode 0', async () => {
    const control = emulator().control
    await control.contentVerdict({ contains: '违禁', suggest: 'risky', label: 20001 })
    await control.contentVerdict({ openid: 'o_doubtful', suggest: 'review' })
    const check = (openid: string, content: string) => openapi.security.msgSecCheck({ version: 2, openid, scene: 3, content })

    const pass = await check('o_1', '帮老人取药')
    expect(pass).toMatchObject({ errCode: 0, result: { suggest: 'pass', label: 100 }, traceId: expect.any(String) })
    expect(await check('o_1', '这里有违禁内容')).toMatchObject({ errCode: 0, result: { suggest: 'risky', label: 20001 } })
    expect(await check('o_doubtful', '随便说说')).toMatchObject({ errCode: 0, result: { suggest: 'review' } })

    // the log holds what went over the wire: snake_case, as wx-server-sdk converts it
    const calls = await control.openApiCalls('security.msgSecCheck')
    expect(calls).toHaveLength(3)
    expect(calls[0].params).toEqual({ version: 2, openid: 'o_1', scene: 3, content: '帮老人取药' })
  })

  it('refuses content over 2,500 characters with an errCode', async () => {
    const e = await rejection(openapi.security.msgSecCheck({ version: 2, openid: 'o_1', scene: 3, content: 'a'.repeat(2501) }))
    expect(e.errCode).toBe(47001)
  })

  it('drives the app’s content guard: risky refused, review flagged, an outage refused', async () => {
    const flags: unknown[] = []
    const guard = wechatContentGuard({ msgSecCheck: () => openapi.security.msgSecCheck, openId: 'o_1', onFlag: (f) => flags.push(f) })
    await emulator().control.contentVerdict({ contains: '坏话', suggest: 'risky' })
    await emulator().control.contentVerdict({ contains: '可疑', suggest: 'review' })
    await guard.check('一切正常', 'title', actor)
    await expect(guard.check('说坏话', 'title', actor)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await guard.check('有点可疑', 'comment', actor)
    expect(flags).toEqual([expect.objectContaining({ field: 'comment', decision: 'flag' })])
    // scene follows the field: a comment is scene 2
    expect((await emulator().control.openApiCalls('security.msgSecCheck')).map((c) => c.params.scene)).toEqual([3, 3, 2])
    await emulator().control.failOpenApi({ api: 'security.msgSecCheck', errcode: -1 })
    await expect(guard.check('一切正常', 'title', actor)).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})

describe('subscribeMessage.send', () => {
  const send = () =>
    wechatNotifier({ send: () => openapi.subscribeMessage.send, templates: { claimed: 'TPL_CLAIMED' }, openIdOf: async (u) => `o_${u}` })

  it('sends to a user with a grant; 43101 for a user who never subscribed; one grant, one message', async () => {
    const control = emulator().control
    await control.grantSubscription('o_u1', 'TPL_CLAIMED', 1)
    const message = { template: 'claimed', page: 'pages/order/detail?id=o_1', data: { thing1: '帮老人取药', phrase2: '已接单' } }
    expect(await send().notify({ userId: 'u1', ...message })).toBe('sent')
    expect(await send().notify({ userId: 'u1', ...message })).toBe('no_subscription')
    expect(await send().notify({ userId: 'u2', ...message })).toBe('no_subscription')

    const calls = await control.openApiCalls('subscribeMessage.send')
    expect(calls.map((c) => [c.params.touser, c.response.errcode])).toEqual([
      ['o_u1', 0],
      ['o_u1', 43101],
      ['o_u2', 43101],
    ])
    expect(calls[0].params).toEqual({
      touser: 'o_u1',
      template_id: 'TPL_CLAIMED',
      page: 'pages/order/detail?id=o_1',
      data: { thing1: { value: '帮老人取药' }, phrase2: { value: '已接单' } },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    })
    expect((await control.stats()).openapi['subscribeMessage.send']).toBe(3)
  })

  it('the raw SDK throws { errCode: 43101 }', async () => {
    const e = await rejection(openapi.subscribeMessage.send({ touser: 'o_x', templateId: 'T', page: 'p', data: {} }))
    expect(e).toMatchObject({ errCode: 43101, errMsg: expect.stringContaining('user refuse') })
  })
})

describe('phonenumber.getPhoneNumber', () => {
  it('answers a scripted code once; a used or unknown code is 40029', async () => {
    await emulator().control.phoneCode('code_abcdefgh', '13800001111')
    const phones = wechatPhoneNumbers({ getPhoneNumber: () => openapi.phonenumber.getPhoneNumber })
    expect(await phones.fromCode('code_abcdefgh')).toBe('13800001111')
    await expect(phones.fromCode('code_abcdefgh')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const e = await rejection(openapi.phonenumber.getPhoneNumber({ code: 'unknown_code' }))
    expect(e.errCode).toBe(40029)
  })

  it('answers phoneInfo camel-cased by the SDK', async () => {
    await emulator().control.phoneCode('code_12345678', '13900002222')
    const res = await openapi.phonenumber.getPhoneNumber({ code: 'code_12345678' })
    expect(res.phoneInfo).toMatchObject({ purePhoneNumber: '13900002222', countryCode: '86', watermark: { appid: emulator().appId } })
  })
})

describe('security.mediaCheckAsync', () => {
  it('answers a trace id now and the scripted verdict as the later event', async () => {
    await emulator().control.mediaVerdict({ contains: 'bad.jpg', suggest: 'risky' })
    const media = wechatMediaCheck({ mediaCheckAsync: () => openapi.security.mediaCheckAsync })
    const ok = await media.submit({ url: 'https://x/ok.jpg', openId: 'o_1' })
    const bad = await media.submit({ url: 'https://x/bad.jpg', openId: 'o_1' })
    expect(ok.traceId).toBeTruthy()
    const verdict = parseMediaVerdict(await emulator().control.mediaCheckEvent(bad.traceId))
    expect(verdict).toEqual({ traceId: bad.traceId, suggest: 'risky', label: 20002 })
    expect(parseMediaVerdict(await emulator().control.mediaCheckEvent(ok.traceId))?.suggest).toBe('pass')
    expect((await emulator().control.openApiCalls('security.mediaCheckAsync'))[0].params).toEqual({
      media_url: 'https://x/ok.jpg',
      media_type: 2,
      version: 2,
      openid: 'o_1',
      scene: 3,
    })
  })
})
