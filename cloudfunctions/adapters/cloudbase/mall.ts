// The points mall on CloudBase: goods and redemptions are versioned documents at their ids, holdings
// at `goodsId:memberId`, pickup codes at `communityId:code` (unique per community by the id itself).
import type { Goods, Redemption } from '../../core/domain/model'
import type { MallRepo } from '../../core/ports'
import { WriteConflict } from '../../core/ports'
import { NEWEST, byId, fieldsOf, num, paged, str, toDoc } from './docs'
import { type Cond, type Sort, eq } from './query'
import type { Doc, Scope } from './scope'

const toGoods = (d: Doc): Goods => ({ ...(fieldsOf(d) as Omit<Goods, 'id'>), id: d._id, image: str(d.image), onShelf: d.onShelf === true })

const toRedemption = (d: Doc): Redemption => ({
  ...(fieldsOf(d) as Omit<Redemption, 'id'>),
  id: d._id,
  goodsImage: str(d.goodsImage),
  pickedAt: num(d.pickedAt),
  verifiedBy: str(d.verifiedBy),
  remindedAt: num(d.remindedAt),
  consumed: (d.consumed as Redemption['consumed']) ?? {},
})

const ON_SHELF_FIRST: Sort = [
  ['onShelf', 'desc'],
  ['createdAt', 'desc'],
  ['_id', 'asc'],
]

/** The stored document at `version - 1`, or WriteConflict. */
async function previous(scope: Scope, collection: string, record: { id: string; version: number }, what: string) {
  const current = await scope.get(collection, record.id)
  if (!current || current.version !== record.version - 1) throw new WriteConflict(`${what} ${record.id} changed`)
  return current
}

export function createMallRepo(scope: Scope): MallRepo {
  return {
    goods: (id) => byId(scope, 'goods', id, toGoods),
    async listGoods(communityId, includeOffShelf) {
      const where = [eq('communityId', communityId), ...(includeOffShelf ? [] : [eq('onShelf', true)])]
      return (await scope.queryAll('goods', { where, sort: ON_SHELF_FIRST })).map(toGoods)
    },
    async insertGoods(goods) {
      await scope.insert('goods', toDoc(goods.id, goods, 'id'), `goods ${goods.id}`)
    },
    async updateGoods(goods) {
      const current = await previous(scope, 'goods', goods, 'goods')
      // as SQLite: the community and creation time never change here
      await scope.put('goods', { ...toDoc(goods.id, goods, 'id'), communityId: current.communityId, createdAt: current.createdAt })
    },
    async takeUnit(goodsId) {
      // one take per good and unit of work: the SDK's re-run after a conflict finds it done
      const key = `takeUnit:${goodsId}`
      if (scope.outside.done.has(key)) return true
      const after = await scope.updateNow(
        'goods',
        (_) => ({ _id: goodsId, onShelf: true, stock: _.gt(0) }),
        (_) => ({ stock: _.inc(-1), version: _.inc(1) }),
      )
      if (!after) return false
      scope.outside.done.set(key, true)
      // the redemption did not happen after all (not enough points, the limit, an error): the unit goes back
      scope.outside.undo.push(() =>
        scope.updateNow(
          'goods',
          () => ({ _id: goodsId }),
          (_) => ({ stock: _.inc(1), version: _.inc(1) }),
        ),
      )
      return true
    },
    async holding(goodsId, memberId) {
      const d = await scope.get('holdings', `${goodsId}:${memberId}`)
      return typeof d?.count === 'number' ? d.count : 0
    },
    async setHolding(goodsId, memberId, count) {
      await scope.put('holdings', { _id: `${goodsId}:${memberId}`, goodsId, memberId, count })
    },
    redemption: (id) => byId(scope, 'redemptions', id, toRedemption),
    async insertRedemption(r) {
      await scope.insert('redemptions', toDoc(r.id, r, 'id'), `redemption ${r.id}`)
    },
    async updateRedemption(r) {
      await previous(scope, 'redemptions', r, 'redemption')
      // as SQLite: only the pickup state (and its reminder) moves
      await scope.patch('redemptions', r.id, {
        status: r.status,
        pickedAt: r.pickedAt,
        verifiedBy: r.verifiedBy,
        remindedAt: r.remindedAt,
        version: r.version,
      })
    },
    redemptions: (memberId, cursor, limit) => paged(scope, 'redemptions', [eq('memberId', memberId)], NEWEST, cursor, limit, toRedemption),
    async redemptionByCode(communityId, code) {
      return str((await scope.get('pickup_codes', `${communityId}:${code}`))?.redemptionId)
    },
    async claimCode(communityId, code, redemptionId) {
      await scope.insert('pickup_codes', { _id: `${communityId}:${code}`, communityId, code, redemptionId }, `pickup code ${code}`)
    },
    async dueForPickupReminder(until, limit) {
      // a missing field reads as null (CLOUDBASE.md): redemptions made before reminders exist are due too
      const where: Cond[] = [eq('status', 'pending'), eq('remindedAt', null), { f: 'expiresAt', op: 'lte', v: until }]
      return (await scope.queryAll('redemptions', { where, sort: [['expiresAt', 'asc']] }, limit)).map((d) => d._id)
    },
    async dueForExpiry(now, limit) {
      const where: Cond[] = [eq('status', 'pending'), { f: 'expiresAt', op: 'lt', v: now }]
      return (await scope.queryAll('redemptions', { where, sort: [['expiresAt', 'asc']] }, limit)).map((d) => d._id)
    },
  }
}
