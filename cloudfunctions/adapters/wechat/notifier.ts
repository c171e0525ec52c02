// Subscribe messages (订阅消息) for order and activity updates: one message to one user (`Notifier`
// here), and the core's Notifier port on top of it (`subscribeNotifier`). Each grant from wx.requestSubscribeMessage allows one message, so
// "no subscription left" (43101) is an expected outcome, not an error.
import type { NoticeKind } from '@shared/inbox'
import type { Notifier as CoreNotifier } from '../../core/ports'
import type { OpenApiCall } from './openapi'
import { errCodeOf } from './openapi'

/** A message to one user: which template, the page it opens, and the template's fields. */
export interface Notification {
  userId: string
  /** An app-level template name, mapped to a WeChat template id by configuration. */
  template: string
  /** Mini-program page with query, e.g. `pages/order/detail?id=o_1`. */
  page: string
  /** Template fields, e.g. `{ thing1: '帮老人取药', phrase2: '已接单' }`. */
  data: Record<string, string>
}

export type NotifyResult = 'sent' | 'no_subscription' | 'no_recipient' | 'no_template'

export interface UserNotifier {
  /** Sends one message; never throws for the expected outcomes above. */
  notify(message: Notification): Promise<NotifyResult>
}

export interface WechatNotifierOptions {
  send: () => OpenApiCall
  /** App template name → WeChat template id (from the mini-program's 订阅消息 settings). */
  templates: Record<string, string>
  /** The OPENID registered for a user (the identities collection). */
  openIdOf: (userId: string) => Promise<string | null>
  /** Which build a tap opens: developer / trial / formal. */
  miniprogramState?: 'developer' | 'trial' | 'formal'
}

/** 43101: the user has no subscription left for this template. */
export const NO_SUBSCRIPTION = 43101

/** WeChat's limits per field type: thing ≤ 20 characters, phrase ≤ 5, name ≤ 10 (longer is refused). */
const LIMITS: Array<[RegExp, number]> = [
  [/^thing\d+$/, 20],
  [/^phrase\d+$/, 5],
  [/^name\d+$/, 10],
  [/^character_string\d+$/, 32],
]

export function templateData(data: Record<string, string>): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {}
  for (const [key, value] of Object.entries(data)) {
    const limit = LIMITS.find(([re]) => re.test(key))?.[1]
    const chars = [...value]
    out[key] = { value: limit && chars.length > limit ? `${chars.slice(0, limit - 1).join('')}…` : value }
  }
  return out
}

export function wechatNotifier(options: WechatNotifierOptions): UserNotifier {
  return {
    async notify(message) {
      const templateId = options.templates[message.template]
      if (!templateId) return 'no_template'
      const touser = await options.openIdOf(message.userId)
      if (!touser) return 'no_recipient'
      try {
        await options.send()({
          touser,
          templateId,
          page: message.page,
          data: templateData(message.data),
          miniprogramState: options.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        })
        return 'sent'
      } catch (e) {
        if (errCodeOf(e) === NO_SUBSCRIPTION) return 'no_subscription'
        throw e
      }
    },
  }
}

/** How one kind of notice becomes a subscribe message: the template id and which notice field fills which template field. */
export interface TemplateSpec {
  id: string
  /** Template field → notice field, e.g. `{ thing1: 'title', thing2: 'body' }`. */
  fields: Record<string, 'title' | 'body'>
}

/**
 * The core's Notifier port (push beyond the in-app inbox) on subscribe messages. Kinds without a
 * configured template are skipped; a failure for one user is logged and does not stop the others
 * (the inbox already holds every notice).
 */
export function subscribeNotifier(options: {
  send: () => OpenApiCall
  templates: Partial<Record<NoticeKind, TemplateSpec>>
  openIdOf: (userId: string) => Promise<string | null>
  log: (message: string, error?: unknown) => void
  miniprogramState?: WechatNotifierOptions['miniprogramState']
}): CoreNotifier {
  const ids = Object.fromEntries(Object.entries(options.templates).map(([kind, spec]) => [kind, (spec as TemplateSpec).id]))
  const one = wechatNotifier({ send: options.send, templates: ids, openIdOf: options.openIdOf, miniprogramState: options.miniprogramState })
  return {
    async notify(userIds, notice) {
      const spec = options.templates[notice.kind]
      if (!spec) return
      const data = Object.fromEntries(Object.entries(spec.fields).map(([field, from]) => [field, notice[from]]))
      for (const userId of new Set(userIds)) {
        await one
          .notify({ userId, template: notice.kind, page: notice.link.replace(/^\//, ''), data })
          .catch((e) => options.log('subscribe message failed', e))
      }
    },
  }
}

/** Templates from the REDGRID_SUBSCRIBE_TEMPLATES environment variable (JSON), or none. */
export function templatesFromEnv(
  raw: string | undefined,
  log: (message: string, error?: unknown) => void,
): Partial<Record<NoticeKind, TemplateSpec>> {
  if (!raw) return {}
  try {
    return JSON.parse(raw)
  } catch (e) {
    log('REDGRID_SUBSCRIBE_TEMPLATES is not valid JSON; subscribe messages are off', e)
    return {}
  }
}
