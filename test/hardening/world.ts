// The fixture the hardening suites share: both demo communities with an order in every state, goods and
// pickups, activities before, during and after their time, notices — each owned by the right people —
// built through the real use cases, then snapshotted so every test case starts from the same database.
import type { InputOf } from '@shared/api'
import type Database from 'better-sqlite3'
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules'
import { dayOf, yearOf } from '../../cloudfunctions/core/domain/time'
import type { LocalApp } from '../../cloudfunctions/compose'
import { type Harness, type HttpHarness, TEST_ORIGIN, TEST_PASSWORDS, dumpDb, openHttpHarness } from '../helpers/local'
import { SoftAuthenticator } from '../helpers/authenticator'
import { prepared } from './statements'

export const P = {
  R: 'u_wangxl', // resident
  R2: 'u_lijg', // another resident
  M: 'u_zhouzq', // member (and resident)
  M2: 'u_wuhy', // another member
  S: 'u_linx', // staff
  A: 'u_xujh', // admin + staff
  OS: 'u_qs_dengh', // staff of 青山
  QR: 'u_qs_songl', // resident of 青山
  QM: 'u_qs_fengy', // member of 青山
  GW: 'u_lij', // 网格员 (网格长) of 第一网格, where the fixture's 红星 orders lie
  OGW: 'u_wangf', // 网格员 of 第二网格
  ST: 'u_st_zhoum', // 红桥街道, owning both communities
} as const

const HOUR = 3600_000

export interface World {
  o: {
    sub: string
    sub2: string
    open: string
    open2: string
    dirM: string
    dirM2: string
    clmM: string
    clmM2: string
    cmpM: string
    cmpM2: string
    closedM: string
    /** Referred to the 物业 (转办), at 网格. */
    ref: string
    /** Referred as 重大: it stands at 街道 from the start. */
    atStreet: string
    /** Closed with 2 stars: flagged for a 回访. */
    lowM: string
  }
  q: { sub: string; open: string; dirQM: string; clm: string; cmp: string; ref: string; low: string }
  photo: Record<string, string>
  goods: { hx: string; qs: string }
  red: { M: { id: string; code: string }; M2: { id: string; code: string }; QM: { id: string; code: string } }
  act: { ended: string; live: string; open: string; fresh: string; gone: string }
  qact: { ended: string; live: string; open: string; fresh: string; gone: string }
  notice: Record<string, string>
  /** The year 三评 is written for (the clock's Beijing year). */
  year: number
  /** One-time 组织考评 link tokens: for M (红星) and QM (青山). */
  branchToken: { hx: string; qs: string }
  /**
   * 结对帮扶: M with 王秀兰's household (the demo's, its weekly visit due), M2 with 刘德明's (第二网格), QM
   * with 宋兰's in 青山 — each pair's first task due; `qsFree`: a household of 青山 with no pair.
   */
  pair: { hx: string; hx2: string; qs: string; qsFree: string }
  /**
   * 网格台账: open tasks with a progress report for GW (李娟, 第一网格) and OGW (王芳, 第二网格), one of
   * 王芳's submitted (待确认) in 红星, and in 青山 刘洋's open (with progress) and submitted.
   */
  gt: { gw: string; ogw: string; sub: string; qs: string; qsSub: string }
  /** Calendar days around now, for periods (dashboard, 工作台账). */
  period: { from: string; to: string }
  /** The self-hosted door: R's password (login: R's phone), an open invitation for R2, a setup link for a new community. */
  password: string
  invite: string
  setupToken: string
  /**
   * Passkeys: everyone the matrix signs in as has a password (a passkey needs one first) and has added a
   * passkey (`passkeys[userId]`, R's made by `device`); each has an open registration challenge answered
   * by a new device (`registration[userId]`), and a sign-in challenge waits, answered by R's passkey
   * (`signIn`). The challenges are the world's, so a reset puts a taken one back.
   */
  device: SoftAuthenticator
  passkeys: Record<string, string>
  registration: Record<string, { challengeId: string; response: Record<string, unknown> }>
  signIn: { challengeId: string; response: Record<string, unknown> }
  /** A 微心愿 put out in the hall, of each community (its shared card opens it to anyone). */
  wish: { hx: string; qs: string }
}

/** Everyone the access matrix signs in as, besides R (who set a password by invitation). */
const WITH_PASSWORDS = [P.M, P.S, P.A, P.OS, P.GW, P.OGW, P.ST]

/** Every table's rows (sessions too): what `restore` puts back. */
export type Snapshot = Array<[table: string, rows: Array<Record<string, unknown>>]>

export function snapshot(db: Database.Database): Snapshot {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  return tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all() as Array<Record<string, unknown>>])
}

/** Puts every table back as it was in `snap`, in one transaction behind any queued writes. */
export async function restore(app: LocalApp, snap: Snapshot): Promise<void> {
  await app.store.writeRaw((db) => {
    db.pragma('defer_foreign_keys = ON')
    for (const [table] of snap) prepared(db, `DELETE FROM "${table}"`).run()
    // AUTOINCREMENT tables write sqlite_sequence as their rows go in: it is put back last, exactly
    const ordered = [...snap.filter(([t]) => t !== 'sqlite_sequence'), ...snap.filter(([t]) => t === 'sqlite_sequence')]
    for (const [table, rows] of ordered) {
      if (table === 'sqlite_sequence') prepared(db, 'DELETE FROM sqlite_sequence').run()
      if (rows.length === 0) continue
      const cols = Object.keys(rows[0])
      const insert = prepared(
        db,
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      )
      for (const r of rows) insert.run(...cols.map((c) => r[c]))
    }
  })
}

const iso = (ms: number) => new Date(ms).toISOString()

export function activityInput(
  now: number,
  startIn: number,
  hours: number,
  deadlineIn: number,
  over: Partial<InputOf<'activities', 'publish'>> = {},
): InputOf<'activities', 'publish'> {
  return {
    title: '周末志愿服务活动',
    description: '社区组织的志愿服务',
    category: 'environment',
    startAt: iso(now + startIn),
    endAt: iso(now + startIn + hours * HOUR),
    signupDeadline: iso(now + deadlineIn),
    place: { name: '社区广场', address: '红星路 88 号' },
    quota: 10,
    points: 10,
    ...over,
  }
}

/** Builds the world through the use cases (in-process), then moves the clock 3 hours on. */
export async function buildWorld(h: Harness): Promise<World> {
  const clock = h.app.testClock
  if (!clock) throw new Error('the world needs demo mode (a test clock)')
  // no daily cap: awards in the fixture are whole
  await h.ok(P.A, 'points', 'updateRules', { rules: { ...DEFAULT_RULES, dailyCap: 0 } })
  const photo: Record<string, string> = {}
  for (const who of [P.R, P.R2, P.M, P.M2, P.S, P.A, P.OS, P.QR, P.QM]) photo[who] = await h.upload(who)

  let n = 0
  const create = async (resident: string, withPhoto = false) =>
    (
      await h.ok(resident, 'orders', 'create', {
        kind: 'service',
        category: 'elderly_child',
        title: `帮忙取药 ${++n}`,
        description: '腿脚不便，麻烦帮忙',
        photos: withPhoto ? [await h.upload(resident)] : [],
      })
    ).id as string
  const dispatch = async (staff: string, id: string, assigneeId?: string) => {
    await h.ok(staff, 'orders', 'review', { orderId: id, decision: 'dispatch', points: 10, ...(assigneeId ? { assigneeId } : {}) })
    return id
  }
  const claim = async (member: string, id: string) => {
    await h.ok(member, 'orders', 'claim', { orderId: id })
    return id
  }
  const complete = async (member: string, id: string) => {
    await h.ok(member, 'orders', 'complete', { orderId: id, summary: '已经上门完成了这项服务', photos: [await h.upload(member)] })
    return id
  }

  const o = {
    sub: await create(P.R, true),
    sub2: await create(P.R2),
    open: await dispatch(P.S, await create(P.R)),
    open2: await dispatch(P.S, await create(P.R2)),
    dirM: await dispatch(P.S, await create(P.R), P.M),
    dirM2: await dispatch(P.S, await create(P.R2), P.M2),
    clmM: await claim(P.M, await dispatch(P.S, await create(P.R, true))),
    clmM2: await claim(P.M2, await dispatch(P.S, await create(P.R2))),
    cmpM: await complete(P.M, await claim(P.M, await dispatch(P.S, await create(P.R)))),
    cmpM2: await complete(P.M2, await claim(P.M2, await dispatch(P.S, await create(P.R2)))),
    closedM: await complete(P.M, await claim(P.M, await dispatch(P.S, await create(P.R)))),
  }
  await h.ok(P.R, 'orders', 'confirm', { orderId: o.closedM, rating: 5, comment: '很好' })
  const refer = async (staff: string, id: string, unitId: string, severity?: 'critical') => {
    await h.ok(staff, 'orders', 'refer', { orderId: id, unitId, ...(severity ? { severity } : {}) })
    return id
  }
  const lowRated = async (member: string, resident: string, staff: string) => {
    const id = await complete(member, await claim(member, await dispatch(staff, await create(resident))))
    await h.ok(resident, 'orders', 'confirm', { orderId: id, rating: 2, comment: '还是不太满意' })
    return id
  }
  const more = {
    ref: await refer(P.S, await create(P.R), 'un_hx_property'),
    atStreet: await refer(P.S, await create(P.R2), 'un_hx_water', 'critical'),
    lowM: await lowRated(P.M, P.R, P.S),
  }
  const q = {
    sub: await create(P.QR),
    open: await dispatch(P.OS, await create(P.QR)),
    dirQM: await dispatch(P.OS, await create(P.QR), P.QM),
    clm: await claim(P.QM, await dispatch(P.OS, await create(P.QR))),
    cmp: await complete(P.QM, await claim(P.QM, await dispatch(P.OS, await create(P.QR)))),
    ref: await refer(P.OS, await create(P.QR), 'un_qs_property'),
    low: await lowRated(P.QM, P.QR, P.OS),
  }

  // points to spend, and a pending pickup each
  for (const m of [P.M, P.M2]) await h.ok(P.S, 'points', 'adjust', { memberId: m, delta: 300, reason: '补录志愿积分' })
  await h.ok(P.OS, 'points', 'adjust', { memberId: P.QM, delta: 300, reason: '补录志愿积分' })
  const goods = {
    hx: 'g_demo_towel',
    qs: (await h.ok(P.OS, 'mall', 'upsertGoods', { name: '青山毛巾', price: 10, stock: 10, limitPerMember: 5, onShelf: true }))
      .id as string,
  }
  const redeem = async (member: string, goodsId: string) => {
    const r = await h.ok(member, 'mall', 'redeem', { goodsId })
    return { id: r.id as string, code: r.code as string }
  }
  const red = { M: await redeem(P.M, goods.hx), M2: await redeem(P.M2, goods.hx), QM: await redeem(P.QM, goods.qs) }

  // activities: ended (not finished), under way, open for sign-up (signed and untouched), and a cancelled one
  const now = clock.now()
  const publish = async (staff: string, startIn: number, hours: number, deadlineIn: number) =>
    (await h.ok(staff, 'activities', 'publish', activityInput(now, startIn, hours, deadlineIn))).id as string
  const acts = async (staff: string) => ({
    ended: await publish(staff, 1 * HOUR, 1, 0.5 * HOUR),
    live: await publish(staff, 3 * HOUR, 3, 2 * HOUR),
    open: await publish(staff, 48 * HOUR, 2, 24 * HOUR),
    fresh: await publish(staff, 48 * HOUR, 2, 24 * HOUR),
    gone: await publish(staff, 48 * HOUR, 2, 24 * HOUR),
  })
  const act = await acts(P.S)
  const qact = await acts(P.OS)
  for (const m of [P.M, P.M2])
    for (const a of [act.ended, act.live, act.open, act.gone]) await h.ok(m, 'activities', 'signup', { activityId: a })
  for (const a of [qact.ended, qact.live, qact.open, qact.gone]) await h.ok(P.QM, 'activities', 'signup', { activityId: a })
  // cancelling tells the signed-up members: notices in their inboxes
  await h.ok(P.S, 'activities', 'cancel', { activityId: act.gone, reason: '天气原因取消' })
  await h.ok(P.OS, 'activities', 'cancel', { activityId: qact.gone, reason: '天气原因取消' })

  clock.advance(3 * HOUR)
  await h.ok(P.S, 'activities', 'markAttendance', { activityId: act.ended, memberIds: [P.M], attended: true })
  await h.ok(P.OS, 'activities', 'markAttendance', { activityId: qact.ended, memberIds: [P.QM], attended: true })

  // registrations waiting for staff (居民登记 / 双报到), one of each kind in each community
  await h.ok(P.R2, 'accounts', 'registerResident', { name: '李建国', phone: '13800010002', buildingId: 'b_hx2', unit: '2', room: '501' })
  await h.ok(P.R2, 'accounts', 'registerMember', {
    workUnit: '区图书馆',
    branch: '区图书馆党支部',
    posts: ['education'],
    skills: ['读书会'],
    gridId: 'g_hx1',
  })
  await h.ok(P.QR, 'accounts', 'registerResident', { name: '宋兰', phone: '13800020001', buildingId: 'b_qs1', unit: '1', room: '101' })
  await h.ok(P.QR, 'accounts', 'registerMember', {
    workUnit: '区文化馆',
    branch: '区文化馆党支部',
    posts: ['care'],
    skills: [],
    gridId: 'g_qs1',
  })
  const year = yearOf(clock.now())
  const branchToken = {
    hx: (await h.ok(P.S, 'points', 'branchLink', { memberId: P.M, year })).token as string,
    qs: (await h.ok(P.OS, 'points', 'branchLink', { memberId: P.QM, year })).token as string,
  }
  const pairOf = async (by: string, householdId: string, memberId: string) =>
    (await h.ok(by, 'households', 'pair', { householdId, memberIds: [memberId], kind: 'visit', cadence: 'weekly' })).pair?.id as string
  const pair = {
    hx: 'pr_hx_wangxl',
    hx2: await pairOf(P.S, 'hh_hx_liudm', P.M2),
    qs: await pairOf(P.OS, 'hh_qs_songl', P.QM),
    qsFree: (
      await h.ok(P.OS, 'households', 'upsert', {
        buildingId: 'b_qs2',
        room: '3单元 301',
        members: [{ name: '唐奶奶', relation: '本人', ageBand: 'aged' }],
        tags: ['alone'],
        consent: { by: '唐奶奶', method: 'oral' },
      })
    ).id,
  }
  const today = dayOf(clock.now())
  const period = { from: dayOf(clock.now() - 30 * 24 * HOUR), to: today }

  // 网格台账: tasks as their workers stand on them
  const QS_GW = 'u_qs_liuy'
  const dueDate = dayOf(clock.now() + 7 * 24 * HOUR)
  const gridTask = async (by: string, gridId: string, workerId: string, title: string, submit: boolean) => {
    const [t] = (await h.ok(by, 'workbench', 'publishGridTask', { gridId, workerId, title, body: '按要求完成并上传进展', dueDate })).items
    await h.ok(workerId, 'workbench', 'reportGridTask', { taskId: t.id, text: '已经开始做了', photos: [await h.upload(workerId)] })
    if (submit) await h.ok(workerId, 'workbench', 'submitGridTask', { taskId: t.id })
    return t.id
  }
  const gt = {
    gw: await gridTask(P.S, 'g_hx1', P.GW, '排查第一网格的楼道', false),
    ogw: await gridTask(P.S, 'g_hx2', P.OGW, '排查第二网格的楼道', false),
    sub: await gridTask(P.S, 'g_hx2', P.OGW, '走访第二网格的独居老人', true),
    qs: await gridTask(P.OS, 'g_qs1', QS_GW, '排查青山网格的楼道', false),
    qsSub: await gridTask(P.OS, 'g_qs1', QS_GW, '走访青山网格的独居老人', true),
  }
  for (const who of [P.GW, P.OGW]) photo[who] = await h.upload(who)

  // one notice of their own for everybody (residents and staff hear of nothing in the fixture otherwise)
  const notice: Record<string, string> = {}
  await h.app.store.writeRaw((db) => {
    const insert = db.prepare(
      "INSERT INTO notifications (id, user_id, community_id, kind, title, body, link, at, read_at) VALUES (?, ?, ?, 'activity_reminder', '活动提醒', '明天上午九点，社区广场', '/activity/detail/index', ?, NULL)",
    )
    for (const who of Object.values(P)) {
      const community = (db.prepare('SELECT community_id FROM users WHERE id = ?').get(who) as { community_id: string }).community_id
      notice[who] = `n_fixture_${who}`
      insert.run(notice[who], who, community, clock.now())
    }
  })
  // R signs in with a password; R2 holds an invitation not yet used; a setup link waits for a new community
  const password = '红星社区-王秀兰-2026'
  const invitation = await h.ok(P.S, 'accounts', 'invite', { userId: P.R })
  const accepted = await h.raw(null, 'accounts', 'acceptInvite', { token: invitation.token, password })
  if (!accepted.ok) throw new Error(`acceptInvite: ${JSON.stringify(accepted.error)}`)
  const invite = (await h.ok(P.S, 'accounts', 'invite', { userId: P.R2 })).token
  const setupToken = (await h.app.setupLink('c_new')).token
  const hash = await TEST_PASSWORDS.hash('世界里的测试密码')
  for (const who of WITH_PASSWORDS)
    await h.app.store.write((repos) => repos.identity.saveCredential({ userId: who, login: `login-${who}`, hash, updatedAt: 0 }))
  const device = new SoftAuthenticator(TEST_ORIGIN)
  const passkeys: Record<string, string> = {}
  const registration: World['registration'] = {}
  // open for a month of the test clock: a long suite's resets put them back still open
  const expiresAt = clock.now() + 30 * 24 * HOUR
  const openChallenge = async (id: string, userId: string | null) => {
    const challenge = Buffer.from(`${id}-challenge-of-the-world`).toString('base64url')
    await h.app.store.write((repos) => repos.identity.saveChallenge({ id, challenge, userId, expiresAt }))
    return challenge
  }
  for (const who of [P.R, ...WITH_PASSWORDS]) {
    const { challengeId, options } = await h.ok(who, 'accounts', 'passkeyRegistrationOptions', {})
    const maker = who === P.R ? device : new SoftAuthenticator(TEST_ORIGIN)
    passkeys[who] = (await h.ok(who, 'accounts', 'addPasskey', { challengeId, response: maker.create(options) })).id
    const challenge = await openChallenge(`pkc_reg_${who}`, who)
    const user = { id: Buffer.from(who).toString('base64url') }
    registration[who] = {
      challengeId: `pkc_reg_${who}`,
      response: new SoftAuthenticator(TEST_ORIGIN).create({ rp: { id: 'localhost' }, user, challenge }),
    }
  }
  const putOut = async (resident: string, staff: string) => {
    const input = { kind: 'wish', category: 'elderly_child', title: '想学用手机视频通话', description: '孩子在外地，想学会视频' } as const
    return dispatch(staff, (await h.ok(resident, 'orders', 'create', input)).id as string)
  }
  const wish = { hx: await putOut(P.R2, P.S), qs: await putOut(P.QR, P.OS) }
  const signInChallenge = await openChallenge('pkc_signin', null)
  const signIn = { challengeId: 'pkc_signin', response: device.get({ rpId: 'localhost', challenge: signInChallenge }) }
  return {
    o: { ...o, ...more },
    ...{ q, photo, goods, red, act, qact, notice, year, branchToken, pair, period, password, invite, setupToken, gt },
    ...{ device, passkeys, registration, signIn, wish },
  }
}

export interface WorldHarness {
  h: HttpHarness
  w: World
  snap: Snapshot
  /** Back to the world as built (sessions included); free when nothing was written since. */
  reset(): Promise<void>
  /** dumpDb of the database now (cached while nothing was written since the last reset). */
  dump(skip?: string[]): string
  /** A fresh check-in token for an activity, as its staff would show it now. */
  checkinToken(activityId: string): Promise<string>
  /** Calls over HTTP as `userId` (null: no token). */
  http(userId: string | null, fn: string, action: string, input: unknown, requestId?: string): Promise<{ status: number; body: any }>
}

let rids = 0
export const requestId = () => `hard-${process.pid}-${++rids}-${Date.now().toString(36)}`

/** The world over HTTP; `prepare` changes the seeded people first (more callers: test/attack/callers.test.ts). */
export async function openWorld(prepare?: (h: HttpHarness) => Promise<void>, alsoSignedIn: string[] = []): Promise<WorldHarness> {
  const h = await openHttpHarness()
  await prepare?.(h)
  const w = await buildWorld(h)
  // everybody signed in before the snapshot, so restoring keeps their tokens
  for (const who of [...Object.values(P), ...alsoSignedIn]) await h.token(who)
  const db = h.app.store.db
  const snap = snapshot(db)
  // every write goes through the one writer connection: its change counter says whether anything was written
  const changes = db.prepare('SELECT total_changes() AS n')
  const written = () => (changes.get() as { n: number }).n
  let clean = written()
  const dumps = new Map<string, string>()
  return {
    h,
    w,
    snap,
    async reset() {
      if (written() === clean) return
      await restore(h.app, snap)
      clean = written()
    },
    dump(skip = ['sessions']) {
      if (written() !== clean) return dumpDb(db, skip)
      const key = skip.join(',')
      if (!dumps.has(key)) dumps.set(key, dumpDb(db, skip))
      return dumps.get(key) as string
    },
    async checkinToken(activityId) {
      const a = h.app.store.db.prepare('SELECT community_id FROM activities WHERE id = ?').get(activityId) as { community_id: string }
      const staff = a.community_id === 'c_hongxing' ? P.S : P.OS
      return (await h.ok(staff, 'activities', 'checkinCode', { activityId })).token
    },
    async http(userId, fn, action, input, rid = requestId()) {
      const token = userId ? await h.token(userId) : undefined
      return h.post(fn, { action, input, requestId: rid }, token)
    },
  }
}
