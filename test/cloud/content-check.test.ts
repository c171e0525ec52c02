// msgSecCheck v2 (DESIGN.md §8): the decision on result.suggest, errcode handling, and the guard.
import { MAX_CHECK_CHARS, decideFailure, decideVerdict, wechatContentGuard } from '../../cloudfunctions/adapters/wechat/content-guard'
import type { Actor } from '../../cloudfunctions/core/domain/access'
import { AppError } from '../../cloudfunctions/core/domain/errors'

const actor: Actor = { userId: 'u_res', communityId: 'c_one', roles: ['resident'], name: '王秀兰' }
const ok = (suggest: string, label = 100) => ({
  errCode: 0,
  errMsg: 'openapi.security.msgSecCheck:ok',
  traceId: 't-1',
  result: { suggest, label },
})
const thrown = (errCode: number) => Object.assign(new Error('openapi.security.msgSecCheck:fail'), { errCode, errMsg: 'fail' })

describe('the decision table', () => {
  it.each([
    [ok('risky', 20001), 'refuse'],
    [ok('review', 20006), 'flag'],
    [ok('pass'), 'allow'],
    [{ errCode: 0, errMsg: 'ok' }, 'unavailable'],
    [{ errCode: 0, result: { suggest: 'something-new' } }, 'unavailable'],
    [null, 'unavailable'],
  ])('verdict %j → %s', (response, decision) => {
    expect(decideVerdict(response as never)).toBe(decision)
  })

  it.each([
    [87014, 'refuse'], // risky content, legacy code
    [61010, 'unavailable'], // the user has not opened the mini-program in 2 hours
    [40003, 'unavailable'], // invalid openid
    [-604101, 'unavailable'], // no open-API permission in config.json
    [-1, 'unavailable'], // system busy
    [null, 'unavailable'], // not a WeChat error at all
  ])('errcode %s → %s', (errCode, decision) => {
    expect(decideFailure(errCode)).toBe(decision)
  })
})

describe('the guard', () => {
  const setup = (
    impl: (p: Record<string, unknown>) => Promise<Record<string, unknown>>,
    extra: { failOpen?: boolean; openId?: string | null } = {},
  ) => {
    const call = jest.fn(impl)
    const flags: unknown[] = []
    const guard = wechatContentGuard({ msgSecCheck: () => call, openId: 'openid-1', onFlag: (f) => flags.push(f), ...extra })
    return { guard, call, flags }
  }
  const error = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e) => (e instanceof AppError ? e.toJSON() : e),
    )

  it('refuses risky text on its field, in Chinese', async () => {
    const { guard, call } = setup(async () => ok('risky', 20002))
    expect(await error(guard.check('加我微信代开发票', 'description', actor))).toEqual({
      code: 'INVALID_INPUT',
      field: 'description',
      message: '内容可能含有不适合发布的信息，请修改后再提交',
    })
    expect(call).toHaveBeenCalledWith({ version: 2, openid: 'openid-1', scene: 3, content: '加我微信代开发票' })
  })

  it('refuses on errcode 87014', async () => {
    const { guard } = setup(async () => {
      throw thrown(87014)
    })
    expect(await error(guard.check('x', 'title', actor))).toMatchObject({ code: 'INVALID_INPUT', field: 'title' })
  })

  it('allows text to review, and flags it', async () => {
    const { guard, flags } = setup(async () => ok('review', 20006))
    await expect(guard.check('有点可疑', 'comment', actor)).resolves.toBeUndefined()
    expect(flags).toEqual([{ field: 'comment', userId: 'u_res', decision: 'flag', label: 20006, traceId: 't-1', errCode: null }])
  })

  it('allows passing text without a flag, using the comment scene for comments', async () => {
    const { guard, flags, call } = setup(async () => ok('pass'))
    await guard.check('谢谢党员同志', 'comment', actor)
    expect(flags).toEqual([])
    expect(call.mock.calls[0][0]).toMatchObject({ scene: 2 })
  })

  it('refuses, retryably, when WeChat gives no verdict; or allows and flags when failing open', async () => {
    const closed = setup(async () => {
      throw thrown(-1)
    })
    expect(await error(closed.guard.check('正常内容', 'title', actor))).toEqual({
      code: 'INTERNAL',
      message: '内容安全检查暂时不可用，请稍后再试',
    })
    const open = setup(
      async () => {
        throw thrown(61010)
      },
      { failOpen: true },
    )
    await expect(open.guard.check('正常内容', 'title', actor)).resolves.toBeUndefined()
    expect(open.flags).toEqual([expect.objectContaining({ decision: 'unavailable', errCode: 61010 })])
  })

  it('cannot check without the caller’s OPENID', async () => {
    const { guard, call } = setup(async () => ok('pass'), { openId: null })
    expect(await error(guard.check('正常内容', 'title', actor))).toMatchObject({ code: 'INTERNAL' })
    expect(call).not.toHaveBeenCalled()
  })

  it('skips blank text and checks long text in 2500-character parts', async () => {
    const { guard, call } = setup(async (p) => ((p.content as string).includes('坏') ? ok('risky') : ok('pass')))
    await guard.check('   ', 'title', actor)
    expect(call).not.toHaveBeenCalled()
    const long = `${'好'.repeat(MAX_CHECK_CHARS)}${'好'.repeat(10)}坏`
    expect(await error(guard.check(long, 'description', actor))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(call.mock.calls.map((c) => [...(c[0].content as string)].length)).toEqual([MAX_CHECK_CHARS, 11])
  })
})
