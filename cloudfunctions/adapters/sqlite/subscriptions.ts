// 订阅消息 grants on better-sqlite3: one row per person and template.
import { TEMPLATE_KEYS, type TemplateKey } from '@shared/subscribe'
import type { SubscriptionGrant } from '../../core/domain/model'
import type { SubscriptionRepo } from '../../core/ports'
import { type Statements, assignments, insertInto, int, named, oneOf, rowMapper, text } from './sql'

// `left` is an SQL keyword: its column is `left_count`
const GRANT = rowMapper<SubscriptionGrant>({ userId: text, template: oneOf<TemplateKey>(), left: named('left_count', int), updatedAt: int })

const byTemplate = (a: SubscriptionGrant, b: SubscriptionGrant) => TEMPLATE_KEYS.indexOf(a.template) - TEMPLATE_KEYS.indexOf(b.template)

export function createSubscriptionRepo(q: Statements): SubscriptionRepo {
  const upsert = `${insertInto('subscriptions', GRANT.columns)} ON CONFLICT (user_id, template) DO UPDATE SET ${assignments(
    GRANT.columns.filter((c) => c !== 'user_id' && c !== 'template'),
  )}`
  return {
    async grant(userId, template) {
      return GRANT.one(q('SELECT * FROM subscriptions WHERE user_id = ? AND template = ?').get(userId, template))
    },
    async saveGrant(grant) {
      q(upsert).run(GRANT.params(grant))
    },
    async grantsOf(userId) {
      return GRANT.all(q('SELECT * FROM subscriptions WHERE user_id = ?').all(userId)).sort(byTemplate)
    },
    async forget(userId) {
      q('DELETE FROM subscriptions WHERE user_id = ?').run(userId)
    },
  }
}
