// The workbench's pure rules, table-driven: medians, the 三评 weights and grades, periods in Beijing
// days, the points flow, place names in counting order, and who may decide a registration.
import { combine, gradeOf } from '../../cloudfunctions/core/domain/evaluation'
import { median, pointsFlow } from '../../cloudfunctions/core/domain/dashboard'
import type { LedgerRecord, Registration } from '../../cloudfunctions/core/domain/model'
import { applyRegistration, assertCanDecide, byPlaceName, formatRoom } from '../../cloudfunctions/core/domain/onboarding'
import { daysOf, period } from '../../cloudfunctions/core/domain/period'

describe('median', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[30, 90, 10], 30],
    [[120, 240], 180],
    [[4, 1, 3, 2], 2.5],
  ])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected)
  })
})

describe('三评', () => {
  const entry = (score: number) => ({ score, text: null, by: null, byName: null, at: 0 })
  it.each([
    [80, 90, 95, 90, '优秀'],
    [100, 100, 100, 100, '优秀'],
    [80, 90, 70, 80, '合格'],
    [60, 75, 75, 72, '基本合格'],
    [0, 50, 60, 44, '不合格'],
    [75, 74, 75, 74.6, '基本合格'],
  ])('自评 %i, 社区 %i, 组织 %i → %d %s', (self, community, branch, combined, grade) => {
    expect(combine({ self: entry(self), community: entry(community), branch: entry(branch) })).toEqual({ combined, grade, missing: [] })
  })

  it('waits for every part, naming what is missing', () => {
    expect(combine(null)).toEqual({ combined: null, grade: null, missing: ['self', 'community', 'branch'] })
    expect(combine({ self: entry(90), community: null, branch: entry(90) })).toEqual({
      combined: null,
      grade: null,
      missing: ['community'],
    })
  })

  it.each([
    [90, '优秀'],
    [89.9, '合格'],
    [75, '合格'],
    [60, '基本合格'],
    [59.9, '不合格'],
  ])('grade at %d is %s', (score, grade) => expect(gradeOf(score)).toBe(grade))
})

describe('periods in Beijing days', () => {
  it('runs from the first day’s midnight to the midnight after the last, in Beijing', () => {
    const p = period('2030-03-04', '2030-03-10')
    expect(new Date(p.start).toISOString()).toBe('2030-03-03T16:00:00.000Z')
    expect(new Date(p.end).toISOString()).toBe('2030-03-10T16:00:00.000Z')
    expect(daysOf(p)).toEqual(['2030-03-04', '2030-03-05', '2030-03-06', '2030-03-07', '2030-03-08', '2030-03-09', '2030-03-10'])
    expect(daysOf(period('2030-12-31', '2031-01-01'))).toEqual(['2030-12-31', '2031-01-01'])
  })
})

describe('points flow', () => {
  const e = (reason: LedgerRecord['reason'], delta: number): LedgerRecord => ({
    sourceKey: `${reason}${delta}`,
    memberId: 'm',
    communityId: 'c',
    delta,
    reason,
    note: '',
    balanceAfter: 0,
    at: 0,
  })
  it('issues awards and positive adjustments; redeems redemptions less refunds', () => {
    expect(
      pointsFlow([
        e('order_award', 25),
        e('activity_award', 10),
        e('adjustment', 5),
        e('adjustment', -3),
        e('redemption', -60),
        e('refund', 45),
        e('expiry', -2),
      ]),
    ).toEqual({
      issued: 40,
      redeemed: 15,
    })
  })
})

describe('places and rooms', () => {
  it('sorts grids and buildings as people count them', () => {
    const names = ['第十网格', '第三网格', '第一网格', '第二网格', '10号楼', '2号楼'].map((name, i) => ({ name, id: `x${i}` }))
    expect(names.sort(byPlaceName).map((n) => n.name)).toEqual(['2号楼', '10号楼', '第一网格', '第二网格', '第三网格', '第十网格'])
  })
  it.each([
    ['2', '301', '2单元 301'],
    ['2单元', '301', '2单元 301'],
    ['东单元', '1202', '东单元 1202'],
  ])('unit %s room %s → %s', (unit, room, expected) => expect(formatRoom(unit, room)).toBe(expected))
})

describe('deciding a registration', () => {
  const reg = (over: Partial<Registration> = {}): Registration => ({
    userId: 'u_new',
    communityId: 'c1',
    kind: 'resident',
    status: 'pending',
    name: '陈明',
    phone: '13912345678',
    buildingId: 'b1',
    gridId: 'g1',
    room: '2单元 301',
    member: null,
    submittedAt: 0,
    decidedAt: null,
    decidedBy: null,
    reason: null,
    version: 1,
    ...over,
  })
  const staff = { userId: 's1', communityId: 'c1', roles: ['staff' as const], name: '林晓' }
  it.each([
    ['no registration', null, staff, 'NOT_FOUND'],
    ['another community', reg({ communityId: 'c2' }), staff, 'NOT_FOUND'],
    ['not staff', reg(), { ...staff, roles: ['member' as const] }, 'NOT_FOUND'],
    ['one’s own', reg({ userId: 's1' }), staff, 'FORBIDDEN'],
    ['already approved', reg({ status: 'approved' }), staff, 'CONFLICT'],
    ['already turned down', reg({ status: 'rejected' }), staff, 'CONFLICT'],
  ])('refuses %s', (_label, r, actor, code) => {
    expect(() => assertCanDecide(r, actor)).toThrow(expect.objectContaining({ code }))
  })

  it('grants the role and binds the home (grid from the building)', () => {
    const user = {
      id: 'u_new',
      communityId: 'c1',
      name: '新用户',
      phone: null,
      roles: [],
      gridId: null,
      buildingId: null,
      room: null,
      member: null,
      rankingOptIn: false,
      workGrids: [],
      gridLead: false,
      headOf: null,
      createdAt: 0,
    }
    expect(applyRegistration(user, reg(), { id: 'b1', communityId: 'c1', gridId: 'g9', name: '1号楼' })).toMatchObject({
      name: '陈明',
      phone: '13912345678',
      roles: ['resident'],
      buildingId: 'b1',
      gridId: 'g9',
      room: '2单元 301',
    })
    const member = reg({
      kind: 'member',
      gridId: 'g2',
      member: { workUnit: '单位', branch: '支部', posts: ['care'], skills: [], status: 'on_job', management: 'direct' },
    })
    expect(applyRegistration({ ...user, roles: ['resident'], buildingId: 'b1', gridId: 'g1' }, member, null)).toMatchObject({
      roles: ['resident', 'member'],
      gridId: 'g1',
    })
    expect(applyRegistration(user, member, null)).toMatchObject({ roles: ['member'], gridId: 'g2', member: { branch: '支部' } })
  })
})
