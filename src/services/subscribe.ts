// 订阅消息 from the app: where a person expects it (提交 an order, 接单, 报名, 兑换) the app asks WeChat for
// the templates of what will follow, then tells the functions what was accepted (accounts.subscribe), one
// grant per message. WeChat shows its sheet only when asked synchronously inside a tap, so `askToSubscribe`
// must be the first thing a tap handler does, before any await or network call. The template ids come
// from the one setting REDGRID_SUBSCRIBE_TEMPLATES the functions read too (config/index.ts puts it into
// the build); a template without an id is never asked for. H5 and local mode: no sheet, inbox only.
import { parseTemplateIds, type TemplateIds, type TemplateKey } from '@shared/subscribe'
import { platform } from '@/platform'
import { newRequestId } from '@/utils/id'
import { call } from './transport'

function builtIds(): TemplateIds {
  try {
    return parseTemplateIds(process.env.TARO_APP_SUBSCRIBE_TEMPLATES)
  } catch {
    return {}
  }
}

const IDS = builtIds()

/**
 * Asks for `keys` (those with an id) in WeChat's subscription sheet — synchronously, so call it first
 * thing in the tap — and resolves once the person answered, with the templates they accepted; those are
 * reported to the functions in the background (a lost report costs a message, never the tap's action).
 * Resolves [] at once where there is nothing to ask (H5, no ids, a person acting for someone else).
 */
export function askToSubscribe(keys: readonly TemplateKey[]): Promise<TemplateKey[]> {
  const wanted = keys.filter((k) => IDS[k])
  if (!platform.canSubscribe || wanted.length === 0) return Promise.resolve([])
  return platform.requestSubscribe(wanted.map((k) => IDS[k] as string)).then((answers) => {
    const accepted = wanted.filter((k) => answers[IDS[k] as string] === 'accept')
    if (accepted.length > 0)
      void call('accounts', 'subscribe', { accepted }, { requestId: newRequestId(), loading: false, quiet: true }).catch(() => undefined)
    return accepted
  })
}
