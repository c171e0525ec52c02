// 转办 on CloudBase: units at their ids in `units`, referrals versioned at theirs in `referrals`, with
// the SQLite adapter's semantics.
import type { Referral, Unit } from '../../core/domain/model'
import type { ReferralRepo } from '../../core/ports'
import { byId, fromDoc, saveVersioned, toDoc } from './docs'
import { eq } from './query'
import type { Doc, Scope } from './scope'

const toUnit = (d: Doc) => fromDoc<Unit>(d, 'id')
const toReferral = (d: Doc) => fromDoc<Referral>(d, 'id')

export function createReferralRepo(scope: Scope): ReferralRepo {
  return {
    unit: (id) => byId(scope, 'units', id, toUnit),
    async units(communityId) {
      return (await scope.queryAll('units', { where: [eq('communityId', communityId)], sort: [['name', 'asc']] })).map(toUnit)
    },
    async saveUnit(unit) {
      const current = await scope.get('units', unit.id)
      // a unit never moves to another community
      await scope.put('units', toDoc(unit.id, { ...unit, communityId: (current?.communityId as string) ?? unit.communityId }, 'id'))
    },
    referral: (id) => byId(scope, 'referrals', id, toReferral),
    async saveReferral(r) {
      await saveVersioned(scope, 'referrals', toDoc(r.id, r, 'id'), r.version, `referral ${r.id}`)
    },
    async referralsOf(orderId) {
      return (await scope.queryAll('referrals', { where: [eq('orderId', orderId)], sort: [['referredAt', 'asc']] })).map(toReferral)
    },
  }
}
