// 订阅消息 grants on CloudBase: one document per person and template at `${userId}:${template}`.
import { TEMPLATE_KEYS, type TemplateKey } from '@shared/subscribe'
import type { SubscriptionGrant } from '../../core/domain/model'
import type { SubscriptionRepo } from '../../core/ports'
import { byId } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toGrant = (d: Doc): SubscriptionGrant => ({
  userId: d.userId as string,
  template: d.template as TemplateKey,
  left: d.left as number,
  updatedAt: d.updatedAt as number,
})

const idOf = (userId: string, template: TemplateKey) => `${userId}:${template}`

export function createSubscriptionRepo(scope: Scope): SubscriptionRepo {
  const mine = (userId: string) => scope.queryAll('subscriptions', { where: [eq('userId', userId)], sort: [] })
  return {
    grant: (userId, template) => byId(scope, 'subscriptions', idOf(userId, template), toGrant),
    async saveGrant(grant) {
      await scope.put('subscriptions', { ...grant, _id: idOf(grant.userId, grant.template) })
    },
    async grantsOf(userId) {
      const order = (g: SubscriptionGrant) => TEMPLATE_KEYS.indexOf(g.template)
      return (await mine(userId)).map(toGrant).sort((a, b) => order(a) - order(b))
    },
    async forget(userId) {
      for (const d of await mine(userId)) await scope.remove('subscriptions', d._id)
    },
  }
}
