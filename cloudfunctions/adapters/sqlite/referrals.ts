// 转办 on better-sqlite3: the community's directory of units, and referrals of orders to them
// (versioned rows, checked like orders).
import type { ReferralStatus, UnitKind } from '@shared/enums'
import type { Referral, Unit } from '../../core/domain/model'
import type { ReferralRepo } from '../../core/ports'
import { type Statements, assignments, flag, insertInto, int, intOrNull, oneOf, rowMapper, text, textOrNull } from './sql'
import { uniquely, versioned } from './sql'

const UNIT = rowMapper<Unit>({
  id: text,
  communityId: text,
  name: text,
  kind: oneOf<UnitKind>(),
  contact: textOrNull,
  phone: textOrNull,
  active: flag,
  updatedAt: int,
})

const REFERRAL = rowMapper<Referral>({
  id: text,
  orderId: text,
  communityId: text,
  unitId: text,
  unitName: text,
  status: oneOf<ReferralStatus>(),
  note: textOrNull,
  deadline: int,
  referredBy: text,
  referredAt: int,
  answer: textOrNull,
  answeredBy: textOrNull,
  answeredAt: intOrNull,
  version: int,
})

// a unit never moves to another community
const UPSERT_UNIT = `${insertInto('units', UNIT.columns)} ON CONFLICT (id) DO UPDATE SET ${assignments(
  UNIT.columns.filter((c) => c !== 'id' && c !== 'community_id'),
)}`
const UPDATE_REFERRAL = `UPDATE referrals SET ${assignments(REFERRAL.columns.filter((c) => c !== 'id'))} WHERE id = @id AND version = @version - 1`

export function createReferralRepo(q: Statements): ReferralRepo {
  return {
    async unit(id) {
      return UNIT.one(q('SELECT * FROM units WHERE id = ?').get(id))
    },
    async units(communityId) {
      return UNIT.all(q('SELECT * FROM units WHERE community_id = ? ORDER BY name, id').all(communityId))
    },
    async saveUnit(unit) {
      q(UPSERT_UNIT).run(UNIT.params(unit))
    },
    async referral(id) {
      return REFERRAL.one(q('SELECT * FROM referrals WHERE id = ?').get(id))
    },
    async saveReferral(r) {
      if (r.version === 1) uniquely(`referral ${r.id} exists`, () => q(insertInto('referrals', REFERRAL.columns)).run(REFERRAL.params(r)))
      else versioned(`referral ${r.id} changed`, () => q(UPDATE_REFERRAL).run(REFERRAL.params(r)))
    },
    async referralsOf(orderId) {
      return REFERRAL.all(q('SELECT * FROM referrals WHERE order_id = ? ORDER BY referred_at, id').all(orderId))
    },
  }
}
