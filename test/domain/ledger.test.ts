// The ledger's year rules: which lots lapse, the entry that lapses them, and carry-over when expiry is off.
import { carryOver, expiryPosting, lapsedLots, post } from '../../cloudfunctions/core/domain/ledger'
import type { PointAccount } from '../../cloudfunctions/core/domain/model'
import { startOfYear } from '../../cloudfunctions/core/domain/time'

const account = (lots: PointAccount['lots'], version = 4): PointAccount => ({
  memberId: 'u_m',
  communityId: 'c_one',
  balance: Object.values(lots).reduce((a, b) => a + b, 0),
  earned: 0,
  spent: 0,
  lots,
  years: {},
  day: null,
  version,
})
const NEW_YEAR_2028 = startOfYear(2028)

describe('lapsed lots', () => {
  it.each([
    ['the last minute of 2027 keeps 2026', NEW_YEAR_2028 - 1, [2025]],
    ['2028 lapses 2026 and older, oldest first', NEW_YEAR_2028, [2025, 2026]],
  ])('%s', (_, now, years) => {
    expect(lapsedLots(account({ '2026': 20, '2025': 5, '2027': 40 }), now).map((l) => l.year)).toEqual(years)
  })
})

describe('expiry entries', () => {
  it('debits exactly the lapsed lot, keyed by year and the account version', () => {
    const a = account({ '2026': 20, '2027': 40 })
    const p = expiryPosting(a, { year: 2026, points: 20 }, NEW_YEAR_2028)
    expect(p).toEqual({
      sourceKey: 'expiry:u_m:2026:4',
      delta: -20,
      reason: 'expiry',
      note: '2026 年获得的积分已到期',
      at: NEW_YEAR_2028,
      lotYear: 2026,
    })
    expect(post(a, p).account).toMatchObject({ balance: 40, lots: { '2027': 40 }, version: 5 })
  })
})

describe('carry-over (expiry off)', () => {
  it('folds lapsed lots into this year, keeping the balance, so the sweep stops finding them', () => {
    const carried = carryOver(account({ '2025': 5, '2026': 20, '2027': 40, '2028': 1 }), NEW_YEAR_2028)
    expect(carried).toMatchObject({ balance: 66, lots: { '2027': 40, '2028': 26 }, version: 5 })
    expect(carried && lapsedLots(carried, NEW_YEAR_2028)).toEqual([])
  })

  it('changes nothing when nothing has lapsed', () => {
    expect(carryOver(account({ '2027': 40 }), NEW_YEAR_2028)).toBeNull()
  })
})
