// Photo checks with security.mediaCheckAsync (v2). Submitting returns only a trace id; WeChat pushes the
// verdict later as a `wxa_media_check` event (消息推送) to the function configured for it — here
// `wxpush` (cloudfunctions/wxpush/; CloudBase: 云开发 → 设置 → 其他设置 → 消息推送, MsgType `event`,
// Event `wxa_media_check`, per WeChat's "云函数接收消息推送" guide,
// https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/guide/functions/openapi.html).
// [U] that the push reaches a CloudBase function as documented, its exact field names (the emulator
// sends those of the mediaCheckAsync page: trace_id, result.suggest, result.label), and whether the
// call carries the uploader's OPENID. The trace id is the only key to a check and never leaves the
// server, so a forged event cannot name one.
import type { PhotoCheck } from '../../core/domain/model'
import type { Clock, PhotoScreen, PlacedPhoto } from '../../core/ports'
import type { OpenApiCall } from './openapi'

export interface MediaCheck {
  /** Submits one image URL (a temporary URL of the upload) for checking. */
  submit(req: { url: string; openId: string; scene?: 1 | 2 | 3 | 4 }): Promise<{ traceId: string }>
}

export function wechatMediaCheck(options: { mediaCheckAsync: () => OpenApiCall }): MediaCheck {
  return {
    async submit({ url, openId, scene = 3 }) {
      // mediaType 2 = image; scene 3 = 论坛 (posts others read)
      const res = await options.mediaCheckAsync()({ mediaUrl: url, mediaType: 2, version: 2, openid: openId, scene })
      return { traceId: String(res.traceId ?? '') }
    },
  }
}

export interface MediaVerdict {
  traceId: string
  suggest: 'risky' | 'review' | 'pass' | 'unknown'
  label: number | null
}

/** Reads the asynchronous result event (`wxa_media_check`); null for anything else. */
export function parseMediaVerdict(event: unknown): MediaVerdict | null {
  if (typeof event !== 'object' || event === null) return null
  const e = event as Record<string, unknown>
  if (e.Event !== undefined && e.Event !== 'wxa_media_check') return null
  const traceId = e.trace_id ?? e.traceId
  if (typeof traceId !== 'string' || !traceId) return null
  const result = (e.result ?? {}) as Record<string, unknown>
  const suggest = ['risky', 'review', 'pass'].includes(String(result.suggest)) ? (result.suggest as MediaVerdict['suggest']) : 'unknown'
  return { traceId, suggest, label: typeof result.label === 'number' ? result.label : null }
}

export interface WechatPhotoScreenOptions {
  mediaCheckAsync: () => OpenApiCall
  /** A temporary URL WeChat can fetch the photo from ('' when storage has none). */
  urlOf: (fileId: string) => Promise<string>
  /** The uploader's OPENID: v2 checks media as the user who posted it. */
  openIdOf: (userId: string) => Promise<string | null>
  /** Keeps the check at its trace id, for the verdict to find. */
  record: (check: PhotoCheck) => Promise<void>
  clock: Clock
  log: (message: string, detail?: unknown) => void
}

/**
 * The PhotoScreen port on mediaCheckAsync: each photo goes to WeChat as its uploader, and the trace id
 * is kept with where the photo is shown. One photo failing to go is logged and the others still go;
 * it stays shown, as it would with a `review` verdict.
 */
export function wechatPhotoScreen(options: WechatPhotoScreenOptions): PhotoScreen {
  const check = wechatMediaCheck({ mediaCheckAsync: options.mediaCheckAsync })
  async function one(photo: PlacedPhoto) {
    const [url, openId] = await Promise.all([options.urlOf(photo.fileId), options.openIdOf(photo.ownerId)])
    if (!url || !openId) return options.log('photo not sent for checking', { fileId: photo.fileId, url: !!url, openId: !!openId })
    const { traceId } = await check.submit({ url, openId })
    if (!traceId) return options.log('photo check gave no trace id', { fileId: photo.fileId })
    await options.record({ ...photo, traceId, verdict: 'pending', label: null, submittedAt: options.clock.now(), decidedAt: null })
  }
  return {
    async submit(photos) {
      for (const photo of photos) await one(photo).catch((e) => options.log('photo check failed to start', e))
    },
  }
}
