// Photo checks with security.mediaCheckAsync (v2): the verdict arrives later as a message-push
// event carrying the trace id, so submitting returns the trace id to match it by.
import type { OpenApiCall } from './openapi'

export interface MediaCheck {
  /** Submits one image URL (a temporary URL of the upload) for checking. */
  submit(req: { url: string; openId: string; scene?: 1 | 2 | 3 | 4 }): Promise<{ traceId: string }>
}

export function wechatMediaCheck(options: { mediaCheckAsync: () => OpenApiCall }): MediaCheck {
  return {
    async submit({ url, openId, scene = 3 }) {
      // mediaType 2 = image
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

/**
 * Reads the asynchronous result event (`wxa_media_check`). Where that event is routed to on
 * CloudBase (message push to a function) is still to be verified on a live environment.
 */
export function parseMediaVerdict(event: unknown): MediaVerdict | null {
  if (typeof event !== 'object' || event === null) return null
  const e = event as Record<string, unknown>
  const traceId = e.trace_id ?? e.traceId
  if (typeof traceId !== 'string') return null
  const result = (e.result ?? {}) as Record<string, unknown>
  const suggest = ['risky', 'review', 'pass'].includes(String(result.suggest)) ? (result.suggest as MediaVerdict['suggest']) : 'unknown'
  return { traceId, suggest, label: typeof result.label === 'number' ? result.label : null }
}
