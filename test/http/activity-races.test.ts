// Weekend activities under concurrency, through the real HTTP gateway: 接龙 in arrival order with no
// gaps or repeats in the waitlist, promotions in order, check-in by a crowd, points paid once.
import { inZone } from '../../cloudfunctions/core/domain/time'
import { type HttpHarness, addMembers, openHttpHarness, rid } from '../helpers/local'
import { brokenInvariants } from '../helpers/invariants'

const STAFF = 'u_linx'
const HOUR = 3600_000

let h: HttpHarness
beforeEach(async () => {
  h = await openHttpHarness()
})
afterEach(() => {
  expect(brokenInvariants(h.app.store.db)).toEqual([])
  h.close()
})

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const advance = async (ms: number) => {
  const res = await fetch(`${h.url}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  })
  expect(res.status).toBe(200)
}
const as = async (userId: string, action: string, input: unknown, requestId = rid()) =>
  h.post('activities', { action, input, requestId }, await h.token(userId))

/** An activity three days from now, in Beijing wall time on the wire. */
async function publish(quota: number) {
  const start = inZone(h.app.clock.now() + 3 * 24 * HOUR).startOf('hour')
  const a = await h.ok(STAFF, 'activities', 'publish', {
    title: '社区义诊志愿服务',
    description: '协助医生量血压、登记',
    category: 'care' as const,
    startAt: start.format(),
    endAt: start.add(2, 'hour').format(),
    signupDeadline: start.subtract(1, 'hour').format(),
    place: { name: '社区卫生服务站' },
    quota,
    points: 8,
  })
  return { id: a.id as string, startAt: start.valueOf(), endAt: start.add(2, 'hour').valueOf() }
}

/** 200 members sign up for 20 places at once; returns each member's answer. */
async function crowd(activityId: string) {
  const members = await addMembers(h.app, 'c_hongxing', 200, 'u_vol')
  const tokens = await Promise.all(members.map((m) => h.token(m)))
  const results = await Promise.all(
    tokens.map((t) => h.post('activities', { action: 'signup', input: { activityId }, requestId: rid() }, t)),
  )
  expect(results.map((r) => r.status)).toEqual(Array(200).fill(200))
  return new Map(members.map((m, i) => [m, results[i].body.data as { status: string; position?: number }]))
}

it('200 concurrent sign-ups for 20 places: exactly 20 signed, 180 waiting at positions 1…180, in arrival order', async () => {
  const a = await publish(20)
  const answers = await crowd(a.id)
  const signed = [...answers.values()].filter((x) => x.status === 'signed')
  const waiting = [...answers.values()].filter((x) => x.status === 'waitlisted')
  expect(signed).toHaveLength(20)
  expect(signed.every((x) => x.position === undefined)).toBe(true)
  expect(waiting.map((x) => x.position).sort((p, q) => p! - q!)).toEqual(range(1, 180))

  const db = h.app.store.db
  expect(db.prepare('SELECT signed_count, waiting_count, next_seq FROM activities WHERE id = ?').get(a.id)).toEqual({
    signed_count: 20,
    waiting_count: 180,
    next_seq: 201,
  })
  // the arrival numbers are 1…200, the first 20 hold the places, and a position is arrival minus 20
  const rows = db.prepare('SELECT member_id, status, seq FROM activity_signups WHERE activity_id = ? ORDER BY seq').all(a.id) as any[]
  expect(rows.map((r) => r.seq)).toEqual(range(1, 200))
  expect(rows.slice(0, 20).every((r) => r.status === 'signed')).toBe(true)
  for (const r of rows.slice(20)) expect([r.member_id, answers.get(r.member_id)?.position]).toEqual([r.member_id, r.seq - 20])

  const roster = (await h.ok(STAFF, 'activities', 'get', { activityId: a.id })).roster ?? []
  expect(roster.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual(range(1, 180))
}, 60_000)

it('withdrawals at once promote the first waiting in order, and the line closes up', async () => {
  const a = await publish(20)
  const answers = await crowd(a.id)
  const byPosition = new Map([...answers].filter(([, x]) => x.status === 'waitlisted').map(([m, x]) => [x.position!, m]))
  const leaving = [...answers]
    .filter(([, x]) => x.status === 'signed')
    .slice(0, 5)
    .map(([m]) => m)
  const out = await Promise.all(leaving.map((m) => as(m, 'withdraw', { activityId: a.id })))
  expect(out.map((r) => r.body.data)).toEqual(Array(5).fill({ status: 'withdrawn' }))

  for (const p of range(1, 5)) {
    const m = byPosition.get(p)!
    expect((await h.ok(m, 'activities', 'get', { activityId: a.id })).mine).toMatchObject({ status: 'signed', position: null })
    expect((await h.ok(m, 'accounts', 'inbox', {})).items.map((n) => n.kind)).toEqual(['activity_promoted'])
  }
  // one waiting member gives up too: everyone behind moves up by one more
  await as(byPosition.get(10)!, 'withdraw', { activityId: a.id })
  const roster = (await h.ok(STAFF, 'activities', 'get', { activityId: a.id })).roster ?? []
  const line = roster.filter((r) => r.status === 'waitlisted')
  expect(line.map((r) => r.position)).toEqual(range(1, 174))
  const expected = range(6, 180)
    .filter((p) => p !== 10)
    .map((p) => byPosition.get(p))
  expect(line.map((r) => r.member.id)).toEqual(expected)
  expect(roster.filter((r) => r.status === 'signed')).toHaveLength(20)
  expect((await h.ok(byPosition.get(11)!, 'activities', 'get', { activityId: a.id })).mine?.position).toBe(5)
}, 60_000)

it('a crowd checks in at once, and finish raced against itself pays each attendee once', async () => {
  const a = await publish(20)
  const answers = await crowd(a.id)
  const signed = [...answers].filter(([, x]) => x.status === 'signed').map(([m]) => m)
  await advance(a.startAt - h.app.clock.now() - 10 * 60_000) // 10 minutes before the start
  const code = (await h.ok(STAFF, 'activities', 'checkinCode', { activityId: a.id })).token
  const scans = await Promise.all(signed.slice(0, 18).map((m) => as(m, 'checkin', { activityId: a.id, token: code })))
  expect(scans.map((r) => r.status)).toEqual(Array(18).fill(200))
  // two could not scan: staff mark one present; the other stays away
  await h.ok(STAFF, 'activities', 'markAttendance', { activityId: a.id, memberIds: [signed[18]], attended: true })

  await advance(a.endAt - h.app.clock.now() + 60_000)
  const [x, y] = await Promise.all([as(STAFF, 'finish', { activityId: a.id }), as(STAFF, 'finish', { activityId: a.id })])
  expect([x.status, y.status].sort()).toEqual([200, 409])
  const again = await as(STAFF, 'finish', { activityId: a.id })
  expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT'])

  const awards = h.app.store.db
    .prepare("SELECT member_id, delta FROM ledger WHERE reason = 'activity_award' AND source_key LIKE ? ORDER BY member_id")
    .all(`activity:${a.id}:%`) as Array<{ member_id: string; delta: number }>
  expect(awards.map((r) => r.member_id)).toEqual(signed.slice(0, 19).sort())
  expect(awards.every((r) => r.delta === 8)).toBe(true)
  for (const m of [signed[0], signed[18]]) expect((await h.ok(m, 'points', 'balance', {})).balance).toBe(8)
  expect((await h.ok(signed[19], 'activities', 'get', { activityId: a.id })).mine).toMatchObject({ attendance: 'absent', awardedPoints: 0 })
  expect((await h.ok(signed[19], 'points', 'balance', {})).balance).toBe(0)
}, 60_000)
