// The one way the app reaches the backend, typed by the wire map (types/api.ts): weapp → cloud.callFunction,
// h5 → fetch to the gateway (src/platform/wire.*). Both return the same envelope; errors come back as one
// ApiError; loading, toasts and re-login live here and nowhere else.
import Taro from '@tarojs/taro'
import type { ActionOf, Fn, InputOf, OutputOf, SpecOf } from '@shared/api'
import { ROUTES } from '@/constants/routes'
import { wire } from '@/platform/wire'
import type { UploadedPhoto } from '@/platform/wire.types'
import { currentUrl, returnTo } from '@/store/return-to'
import { session } from '@/store/session'
import { ApiError, fromEnvelope, toApiError } from './errors'
import { hideLoading, showLoading, toast } from './feedback'

export { ApiError, type ClientErrorCode, toApiError } from './errors'
export { API_BASE, photoSrc } from './urls'
export type { UploadedPhoto } from '@/platform/wire.types'

export interface CallOptions {
  /** Loading text; defaults to '请稍候' for mutations and none for reads. false = no loading. */
  loading?: string | false
  /** Do not toast errors (the page shows them itself). Defaults to true for reads. */
  quiet?: boolean
  /**
   * Someone not signed in is an answer here, not a reason to go to 登录: a shared card's page then shows
   * the card as anyone may see it. The session is still forgotten.
   */
  guestOk?: boolean
}

export interface MutationOptions extends CallOptions {
  /** One per user intent, reused when that intent is retried: the server runs it once. */
  requestId: string
}

/** A mutation must carry its requestId; a read whose input is all optional may leave the input out. */
export type CallArgs<F extends Fn, A extends ActionOf<F>> = SpecOf<F, A>['mutating'] extends true
  ? [input: InputOf<F, A>, opts: MutationOptions]
  : Record<string, never> extends InputOf<F, A>
    ? [input?: InputOf<F, A>, opts?: CallOptions]
    : [input: InputOf<F, A>, opts?: CallOptions]

const caller = () => {
  const s = session.get()
  return { token: s.token || null, userId: s.user?.id ?? null }
}

let redirecting = false
function onUnauthenticated(message: string) {
  const who = session.get().user?.id ?? null
  session.clear()
  if (redirecting) return
  const pages = Taro.getCurrentPages()
  const here = pages[pages.length - 1]?.route ?? ''
  // on 登录 itself a refusal is the door's answer (手机号或密码不对, 通行密钥不对): say it
  if (here.includes('pages/login')) return toast(message, 'error')
  redirecting = true
  // back here once they have signed in again
  const was = currentUrl()
  if (was) returnTo.remember(was, who)
  toast('请重新登录')
  Taro.reLaunch({ url: ROUTES.login }).finally(() => {
    redirecting = false
  })
}

async function run<T>(send: () => Promise<unknown>, opts: CallOptions, mutating: boolean): Promise<T> {
  const loading = opts.loading ?? (mutating ? '请稍候' : false)
  const quiet = opts.quiet ?? !mutating
  let shown = false
  // hide before any toast: in WeChat hideLoading also hides a toast shown after it
  const done = () => {
    if (shown) hideLoading()
    shown = false
  }
  if (loading) {
    showLoading(loading)
    shown = true
  }
  try {
    const data = fromEnvelope<T>(await send())
    done()
    return data
  } catch (raw) {
    done()
    const err = toApiError(raw)
    if (err.code === 'UNAUTHENTICATED' && opts.guestOk) session.clear()
    else if (err.code === 'UNAUTHENTICATED') onUnauthenticated(err.message)
    else if (!quiet) toast(err.message, 'error')
    throw err
  }
}

/** Call one action of one function: `call('orders', 'claim', { orderId }, { requestId })`, typed by the wire map. */
export function call<F extends Fn, A extends ActionOf<F>>(fn: F, action: A, ...args: CallArgs<F, A>): Promise<OutputOf<F, A>> {
  const [input = {}, opts = {}] = args as [object | undefined, (CallOptions & { requestId?: string }) | undefined]
  const body = { action, input, ...(opts.requestId ? { requestId: opts.requestId } : {}) }
  return run(() => wire.send(fn, body, caller()), opts, !!opts.requestId)
}

/** Plain HTTP to the local gateway's own endpoints (demo sign-in, the test clock): H5 only. */
export function http<T>(method: 'GET' | 'POST', path: string, body?: object, opts: CallOptions = {}): Promise<T> {
  const gateway = wire.gateway
  if (!gateway) return Promise.reject(new ApiError('NOT_FOUND', '这里没有演示登录'))
  return run<T>(() => gateway(method, path, body, caller()), opts, method === 'POST')
}

/** Sends a 社区设置表 (.xlsx) to the gateway's import: a dry run unless `commit`. H5 only. */
export function uploadRoster(file: Blob, commit: boolean, requestId: string): Promise<OutputOf<'workbench', 'importRoster'>> {
  const upload = wire.uploadRoster
  if (!upload) return Promise.reject(new ApiError('NOT_FOUND', '请在电脑浏览器中导入社区设置表'))
  return run(() => upload(file, commit, requestId, caller()), { loading: commit ? '正在导入' : '正在检查' }, true)
}

/** Upload one chosen photo (a temp path from chooseImage); reports 0–100 progress. */
export function uploadPhoto(filePath: string, onProgress?: (pct: number) => void): Promise<UploadedPhoto> {
  return wire.uploadPhoto(filePath, caller(), onProgress)
}
