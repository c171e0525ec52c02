// WeChat's door (DESIGN.md §8, §10): the caller is the OPENID the platform set, never anything in the
// event. A bound OPENID is its person. An unbound one may call public actions as a guest, and its
// 居民登记 enrols it first (enrol.ts, through the edge); anything else is refused, saying where to go.
import type { ErrorBody } from '@shared/envelope'
import { AcceptInviteInput } from '@shared/accounts'
import type { Envelope } from '@shared/envelope'
import { type ActionTable, type Identity, type Runtime, createHandler, defineAction } from '../../edge'
import { bindInvitation } from './sign-in'
import { enrolment, isEnrolling } from './enrol'

/** The caller's identity, or why they may not call, or — an invitation opened in WeChat — the whole answer. */
export type WeChatCaller = { identity: Identity } | { refused: ErrorBody } | { answered: Envelope<unknown> }

const NOT_IN_WECHAT: ErrorBody = { code: 'UNAUTHENTICATED', message: '请在微信小程序中打开红网邻里' }
const NOT_REGISTERED: ErrorBody = { code: 'UNAUTHENTICATED', message: '你还没有注册红网邻里，请先完成注册' }
const LOOKUP_FAILED: ErrorBody = { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' }

/** Who calls `fn` from `openId` (null: a timer or another function), or why they may not. */
export async function weChatCaller(
  runtime: Runtime,
  openId: string | null,
  fn: string,
  actions: ActionTable,
  request: unknown,
): Promise<WeChatCaller> {
  // public actions (a grid's 三亮一晒 page, a branch's 三评 link) need nobody behind the call
  const action = (request as { action?: unknown } | null)?.action
  const open = typeof action === 'string' && Object.hasOwn(actions, action) && actions[action].public === true
  const guest = (refusal: ErrorBody): WeChatCaller => (open ? { identity: null } : { refused: refusal })
  if (!openId) return guest(NOT_IN_WECHAT)
  try {
    const userId = await boundTo(runtime, openId)
    if (userId) return { identity: { userId } }
    if (isEnrolling(fn, request)) return await enrol(runtime, openId, request)
    if (isAccepting(fn, request)) return { answered: await createHandler('accounts', acceptInWeChat(openId), runtime)(request, null) }
  } catch (e) {
    runtime.log?.('identity lookup failed', e)
    return { refused: LOOKUP_FAILED }
  }
  return guest(NOT_REGISTERED)
}

const isAccepting = (fn: string, request: unknown) =>
  fn === 'accounts' && (request as { action?: unknown } | null)?.action === 'acceptInvite'

/** An invitation opened in the mini-program by an OPENID nobody is bound to: it binds the OPENID to the invited person. */
const acceptInWeChat = (openId: string): ActionTable => ({
  acceptInvite: defineAction({
    input: AcceptInviteInput,
    mutating: true,
    public: true,
    secret: true,
    run: (ctx, _guest, input) => bindInvitation(ctx, openId, input.token),
  }),
})

const boundTo = (runtime: Runtime, openId: string) => runtime.uow.read((repos) => repos.identity.userForOpenId(openId))

async function enrol(runtime: Runtime, openId: string, request: unknown): Promise<WeChatCaller> {
  const enrolled = await createHandler('accounts', enrolment(openId), runtime)(request, null)
  if (enrolled.ok) return { identity: enrolled.data as { userId: string } }
  // a simultaneous first call from the same OPENID bound it first: carry on as the person it made
  const bound = enrolled.error.code === 'CONFLICT' ? await boundTo(runtime, openId) : null
  return bound ? { identity: { userId: bound } } : { refused: enrolled.error }
}
