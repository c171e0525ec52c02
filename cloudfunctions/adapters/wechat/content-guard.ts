// The ContentGuard port on WeChat's msgSecCheck v2 (DESIGN.md §8): user text is checked before
// others can see it. The decision is on `result.suggest`; errcode is 0 even for risky text.
import type { Actor } from '../../core/domain/access'
import { AppError, invalid } from '../../core/domain/errors'
import type { ContentGuard } from '../../core/ports'
import { type OpenApiCall, errCodeOf } from './openapi'

/** What to do with one piece of text. */
export type ContentDecision = 'allow' | 'flag' | 'refuse' | 'unavailable'

/** The legacy errcode for risky content (v1 and some v2 paths). */
const RISKY_ERRCODE = 87014
/** msgSecCheck takes at most this many characters per call. */
export const MAX_CHECK_CHARS = 2500

/**
 * The decision table, on what msgSecCheck returned (a success carries errCode 0 and `result`):
 * - suggest risky → refuse
 * - suggest review → allow, but flag it for staff
 * - suggest pass → allow
 * - no verdict → unavailable (refused unless the guard fails open)
 */
export function decideVerdict(response: { result?: { suggest?: unknown } } | null | undefined): ContentDecision {
  switch (response?.result?.suggest) {
    case 'risky':
      return 'refuse'
    case 'review':
      return 'flag'
    case 'pass':
      return 'allow'
    default:
      return 'unavailable'
  }
}

/** When msgSecCheck threw: 87014 (risky, legacy) → refuse; any other errcode → unavailable. */
export function decideFailure(errCode: number | null): ContentDecision {
  return errCode === RISKY_ERRCODE ? 'refuse' : 'unavailable'
}

export interface ContentFlag {
  field: string
  userId: string
  decision: 'flag' | 'unavailable'
  label?: unknown
  traceId?: unknown
  errCode?: number | null
}

export interface WechatGuardOptions {
  /** `cloud.openapi.security.msgSecCheck`, resolved lazily. */
  msgSecCheck: () => OpenApiCall
  /** The caller's OPENID from the platform: msgSecCheck v2 checks text against the user who wrote it. */
  openId: string | null
  /** Text allowed with a "review" verdict (or unchecked, failing open) is reported here. */
  onFlag?: (flag: ContentFlag) => void
  /** When WeChat cannot give a verdict: refuse (default) or allow and flag. */
  failOpen?: boolean
}

/** msgSecCheck scenes: 1 资料 (profile), 2 评论 (comment), 3 论坛 (posts). */
const sceneFor = (field: string) => (/comment|reason|note/i.test(field) ? 2 : /name|profile|nickname/i.test(field) ? 1 : 3)

export function wechatContentGuard(options: WechatGuardOptions): ContentGuard {
  async function checkPart(content: string, field: string, actor: Actor): Promise<void> {
    let decision: ContentDecision
    let result: Record<string, unknown> = {}
    let errCode: number | null = null
    if (!options.openId) decision = 'unavailable'
    else {
      try {
        result = await options.msgSecCheck()({ version: 2, openid: options.openId, scene: sceneFor(field), content })
        decision = decideVerdict(result as { result?: { suggest?: unknown } })
      } catch (e) {
        errCode = errCodeOf(e)
        decision = decideFailure(errCode)
      }
    }
    const verdict = result.result as { label?: unknown } | undefined
    if (decision === 'refuse') throw invalid(field, '内容可能含有不适合发布的信息，请修改后再提交')
    if (decision === 'unavailable' && !options.failOpen) throw new AppError('INTERNAL', '内容安全检查暂时不可用，请稍后再试')
    if (decision !== 'allow')
      options.onFlag?.({ field, userId: actor.userId, decision, label: verdict?.label, traceId: result.traceId, errCode })
  }

  return {
    async check(text, field, actor) {
      if (!text.trim()) return
      const chars = [...text]
      for (let i = 0; i < chars.length; i += MAX_CHECK_CHARS) await checkPart(chars.slice(i, i + MAX_CHECK_CHARS).join(''), field, actor)
    },
  }
}
