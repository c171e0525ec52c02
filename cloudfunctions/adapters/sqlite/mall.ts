// The points mall on better-sqlite3: goods (version-checked stock), per-member holdings, redemptions
// and the pickup code index, unique per community.
import type { Goods, Lots, Redemption, RedemptionStatus } from '../../core/domain/model'
import type { MallRepo } from '../../core/ports'
import { type Statements, flag, insertInto, int, intOrNull, jsonOf, numberAndId, oneOf, pageOf, pluck, rowMapper, text } from './sql'
import { textOrNull, uniquely, versioned } from './sql'

const GOODS = rowMapper<Goods>({
  id: text,
  communityId: text,
  name: text,
  image: textOrNull,
  description: text,
  price: int,
  stock: int,
  limitPerMember: int,
  onShelf: flag,
  createdAt: int,
  updatedAt: int,
  version: int,
})

const REDEMPTION = rowMapper<Redemption>({
  id: text,
  communityId: text,
  memberId: text,
  goodsId: text,
  goodsName: text,
  goodsImage: textOrNull,
  price: int,
  code: text,
  status: oneOf<RedemptionStatus>(),
  consumed: jsonOf<Lots>({}),
  createdAt: int,
  expiresAt: int,
  pickedAt: intOrNull,
  verifiedBy: textOrNull,
  remindedAt: intOrNull,
  version: int,
})

export function createMallRepo(q: Statements): MallRepo {
  return {
    async goods(id) {
      return GOODS.one(q('SELECT * FROM goods WHERE id = ?').get(id))
    },
    async listGoods(communityId, includeOffShelf) {
      const sql = 'SELECT * FROM goods WHERE community_id = ? AND (on_shelf = 1 OR ?) ORDER BY on_shelf DESC, created_at DESC, id'
      return GOODS.all(q(sql).all(communityId, includeOffShelf ? 1 : 0))
    },
    async insertGoods(goods) {
      uniquely(`goods ${goods.id} exists`, () => q(insertInto('goods', GOODS.columns)).run(GOODS.params(goods)))
    },
    async updateGoods(goods) {
      // the community and creation time never change
      const sql = `UPDATE goods SET name = @name, image = @image, description = @description, price = @price, stock = @stock,
         limit_per_member = @limit_per_member, on_shelf = @on_shelf, updated_at = @updated_at, version = @version
         WHERE id = @id AND version = @version - 1`
      versioned(`goods ${goods.id} changed`, () => q(sql).run(GOODS.params(goods)))
    },
    async takeUnit(goodsId) {
      return (
        q('UPDATE goods SET stock = stock - 1, version = version + 1 WHERE id = ? AND on_shelf = 1 AND stock > 0').run(goodsId).changes ===
        1
      )
    },
    async holding(goodsId, memberId) {
      const row = q('SELECT count FROM holdings WHERE goods_id = ? AND member_id = ?').get(goodsId, memberId) as
        | { count: number }
        | undefined
      return row?.count ?? 0
    },
    async setHolding(goodsId, memberId, count) {
      q(
        'INSERT INTO holdings (goods_id, member_id, count) VALUES (?, ?, ?) ON CONFLICT (goods_id, member_id) DO UPDATE SET count = excluded.count',
      ).run(goodsId, memberId, count)
    },
    async redemption(id) {
      return REDEMPTION.one(q('SELECT * FROM redemptions WHERE id = ?').get(id))
    },
    async insertRedemption(r) {
      uniquely(`redemption ${r.id} exists`, () => q(insertInto('redemptions', REDEMPTION.columns)).run(REDEMPTION.params(r)))
    },
    async updateRedemption(r) {
      // only the pickup state (and its reminder) moves
      const sql = `UPDATE redemptions SET status = @status, picked_at = @picked_at, verified_by = @verified_by, reminded_at = @reminded_at, version = @version
         WHERE id = @id AND version = @version - 1`
      versioned(`redemption ${r.id} changed`, () => q(sql).run(REDEMPTION.params(r)))
    },
    async redemptions(memberId, cursor, limit) {
      const [cAt, cId] = numberAndId(cursor) ?? [null, null]
      const rows = q(
        `SELECT * FROM redemptions WHERE member_id = @member AND (@cAt IS NULL OR created_at < @cAt OR (created_at = @cAt AND id < @cId))
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      ).all({ member: memberId, cAt, cId, limit: limit + 1 })
      return pageOf(rows, limit, REDEMPTION.read, (last) => [last.createdAt, last.id])
    },
    async redemptionByCode(communityId, code) {
      const row = q('SELECT redemption_id FROM pickup_codes WHERE community_id = ? AND code = ?').get(communityId, code) as
        | { redemption_id: string }
        | undefined
      return row?.redemption_id ?? null
    },
    async claimCode(communityId, code, redemptionId) {
      uniquely(`pickup code ${code} taken`, () =>
        q('INSERT INTO pickup_codes (community_id, code, redemption_id) VALUES (?, ?, ?)').run(communityId, code, redemptionId),
      )
    },
    async dueForPickupReminder(until, limit) {
      return pluck(
        q(
          `SELECT id FROM redemptions WHERE status = 'pending' AND reminded_at IS NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?`,
        ).all(until, limit),
      )
    },
    async dueForExpiry(now, limit) {
      return pluck(q(`SELECT id FROM redemptions WHERE status = 'pending' AND expires_at < ? ORDER BY expires_at LIMIT ?`).all(now, limit))
    },
  }
}
