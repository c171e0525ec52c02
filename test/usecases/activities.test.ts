// Weekend activities against the real SQLite adapter, through the edge, on a test clock that starts
// on Wednesday 2026-06-10 10:00 Beijing time (02:00 UTC).
import type { InputOf } from '@shared/api'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TestClock } from '../../cloudfunctions/adapters/local/clock'
import { composeLocal } from '../../cloudfunctions/compose'
import { checkinToken, slotOf } from '../../cloudfunctions/core/domain/activity'
import { inZone } from '../../cloudfunctions/core/domain/time'
import type { Clock, Notice } from '../../cloudfunctions/core/ports'
import { seedDemo } from '../../local/seed'
import { type Harness, dumpDb, openHarness, rid } from '../helpers/local'
import { brokenInvariants } from '../helpers/invariants'

const STAFF = 'u_linx'
const ADMIN = 'u_xujh'
const [M1, M2, M3, M4, M5] = ['u_zhouzq', 'u_wuhy', 'u_zhengw', 'u_sunln', 'u_maj']
const RESIDENT = 'u_wangxl'
const FOREIGN_STAFF = 'u_qs_dengh'
const FOREIGN_MEMBER = 'u_qs_fengy'
const FOREIGN_MEMBER2 = 'u_qs_caof'

/** An instant as Beijing wall time: bj('2026-06-13 09:00'). */
const bj = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+08:00`)
/** The same as the wire wants it: ISO-8601 with the +08:00 offset. */
const iso = (wall: string) => inZone(bj(wall)).format()

const START = bj('2026-06-10 10:00')

let h: Harness
let clock: TestClock
beforeEach(async () => {
  const fixed: Clock = { now: () => START }
  clock = new TestClock(fixed)
  h = await openHarness({ clock, demo: false })
})
afterEach(() => {
  expect(brokenInvariants(h.app.store.db)).toEqual([])
  h.close()
})

/** Moves the test clock to a Beijing wall time (forward only). */
const setTime = (wall: string) => clock.advance(bj(wall) - clock.now())

const SATURDAY: InputOf<'activities', 'publish'> = {
  title: '周末环境清洁日',
  description: '清理楼道和绿化带',
  category: 'environment',
  startAt: iso('2026-06-13 09:00'),
  endAt: iso('2026-06-13 11:00'),
  signupDeadline: iso('2026-06-12 20:00'),
  place: { name: '红星社区广场', address: '红星路 88 号', lat: 30.57, lng: 104.06 },
  quota: 2,
}

const publish = (fields: Partial<InputOf<'activities', 'publish'>> = {}, who = STAFF) =>
  h.ok(who, 'activities', 'publish', { ...SATURDAY, ...fields })
const get = (who: string, activityId: string) => h.ok(who, 'activities', 'get', { activityId })
const signup = (who: string, activityId: string) => h.ok(who, 'activities', 'signup', { activityId })
const inbox = async (who: string) =>
  (await h.ok(who, 'accounts', 'inbox', {})).items as Array<{ kind: string; title: string; body: string; link: string }>
const kinds = async (who: string) => (await inbox(who)).map((n) => n.kind)
const row = (id: string) => h.app.store.db.prepare('SELECT * FROM activities WHERE id = ?').get(id) as Record<string, any>

describe('publish', () => {
  it('publishes with the community’s default points and shows staff an empty roster', async () => {
    const a = await publish()
    expect(a).toMatchObject({
      title: '周末环境清洁日',
      status: 'published',
      points: 10, // the rules' activityPoints
      quota: 2,
      placesLeft: 2,
      signedCount: 0,
      waitingCount: 0,
      thisWeekend: true,
      signupOpen: true,
      seriesId: null,
      place: { name: '红星社区广场', address: '红星路 88 号', lat: 30.57, lng: 104.06 },
      startAt: '2026-06-13T01:00:00.000Z',
      checkinOpensAt: '2026-06-13T00:30:00.000Z',
      createdBy: { id: STAFF, name: '林晓' },
      roster: [],
      mine: null,
      actions: ['update', 'cancel'],
    })
    expect(a.id).toMatch(/^a_/)
    expect(JSON.stringify(a)).not.toMatch(/checkinSecret|secret/)
    expect((await publish({ points: 25 })).points).toBe(25)
  })

  it.each([
    ['end before start', 'endAt', { endAt: iso('2026-06-13 08:00') }],
    ['deadline after start', 'signupDeadline', { signupDeadline: iso('2026-06-13 09:30') }],
    ['start in the past', 'startAt', { startAt: iso('2026-06-09 09:00'), signupDeadline: iso('2026-06-09 08:00') }],
    ['a quota of 0', 'quota', { quota: 0 }],
    ['a quota of 501', 'quota', { quota: 501 }],
    ['a time without its offset', 'startAt', { startAt: '2026-06-13T09:00:00' }],
    ['13 weeks of repeats', 'repeatWeeks', { repeatWeeks: 13 }],
    ['an unknown post type', 'category', { category: 'sports' }],
    ['a place without a name', 'place.name', { place: { name: '' } }],
    ['a blocked word', 'title', { title: '周末赌博大会' }],
    ['a blocked word in the place', 'place.address', { place: { name: '社区广场', address: '代开发票门店旁' } }],
    ['a picture someone else uploaded', 'cover.0', { cover: 'f_not_mine' }],
  ])('refuses %s, naming %s, and writes nothing', async (_label, field, fields) => {
    const before = dumpDb(h.app.store.db, ['sessions', 'idempotency'])
    const res = await h.raw(STAFF, 'activities', 'publish', { ...SATURDAY, ...fields })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } })
    expect(dumpDb(h.app.store.db, ['sessions', 'idempotency'])).toBe(before)
  })

  it('takes a cover the staff member uploaded', async () => {
    const a = await publish({ cover: await h.upload(STAFF) })
    expect(a.cover?.url).toMatch(/^\/files\/f_/)
    expect(await h.call(STAFF, 'activities', 'publish', { ...SATURDAY, cover: await h.upload(M1) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'cover.0' },
    })
  })

  it('repeats weekly: N copies on the same Beijing weekday and hours, sharing a series', async () => {
    const first = await publish({ repeatWeeks: 4 })
    expect(first.seriesId).toMatch(/^as_/)
    const rows = h.app.store.db.prepare('SELECT * FROM activities WHERE series_id = ? ORDER BY start_at').all(first.seriesId) as any[]
    expect(rows.map((r) => r.id)[0]).toBe(first.id)
    const fmt = (ms: number) => inZone(ms).format('MM-DD ddd HH:mm')
    expect(rows.map((r) => [fmt(r.start_at), fmt(r.end_at), fmt(r.signup_deadline)])).toEqual([
      ['06-13 Sat 09:00', '06-13 Sat 11:00', '06-12 Fri 20:00'],
      ['06-20 Sat 09:00', '06-20 Sat 11:00', '06-19 Fri 20:00'],
      ['06-27 Sat 09:00', '06-27 Sat 11:00', '06-26 Fri 20:00'],
      ['07-04 Sat 09:00', '07-04 Sat 11:00', '07-03 Fri 20:00'],
    ])
    expect(new Set(rows.map((r) => r.checkin_secret)).size).toBe(4)
  })

  it('is for staff only', async () => {
    for (const who of [M1, RESIDENT]) {
      expect(await h.call(who, 'activities', 'publish', SATURDAY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect((await publish({}, ADMIN)).status).toBe('published')
  })
})

describe('接龙: sign-up in arrival order, then the waitlist', () => {
  it('gives places while they last, then positions 1…n', async () => {
    const a = await publish({ quota: 2 })
    expect(await signup(M1, a.id)).toEqual({ status: 'signed' })
    expect(await signup(M2, a.id)).toEqual({ status: 'signed' })
    expect(await signup(M3, a.id)).toEqual({ status: 'waitlisted', position: 1 })
    expect(await signup(M4, a.id)).toEqual({ status: 'waitlisted', position: 2 })
    expect(await get(M4, a.id)).toMatchObject({
      signedCount: 2,
      waitingCount: 2,
      placesLeft: 0,
      mine: { status: 'waitlisted', position: 2 },
    })
  })

  it('answers a second sign-up with the place already held, changing nothing', async () => {
    const a = await publish({ quota: 1 })
    await signup(M1, a.id)
    await signup(M2, a.id)
    const version = row(a.id).version
    expect(await signup(M1, a.id)).toEqual({ status: 'signed' })
    expect(await signup(M2, a.id)).toEqual({ status: 'waitlisted', position: 1 })
    expect(row(a.id)).toMatchObject({ version, signed_count: 1, waiting_count: 1, next_seq: 3 })
  })

  it('promotes the first waiting member when a signed one withdraws, notifies them, and closes up', async () => {
    const a = await publish({ quota: 2 })
    for (const m of [M1, M2, M3, M4, M5]) await signup(m, a.id)
    expect(await h.ok(M1, 'activities', 'withdraw', { activityId: a.id })).toEqual({ status: 'withdrawn' })
    expect((await get(M3, a.id)).mine).toMatchObject({ status: 'signed', position: null })
    expect((await get(M4, a.id)).mine).toMatchObject({ status: 'waitlisted', position: 1 })
    expect((await get(M5, a.id)).mine).toMatchObject({ status: 'waitlisted', position: 2 })
    expect((await get(M1, a.id)).mine).toBeNull()
    const [notice] = await inbox(M3)
    expect(notice).toMatchObject({ kind: 'activity_promoted', link: `/activity/detail/index?id=${a.id}` })
    expect(notice.body).toContain('6月13日 周六 09:00')
    expect(await kinds(M4)).toEqual([])
    expect(row(a.id)).toMatchObject({ signed_count: 2, waiting_count: 2 })
  })

  it('lets a waiting member leave the line without promoting anyone', async () => {
    const a = await publish({ quota: 1 })
    for (const m of [M1, M2, M3, M4]) await signup(m, a.id)
    await h.ok(M2, 'activities', 'withdraw', { activityId: a.id })
    expect((await get(M3, a.id)).mine).toMatchObject({ status: 'waitlisted', position: 1 })
    expect((await get(M4, a.id)).mine).toMatchObject({ status: 'waitlisted', position: 2 })
    expect((await get(M1, a.id)).mine?.status).toBe('signed')
    expect(await kinds(M3)).toEqual([])
  })

  it('sends one who withdrew and returns to the end of the line', async () => {
    const a = await publish({ quota: 1 })
    for (const m of [M1, M2, M3]) await signup(m, a.id)
    await h.ok(M2, 'activities', 'withdraw', { activityId: a.id })
    expect(await signup(M2, a.id)).toEqual({ status: 'waitlisted', position: 2 })
    expect(await h.call(M4, 'activities', 'withdraw', { activityId: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('closes at the deadline (Friday 20:00 Beijing), for withdrawing too', async () => {
    const a = await publish()
    await signup(M1, a.id)
    setTime('2026-06-12 19:59')
    expect(await signup(M2, a.id)).toEqual({ status: 'signed' })
    setTime('2026-06-12 20:00')
    expect(await h.call(M3, 'activities', 'signup', { activityId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '报名已于 6月12日 周五 20:00 截止' },
    })
    expect(await h.call(M1, 'activities', 'withdraw', { activityId: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await get(M1, a.id)).actions).toEqual([])
  })

  it('is for members of the community only', async () => {
    const a = await publish()
    expect(await h.call(RESIDENT, 'activities', 'signup', { activityId: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call(STAFF, 'activities', 'signup', { activityId: a.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call(FOREIGN_MEMBER, 'activities', 'signup', { activityId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('update and cancel', () => {
  it('will not cut the quota below those signed up; raising it promotes the waiting', async () => {
    const a = await publish({ quota: 2 })
    for (const m of [M1, M2, M3, M4]) await signup(m, a.id)
    expect(await h.call(STAFF, 'activities', 'update', { activityId: a.id, quota: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'quota', message: '已有 2 人报名，名额不能少于 2' },
    })
    const raised = await h.ok(STAFF, 'activities', 'update', { activityId: a.id, quota: 3 })
    expect(raised).toMatchObject({ quota: 3, signedCount: 3, waitingCount: 1 })
    expect(raised.roster?.map((r) => [r.member.id, r.status, r.position])).toEqual([
      [M1, 'signed', null],
      [M2, 'signed', null],
      [M3, 'signed', null],
      [M4, 'waitlisted', 1],
    ])
    expect(await kinds(M3)).toEqual(['activity_promoted'])
  })

  it('tells the signed and the waiting when the time changes, nobody for a new title', async () => {
    const a = await publish({ quota: 1 })
    await signup(M1, a.id)
    await signup(M2, a.id)
    await h.ok(STAFF, 'activities', 'update', { activityId: a.id, title: '周末大扫除' })
    expect(await kinds(M1)).toEqual([])
    const moved = await h.ok(STAFF, 'activities', 'update', {
      activityId: a.id,
      startAt: iso('2026-06-13 14:00'),
      endAt: iso('2026-06-13 16:00'),
    })
    expect(moved).toMatchObject({ title: '周末大扫除', startAt: '2026-06-13T06:00:00.000Z' })
    expect(await kinds(M1)).toEqual(['activity_changed'])
    expect(await kinds(M2)).toEqual(['activity_changed'])
    expect((await inbox(M1))[0].body).toContain('6月13日 周六 14:00')
    expect(await h.call(STAFF, 'activities', 'update', { activityId: a.id, endAt: iso('2026-06-13 13:00') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'endAt' },
    })
  })

  it('cancel notifies everyone signed up or waiting, and closes sign-up', async () => {
    const a = await publish({ quota: 1 })
    for (const m of [M1, M2]) await signup(m, a.id)
    await h.ok(M3, 'activities', 'signup', { activityId: a.id })
    await h.ok(M3, 'activities', 'withdraw', { activityId: a.id })
    const cancelled = await h.ok(STAFF, 'activities', 'cancel', { activityId: a.id, reason: '天气预报有暴雨' })
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '天气预报有暴雨', actions: [] })
    for (const m of [M1, M2]) {
      const [n] = await inbox(m)
      expect(n).toMatchObject({ kind: 'activity_cancelled', title: '活动取消了' })
      expect(n.body).toContain('天气预报有暴雨')
    }
    expect(await kinds(M3)).toEqual([]) // withdrew before
    expect(await h.call(M4, 'activities', 'signup', { activityId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '活动已取消' },
    })
    expect(await h.call(M1, 'activities', 'signup', { activityId: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call(STAFF, 'activities', 'cancel', { activityId: a.id, reason: '再取消一次' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    const mine = await h.ok(M1, 'activities', 'list', { scope: 'mine' })
    expect(mine.items.map((x) => [x.id, x.status])).toEqual([[a.id, 'cancelled']])
  })
})

describe('get: the roster for staff, one’s own place for a member', () => {
  it('shows staff names, phones and check-in state; a member only their own status', async () => {
    const a = await publish({ quota: 1 })
    await signup(M1, a.id)
    await signup(M2, a.id)
    const staffView = await get(STAFF, a.id)
    expect(staffView.roster).toEqual([
      expect.objectContaining({
        member: { id: M1, name: '周志强', phone: '13900010001' },
        status: 'signed',
        position: null,
        checkedIn: false,
        attendance: null,
      }),
      expect.objectContaining({
        member: { id: M2, name: '吴海燕', phone: '13900010002' },
        status: 'waitlisted',
        position: 1,
        checkedIn: false,
      }),
    ])
    const memberView = await get(M2, a.id)
    expect(memberView.roster).toBeNull()
    expect(memberView.mine).toEqual({
      status: 'waitlisted',
      position: 1,
      checkedIn: false,
      checkedInAt: null,
      attendance: null,
      awardedPoints: null,
    })
    expect(memberView.actions).toEqual(['withdraw'])
    expect(JSON.stringify(memberView)).not.toContain('13900010001')
    expect(JSON.stringify(memberView)).not.toContain('周志强')
  })

  it('keeps communities apart', async () => {
    const a = await publish()
    for (const who of [FOREIGN_STAFF, FOREIGN_MEMBER]) {
      expect(await h.call(who, 'activities', 'get', { activityId: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    for (const [action, input] of [
      ['update', { activityId: a.id, title: '改个名字' }],
      ['cancel', { activityId: a.id, reason: '不想办了' }],
      ['checkinCode', { activityId: a.id }],
      ['markAttendance', { activityId: a.id, memberIds: [M1], attended: true }],
      ['finish', { activityId: a.id }],
    ] as const) {
      expect([action, await h.raw(FOREIGN_STAFF, 'activities', action, input)]).toMatchObject([
        action,
        { ok: false, error: { code: 'NOT_FOUND' } },
      ])
    }
    const theirs = await h.ok(FOREIGN_MEMBER, 'activities', 'list', { scope: 'upcoming' })
    expect(theirs.items).toEqual([])
  })
})

describe('lists', () => {
  /** 青山社区 has no demo activities: the lists hold exactly what a test publishes. */
  const qs = (title: string, start: string, end: string, deadline = start) =>
    h.ok(FOREIGN_STAFF, 'activities', 'publish', {
      ...SATURDAY,
      title,
      startAt: iso(start),
      endAt: iso(end),
      signupDeadline: iso(deadline),
    })
  const titles = (page) => page.items.map((x) => x.title)

  it('puts this weekend first, then the rest by start time, across pages', async () => {
    await qs('下周六', '2026-06-20 09:00', '2026-06-20 11:00')
    await qs('周日', '2026-06-14 09:00', '2026-06-14 11:00')
    await qs('周四', '2026-06-11 19:00', '2026-06-11 21:00')
    await qs('周六', '2026-06-13 09:00', '2026-06-13 11:00')
    await qs('周六下午', '2026-06-13 14:00', '2026-06-13 16:00')
    const all = await h.ok(FOREIGN_MEMBER, 'activities', 'list', { scope: 'upcoming' })
    expect(titles(all)).toEqual(['周六', '周六下午', '周日', '周四', '下周六'])
    expect(all.items.map((x) => x.thisWeekend)).toEqual([true, true, true, false, false])
    expect(all.nextCursor).toBeUndefined()

    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await h.ok(FOREIGN_MEMBER, 'activities', 'list', { scope: 'upcoming', limit: 2, cursor })
      seen.push(...titles(page))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['周六', '周六下午', '周日', '周四', '下周六'])
  })

  it('knows this weekend at 23:30 Friday Beijing (15:30 UTC) and after midnight Sunday', async () => {
    await qs('本周六', '2026-06-13 09:00', '2026-06-13 11:00', '2026-06-12 08:00')
    await qs('周六凌晨', '2026-06-13 00:30', '2026-06-13 02:00', '2026-06-12 08:00')
    await qs('下周六', '2026-06-20 09:00', '2026-06-20 11:00', '2026-06-12 08:00')
    await qs('周五晚上', '2026-06-12 22:00', '2026-06-12 23:50', '2026-06-12 08:00')
    setTime('2026-06-12 23:30')
    expect(new Date(clock.now()).toISOString()).toBe('2026-06-12T15:30:00.000Z')
    const friday = await h.ok(FOREIGN_MEMBER, 'activities', 'list', { scope: 'upcoming' })
    expect(titles(friday)).toEqual(['周六凌晨', '本周六', '周五晚上', '下周六'])
    setTime('2026-06-15 00:30') // Monday in Beijing, Sunday 16:30 in UTC
    const monday = await h.ok(FOREIGN_MEMBER, 'activities', 'list', { scope: 'upcoming' })
    expect(monday.items.map((x) => [x.title, x.thisWeekend])).toEqual([['下周六', true]])
    const past = await h.ok(FOREIGN_MEMBER, 'activities', 'list', { scope: 'past' })
    expect(titles(past)).toEqual(['本周六', '周六凌晨', '周五晚上'])
  })

  it('mine: the member’s own sign-ups with their status and place, latest first', async () => {
    const one = await qs('第一场', '2026-06-13 09:00', '2026-06-13 11:00')
    const two = await qs('第二场', '2026-06-14 09:00', '2026-06-14 11:00')
    const three = await qs('第三场', '2026-06-20 09:00', '2026-06-20 11:00')
    await h.ok(FOREIGN_MEMBER2, 'activities', 'signup', { activityId: two.id })
    await h.ok(FOREIGN_STAFF, 'activities', 'update', { activityId: two.id, quota: 1 }) // full now
    await h.ok(FOREIGN_MEMBER, 'activities', 'signup', { activityId: one.id })
    clock.advance(1000)
    await h.ok(FOREIGN_MEMBER, 'activities', 'signup', { activityId: two.id })
    clock.advance(1000)
    await h.ok(FOREIGN_MEMBER, 'activities', 'signup', { activityId: three.id })
    await h.ok(FOREIGN_MEMBER, 'activities', 'withdraw', { activityId: three.id })
    const mine = await h.ok(FOREIGN_MEMBER, 'activities', 'list', { scope: 'mine' })
    expect(mine.items.map((x) => [x.title, x.mine?.status, x.mine?.position])).toEqual([
      ['第二场', 'waitlisted', 1],
      ['第一场', 'signed', null],
    ])
    expect((await h.ok(RESIDENT, 'activities', 'list', { scope: 'mine' })).items).toEqual([])
  })
})

describe('check-in', () => {
  /** The token staff would show at this moment, computed from the stored secret. */
  const tokenNow = (activityId: string) =>
    checkinToken({ id: activityId, checkinSecret: row(activityId).checkin_secret }, slotOf(clock.now()))
  const checkin = (who: string, activityId: string, token: string) => h.call(who, 'activities', 'checkin', { activityId, token })

  it('opens 30 minutes before the start with a token that rotates every 30 seconds', async () => {
    const a = await publish()
    await signup(M1, a.id)
    setTime('2026-06-13 08:29')
    expect(await h.call(STAFF, 'activities', 'checkinCode', { activityId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '还没到签到时间，6月13日 周六 08:30 起可以签到' },
    })
    expect(await checkin(M1, a.id, tokenNow(a.id))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    setTime('2026-06-13 08:30')
    const code = await h.ok(STAFF, 'activities', 'checkinCode', { activityId: a.id })
    expect(code).toEqual({
      token: expect.stringMatching(/^[0-9a-z]+\.[A-Za-z0-9_-]{22}$/),
      expiresAt: '2026-06-13T00:30:30.000Z',
      periodSeconds: 30,
    })
    clock.advance(30_000)
    const next = await h.ok(STAFF, 'activities', 'checkinCode', { activityId: a.id })
    expect(next.token).not.toBe(code.token)
    expect((await get(STAFF, a.id)).actions).toEqual(['update', 'cancel', 'checkinCode', 'markAttendance'])
  })

  it('takes the current and the previous token, refuses a stale or foreign one', async () => {
    const a = await publish()
    const b = await publish({ title: '另一个活动' })
    for (const m of [M1, M2]) {
      await signup(m, a.id)
      await signup(m, b.id)
    }
    setTime('2026-06-13 09:00')
    const code = (await h.ok(STAFF, 'activities', 'checkinCode', { activityId: a.id })).token
    const foreign = (await h.ok(STAFF, 'activities', 'checkinCode', { activityId: b.id })).token
    expect(await checkin(M1, a.id, foreign)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'token', message: '这不是本活动的签到码，请扫描活动现场的二维码' },
    })
    clock.advance(30_000) // the code on screen has rotated once: the previous one still counts
    const done = await h.ok(M1, 'activities', 'checkin', { activityId: a.id, token: code })
    expect(done).toMatchObject({
      status: 'signed',
      checkedIn: true,
      attendance: 'attended',
      checkedInAt: new Date(clock.now()).toISOString(),
    })
    expect(await h.ok(M1, 'activities', 'checkin', { activityId: a.id, token: code })).toEqual(done) // a second scan changes nothing
    clock.advance(30_000) // rotated twice: a photo of the old code sent to a group is useless
    expect(await checkin(M2, a.id, code)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '签到码已过期，请扫描现场屏幕上最新的二维码' },
    })
    expect(await checkin(M2, a.id, 'not-a-token')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'token' } })
    const roster = (await get(STAFF, a.id)).roster
    expect(roster?.map((r) => [r.member.id, r.checkedIn, r.checkinMethod])).toEqual([
      [M1, true, 'scan'],
      [M2, false, null],
    ])
  })

  it('is refused to the waiting, the unsigned, after the end, and after too many forged codes', async () => {
    const a = await publish({ quota: 1 })
    await signup(M1, a.id)
    await signup(M2, a.id)
    setTime('2026-06-13 10:59')
    expect(await checkin(M2, a.id, tokenNow(a.id))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '你还在候补名单上，没有报上名，不能签到' },
    })
    expect(await checkin(M3, a.id, tokenNow(a.id))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '你没有报名这个活动，不能签到' },
    })
    const token = tokenNow(a.id)
    clock.advance(61_000) // 11:00:01, just after the end
    expect(await checkin(M1, a.id, token)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '活动已结束，不能再签到' } })

    const b = await publish({ startAt: iso('2026-06-20 09:00'), endAt: iso('2026-06-20 11:00'), signupDeadline: iso('2026-06-19 20:00') })
    await signup(M3, b.id)
    setTime('2026-06-20 09:00')
    for (let i = 0; i < 5; i++) expect((await checkin(M3, b.id, `${slotOf(clock.now()).toString(36)}.${'x'.repeat(22)}`)).ok).toBe(false)
    expect(await checkin(M3, b.id, tokenNow(b.id))).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
  })
})

describe('attendance and finish', () => {
  async function heldActivity(points = 12) {
    const a = await publish({ quota: 3, points })
    for (const m of [M1, M2, M3, M4]) await signup(m, a.id) // M4 waits
    setTime('2026-06-13 09:05')
    await h.ok(M1, 'activities', 'checkin', {
      activityId: a.id,
      token: (await h.ok(STAFF, 'activities', 'checkinCode', { activityId: a.id })).token,
    })
    return a
  }
  const awards = () =>
    h.app.store.db.prepare("SELECT source_key, member_id, delta FROM ledger WHERE reason = 'activity_award' ORDER BY member_id").all()

  it('lets staff mark those who could not scan, and only those with a place', async () => {
    const a = await heldActivity()
    const marked = await h.ok(STAFF, 'activities', 'markAttendance', { activityId: a.id, memberIds: [M2], attended: true })
    expect(marked.roster?.map((r) => [r.member.id, r.attendance, r.checkinMethod])).toEqual([
      [M1, 'attended', 'scan'],
      [M2, 'attended', 'staff'],
      [M3, null, null],
      [M4, null, null],
    ])
    expect(await h.call(STAFF, 'activities', 'markAttendance', { activityId: a.id, memberIds: [M3, M4], attended: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'memberIds.1' },
    })
    expect((await get(STAFF, a.id)).roster?.[2].attendance).toBeNull() // the whole call was refused
    const unmarked = await h.ok(STAFF, 'activities', 'markAttendance', { activityId: a.id, memberIds: [M2], attended: false })
    expect(unmarked.roster?.[1]).toMatchObject({ attendance: 'absent', checkedIn: false, checkedInAt: null })
  })

  it('finishes only after the end, pays each attendee once, marks the absent, and refuses a second finish', async () => {
    const a = await heldActivity()
    await h.ok(STAFF, 'activities', 'markAttendance', { activityId: a.id, memberIds: [M2], attended: true })
    expect(await h.call(STAFF, 'activities', 'finish', { activityId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '活动 6月13日 周六 11:00 结束后才能结束并发放积分' },
    })
    setTime('2026-06-13 11:00')
    const finished = await h.ok(STAFF, 'activities', 'finish', { activityId: a.id })
    expect(finished).toMatchObject({ status: 'finished', finishedAt: '2026-06-13T03:00:00.000Z', actions: [] })
    expect(finished.roster?.map((r) => [r.member.id, r.attendance, r.awardedPoints])).toEqual([
      [M1, 'attended', 12],
      [M2, 'attended', 12],
      [M3, 'absent', 0],
      [M4, null, null],
    ])
    expect(awards()).toEqual(
      [
        { source_key: `activity:${a.id}:${M2}:award`, member_id: M2, delta: 12 },
        { source_key: `activity:${a.id}:${M1}:award`, member_id: M1, delta: 12 },
      ].sort((x, y) => (x.member_id < y.member_id ? -1 : 1)),
    )
    expect((await h.ok(M1, 'points', 'ledger', {})).items[0]).toMatchObject({
      delta: 12,
      reason: 'activity_award',
      note: '参加活动「周末环境清洁日」',
    })
    expect(await kinds(M1)).toContain('activity_points')
    expect((await get(M3, a.id)).mine).toMatchObject({ attendance: 'absent', awardedPoints: 0 })

    const before = dumpDb(h.app.store.db, ['sessions', 'idempotency'])
    expect(await h.call(STAFF, 'activities', 'finish', { activityId: a.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call(STAFF, 'activities', 'markAttendance', { activityId: a.id, memberIds: [M3], attended: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(dumpDb(h.app.store.db, ['sessions', 'idempotency'])).toBe(before)
    expect((await h.ok(M1, 'points', 'balance', {})).balance).toBe(12)
  })

  it('keeps to the daily cap', async () => {
    const { rules } = await h.ok(ADMIN, 'points', 'rules', {})
    await h.ok(ADMIN, 'points', 'updateRules', { rules: { ...rules, dailyCap: 5 } })
    const a = await heldActivity(12)
    setTime('2026-06-13 11:30')
    await h.ok(STAFF, 'activities', 'finish', { activityId: a.id })
    expect(awards()).toEqual([{ source_key: `activity:${a.id}:${M1}:award`, member_id: M1, delta: 5 }])
    expect((await h.ok(M1, 'points', 'ledger', {})).items[0].note).toBe('参加活动「周末环境清洁日」（已达每日上限，计 5 分）')
  })

  it('returns the first answer for a repeated requestId', async () => {
    const a = await heldActivity()
    setTime('2026-06-13 12:00')
    const requestId = rid()
    const first = await h.call(STAFF, 'activities', 'finish', { activityId: a.id }, requestId)
    const again = await h.call(STAFF, 'activities', 'finish', { activityId: a.id }, requestId)
    expect(again).toEqual(first)
    expect(awards()).toHaveLength(1)
  })
})

describe('the evening-before reminder', () => {
  it('goes to those with a place, once, from 18:00 Beijing the day before', async () => {
    const a = await publish({ quota: 1 })
    await signup(M1, a.id)
    await signup(M2, a.id)
    setTime('2026-06-12 17:59')
    await h.app.tick()
    expect(await kinds(M1)).toEqual([])
    setTime('2026-06-12 18:00') // 10:00 UTC Friday
    const first = await h.app.tick()
    expect(first.activityReminders).toBeGreaterThanOrEqual(1)
    const [n] = await inbox(M1)
    expect(n).toMatchObject({ kind: 'activity_reminder', title: '活动提醒', link: `/activity/detail/index?id=${a.id}` })
    expect(n.body).toContain('6月13日 周六 09:00')
    expect(await kinds(M2)).toEqual([]) // waiting, not coming
    const [x, y] = await Promise.all([h.app.tick(), h.app.tick()])
    expect([x.activityReminders, y.activityReminders]).toEqual([0, 0])
    expect(await kinds(M1)).toEqual(['activity_reminder'])
    expect(row(a.id).reminded_at).toBe(bj('2026-06-12 18:00'))
  })

  it('reminds again when the start moves to another day', async () => {
    const a = await publish()
    await signup(M1, a.id)
    setTime('2026-06-12 18:30')
    await h.app.tick()
    await h.ok(STAFF, 'activities', 'update', { activityId: a.id, startAt: iso('2026-06-14 09:00'), endAt: iso('2026-06-14 11:00') })
    await h.app.tick()
    expect(await kinds(M1)).toEqual(['activity_changed', 'activity_reminder'])
    setTime('2026-06-13 18:00')
    await h.app.tick()
    expect(await kinds(M1)).toEqual(['activity_reminder', 'activity_changed', 'activity_reminder'])
  })
})

describe('inbox', () => {
  it('lists newest first with the unread count; marks read by id or all, one’s own only', async () => {
    const a = await publish({ quota: 1 })
    for (const m of [M1, M2]) await signup(m, a.id)
    await h.ok(STAFF, 'activities', 'update', { activityId: a.id, startAt: iso('2026-06-13 10:00') })
    clock.advance(60_000)
    await h.ok(STAFF, 'activities', 'cancel', { activityId: a.id, reason: '场地临时有安排' })
    const box = await h.ok(M1, 'accounts', 'inbox', {})
    expect(box.unread).toBe(2)
    expect(box.items.map((n) => [n.kind, n.read])).toEqual([
      ['activity_cancelled', false],
      ['activity_changed', false],
    ])
    const theirs = (await h.ok(M2, 'accounts', 'inbox', {})).items[0].id
    expect(await h.ok(M1, 'accounts', 'markRead', { ids: [box.items[1].id, theirs] })).toEqual({ unread: 1 })
    expect((await h.ok(M2, 'accounts', 'inbox', {})).unread).toBe(2)
    expect(await h.ok(M1, 'accounts', 'markRead', { all: true })).toEqual({ unread: 0 })
    expect((await h.ok(M1, 'accounts', 'inbox', { limit: 1 })).items[0]).toMatchObject({ read: true })
    expect(await h.call(M1, 'accounts', 'markRead', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'ids' } })
  })
})

describe('the notifier port', () => {
  it('pushes after the commit, and a failing push loses nothing', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-notify-'))
    const pushed: Array<[string[], Notice]> = []
    let fail = false
    const app = composeLocal({
      dataDir,
      demo: false,
      clock: { now: () => START },
      notifier: {
        async notify(userIds, notice) {
          if (fail) throw new Error('WeChat is down')
          pushed.push([userIds, notice])
        },
      },
    })
    try {
      await seedDemo(app)
      const call = async (who: string, action: string, input: unknown) => {
        const res = await app.handlers.activities({ action, input, requestId: rid() }, { userId: who })
        if (!res.ok) throw new Error(JSON.stringify(res.error))
        return res.data as any
      }
      const a = await call(STAFF, 'publish', { ...SATURDAY, quota: 1 })
      await call(M1, 'signup', { activityId: a.id })
      await call(M2, 'signup', { activityId: a.id })
      await call(M1, 'withdraw', { activityId: a.id })
      expect(pushed).toEqual([[[M2], expect.objectContaining({ kind: 'activity_promoted' })]])
      fail = true
      const cancelled = await app.handlers.activities(
        { action: 'cancel', input: { activityId: a.id, reason: '临时取消' }, requestId: rid() },
        { userId: STAFF },
      )
      expect(cancelled.ok).toBe(true)
      const rows = app.store.db.prepare("SELECT user_id FROM notifications WHERE kind = 'activity_cancelled'").all()
      expect(rows).toEqual([{ user_id: M2 }])
    } finally {
      app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
