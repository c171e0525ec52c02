// The activity calendar in Beijing time (functions run in UTC), schedule checks, and the rotating
// check-in token — pure rules, table-driven.
import {
  TOKEN_PERIOD_MS,
  checkSchedule,
  checkinToken,
  isThisWeekend,
  judgeToken,
  nextOccurrence,
  reminderAt,
  slotOf,
  weekendOf,
  weeklyRepeat,
} from '../../cloudfunctions/core/domain/activity'
import { formatBeijing } from '../../cloudfunctions/core/domain/time'
import { inZone } from '../../cloudfunctions/core/domain/time'

/** An instant given as Beijing wall time, e.g. bj('2026-11-27 23:30'). */
const bj = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+08:00`)
const wall = (ms: number) => inZone(ms).format('YYYY-MM-DD ddd HH:mm')

describe('this weekend (Beijing Saturday 00:00 – Monday 00:00)', () => {
  const NOV28 = { start: Date.parse('2026-11-27T16:00:00Z'), end: Date.parse('2026-11-29T16:00:00Z') }
  const DEC05 = { start: Date.parse('2026-12-04T16:00:00Z'), end: Date.parse('2026-12-06T16:00:00Z') }

  it.each([
    ['Wednesday 10:00', '2026-11-25T02:00:00Z', NOV28],
    ['Friday 23:30 Beijing = 15:30 UTC Friday', '2026-11-27T15:30:00Z', NOV28],
    ['Saturday 00:30 Beijing, still Friday in UTC', '2026-11-27T16:30:00Z', NOV28],
    ['Saturday 15:59', '2026-11-28T07:59:00Z', NOV28],
    ['Sunday 23:30 Beijing = 15:30 UTC Sunday', '2026-11-29T15:30:00Z', NOV28],
    ['Monday 00:30 Beijing, still Sunday in UTC: the next weekend', '2026-11-29T16:30:00Z', DEC05],
    ['Monday 00:00 exactly', '2026-11-29T16:00:00Z', DEC05],
  ])('at %s (%s)', (_label, now, expected) => {
    expect(weekendOf(Date.parse(now))).toEqual(expected)
  })

  it.each([
    ['Friday 23:30', '2026-11-27 23:30', '2026-11-28 09:00', true],
    ['Friday 23:30', '2026-11-27 23:30', '2026-11-29 23:59', true],
    ['Friday 23:30', '2026-11-27 23:30', '2026-11-30 00:00', false],
    ['Friday 23:30', '2026-11-27 23:45', '2026-11-27 23:45', false], // later the same Friday is not the weekend
    ['Monday 00:30', '2026-11-30 00:30', '2026-11-28 09:00', false],
    ['Monday 00:30', '2026-11-30 00:30', '2026-12-05 09:00', true],
    ['Sunday 20:00', '2026-11-29 20:00', '2026-11-29 21:00', true],
  ])('at %s (%s) an activity at %s is this weekend: %s', (_label, now, start, expected) => {
    expect(isThisWeekend(bj(start), bj(now))).toBe(expected)
  })
})

describe('next Saturday 09:00 (demo seed, repeat anchors)', () => {
  it.each([
    ['2026-11-27 23:30', '2026-11-28 Sat 09:00'],
    ['2026-11-28 08:59', '2026-11-28 Sat 09:00'],
    ['2026-11-28 09:00', '2026-12-05 Sat 09:00'], // strictly after now
    ['2026-11-29 10:00', '2026-12-05 Sat 09:00'],
    ['2026-12-31 23:30', '2027-01-02 Sat 09:00'],
  ])('from %s → %s', (now, expected) => {
    expect(wall(nextOccurrence(bj(now), 6, 9))).toBe(expected)
  })

  it('crosses the UTC date line the Beijing way', () => {
    // 00:30 Saturday in Beijing is Friday 16:30 UTC: the Saturday asked for is today's, not tomorrow's
    expect(wall(nextOccurrence(Date.parse('2026-11-27T16:30:00Z'), 6, 9))).toBe('2026-11-28 Sat 09:00')
  })
})

describe('the evening-before reminder (18:00 Beijing the day before)', () => {
  it.each([
    ['Saturday 09:00', '2026-11-28 09:00', '2026-11-27 Fri 18:00'],
    ['Saturday 00:30 (Friday 16:30 UTC)', '2026-11-28 00:30', '2026-11-27 Fri 18:00'],
    ['Monday 07:00 (Sunday 23:00 UTC)', '2026-11-30 07:00', '2026-11-29 Sun 18:00'],
    ['New Year’s Day 08:00', '2027-01-01 08:00', '2026-12-31 Thu 18:00'],
  ])('for %s', (_label, start, expected) => {
    expect(wall(reminderAt(bj(start)))).toBe(expected)
  })
})

describe('weekly repeat', () => {
  it('keeps the Beijing wall times across months and years', () => {
    const copies = weeklyRepeat(
      { startAt: bj('2026-12-19 09:00'), endAt: bj('2026-12-19 11:00'), signupDeadline: bj('2026-12-18 20:00') },
      4,
    )
    expect(copies.map((c) => [wall(c.startAt), wall(c.endAt), wall(c.signupDeadline)])).toEqual([
      ['2026-12-19 Sat 09:00', '2026-12-19 Sat 11:00', '2026-12-18 Fri 20:00'],
      ['2026-12-26 Sat 09:00', '2026-12-26 Sat 11:00', '2026-12-25 Fri 20:00'],
      ['2027-01-02 Sat 09:00', '2027-01-02 Sat 11:00', '2027-01-01 Fri 20:00'],
      ['2027-01-09 Sat 09:00', '2027-01-09 Sat 11:00', '2027-01-08 Fri 20:00'],
    ])
  })

  it('repeats a Saturday 00:30 Beijing start on Saturdays, not on the UTC Friday', () => {
    const copies = weeklyRepeat(
      { startAt: bj('2026-11-28 00:30'), endAt: bj('2026-11-28 02:00'), signupDeadline: bj('2026-11-27 23:30') },
      2,
    )
    expect(copies.map((c) => wall(c.startAt))).toEqual(['2026-11-28 Sat 00:30', '2026-12-05 Sat 00:30'])
  })
})

describe('schedule checks', () => {
  const now = bj('2026-11-25 10:00')
  const ok = { startAt: bj('2026-11-28 09:00'), endAt: bj('2026-11-28 11:00'), signupDeadline: bj('2026-11-27 20:00') }

  it('accepts a sensible schedule, and a deadline at the very start', () => {
    expect(() => checkSchedule(ok, now)).not.toThrow()
    expect(() => checkSchedule({ ...ok, signupDeadline: ok.startAt }, now)).not.toThrow()
  })

  it.each([
    ['end before start', 'endAt', { endAt: bj('2026-11-28 08:00') }],
    ['end equal to start', 'endAt', { endAt: bj('2026-11-28 09:00') }],
    ['longer than 48 hours', 'endAt', { endAt: bj('2026-11-30 09:01') }],
    ['deadline after start', 'signupDeadline', { signupDeadline: bj('2026-11-28 09:01') }],
    ['deadline passed', 'signupDeadline', { signupDeadline: bj('2026-11-25 09:59') }],
    ['start passed', 'startAt', { startAt: bj('2026-11-25 09:00'), signupDeadline: bj('2026-11-25 08:00') }],
    ['more than a year ahead', 'startAt', { startAt: bj('2027-12-01 09:00'), endAt: bj('2027-12-01 11:00') }],
  ])('refuses %s, naming %s', (_label, field, change) => {
    expect(() => checkSchedule({ ...ok, ...change }, now)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', field }))
  })
})

describe('Beijing display', () => {
  it.each([
    ['2026-11-27T15:30:00Z', '11月27日 周五 23:30'],
    ['2026-11-27T16:30:00Z', '11月28日 周六 00:30'],
    ['2026-12-31T16:00:00Z', '1月1日 周五 00:00'],
  ])('%s reads %s', (instant, text) => {
    expect(formatBeijing(Date.parse(instant))).toBe(text)
  })
})

describe('the rotating check-in token', () => {
  const a = { id: 'a_one', checkinSecret: 'secret-one' }
  const other = { id: 'a_two', checkinSecret: 'secret-two' }
  const t0 = Date.parse('2026-11-28T01:00:00Z')
  const slot = slotOf(t0)

  it('changes every 30 seconds and differs between activities', () => {
    expect(checkinToken(a, slot)).toBe(checkinToken(a, slotOf(t0 + TOKEN_PERIOD_MS - 1)))
    expect(checkinToken(a, slot)).not.toBe(checkinToken(a, slot + 1))
    expect(checkinToken(a, slot)).not.toBe(checkinToken(other, slot))
    expect(checkinToken(a, slot)).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/)
  })

  it.each([
    ['this slot', 'ok', 0],
    ['the previous slot (scanned at the boundary)', 'ok', -1],
    ['two slots ago', 'stale', -2],
    ['an hour ago', 'stale', -120],
  ])('judges a token from %s: %s', (_label, verdict, age) => {
    expect(judgeToken(a, checkinToken(a, slot + age), t0)).toBe(verdict)
  })

  it.each([
    ['another activity’s current token', checkinToken(other, slot)],
    ['the same slot with a forged MAC', `${slot.toString(36)}.${'A'.repeat(22)}`],
    ['a token with its slot changed', `${(slot + 1).toString(36)}.${checkinToken(a, slot).split('.')[1]}`],
    ['a slot written oddly', `0${checkinToken(a, slot)}`],
    ['no MAC at all', `${slot.toString(36)}.`],
  ])('calls %s foreign', (_label, token) => {
    expect(judgeToken(a, token, t0)).toBe('foreign')
  })
})
