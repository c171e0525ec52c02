// The queries that grow with a community use an index, never a full scan of orders.
import { hallSql, orderListSql, queueSql } from '../../cloudfunctions/adapters/sqlite/order-queries'
import { openStore } from '../../cloudfunctions/adapters/sqlite/store'

const store = openStore(':memory:')
afterAll(() => store.close())

const plan = ({ sql, params }: { sql: string; params: Record<string, unknown> }) =>
  (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as Array<{ detail: string }>).map((r) => r.detail)

const hall = { communityId: 'c', memberId: 'm', buildingId: 'b', gridId: 'g', limit: 20 }

it.each([
  ['the hall', hallSql(hall, false)],
  [
    'the hall, a later page of one post type',
    hallSql({ ...hall, category: 'care', cursor: Buffer.from('[1,5,"o_x"]').toString('base64url') }, false),
  ],
  ['为你推荐 candidates', hallSql({ ...hall, posts: ['care', 'education'], limit: 100 }, true)],
  ['the review queue', orderListSql({ communityId: 'c', statuses: ['submitted'], limit: 20 })],
  ['a resident’s orders', orderListSql({ communityId: 'c', residentId: 'r', limit: 20 })],
  ['a 网格员’s review queue', orderListSql({ communityId: 'c', statuses: ['submitted'], gridIds: ['g1', 'g2'], limit: 20 })],
  ['the orders one placed for residents (代办)', orderListSql({ communityId: 'c', agentId: 'u', limit: 20 })],
  ['the 回访 list', orderListSql({ communityId: 'c', statuses: ['closed'], revisitDue: true, limit: 20 })],
  ['the 逾期/升级 queue', queueSql({ communityIds: ['c'], gridIds: ['g1'], now: 1 }, undefined, 20)],
  ['what reached 街道', queueSql({ communityIds: ['c1', 'c2'], atStreet: true }, undefined, 20)],
])('%s searches by index', (_, query) => {
  const steps = plan(query)
  console.log(`${_}: ${steps.join(' | ')}`)
  expect(steps.some((s) => /^SEARCH orders USING (COVERING )?INDEX/.test(s))).toBe(true)
  expect(steps.filter((s) => /^SCAN orders/.test(s))).toEqual([])
})
