// Subscribe messages, phone numbers and photo checks behind their interfaces (stubbed open APIs).
import { parseMediaVerdict, wechatMediaCheck } from '../../cloudfunctions/adapters/wechat/media-check'
import { NO_SUBSCRIPTION, templateData, wechatNotifier } from '../../cloudfunctions/adapters/wechat/notifier'
import { wechatPhoneNumbers } from '../../cloudfunctions/adapters/wechat/phone'
import { AppError } from '../../cloudfunctions/core/domain/errors'

const wxError = (errCode: number) => Object.assign(new Error('fail'), { errCode })

describe('subscribe messages', () => {
  const setup = (send: jest.Mock) =>
    wechatNotifier({
      send: () => send,
      templates: { order_claimed: 'tmpl-123' },
      openIdOf: async (userId) => (userId === 'u_res' ? 'openid-res' : null),
    })
  const message = {
    userId: 'u_res',
    template: 'order_claimed',
    page: 'pages/order/detail?id=o_1',
    data: { thing1: '帮老人取药', phrase2: '已接单' },
  }

  it('sends to the user’s OPENID with the configured template', async () => {
    const send = jest.fn(async () => ({ errCode: 0 }))
    expect(await setup(send).notify(message)).toBe('sent')
    expect(send).toHaveBeenCalledWith({
      touser: 'openid-res',
      templateId: 'tmpl-123',
      page: 'pages/order/detail?id=o_1',
      data: { thing1: { value: '帮老人取药' }, phrase2: { value: '已接单' } },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    })
  })

  it('treats 43101 (no subscription left) as an outcome, not an error', async () => {
    const send = jest.fn(async () => {
      throw wxError(NO_SUBSCRIPTION)
    })
    expect(await setup(send).notify(message)).toBe('no_subscription')
  })

  it('rethrows other errors; skips unknown users and templates', async () => {
    const send = jest.fn(async () => {
      throw wxError(40037)
    })
    await expect(setup(send).notify(message)).rejects.toMatchObject({ errCode: 40037 })
    expect(await setup(send).notify({ ...message, userId: 'u_other' })).toBe('no_recipient')
    expect(await setup(send).notify({ ...message, template: 'nope' })).toBe('no_template')
  })

  it('shortens fields to WeChat’s limits', () => {
    expect(templateData({ thing1: '一二三四五六七八九十一二三四五六七八九十一', phrase2: '已经完成了', number3: '123' })).toEqual({
      thing1: { value: '一二三四五六七八九十一二三四五六七八九…' },
      phrase2: { value: '已经完成了' },
      number3: { value: '123' },
    })
  })
})

describe('phone numbers', () => {
  it('returns the number for a code', async () => {
    const call = jest.fn(async () => ({
      errCode: 0,
      phoneInfo: { phoneNumber: '+86 13800010001', purePhoneNumber: '13800010001', countryCode: '86' },
    }))
    expect(await wechatPhoneNumbers({ getPhoneNumber: () => call }).fromCode('code_abcdefgh')).toBe('13800010001')
    expect(call).toHaveBeenCalledWith({ code: 'code_abcdefgh' })
  })

  it('asks to authorise again for a used or malformed code', async () => {
    const phones = wechatPhoneNumbers({
      getPhoneNumber: () => async () => {
        throw wxError(40029)
      },
    })
    for (const code of ['code_abcdefgh', 'bad code']) {
      const e = await phones.fromCode(code).catch((x) => x)
      expect(e).toBeInstanceOf(AppError)
      expect(e.toJSON()).toEqual({ code: 'INVALID_INPUT', field: 'code', message: '手机号授权已失效，请重新授权' })
    }
  })
})

describe('photo checks', () => {
  it('submits an image URL and reads the later verdict by trace id', async () => {
    const call = jest.fn(async () => ({ errCode: 0, traceId: 'trace-9' }))
    expect(await wechatMediaCheck({ mediaCheckAsync: () => call }).submit({ url: 'https://tmp/a.jpg', openId: 'openid-res' })).toEqual({
      traceId: 'trace-9',
    })
    expect(call).toHaveBeenCalledWith({ mediaUrl: 'https://tmp/a.jpg', mediaType: 2, version: 2, openid: 'openid-res', scene: 3 })
    expect(parseMediaVerdict({ trace_id: 'trace-9', result: { suggest: 'risky', label: 20002 } })).toEqual({
      traceId: 'trace-9',
      suggest: 'risky',
      label: 20002,
    })
    expect(parseMediaVerdict({ nothing: true })).toBeNull()
  })
})
