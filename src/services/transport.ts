// The one way the app reaches the backend: weapp → cloud.callFunction, h5 → fetch to the gateway.
// Both return the same envelope; errors come back as one ApiError; 401 sends the person to sign in.
import Taro from '@tarojs/taro'
import type { Envelope } from '@shared/envelope'
import { MAX_PHOTO_BYTES, PHOTO_MIME_TYPES, type ErrorCode } from '@shared/enums'
import { ROUTES } from '@/constants/routes'
import { session } from '@/store/session'
import { hideLoading, showLoading, toast } from './feedback'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'
/** '' = same origin as the page (the local gateway serves the H5 build). */
export const API_BASE: string = (process.env.TARO_APP_API_BASE || '').replace(/\/+$/, '')

/** NETWORK: the request never got an answer, so we cannot know whether it ran. */
export type ClientErrorCode = ErrorCode | 'NETWORK'

const FALLBACK_MESSAGE: Record<ClientErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限做这件事',
  NOT_FOUND: '没有找到，可能已被删除',
  CONFLICT: '状态已变化，请刷新后再试',
  SOLD_OUT: '已经兑完了',
  LIMIT_REACHED: '已达到上限',
  INSUFFICIENT_POINTS: '积分不够',
  PAYLOAD_TOO_LARGE: '文件太大了',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务器开小差了，请稍后再试',
  NETWORK: '网络不通，请检查网络后重试',
}

export class ApiError extends Error {
  readonly code: ClientErrorCode
  readonly field?: string
  constructor(code: ClientErrorCode, message?: string, field?: string) {
    super(message || FALLBACK_MESSAGE[code] || FALLBACK_MESSAGE.INTERNAL)
    Object.setPrototypeOf(this, ApiError.prototype)
    this.name = 'ApiError'
    this.code = code
    this.field = field
  }
  /** True when the server may or may not have run the action: retry with the same requestId. */
  get ambiguous(): boolean {
    return this.code === 'NETWORK' || this.code === 'INTERNAL'
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError('NETWORK')
}

export interface CallOptions {
  /** Required for mutating actions: one per user intent, reused when that intent is retried. */
  requestId?: string
  /** Loading text; defaults to '请稍候' for mutations and none for reads. false = no loading. */
  loading?: string | false
  /** Do not toast errors (the page shows them itself). Defaults to true for reads. */
  quiet?: boolean
}

function fromEnvelope<T>(env: unknown): T {
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new ApiError('INTERNAL')
  const e = env as Envelope<T>
  if (e.ok) return e.data
  const code = (e.error?.code ?? 'INTERNAL') as ClientErrorCode
  throw new ApiError(code in FALLBACK_MESSAGE ? code : 'INTERNAL', e.error?.message, e.error?.field)
}

let cloudReady = false
function ensureCloud() {
  if (cloudReady) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

async function viaCloud(fn: string, body: object): Promise<unknown> {
  ensureCloud()
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: body as any })
    return res.result
  } catch {
    throw new ApiError('NETWORK')
  }
}

async function viaHttp(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const token = session.get().token
  if (token) headers.Authorization = `Bearer ${token}`
  let res: Response
  try {
    res = await fetch(API_BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError('NETWORK')
  }
  try {
    return await res.json()
  } catch {
    throw new ApiError(res.status === 401 ? 'UNAUTHENTICATED' : res.status >= 500 ? 'INTERNAL' : 'NETWORK')
  }
}

let redirecting = false
function onUnauthenticated() {
  session.clear()
  if (redirecting) return
  const pages = Taro.getCurrentPages()
  const here = pages[pages.length - 1]?.route ?? ''
  if (here.includes('pages/login')) return
  redirecting = true
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
    if (err.code === 'UNAUTHENTICATED') onUnauthenticated()
    else if (!quiet) toast(err.message, 'error')
    throw err
  }
}

/** Call one action of one function: `call<OrderDetail>('orders', 'get', { orderId })`. */
export function call<T>(fn: string, action: string, input: object = {}, opts: CallOptions = {}): Promise<T> {
  const body = { action, input, ...(opts.requestId ? { requestId: opts.requestId } : {}) }
  const mutating = !!opts.requestId
  return run<T>(() => (IS_WEAPP ? viaCloud(fn, body) : viaHttp('POST', `/api/${fn}`, body)), opts, mutating)
}

/** Plain HTTP to the local gateway (demo sign-in): H5 only. */
export function http<T>(method: 'GET' | 'POST', path: string, body?: object, opts: CallOptions = {}): Promise<T> {
  return run<T>(() => viaHttp(method, path, body), opts, method === 'POST')
}

/** Where to load a photo from: gateway paths are made absolute when the API lives elsewhere. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? API_BASE + url : url
}

// ---- photo upload --------------------------------------------------------------------------

export interface UploadedPhoto {
  fileId: string
  /** What to show: a gateway URL (h5) or the local temp file (weapp). */
  url: string
}

const MIME_BY_EXT: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }
const COMPRESS_ABOVE = 1.5 * 1024 * 1024

/** A random file name of [a-z0-9]: the cloud functions accept only `uploads/<userId>/<name>.<ext>`. */
function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** H5: phone photos are often several MB; shrink big ones to a 1600 px JPEG before sending. */
async function shrink(blob: Blob): Promise<Blob> {
  if (blob.size <= COMPRESS_ABOVE || typeof document === 'undefined' || typeof createImageBitmap !== 'function') return blob
  try {
    const bmp = await createImageBitmap(blob)
    const scale = Math.min(1, 1600 / Math.max(bmp.width, bmp.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bmp.width * scale)
    canvas.height = Math.round(bmp.height * scale)
    canvas.getContext('2d')?.drawImage(bmp, 0, 0, canvas.width, canvas.height)
    const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    return out && out.size < blob.size ? out : blob
  } catch {
    return blob
  }
}

function postBytes(blob: Blob, type: string, onProgress?: (pct: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${API_BASE}/api/files`)
    xhr.setRequestHeader('Content-Type', type)
    const token = session.get().token
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText))
      } catch {
        reject(new ApiError(xhr.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL'))
      }
    }
    xhr.onerror = () => reject(new ApiError('NETWORK'))
    xhr.send(blob)
  })
}

async function uploadH5(filePath: string, onProgress?: (pct: number) => void): Promise<UploadedPhoto> {
  let blob: Blob
  try {
    blob = await (await fetch(filePath)).blob()
  } catch {
    throw new ApiError('INVALID_INPUT', '读不到这张照片，请重新选择')
  }
  blob = await shrink(blob)
  const ext = (filePath.split('?')[0].split('.').pop() || '').toLowerCase()
  const type = blob.type || MIME_BY_EXT[ext] || ''
  if (!(PHOTO_MIME_TYPES as readonly string[]).includes(type)) throw new ApiError('INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 格式的照片')
  if (blob.size > MAX_PHOTO_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', '照片太大了（超过 5 MB），请换一张')
  const data = fromEnvelope<{ fileId: string; url: string }>(await postBytes(blob, type, onProgress))
  return { fileId: data.fileId, url: photoSrc(data.url) }
}

function uploadWeapp(filePath: string, onProgress?: (pct: number) => void): Promise<UploadedPhoto> {
  ensureCloud()
  const ext = (filePath.split('.').pop() || 'jpg').toLowerCase()
  const userId = session.get().user?.id
  if (!userId) return Promise.reject(new ApiError('UNAUTHENTICATED', '请先登录'))
  return new Promise((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      // the functions check a photo lies in the uploader's own folder of this environment
      cloudPath: `uploads/${userId}/${randomName()}.${ext}`,
      filePath,
      success: (res) => resolve({ fileId: res.fileID, url: filePath }),
      fail: () => reject(new ApiError('NETWORK', '照片没传上去，请点重试')),
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}

/** Upload one chosen photo (a temp path from Taro.chooseImage); reports 0–100 progress. */
export function uploadPhoto(filePath: string, onProgress?: (pct: number) => void): Promise<UploadedPhoto> {
  return IS_WEAPP ? uploadWeapp(filePath, onProgress) : uploadH5(filePath, onProgress)
}
