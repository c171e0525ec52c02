// Subscribe messages (订阅消息) for order and activity updates: one message to one user (`wechatNotifier`),
// and the core's Notifier port on top of it (`subscribeNotifier`). Each grant from
// wx.requestSubscribeMessage allows one message, so "no subscription left" (43101) is an expected
// outcome, not an error (CLOUDBASE.md).
import { type NoticeField, SUBSCRIBE_TEMPLATES, type TemplateIds, type TemplateKey, parseTemplateIds, templateOf } from '@shared/subscribe'
import type { Notifier as CoreNotifier, Notice } from '../../core/ports'
import type { OpenApiCall } from './openapi'
import { errCodeOf } from './openapi'

/** A message to one user: which template, the page it opens, and the template's fields. */
export interface Notification {
  userId: string
  /** An app-level template name (types/subscribe.ts), mapped to a WeChat template id by configuration. */
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
  templates: Record<string, string | undefined>
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

/** What the notifier needs of the recorded grants (usecases/accounts/subscribe.ts, each in its own transaction). */
export interface Grants {
  /** Uses one grant; false when none is left. */
  use(userId: string, template: TemplateKey): Promise<boolean>
  /** Gives back a grant a failed send did not use. */
  giveBack(userId: string, template: TemplateKey): Promise<void>
  /** WeChat says none is left (43101). */
  drop(userId: string, template: TemplateKey): Promise<void>
}

/**
 * The core's Notifier port (push beyond the in-app inbox) on subscribe messages. A notice goes out on
 * its template (types/subscribe.ts) to a person with a grant left for it, using one; a notice without a
 * template, a template without an id, a person without a grant or an OPENID: inbox only. 43101 (none
 * left after all) ends the grants and is no error; another failure gives the grant back and is logged.
 * One person failing never stops the others (the inbox already holds every notice).
 */
export function subscribeNotifier(options: {
  send: () => OpenApiCall
  /** Template ids from REDGRID_SUBSCRIBE_TEMPLATES. */
  ids: TemplateIds
  openIdOf: (userId: string) => Promise<string | null>
  grants: Grants
  log: (message: string, error?: unknown) => void
  miniprogramState?: WechatNotifierOptions['miniprogramState']
}): CoreNotifier {
  const one = wechatNotifier({
    send: options.send,
    templates: options.ids,
    openIdOf: options.openIdOf,
    miniprogramState: options.miniprogramState,
  })
  async function push(userId: string, template: TemplateKey, notice: Notice) {
    if (!(await options.openIdOf(userId))) return
    if (!(await options.grants.use(userId, template))) return
    const fields = SUBSCRIBE_TEMPLATES[template].fields as Record<string, { from: NoticeField }>
    const data = Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, notice[f.from]]))
    try {
      const outcome = await one.notify({ userId, template, page: notice.link.replace(/^\//, ''), data })
      if (outcome === 'no_subscription') await options.grants.drop(userId, template)
    } catch (e) {
      await options.grants.giveBack(userId, template)
      throw e
    }
  }
  return {
    async notify(userIds, notice) {
      const template = templateOf(notice.kind)
      if (!template || !options.ids[template]) return
      for (const userId of new Set(userIds)) await push(userId, template, notice).catch((e) => options.log('subscribe message failed', e))
    },
  }
}

/** The template ids of REDGRID_SUBSCRIBE_TEMPLATES, or none (logged) when it is not a JSON object. */
export function templatesFromEnv(raw: string | undefined, log: (message: string, error?: unknown) => void): TemplateIds {
  try {
    return parseTemplateIds(raw)
  } catch (e) {
    log('REDGRID_SUBSCRIBE_TEMPLATES is not a JSON object of template ids; subscribe messages are off', e)
    return {}
  }
}
