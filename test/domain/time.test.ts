// Beijing calendar arithmetic (functions run in UTC) agrees with dayjs' timezone plugin.
import { dayOf, inZone, startOfYear, yearOf } from '../../cloudfunctions/core/domain/time'

describe('Beijing time', () => {
  it('agrees with dayjs tz on days and years across boundaries', () => {
    const instants: number[] = []
    for (let t = Date.parse('2024-12-30T00:00:00Z'); t < Date.parse('2027-01-03T00:00:00Z'); t += 3 * 3600_000 + 17 * 60_000)
      instants.push(t)
    for (const t of instants) {
      expect([t, dayOf(t), yearOf(t)]).toEqual([t, inZone(t).format('YYYY-MM-DD'), inZone(t).year()])
    }
  })

  it('puts 23:30 Friday UTC+8 and 00:30 Saturday UTC+8 on different days, whatever UTC says', () => {
    const friday = Date.parse('2026-11-27T15:30:00Z') // Fri 23:30 in Beijing
    const saturday = Date.parse('2026-11-27T16:30:00Z') // Sat 00:30 in Beijing, still Friday in UTC
    expect([dayOf(friday), dayOf(saturday)]).toEqual(['2026-11-27', '2026-11-28'])
  })

  it('starts a year at Beijing midnight', () => {
    expect(new Date(startOfYear(2028)).toISOString()).toBe('2027-12-31T16:00:00.000Z')
    expect([yearOf(startOfYear(2028) - 1), yearOf(startOfYear(2028))]).toEqual([2027, 2028])
  })
})
