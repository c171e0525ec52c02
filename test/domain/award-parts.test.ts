// An order's award part by part (助老扶幼 20 + 五星 5): the parts add up to the award, and the app words them.
import { award, awardParts, DEFAULT_RULES, PointsRulesSchema, storedRules } from '../../cloudfunctions/core/domain/rules'
import { awardPartsText } from '../../src/constants/labels'

describe('award parts', () => {
  it('starts from rules the schema accepts as they are (written out, not parsed at load)', () => {
    expect(PointsRulesSchema.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES)
    expect(PointsRulesSchema.parse({ ...DEFAULT_RULES, ratingShare: undefined, severity: undefined })).toEqual(DEFAULT_RULES)
  })

  it('reads stored rules as the schema would: a set stored before the later rules existed gets their defaults', () => {
    const { ratingShare, revisitAtOrBelow, carePoints, severity, gridTaskPoints, ...older } = { ...DEFAULT_RULES, dailyCap: 80 }
    expect(storedRules(JSON.parse(JSON.stringify(older)))).toEqual(PointsRulesSchema.parse(older))
    expect(storedRules(JSON.parse(JSON.stringify(older))).dailyCap).toBe(80)
    expect(storedRules({ ...older, carePoints: 25 }).carePoints).toBe(25)
  })

  it.each([
    // category, dispatched, rating, parts, words
    ['elderly_child', 20, 5, [20, 5], '助老扶幼 20 + 五星 5'],
    ['elderly_child', 20, 4, [20, 3], '助老扶幼 20 + 四星 3'],
    ['convenience', 15, 3, [15], '便民利民 15'], // three stars bring no bonus: no part
    ['care', 15, null, [15], '爱心关怀 15'], // closed without a rating (72 h)
    ['education', 0, 5, [5], '五星 5'], // dispatched for nothing
    ['elderly_child', 20, 1, [10], '助老扶幼 10'], // one star pays half the dispatched points (ratingShare)
  ] as const)('%s dispatched with %i, rated %p', (category, dispatched, rating, points, words) => {
    const parts = awardParts(DEFAULT_RULES, category, dispatched, rating)
    expect(parts.map((p) => p.points)).toEqual(points)
    expect(parts.reduce((n, p) => n + p.points, 0)).toBe(award(DEFAULT_RULES, dispatched, rating).points)
    expect(awardPartsText(parts)).toBe(words)
  })

  it('words what the daily cap held back', () => {
    expect(
      awardPartsText([
        { kind: 'post', postType: 'elderly_child', points: 20 },
        { kind: 'rating', stars: 5, points: 5 },
        { kind: 'cap', points: -10 },
      ]),
    ).toBe('助老扶幼 20 + 五星 5 − 每日上限 10')
  })
})
