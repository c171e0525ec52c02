// 订阅消息: every template the app asks people to subscribe to, declared once (名称, 字段, which notices
// it carries). A deployer picks each in 微信公众平台 → 订阅消息 (one-time templates, the keywords below in
// this order) and puts the ids in one setting, REDGRID_SUBSCRIBE_TEMPLATES — JSON such as
// {"order_progress":"<模板ID>", …} — which the functions read at run time and the app build reads through
// config/index.ts (TARO_APP_SUBSCRIBE_TEMPLATES). A template without an id is never asked for nor sent.
// No zod here: the app imports this file.
import type { NoticeKind } from './inbox'

/** Which text of a notice fills a template field (WeChat cuts `thing` fields at 20 characters). */
export type NoticeField = 'title' | 'body'

export interface SubscribeTemplate {
  /** The template's title in 微信公众平台 (what WeChat shows in the subscription sheet). */
  name: string
  /** Template keyword → its label in the console and the notice text that fills it. */
  fields: Record<string, { label: string; from: NoticeField }>
  /** The notices this template carries; every other notice stays in the in-app inbox only. */
  notices: readonly NoticeKind[]
}

const fields = (what: string) => ({
  thing1: { label: what, from: 'title' as const },
  thing2: { label: '说明', from: 'body' as const },
})

export const SUBSCRIBE_TEMPLATES = {
  /**
   * A resident's order (asked at 提交). One grant is one message: it goes to the news the resident waits
   * for — a member has taken it (or the community will not) — not to 社区已下单 on the way, which stays in
   * the inbox; later news (released, completed) uses a grant given again.
   */
  order_progress: {
    name: '进度通知',
    fields: fields('工单进度'),
    notices: ['order_rejected', 'order_claimed', 'order_released', 'order_completed'],
  },
  /** A member: an order the community directs to them (asked at 接单 / 接受). */
  new_task: { name: '新任务', fields: fields('任务'), notices: ['order_assigned'] },
  /** A member: what happens to a task they hold (asked at 接单 / 接受). */
  task_reminder: { name: '办理提醒', fields: fields('提醒事项'), notices: ['order_disputed', 'order_closed'] },
  /** A member's activities (asked at 报名). */
  activity_reminder: {
    name: '活动提醒',
    fields: fields('活动'),
    notices: ['activity_reminder', 'activity_promoted', 'activity_changed', 'activity_cancelled', 'activity_points'],
  },
  /** A redemption waiting for pickup (asked at 兑换). */
  pickup_reminder: { name: '领取提醒', fields: fields('领取事项'), notices: ['pickup_reminder', 'redemption_expired'] },
} as const satisfies Record<string, SubscribeTemplate>

export type TemplateKey = keyof typeof SUBSCRIBE_TEMPLATES
export const TEMPLATE_KEYS = Object.keys(SUBSCRIBE_TEMPLATES) as TemplateKey[]

/** The template a notice goes out on, or null for inbox-only notices. */
export function templateOf(kind: NoticeKind): TemplateKey | null {
  for (const key of TEMPLATE_KEYS) if ((SUBSCRIBE_TEMPLATES[key].notices as readonly NoticeKind[]).includes(kind)) return key
  return null
}

/** The setting's ids by template; unknown keys and anything that is not an id are dropped. */
export type TemplateIds = Partial<Record<TemplateKey, string>>

/**
 * Reads REDGRID_SUBSCRIBE_TEMPLATES: `{ "<template key>": "<WeChat template id>", … }`. Empty or absent:
 * no templates (inbox only). Throws on text that is not a JSON object, so a typo is seen, not silent.
 */
export function parseTemplateIds(raw: string | undefined | null): TemplateIds {
  if (!raw?.trim()) return {}
  const parsed: unknown = JSON.parse(raw)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('REDGRID_SUBSCRIBE_TEMPLATES must be a JSON object')
  const out: TemplateIds = {}
  for (const key of TEMPLATE_KEYS) {
    const id = (parsed as Record<string, unknown>)[key]
    if (typeof id === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(id)) out[key] = id
  }
  return out
}

/** One grant a person holds: how many more messages of a template WeChat lets the app send them. */
export interface SubscriptionView {
  template: TemplateKey
  name: string
  left: number
}

/** accounts.subscribe's answer: every template the person holds grants for. */
export interface Subscriptions {
  items: SubscriptionView[]
}
