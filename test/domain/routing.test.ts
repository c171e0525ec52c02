// Ranking rules, table-driven: each rule's part in words, ties and the load cap.
import type { Order, User } from '../../cloudfunctions/core/domain/model'
import { NO_STATS, type MemberStats, eligible, rankMembers, scoreMember } from '../../cloudfunctions/core/domain/routing'
import { deadline, escalate } from '../../cloudfunctions/core/domain/escalation'
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules'

const order = {
  id: 'o_1',
  communityId: 'c',
  residentId: 'u_res',
  kind: 'service',
  category: 'elderly_child',
  title: '陪老人去医院陪诊',
  description: '需要会量血压',
  urgency: 'normal',
  gridId: 'g1',
  buildingId: 'b1',
  status: 'open',
  assigneeId: null,
} as unknown as Order

const member = (id: string, fields: Partial<User> = {}, posts: string[] = [], skills: string[] = []): User => ({
  id,
  communityId: 'c',
  name: id,
  phone: null,
  roles: ['member'],
  gridId: null,
  buildingId: null,
  room: null,
  member: { branch: null, workUnit: null, posts: posts as never, skills, status: 'on_job', management: 'direct' },
  rankingOptIn: false,
  workGrids: [],
  gridLead: false,
  headOf: null,
  createdAt: 0,
  ...fields,
})
const stats = (s: Partial<MemberStats>): MemberStats => ({ ...NO_STATS, ...s })

describe('scoreMember', () => {
  it.each([
    ['claimed the post', member('a', {}, ['elderly_child']), NO_STATS, [['已认领助老扶幼岗', 30]]],
    ['a matching skill', member('a', {}, [], ['陪诊', '电工']), NO_STATS, [['擅长陪诊', 10]]],
    [
      'at most two skills',
      member('a', {}, [], ['陪诊', '量血压', '医院']),
      NO_STATS,
      [
        ['擅长陪诊', 10],
        ['擅长量血压', 10],
      ],
    ],
    ['same building beats same grid', member('a', { buildingId: 'b1', gridId: 'g1' }), NO_STATS, [['同楼栋', 25]]],
    ['same grid', member('a', { buildingId: 'b9', gridId: 'g1' }), NO_STATS, [['同网格', 20]]],
    ['open load', member('a'), stats({ open: 2 }), [['手头 2 单', -20]]],
    ['good ratings (3 or more)', member('a'), stats({ ratingSum: 14, ratingCount: 3 }), [['近期好评多', 10]]],
    ['too few ratings to count', member('a'), stats({ ratingSum: 10, ratingCount: 2 }), []],
    ['poor ratings', member('a'), stats({ ratingSum: 8, ratingCount: 4 }), [['近期评价偏低', -10]]],
    ['releases', member('a'), stats({ releases: 2 }), [['近期退单 2 次', -16]]],
    ['no-shows', member('a'), stats({ noShows: 1 }), [['活动缺席 1 次', -5]]],
  ])('%s', (_, m, s, parts) => {
    const scored = scoreMember(order, m, s)
    expect(scored.parts.map((p) => [p.label, p.points])).toEqual(parts)
    expect(scored.score).toBe((parts as Array<[string, number]>).reduce((n, [, p]) => n + p, 0))
  })
})

describe('eligibility', () => {
  it.each([
    ['a member of the community', member('a'), NO_STATS, true],
    ['the resident who ordered it', member('u_res'), NO_STATS, false],
    ['someone without the member role', member('a', { roles: ['resident'] }), NO_STATS, false],
    ['another community', member('a', { communityId: 'c2' }), NO_STATS, false],
    ['a member at the load cap', member('a'), stats({ open: 3 }), false],
    ['a member one below the cap', member('a'), stats({ open: 2 }), true],
  ])('%s → %s', (_, m, s, ok) => {
    expect(eligible(order, m, s, 3)).toBe(ok)
  })
})

describe('rankMembers', () => {
  it('orders by score, then lighter load, then seniority, then id', () => {
    const all = [
      member('late', { createdAt: 5, gridId: 'g1' }),
      member('busy', { createdAt: 1, gridId: 'g1', buildingId: 'b1' }),
      member('early', { createdAt: 1, gridId: 'g1' }),
      member('post', {}, ['elderly_child']),
      member('twin', { createdAt: 1, gridId: 'g1' }),
      member('capped', { gridId: 'g1' }, ['elderly_child']),
    ]
    const s: Record<string, MemberStats> = { busy: stats({ open: 1 }), capped: stats({ open: 3 }) }
    const ranked = rankMembers(order, all, (id) => s[id] ?? NO_STATS, 3)
    expect(ranked.map((r) => [r.member.id, r.score])).toEqual([
      ['post', 30],
      ['early', 20], // 20, no load, joined first; ties with 'twin' broken by id
      ['twin', 20],
      ['late', 20],
      ['busy', 15], // 同楼栋 25, 手头 1 单 −10
    ])
  })

  it('ranks 10,000 members without trouble', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => member(`m${i}`, { gridId: `g${i % 7}` }, i % 3 ? ['care'] : ['elderly_child']))
    const ranked = rankMembers(order, many, () => NO_STATS, 3, 5)
    expect(ranked).toHaveLength(5)
    expect(ranked[0].score).toBe(50) // post + same grid
  })
})

describe('escalation ladder', () => {
  const base = { ...order, level: 'grid', escalations: [], urgency: 'urgent', severity: 'general' } as unknown as Order
  const t0 = Date.parse('2026-11-25T02:00:00Z')
  const due = deadline(DEFAULT_RULES, base, 'open', t0) as number

  it.each([
    ['urgent', 'open', 2],
    ['urgent', 'claimed', 24],
    ['normal', 'open', 24],
    ['normal', 'claimed', 72],
    ['low', 'open', 72],
    ['low', 'claimed', 168],
    ['normal', 'completed', 72],
  ] as const)('%s %s: %i h', (urgency, status, hours) => {
    expect(deadline(DEFAULT_RULES, { urgency, severity: 'general' }, status, t0)).toBe(t0 + hours * 3600_000)
  })

  it('rises one level past the deadline, with a fresh period, up to 街道 and no further', () => {
    const o = { ...base, dueAt: due }
    expect(escalate(o, DEFAULT_RULES, due - 1)).toBeNull()
    const first = escalate(o, DEFAULT_RULES, due) as Partial<Order>
    expect(first).toMatchObject({ level: 'community', dueAt: due + 2 * 3600_000 })
    expect(first.escalations).toEqual([{ at: due, from: 'grid', to: 'community', reason: '超过接单时限' }])
    const second = escalate({ ...o, ...first }, DEFAULT_RULES, (first.dueAt as number) + 1) as Partial<Order>
    expect(second.level).toBe('street')
    expect(escalate({ ...o, ...second }, DEFAULT_RULES, Number.MAX_SAFE_INTEGER)).toBeNull()
  })

  it('leaves alone orders that wait on no one', () => {
    for (const status of ['submitted', 'completed', 'closed', 'cancelled'] as const) {
      expect(escalate({ ...base, status, dueAt: due }, DEFAULT_RULES, due + 1)).toBeNull()
    }
  })
})
