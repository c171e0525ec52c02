// The repository contract: what every adapter of core/ports.ts must do, written once and run
// against each adapter (SQLite; CloudBase on the real node-sdk, against the emulator or, with
// credentials, a live environment).
import type {
  Activity,
  Building,
  Goods,
  NotificationRecord,
  Signup,
  Grid,
  LedgerRecord,
  Order,
  PointAccount,
  Redemption,
  Referral,
  Unit,
  User,
} from '../../cloudfunctions/core/domain/model'
import { DEFAULT_RULES, type PointsRules } from '../../cloudfunctions/core/domain/rules'
import { type OrderQuery, type Repos, type Session, type UnitOfWork, WriteConflict } from '../../cloudfunctions/core/ports'

export interface Fixtures {
  communities: Array<{ id: string; name: string }>
  grids: Grid[]
  buildings: Building[]
  users: User[]
}

export interface ContractStore {
  uow: UnitOfWork
  /** Writes reference data the ports only read (communities, grids, buildings, users). */
  seed(fixtures: Fixtures): Promise<void>
  close(): Promise<void>
}

export interface ContractAdapter {
  name: string
  /** A fresh, empty store. */
  open(): Promise<ContractStore>
  /** Extra time per test for slow (networked) adapters. */
  timeoutMs?: number
}

/**
 * Inside a contract's describe: a fresh store seeded with FIXTURES for every test (closed after it), and
 * its write and read transactions.
 */
export function seededStore(adapter: ContractAdapter) {
  let store: ContractStore
  if (adapter.timeoutMs) jest.setTimeout(adapter.timeoutMs)
  beforeEach(async () => {
    store = await adapter.open()
    await store.seed(FIXTURES)
  })
  afterEach(async () => {
    await store.close()
  })
  return {
    w: <T>(fn: (r: Repos) => Promise<T>) => store.uow.write(fn),
    r: <T>(fn: (r: Repos) => Promise<T>) => store.uow.read(fn),
  }
}

/** The ids of a list, in its order. */
export const idsOf = (items: Array<{ id: string }>) => items.map((x) => x.id)

const C1 = 'c_one'
const C2 = 'c_two'

export const FIXTURES: Fixtures = {
  communities: [
    { id: C1, name: '红星社区' },
    { id: C2, name: '青山社区' },
  ],
  grids: [
    { id: 'g_1', communityId: C1, name: '第一网格' },
    { id: 'g_2', communityId: C1, name: '第二网格' },
    { id: 'g_9', communityId: C2, name: '青山网格' },
  ],
  buildings: [{ id: 'b_1', communityId: C1, gridId: 'g_1', name: '1号楼' }],
  users: [
    user('u_res', C1, '王秀兰', ['resident']),
    user('u_m2', C1, '周志强', ['member', 'resident'], true),
    user('u_m1', C1, '吴海燕', ['member']),
    user('u_m3', C1, '吴海燕', ['member']), // same name: ties break by id
    user('u_staff', C1, '林晓', ['staff']),
    user('u_far', C2, '冯云', ['member']),
  ],
}

function user(id: string, communityId: string, name: string, roles: User['roles'], optIn = false): User {
  const member = roles.includes('member')
    ? {
        branch: '第一党支部',
        workUnit: '市税务局',
        posts: ['care' as const],
        skills: ['陪诊'],
        status: 'on_job' as const,
        management: 'direct' as const,
      }
    : null
  return {
    id,
    communityId,
    name,
    phone: '13800010001',
    roles,
    gridId: 'g_1',
    buildingId: 'b_1',
    room: '1单元 302',
    member,
    rankingOptIn: optIn,
    workGrids: [],
    gridLead: false,
    headOf: null,
    createdAt: 1_700_000_000_000,
  }
}

let orderCounter = 0
export function order(over: Partial<Order> = {}): Order {
  orderCounter += 1
  return {
    id: `o_${String(orderCounter).padStart(4, '0')}`,
    communityId: C1,
    residentId: 'u_res',
    kind: 'service',
    category: 'elderly_child',
    title: '帮老人取药',
    description: '腿脚不便',
    urgency: 'normal',
    photos: ['cloud://env.bucket/uploads/u_res/a.jpg'],
    preferredTime: null,
    status: 'submitted',
    points: null,
    assigneeId: null,
    claimerId: null,
    gridId: 'g_1',
    buildingId: 'b_1',
    summary: null,
    completionPhotos: [],
    rating: null,
    comment: null,
    rejectReason: null,
    releaseCount: 0,
    disputeCount: 0,
    awardedPoints: null,
    severity: 'general',
    agentId: null,
    channel: null,
    referralId: null,
    revisitDue: false,
    awardNote: null,
    householdId: null,
    householdMemberId: null,
    level: 'grid',
    escalations: [],
    dueAt: null,
    createdAt: 1_000,
    updatedAt: 1_000,
    version: 1,
    ...over,
  }
}

const account = (memberId: string, over: Partial<PointAccount> = {}): PointAccount => ({
  memberId,
  communityId: C1,
  balance: 10,
  earned: 10,
  spent: 0,
  lots: { '2024': 10 },
  years: { '2024': { earned: 10, spent: 0 } },
  day: { key: '2024-05-01', awarded: 10 },
  version: 1,
  ...over,
})

const entry = (sourceKey: string, at: number, over: Partial<LedgerRecord> = {}): LedgerRecord => ({
  sourceKey,
  memberId: 'u_m1',
  communityId: C1,
  delta: 5,
  reason: 'order_award',
  note: '完成工单',
  balanceAfter: 5,
  at,
  ...over,
})

export const goods = (id: string, over: Partial<Goods> = {}): Goods => ({
  id,
  communityId: C1,
  name: '洗衣液',
  image: null,
  description: '一瓶',
  price: 30,
  stock: 5,
  limitPerMember: 1,
  onShelf: true,
  createdAt: 1_000,
  updatedAt: 1_000,
  version: 1,
  ...over,
})

const redemption = (id: string, over: Partial<Redemption> = {}): Redemption => ({
  id,
  communityId: C1,
  memberId: 'u_m1',
  goodsId: 'gd_1',
  goodsName: '洗衣液',
  goodsImage: null,
  price: 30,
  code: '123456',
  status: 'pending',
  consumed: { '2024': 30 },
  createdAt: 1_000,
  expiresAt: 9_000,
  pickedAt: null,
  verifiedBy: null,
  remindedAt: null,
  version: 1,
  ...over,
})

export const activity = (id: string, over: Partial<Activity> = {}): Activity => ({
  id,
  communityId: C1,
  seriesId: null,
  title: '周六清扫楼道',
  description: '带手套',
  category: 'environment',
  startAt: 1_000,
  endAt: 2_000,
  signupDeadline: 900,
  place: { name: '1号楼', address: null, lat: null, lng: null },
  quota: 2,
  points: 10,
  cover: null,
  status: 'published',
  cancelReason: null,
  signedCount: 0,
  waitingCount: 0,
  nextSeq: 1,
  checkinSecret: 'secret',
  remindAt: 500,
  remindedAt: null,
  createdBy: 'u_staff',
  createdAt: 1,
  updatedAt: 1,
  finishedAt: null,
  version: 1,
  ...over,
})

const signup = (activityId: string, memberId: string, seq: number, over: Partial<Signup> = {}): Signup => ({
  activityId,
  memberId,
  communityId: C1,
  status: 'signed',
  seq,
  signedUpAt: seq * 10,
  updatedAt: seq * 10,
  checkedInAt: null,
  checkinMethod: null,
  attendance: null,
  awardedPoints: null,
  version: 1,
  ...over,
})

const notice = (id: string, at: number, over: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id,
  userId: 'u_m1',
  communityId: C1,
  kind: 'activity_reminder',
  title: '活动快开始了',
  body: '周六清扫楼道',
  link: '/pages/activity/detail?id=a_1',
  at,
  readAt: null,
  ...over,
})

export function repositoryContract(adapter: ContractAdapter) {
  describe(`repository contract: ${adapter.name}`, () => {
    const { w, r } = seededStore(adapter)
    const ids = idsOf

    describe('users and places', () => {
      it('gets users by id, several at once, and null for the unknown', async () => {
        expect(await r((x) => x.users.get('u_res'))).toEqual(FIXTURES.users[0])
        expect(await r((x) => x.users.get('u_nobody'))).toBeNull()
        const many = await r((x) => x.users.getMany(['u_m1', 'u_staff', 'u_nobody']))
        expect(ids(many).sort()).toEqual(['u_m1', 'u_staff'])
        expect(await r((x) => x.users.getMany([]))).toEqual([])
      })

      it("lists a community's members by name, then id", async () => {
        expect(ids(await r((x) => x.users.listMembers(C1)))).toEqual(['u_m1', 'u_m3', 'u_m2'])
        expect(ids(await r((x) => x.users.listMembers(C2)))).toEqual(['u_far'])
      })

      it("lists a community's staff and admins", async () => {
        expect(ids(await r((x) => x.users.listStaff(C1)))).toEqual(['u_staff'])
        expect(await r((x) => x.users.listStaff(C2))).toEqual([])
      })

      it('saves only the settings of a user', async () => {
        await w((x) => x.users.saveSettings({ ...FIXTURES.users[0], rankingOptIn: true, name: '改名', roles: ['admin'] }))
        expect(await r((x) => x.users.get('u_res'))).toEqual({ ...FIXTURES.users[0], rankingOptIn: true })
      })

      it('gets communities, grids and buildings', async () => {
        expect(await r((x) => x.places.community(C1))).toEqual({ id: C1, name: '红星社区', streetId: null })
        expect(await r((x) => x.places.grid('g_2'))).toEqual(FIXTURES.grids[1])
        expect(await r((x) => x.places.building('b_1'))).toEqual(FIXTURES.buildings[0])
        expect(await r((x) => x.places.community('c_none'))).toBeNull()
        expect(await r((x) => x.places.grid('g_none'))).toBeNull()
        expect(await r((x) => x.places.building('b_none'))).toBeNull()
      })

      it('creates and renames communities (their rules stay), grids and buildings', async () => {
        const rules: PointsRules = { ...DEFAULT_RULES, dailyCap: 40 }
        await w((x) => x.places.saveRules({ communityId: C1, rules, before: null, by: 'u_staff', at: 10 }))
        await w(async (x) => {
          await x.places.saveCommunity({ id: C1, name: '红星社区（新）' })
          await x.places.saveCommunity({ id: 'c_new', name: '新社区' })
          await x.places.saveGrid({ id: 'g_new', communityId: 'c_new', name: '新网格' })
          await x.places.saveBuilding({ id: 'b_new', communityId: 'c_new', gridId: 'g_new', name: '新1号楼' })
          await x.places.saveBuilding({ ...FIXTURES.buildings[0], gridId: 'g_2', name: '1号楼（东）' })
        })
        expect(await r((x) => x.places.community(C1))).toEqual({ id: C1, name: '红星社区（新）', streetId: null })
        expect(await r((x) => x.places.rules(C1))).toEqual(rules)
        expect(await r((x) => x.places.community('c_new'))).toEqual({ id: 'c_new', name: '新社区', streetId: null })
        expect(await r((x) => x.places.grids('c_new'))).toEqual([{ id: 'g_new', communityId: 'c_new', name: '新网格' }])
        expect(await r((x) => x.places.buildings('c_new'))).toEqual([
          { id: 'b_new', communityId: 'c_new', gridId: 'g_new', name: '新1号楼' },
        ])
        expect(await r((x) => x.places.building('b_1'))).toEqual({ id: 'b_1', communityId: C1, gridId: 'g_2', name: '1号楼（东）' })
      })

      it('stores rules with an audit trail, the last change first', async () => {
        expect(await r((x) => x.places.rules(C1))).toBeNull()
        expect(await r((x) => x.places.lastRulesChange(C1))).toBeNull()
        const first: PointsRules = { ...DEFAULT_RULES, dailyCap: 50 }
        const second: PointsRules = { ...DEFAULT_RULES, dailyCap: 70 }
        await w((x) => x.places.saveRules({ communityId: C1, rules: first, before: null, by: 'u_staff', at: 10 }))
        await w((x) => x.places.saveRules({ communityId: C1, rules: second, before: first, by: 'u_staff', at: 20 }))
        expect(await r((x) => x.places.rules(C1))).toEqual(second)
        expect(await r((x) => x.places.lastRulesChange(C1))).toEqual({
          communityId: C1,
          rules: second,
          before: first,
          by: 'u_staff',
          at: 20,
        })
        expect(await r((x) => x.places.rules(C2))).toBeNull()
      })

      it('keeps a street owning communities, renamed in place; renaming a community keeps its street', async () => {
        expect(await r((x) => x.places.street('st_1'))).toBeNull()
        await w((x) => x.places.saveStreet({ id: 'st_1', name: '红桥街道' }, [C2, C1]))
        await w((x) => x.places.saveStreet({ id: 'st_1', name: '红桥街道办事处' }, []))
        await w((x) => x.places.saveCommunity({ id: C1, name: '红星社区' }))
        expect(await r((x) => x.places.street('st_1'))).toEqual({ id: 'st_1', name: '红桥街道办事处' })
        expect(await r((x) => x.places.streetCommunities('st_1'))).toEqual([
          { id: C1, name: '红星社区', streetId: 'st_1' },
          { id: C2, name: '青山社区', streetId: 'st_1' },
        ])
        expect(await r((x) => x.places.streetCommunities('st_none'))).toEqual([])
      })

      it('saves the grids a 网格员 serves and the building a person heads, and finds them by grid', async () => {
        const worker = {
          ...FIXTURES.users[4],
          id: 'u_gw',
          name: '李娟',
          roles: ['grid_worker' as const],
          workGrids: ['g_1', 'g_2'],
          gridLead: true,
        }
        const head = { ...FIXTURES.users[0], headOf: { buildingId: 'b_1', unit: '2' } }
        await w(async (x) => {
          await x.users.insert({ ...worker, workGrids: [], gridLead: false })
          await x.users.saveProfile(worker)
          await x.users.saveProfile(head)
          // a 网格员 once, no longer: the grid no longer finds them
          await x.users.insert({ ...worker, id: 'u_gw_old', name: '王芳', roles: [], workGrids: ['g_1'] })
        })
        expect(await r((x) => x.users.get('u_gw'))).toEqual(worker)
        expect(await r((x) => x.users.get('u_res'))).toEqual(head)
        expect(ids(await r((x) => x.users.listGridWorkers(C1, 'g_2')))).toEqual(['u_gw'])
        expect(ids(await r((x) => x.users.listGridWorkers(C1, 'g_1')))).toEqual(['u_gw'])
        expect(await r((x) => x.users.listGridWorkers(C2, 'g_1'))).toEqual([])
      })

      it("lists a street's accounts, whose tenant is the street", async () => {
        const account = {
          ...FIXTURES.users[4],
          id: 'u_street',
          communityId: 'st_1',
          name: '周敏',
          roles: ['street' as const],
          gridId: null,
        }
        await w(async (x) => {
          await x.places.saveStreet({ id: 'st_1', name: '红桥街道' }, [C1])
          await x.users.insert(account)
        })
        expect(await r((x) => x.users.listStreetAccounts('st_1'))).toEqual([account])
        expect(await r((x) => x.users.listStreetAccounts('st_2'))).toEqual([])
        expect(ids(await r((x) => x.users.listCommunity(C1)))).not.toContain('u_street')
      })
    })

    describe('转办: units and referrals', () => {
      const unit = (over: Partial<Unit> = {}): Unit => ({
        id: 'un_1',
        communityId: C1,
        name: '红星物业',
        kind: 'property',
        contact: '陈经理',
        phone: '0531-88886001',
        active: true,
        updatedAt: 10,
        ...over,
      })
      const referral = (over: Partial<Referral> = {}): Referral => ({
        id: 'rf_1',
        orderId: 'o_1',
        communityId: C1,
        unitId: 'un_1',
        unitName: '红星物业',
        status: 'sent',
        note: null,
        deadline: 1_000,
        referredBy: 'u_staff',
        referredAt: 100,
        answer: null,
        answeredBy: null,
        answeredAt: null,
        version: 1,
        ...over,
      })

      it("keeps a community's directory by name, updated in place and never moved to another community", async () => {
        await w(async (x) => {
          await x.referrals.saveUnit(unit())
          await x.referrals.saveUnit(unit({ id: 'un_2', name: '区供水公司', kind: 'department', contact: null, phone: null }))
          await x.referrals.saveUnit(unit({ id: 'un_9', communityId: C2, name: '青山物业' }))
        })
        await w((x) => x.referrals.saveUnit(unit({ name: '红星物业服务中心', active: false, communityId: C2, updatedAt: 20 })))
        expect(await r((x) => x.referrals.unit('un_1'))).toEqual(unit({ name: '红星物业服务中心', active: false, updatedAt: 20 }))
        expect(ids(await r((x) => x.referrals.units(C1)))).toEqual(['un_2', 'un_1'])
        expect(ids(await r((x) => x.referrals.units(C2)))).toEqual(['un_9'])
        expect(await r((x) => x.referrals.unit('un_none'))).toBeNull()
      })

      it('creates a referral once, then saves it against its version, and lists an order’s oldest first', async () => {
        await w((x) => x.referrals.saveReferral(referral()))
        await expect(w((x) => x.referrals.saveReferral(referral()))).rejects.toBeInstanceOf(WriteConflict)
        const answered = referral({ status: 'answered', answer: '明天上午维修', answeredBy: 'u_staff', answeredAt: 500, version: 2 })
        await w((x) => x.referrals.saveReferral(answered))
        await expect(w((x) => x.referrals.saveReferral({ ...answered, status: 'done' }))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.referrals.referral('rf_1'))).toEqual(answered)
        await w((x) => x.referrals.saveReferral(referral({ id: 'rf_0', referredAt: 50 })))
        await w((x) => x.referrals.saveReferral(referral({ id: 'rf_x', orderId: 'o_2' })))
        expect(ids(await r((x) => x.referrals.referralsOf('o_1')))).toEqual(['rf_0', 'rf_1'])
        expect(await r((x) => x.referrals.referral('rf_none'))).toBeNull()
      })
    })

    describe('orders', () => {
      it('inserts and reads back an order field for field', async () => {
        const o = order({ photos: ['a', 'b'], preferredTime: '周六上午' })
        await w((x) => x.orders.insert(o))
        expect(await r((x) => x.orders.get(o.id))).toEqual(o)
        expect(await r((x) => x.orders.get('o_none'))).toBeNull()
      })

      it('refuses a second order with the same id', async () => {
        const o = order()
        await w((x) => x.orders.insert(o))
        await expect(w((x) => x.orders.insert({ ...o, title: '另一个' }))).rejects.toBeInstanceOf(WriteConflict)
        expect((await r((x) => x.orders.get(o.id)))?.title).toBe(o.title)
      })

      it('updates only from the previous version', async () => {
        const o = order()
        await w((x) => x.orders.insert(o))
        const v2 = { ...o, status: 'open' as const, points: 20, version: 2 }
        await w((x) => x.orders.update(v2))
        expect(await r((x) => x.orders.get(o.id))).toEqual(v2)
        // a writer that read version 1 loses
        await expect(w((x) => x.orders.update({ ...o, status: 'cancelled', version: 2 }))).rejects.toBeInstanceOf(WriteConflict)
        // skipping a version loses too, and so does an order that does not exist
        await expect(w((x) => x.orders.update({ ...v2, version: 4 }))).rejects.toBeInstanceOf(WriteConflict)
        await expect(w((x) => x.orders.update(order({ version: 2 })))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.orders.get(o.id))).toEqual(v2)
      })

      it('keeps the timeline in sequence and refuses a duplicate event', async () => {
        const o = order()
        const ev = (seq: number, to: Order['status']) => ({
          orderId: o.id,
          seq,
          at: seq * 10,
          actorId: seq === 1 ? 'u_res' : null,
          action: 'x',
          from: null,
          to,
          note: null,
        })
        await w(async (x) => {
          await x.orders.insert(o)
          await x.orders.appendEvent(ev(2, 'open'))
          await x.orders.appendEvent(ev(1, 'submitted'))
        })
        await expect(w((x) => x.orders.appendEvent({ ...ev(2, 'open'), note: '重复' }))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.orders.events(o.id))).toEqual([ev(1, 'submitted'), ev(2, 'open')])
        expect(await r((x) => x.orders.events('o_none'))).toEqual([])
      })

      describe('list', () => {
        const all = [
          order({ id: 'o_a', createdAt: 100, status: 'submitted' }),
          order({ id: 'o_b', createdAt: 200, status: 'open', category: 'care', gridId: 'g_2' }),
          order({ id: 'o_c', createdAt: 200, status: 'open', assigneeId: 'u_m2' }),
          order({ id: 'o_d', createdAt: 300, status: 'claimed', claimerId: 'u_m1', assigneeId: 'u_m1' }),
          order({ id: 'o_e', createdAt: 300, status: 'open', residentId: 'u_m1' }),
          order({ id: 'o_f', createdAt: 400, status: 'claimed', claimerId: 'u_m2', assigneeId: 'u_m1' }),
          order({ id: 'o_g', createdAt: 500, status: 'open', assigneeId: 'u_m1' }),
          order({ id: 'o_x', createdAt: 900, status: 'open', communityId: C2 }),
        ]
        beforeEach(async () => {
          await w(async (x) => {
            for (const o of all) await x.orders.insert(o)
          })
        })
        const list = (q: Partial<Parameters<Repos['orders']['list']>[0]>) => r((x) => x.orders.list({ communityId: C1, limit: 50, ...q }))

        it('is newest first within one community, ties by id', async () => {
          expect(ids((await list({})).items)).toEqual(['o_g', 'o_f', 'o_e', 'o_d', 'o_c', 'o_b', 'o_a'])
        })

        it('filters by status, resident, category and grid', async () => {
          expect(ids((await list({ statuses: ['claimed', 'submitted'] })).items)).toEqual(['o_f', 'o_d', 'o_a'])
          expect(ids((await list({ residentId: 'u_m1' })).items)).toEqual(['o_e'])
          expect(ids((await list({ category: 'care' })).items)).toEqual(['o_b'])
          expect(ids((await list({ gridId: 'g_2' })).items)).toEqual(['o_b'])
        })

        it("finds a member's tasks: held, or directed to them and not yet held", async () => {
          expect(ids((await list({ memberId: 'u_m1' })).items)).toEqual(['o_g', 'o_d'])
        })

        it('pages without gaps or repeats, and ends without a cursor', async () => {
          const seen: string[] = []
          let cursor: string | undefined
          let pages = 0
          do {
            const page = await list({ limit: 2, cursor })
            expect(page.items.length).toBeLessThanOrEqual(2)
            seen.push(...ids(page.items))
            cursor = page.nextCursor
            pages += 1
          } while (cursor && pages < 10)
          expect(seen).toEqual(['o_g', 'o_f', 'o_e', 'o_d', 'o_c', 'o_b', 'o_a'])
          expect(pages).toBe(4)
          const exact = await list({ limit: 7 })
          expect(exact.items).toHaveLength(7)
          expect(exact.nextCursor).toBeUndefined()
        })

        it('starts over on a cursor it cannot read', async () => {
          expect(ids((await list({ limit: 1, cursor: 'not-a-cursor' })).items)).toEqual(['o_g'])
        })
      })

      it('finds completed orders due for auto-confirm, oldest deadline first', async () => {
        await w(async (x) => {
          await x.orders.insert(order({ id: 'o_1', status: 'completed', dueAt: 50 }))
          await x.orders.insert(order({ id: 'o_2', status: 'completed', dueAt: 10 }))
          await x.orders.insert(order({ id: 'o_3', status: 'completed', dueAt: 101 }))
          await x.orders.insert(order({ id: 'o_4', status: 'claimed', dueAt: 5 }))
          await x.orders.insert(order({ id: 'o_5', status: 'completed', dueAt: 30, communityId: C2 }))
          await x.orders.insert(order({ id: 'o_6', status: 'completed', dueAt: 100 }))
        })
        expect(await r((x) => x.orders.dueForAutoConfirm(100, 10))).toEqual(['o_2', 'o_5', 'o_1', 'o_6'])
        expect(await r((x) => x.orders.dueForAutoConfirm(100, 2))).toEqual(['o_2', 'o_5'])
        expect(await r((x) => x.orders.dueForAutoConfirm(9, 10))).toEqual([])
      })

      it('finds open, claimed and referred orders due for escalation below the top level', async () => {
        await w(async (x) => {
          await x.orders.insert(order({ id: 'o_1', status: 'open', dueAt: 50 }))
          await x.orders.insert(order({ id: 'o_2', status: 'claimed', dueAt: 20, level: 'community' }))
          await x.orders.insert(order({ id: 'o_3', status: 'open', dueAt: 10, level: 'street' }))
          await x.orders.insert(order({ id: 'o_4', status: 'completed', dueAt: 10 }))
          await x.orders.insert(order({ id: 'o_5', status: 'open', dueAt: 200 }))
          await x.orders.insert(order({ id: 'o_6', status: 'open', dueAt: null }))
          await x.orders.insert(order({ id: 'o_7', status: 'referred', dueAt: 30, referralId: 'rf_1' }))
        })
        expect(await r((x) => x.orders.dueForEscalation(100, 10))).toEqual(['o_2', 'o_7', 'o_1'])
        expect(await r((x) => x.orders.dueForEscalation(100, 1))).toEqual(['o_2'])
      })

      it("lists the staff's overdue queue, most overdue first, with escalated ones", async () => {
        await w(async (x) => {
          await x.orders.insert(order({ id: 'o_1', status: 'open', dueAt: 50 }))
          await x.orders.insert(order({ id: 'o_2', status: 'claimed', dueAt: 20 }))
          await x.orders.insert(order({ id: 'o_3', status: 'open', dueAt: 500, level: 'community' }))
          await x.orders.insert(order({ id: 'o_4', status: 'open', dueAt: 500 }))
          await x.orders.insert(order({ id: 'o_5', status: 'completed', dueAt: 10 }))
          await x.orders.insert(order({ id: 'o_6', status: 'open', dueAt: 10, communityId: C2 }))
          await x.orders.insert(order({ id: 'o_7', status: 'referred', dueAt: 60, gridId: 'g_2' }))
        })
        const first = await r((x) => x.orders.overdue({ communityId: C1, now: 100, limit: 2 }))
        expect(ids(first.items)).toEqual(['o_2', 'o_1'])
        const rest = await r((x) => x.orders.overdue({ communityId: C1, now: 100, cursor: first.nextCursor, limit: 2 }))
        expect(ids(rest.items)).toEqual(['o_7', 'o_3'])
        expect(rest.nextCursor).toBeUndefined()
        // a 网格员's queue: their grids only; none of them, nothing
        expect(ids((await r((x) => x.orders.overdue({ communityId: C1, gridIds: ['g_2'], now: 100, limit: 5 }))).items)).toEqual(['o_7'])
        expect((await r((x) => x.orders.overdue({ communityId: C1, gridIds: [], now: 100, limit: 5 }))).items).toEqual([])
      })

      it('lists what stands at 街道 in a street’s communities, most overdue first, waiting ones only', async () => {
        await w(async (x) => {
          await x.orders.insert(order({ id: 'o_1', status: 'referred', dueAt: 50, level: 'street' }))
          await x.orders.insert(order({ id: 'o_2', status: 'open', dueAt: 20, level: 'street', communityId: C2 }))
          await x.orders.insert(order({ id: 'o_3', status: 'open', dueAt: 10, level: 'community' }))
          await x.orders.insert(order({ id: 'o_4', status: 'completed', dueAt: 10, level: 'street' }))
          await x.orders.insert(order({ id: 'o_5', status: 'claimed', dueAt: 70, level: 'street' }))
        })
        const first = await r((x) => x.orders.atStreet([C1, C2], undefined, 2))
        expect(ids(first.items)).toEqual(['o_2', 'o_1'])
        const rest = await r((x) => x.orders.atStreet([C1, C2], first.nextCursor, 2))
        expect([ids(rest.items), rest.nextCursor]).toEqual([['o_5'], undefined])
        expect(ids((await r((x) => x.orders.atStreet([C2], undefined, 5))).items)).toEqual(['o_2'])
        expect((await r((x) => x.orders.atStreet([], undefined, 5))).items).toEqual([])
      })

      it('keeps what 代办, severity, referral and 回访 add to an order, and lists by them', async () => {
        const placed = order({ id: 'o_1', agentId: 'u_staff', channel: 'phone', severity: 'major', createdAt: 10 })
        await w(async (x) => {
          await x.orders.insert(placed)
          await x.orders.insert(order({ id: 'o_2', status: 'closed', revisitDue: true, awardNote: '2 星评价', createdAt: 20 }))
          await x.orders.insert(order({ id: 'o_3', status: 'closed', createdAt: 30, gridId: 'g_2' }))
          await x.orders.insert(order({ id: 'o_4', status: 'referred', referralId: 'rf_1', createdAt: 40, gridId: 'g_2' }))
        })
        expect(await r((x) => x.orders.get('o_1'))).toEqual(placed)
        const list = (q: Partial<OrderQuery>) => r(async (x) => ids((await x.orders.list({ communityId: C1, limit: 10, ...q })).items))
        expect(await list({ agentId: 'u_staff' })).toEqual(['o_1'])
        expect(await list({ revisitDue: true })).toEqual(['o_2'])
        expect(await list({ revisitDue: false, statuses: ['closed'] })).toEqual(['o_3'])
        expect(await list({ gridIds: ['g_2'] })).toEqual(['o_4', 'o_3'])
        expect(await list({ gridIds: [] })).toEqual([])
      })

      describe('the hall', () => {
        beforeEach(async () => {
          await w(async (x) => {
            await x.orders.insert(order({ id: 'o_far1', createdAt: 900, gridId: 'g_2', buildingId: 'b_9' }))
            await x.orders.insert(order({ id: 'o_grid', createdAt: 100, gridId: 'g_1', buildingId: 'b_2', category: 'care' }))
            await x.orders.insert(order({ id: 'o_home', createdAt: 50, gridId: 'g_1', buildingId: 'b_1' }))
            await x.orders.insert(order({ id: 'o_far2', createdAt: 800, gridId: null, buildingId: null, kind: 'wish' }))
            await x.orders.insert(order({ id: 'o_mine', createdAt: 999, residentId: 'u_m1', buildingId: 'b_1' }))
            await x.orders.insert(order({ id: 'o_other', createdAt: 999, assigneeId: 'u_m2', buildingId: 'b_1' }))
            await x.orders.insert(
              order({ id: 'o_to_me', createdAt: 10, assigneeId: 'u_m1', gridId: 'g_2', buildingId: 'b_9', category: 'care' }),
            )
            await x.orders.insert(order({ id: 'o_claimed', createdAt: 999, status: 'claimed', buildingId: 'b_1' }))
          })
          await w(async (x) => {
            for (const id of ['o_far1', 'o_grid', 'o_home', 'o_far2', 'o_mine', 'o_other', 'o_to_me']) {
              const o = (await x.orders.get(id)) as Order
              await x.orders.update({ ...o, status: 'open', version: 2 })
            }
          })
        })
        const me = { communityId: C1, memberId: 'u_m1', buildingId: 'b_1', gridId: 'g_1' }

        it('is nearest first (building, grid, the rest), newest next, and pages across the tiers', async () => {
          const all = await r((x) => x.orders.hall({ ...me, limit: 10 }))
          expect(ids(all.items)).toEqual(['o_home', 'o_grid', 'o_far1', 'o_far2', 'o_to_me'])
          const seen: string[] = []
          let cursor: string | undefined
          for (let i = 0; i < 5; i++) {
            const p = await r((x) => x.orders.hall({ ...me, limit: 2, cursor }))
            seen.push(...ids(p.items))
            cursor = p.nextCursor
            if (!cursor) break
          }
          expect(seen).toEqual(ids(all.items))
          expect(ids((await r((x) => x.orders.hall({ ...me, kind: 'wish', limit: 10 }))).items)).toEqual(['o_far2'])
        })

        it('suggests orders that fit the posts or lie in the grid, newest first', async () => {
          expect(ids(await r((x) => x.orders.fitting({ ...me, posts: ['care'], limit: 10 })))).toEqual(['o_grid', 'o_home', 'o_to_me'])
          expect(ids(await r((x) => x.orders.fitting({ ...me, posts: [], limit: 10 })))).toEqual(['o_grid', 'o_home'])
        })
      })

      it("counts members' held orders, recent ratings and releases", async () => {
        await w(async (x) => {
          await x.orders.insert(order({ id: 'o_1', status: 'claimed', claimerId: 'u_m1' }))
          await x.orders.insert(order({ id: 'o_2', status: 'claimed', claimerId: 'u_m1' }))
          await x.orders.insert(order({ id: 'o_3', status: 'closed', claimerId: 'u_m1', rating: 5, updatedAt: 500 }))
          await x.orders.insert(order({ id: 'o_4', status: 'closed', claimerId: 'u_m1', rating: 2, updatedAt: 50 }))
          await x.orders.insert(order({ id: 'o_5', status: 'closed', claimerId: 'u_m2', rating: 4, updatedAt: 600 }))
          await x.orders.insert(order({ id: 'o_6', status: 'claimed', claimerId: 'u_far', communityId: C2 }))
          const release = (orderId: string, actorId: string, at: number, seq: number) =>
            x.orders.appendEvent({ orderId, seq, at, actorId, action: 'release', from: 'claimed', to: 'open', note: '有事' })
          await release('o_1', 'u_m2', 300, 2)
          await release('o_1', 'u_m2', 30, 3)
          await release('o_6', 'u_m2', 300, 2)
        })
        const stats = await r((x) => x.orders.memberStats(C1, 100))
        expect(stats).toEqual({
          u_m1: { open: 2, ratingSum: 5, ratingCount: 1, releases: 0, noShows: 0 },
          u_m2: { open: 0, ratingSum: 4, ratingCount: 1, releases: 1, noShows: 0 },
        })
        expect(await r((x) => x.orders.memberStats(C1, 100, 'u_m2'))).toEqual({ u_m2: stats.u_m2 })
      })
    })

    describe('points', () => {
      it('creates an account once, then moves it version by version', async () => {
        expect(await r((x) => x.points.account('u_m1'))).toBeNull()
        const a1 = account('u_m1')
        await w((x) => x.points.saveAccount(a1))
        expect(await r((x) => x.points.account('u_m1'))).toEqual(a1)
        await expect(w((x) => x.points.saveAccount(a1))).rejects.toBeInstanceOf(WriteConflict)
        const a2 = account('u_m1', { balance: 0, spent: 10, lots: {}, day: null, version: 2 })
        await w((x) => x.points.saveAccount(a2))
        expect(await r((x) => x.points.account('u_m1'))).toEqual(a2)
        await expect(w((x) => x.points.saveAccount({ ...a2, balance: 99 }))).rejects.toBeInstanceOf(WriteConflict)
        await expect(w((x) => x.points.saveAccount(account('u_m3', { version: 2 })))).rejects.toBeInstanceOf(WriteConflict)
      })

      it('appends a ledger entry once per source key', async () => {
        const e = entry('order:o_1:award', 10)
        await w((x) => x.points.append(e))
        expect(await r((x) => x.points.entry(e.sourceKey))).toEqual(e)
        expect(await r((x) => x.points.entry('order:o_9:award'))).toBeNull()
        await expect(w((x) => x.points.append({ ...e, delta: 500 }))).rejects.toBeInstanceOf(WriteConflict)
        expect((await r((x) => x.points.entry(e.sourceKey)))?.delta).toBe(5)
      })

      it("pages a member's ledger newest first", async () => {
        await w(async (x) => {
          for (let i = 1; i <= 5; i++) await x.points.append(entry(`k:${i}`, i * 100, { balanceAfter: i * 5 }))
          await x.points.append(entry('k:other', 250, { memberId: 'u_m2' }))
        })
        const first = await r((x) => x.points.ledger('u_m1', undefined, 2))
        expect(first.items.map((e) => e.sourceKey)).toEqual(['k:5', 'k:4'])
        const second = await r((x) => x.points.ledger('u_m1', first.nextCursor, 2))
        expect(second.items.map((e) => e.sourceKey)).toEqual(['k:3', 'k:2'])
        const last = await r((x) => x.points.ledger('u_m1', second.nextCursor, 2))
        expect(last.items.map((e) => e.sourceKey)).toEqual(['k:1'])
        expect(last.nextCursor).toBeUndefined()
      })

      it("lists a community's accounts and those holding old points", async () => {
        await w(async (x) => {
          await x.points.saveAccount(account('u_m1', { lots: { '2023': 4, '2024': 6 } }))
          await x.points.saveAccount(account('u_m2', { lots: { '2025': 10 } }))
          await x.points.saveAccount(account('u_m3', { balance: 0, lots: {} }))
          await x.points.saveAccount(account('u_far', { communityId: C2, lots: { '2022': 10 } }))
        })
        expect((await r((x) => x.points.accounts(C1))).map((a) => a.memberId).sort()).toEqual(['u_m1', 'u_m2', 'u_m3'])
        expect((await r((x) => x.points.withLotsFrom(2023, 10))).sort()).toEqual(['u_far', 'u_m1'])
        expect(await r((x) => x.points.withLotsFrom(2021, 10))).toEqual([])
        expect(await r((x) => x.points.withLotsFrom(2030, 1))).toHaveLength(1)
      })
    })

    describe('mall', () => {
      it('stores goods, versioned like orders, and lists them by shelf then newest', async () => {
        await w(async (x) => {
          await x.mall.insertGoods(goods('gd_1', { createdAt: 100 }))
          await x.mall.insertGoods(goods('gd_2', { createdAt: 300, onShelf: false }))
          await x.mall.insertGoods(goods('gd_3', { createdAt: 200 }))
          await x.mall.insertGoods(goods('gd_4', { createdAt: 200, communityId: C2 }))
        })
        await expect(w((x) => x.mall.insertGoods(goods('gd_1')))).rejects.toBeInstanceOf(WriteConflict)
        expect(ids(await r((x) => x.mall.listGoods(C1, false)))).toEqual(['gd_3', 'gd_1'])
        expect(ids(await r((x) => x.mall.listGoods(C1, true)))).toEqual(['gd_3', 'gd_1', 'gd_2'])
        const g2 = { ...goods('gd_1', { createdAt: 100 }), stock: 4, updatedAt: 500, version: 2 }
        await w((x) => x.mall.updateGoods(g2))
        expect(await r((x) => x.mall.goods('gd_1'))).toEqual(g2)
        await expect(w((x) => x.mall.updateGoods({ ...g2, stock: 3 }))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.mall.goods('gd_none'))).toBeNull()
      })

      it('takes units one at a time while stock lasts, and a unit of work that fails gives its unit back', async () => {
        await w(async (x) => {
          await x.mall.insertGoods(goods('gd_1', { stock: 3 }))
          await x.mall.insertGoods(goods('gd_off', { stock: 3, onShelf: false }))
        })
        // five at once for three: the adapter decides them one after another
        const took = await Promise.all(Array.from({ length: 5 }, () => w((x) => x.mall.takeUnit('gd_1'))))
        expect(took.filter(Boolean)).toHaveLength(3)
        expect(await r((x) => x.mall.goods('gd_1'))).toMatchObject({ stock: 0, version: 4 })
        expect(await w((x) => x.mall.takeUnit('gd_off'))).toBe(false)
        expect(await w((x) => x.mall.takeUnit('gd_none'))).toBe(false)

        await w(async (x) => {
          const g = (await x.mall.goods('gd_1'))!
          await x.mall.updateGoods({ ...g, stock: 1, version: g.version + 1 })
        })
        const failed = new Error('not enough points after all')
        await expect(
          w(async (x) => {
            expect(await x.mall.takeUnit('gd_1')).toBe(true)
            throw failed
          }),
        ).rejects.toBe(failed)
        expect((await r((x) => x.mall.goods('gd_1')))?.stock).toBe(1)
      })

      it('counts holdings, zero by default', async () => {
        expect(await r((x) => x.mall.holding('gd_1', 'u_m1'))).toBe(0)
        await w((x) => x.mall.setHolding('gd_1', 'u_m1', 2))
        await w((x) => x.mall.setHolding('gd_1', 'u_m1', 1))
        expect(await r((x) => x.mall.holding('gd_1', 'u_m1'))).toBe(1)
        expect(await r((x) => x.mall.holding('gd_1', 'u_m2'))).toBe(0)
      })

      it('stores redemptions; an update moves only the pickup state, from the previous version', async () => {
        const red = redemption('rd_1')
        await w((x) => x.mall.insertRedemption(red))
        await expect(w((x) => x.mall.insertRedemption(red))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.mall.redemption('rd_1'))).toEqual(red)
        const picked = { ...red, status: 'picked' as const, pickedAt: 2_000, verifiedBy: 'u_staff', version: 2, price: 1 }
        await w((x) => x.mall.updateRedemption(picked))
        expect(await r((x) => x.mall.redemption('rd_1'))).toEqual({ ...picked, price: 30 })
        await expect(w((x) => x.mall.updateRedemption({ ...red, status: 'cancelled', version: 2 }))).rejects.toBeInstanceOf(WriteConflict)
      })

      it("pages a member's redemptions newest first, and finds those past pickup", async () => {
        await w(async (x) => {
          await x.mall.insertRedemption(redemption('rd_1', { createdAt: 100, expiresAt: 500 }))
          await x.mall.insertRedemption(redemption('rd_2', { createdAt: 200, expiresAt: 300 }))
          await x.mall.insertRedemption(redemption('rd_3', { createdAt: 200, expiresAt: 900 }))
          await x.mall.insertRedemption(redemption('rd_4', { createdAt: 50, expiresAt: 100, status: 'picked' }))
          await x.mall.insertRedemption(redemption('rd_5', { createdAt: 60, memberId: 'u_m2' }))
        })
        const p1 = await r((x) => x.mall.redemptions('u_m1', undefined, 2))
        expect(ids(p1.items)).toEqual(['rd_3', 'rd_2'])
        const p2 = await r((x) => x.mall.redemptions('u_m1', p1.nextCursor, 2))
        expect(ids(p2.items)).toEqual(['rd_1', 'rd_4'])
        expect(p2.nextCursor).toBeUndefined()
        expect(await r((x) => x.mall.dueForExpiry(600, 10))).toEqual(['rd_2', 'rd_1'])
        expect(await r((x) => x.mall.dueForExpiry(600, 1))).toEqual(['rd_2'])
      })

      it('finds pending redemptions not yet reminded whose pickup closes by a time; the reminder is kept', async () => {
        await w(async (x) => {
          await x.mall.insertRedemption(redemption('rd_1', { expiresAt: 500 }))
          await x.mall.insertRedemption(redemption('rd_2', { expiresAt: 300 }))
          await x.mall.insertRedemption(redemption('rd_3', { expiresAt: 900 }))
          await x.mall.insertRedemption(redemption('rd_4', { expiresAt: 100, status: 'picked' }))
          await x.mall.insertRedemption(redemption('rd_5', { expiresAt: 200, remindedAt: 50 }))
        })
        expect(await r((x) => x.mall.dueForPickupReminder(600, 10))).toEqual(['rd_2', 'rd_1'])
        expect(await r((x) => x.mall.dueForPickupReminder(500, 1))).toEqual(['rd_2'])
        const reminded = { ...redemption('rd_2', { expiresAt: 300 }), remindedAt: 250, version: 2 }
        await w((x) => x.mall.updateRedemption(reminded))
        expect(await r((x) => x.mall.redemption('rd_2'))).toEqual(reminded)
        expect(await r((x) => x.mall.dueForPickupReminder(600, 10))).toEqual(['rd_1'])
      })

      it('claims a pickup code once per community', async () => {
        expect(await r((x) => x.mall.redemptionByCode(C1, '123456'))).toBeNull()
        await w((x) => x.mall.claimCode(C1, '123456', 'rd_1'))
        await expect(w((x) => x.mall.claimCode(C1, '123456', 'rd_2'))).rejects.toBeInstanceOf(WriteConflict)
        await w((x) => x.mall.claimCode(C2, '123456', 'rd_9'))
        expect(await r((x) => x.mall.redemptionByCode(C1, '123456'))).toBe('rd_1')
        expect(await r((x) => x.mall.redemptionByCode(C2, '123456'))).toBe('rd_9')
      })
    })

    describe('activities and the inbox', () => {
      it('stores activities versioned, lists them by start, and finds reminders due', async () => {
        await w(async (x) => {
          await x.activities.insert(activity('a_1', { startAt: 3_000, endAt: 4_000 }))
          await x.activities.insert(activity('a_2', { startAt: 1_000, remindAt: 100 }))
          await x.activities.insert(activity('a_3', { startAt: 2_000, remindAt: 50, status: 'cancelled' }))
          await x.activities.insert(activity('a_4', { startAt: 2_000, communityId: C2 }))
        })
        await expect(w((x) => x.activities.insert(activity('a_1')))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.activities.get('a_1'))).toEqual(activity('a_1', { startAt: 3_000, endAt: 4_000 }))
        const a2 = { ...activity('a_2', { startAt: 1_000, remindAt: 100 }), signedCount: 1, version: 2 }
        await w((x) => x.activities.update(a2))
        await expect(w((x) => x.activities.update({ ...a2, signedCount: 5 }))).rejects.toBeInstanceOf(WriteConflict)
        const asc = await r((x) => x.activities.list({ communityId: C1, order: 'asc', limit: 2 }))
        expect(ids(asc.items)).toEqual(['a_2', 'a_3'])
        expect(ids((await r((x) => x.activities.list({ communityId: C1, order: 'asc', limit: 2, cursor: asc.nextCursor }))).items)).toEqual(
          ['a_1'],
        )
        expect(
          ids((await r((x) => x.activities.list({ communityId: C1, order: 'desc', statuses: ['published'], limit: 5 }))).items),
        ).toEqual(['a_1', 'a_2'])
        expect(ids((await r((x) => x.activities.list({ communityId: C1, order: 'asc', endsAfter: 2_000, limit: 5 }))).items)).toEqual([
          'a_1',
        ])
        expect(await r((x) => x.activities.dueForReminder(600, 10))).toEqual(['a_2', 'a_1', 'a_4'])
      })

      it('keeps sign-ups at known ids, in arrival order, with the waiting list', async () => {
        await w(async (x) => {
          await x.activities.insert(activity('a_1'))
          await x.activities.insertSignup(signup('a_1', 'u_m1', 1))
          await x.activities.insertSignup(signup('a_1', 'u_m2', 2))
          await x.activities.insertSignup(signup('a_1', 'u_m3', 3, { status: 'waitlisted' }))
          await x.activities.insertSignup(signup('a_1', 'u_far', 4, { status: 'waitlisted' }))
        })
        await expect(w((x) => x.activities.insertSignup(signup('a_1', 'u_m1', 9)))).rejects.toBeInstanceOf(WriteConflict)
        const withdrawn = { ...signup('a_1', 'u_m2', 2), status: 'withdrawn' as const, version: 2 }
        await w((x) => x.activities.updateSignup(withdrawn))
        await expect(w((x) => x.activities.updateSignup({ ...withdrawn, status: 'signed' }))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.activities.signup('a_1', 'u_m2'))).toEqual(withdrawn)
        expect((await r((x) => x.activities.signups('a_1'))).map((s) => s.memberId)).toEqual(['u_m1', 'u_m3', 'u_far'])
        expect((await r((x) => x.activities.signups('a_1', ['waitlisted']))).map((s) => s.memberId)).toEqual(['u_m3', 'u_far'])
        expect((await r((x) => x.activities.waiting('a_1', 1))).map((s) => s.memberId)).toEqual(['u_m3'])
        expect(await r((x) => x.activities.waitingBefore('a_1', 4))).toBe(1)
        expect((await r((x) => x.activities.signupsOf('u_m2', undefined, 5))).items).toEqual([])
        expect((await r((x) => x.activities.signupsOf('u_m1', undefined, 5))).items.map((s) => s.activityId)).toEqual(['a_1'])
      })

      it('takes places in turn — a place while the quota lasts, then the waitlist — and never a second for one member', async () => {
        const a = activity('a_1', { quota: 2 })
        await w((x) => x.activities.insert(a))
        const take = (memberId: string, over: Partial<Activity> = {}) =>
          w(async (x) => {
            const place = await x.activities.takePlace({ ...a, ...over }, memberId)
            if (place) await x.activities.insertSignup(signup('a_1', memberId, place.seq, { status: place.status }))
            return place
          })
        // all at once: the adapter decides them one after another
        const members = ['u_res', 'u_m1', 'u_m2', 'u_m3', 'u_far']
        const places = await Promise.all(members.map((m) => take(m)))
        const bySeq = places.map((p, i) => ({ ...p!, memberId: members[i] })).sort((p, q) => p.seq - q.seq)
        expect(bySeq.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5])
        expect(bySeq.map((p) => p.status)).toEqual(['signed', 'signed', 'waitlisted', 'waitlisted', 'waitlisted'])
        expect(bySeq.slice(2).map((p) => p.waitingCount)).toEqual([1, 2, 3])
        const stored = await r((x) => x.activities.get('a_1'))
        expect(stored).toMatchObject({ signedCount: 2, waitingCount: 3, nextSeq: 6 })
        expect(Object.keys(stored!).sort()).toEqual(Object.keys(a).sort())

        // asked again for a member with a place: that place, no second one
        const first = bySeq[0]
        expect(await w((x) => x.activities.takePlace(a, first.memberId))).toMatchObject({ status: 'signed', seq: first.seq })
        expect(await r((x) => x.activities.get('a_1'))).toMatchObject({ signedCount: 2, waitingCount: 3 })
        // the activity is not what the caller read (quota changed, or cancelled): no place
        expect(await w((x) => x.activities.takePlace({ ...a, quota: 3 }, 'u_new'))).toBeNull()

        // withdrawn and released, with the activity saved: the member may take a place again
        await w(async (x) => {
          const mine = (await x.activities.signup('a_1', first.memberId))!
          await x.activities.updateSignup({ ...mine, status: 'withdrawn', version: mine.version + 1 })
          await x.activities.releasePlace('a_1', first.memberId)
          const now = (await x.activities.get('a_1'))!
          await x.activities.update({ ...now, signedCount: now.signedCount - 1, version: now.version + 1 })
        })
        const back = await w(async (x) => {
          const place = (await x.activities.takePlace(a, first.memberId))!
          const mine = (await x.activities.signup('a_1', first.memberId))!
          await x.activities.updateSignup({ ...mine, status: place.status, seq: place.seq, version: mine.version + 1 })
          return place
        })
        expect(back).toEqual({ status: 'signed', seq: 6, waitingCount: 3 })
        await w(async (x) => {
          const now = (await x.activities.get('a_1'))!
          await x.activities.update({ ...now, status: 'cancelled', version: now.version + 1 })
        })
        expect(await w((x) => x.activities.takePlace({ ...a, status: 'cancelled' }, 'u_new'))).toBeNull()
      })

      it('gives the sign-ups of several activities at once, by activity then arrival, without the withdrawn', async () => {
        await w(async (x) => {
          await x.activities.insert(activity('a_1'))
          await x.activities.insert(activity('a_2'))
          await x.activities.insertSignup(signup('a_2', 'u_m2', 2))
          await x.activities.insertSignup(signup('a_1', 'u_m3', 2, { status: 'waitlisted' }))
          await x.activities.insertSignup(signup('a_2', 'u_m1', 1))
          await x.activities.insertSignup(signup('a_1', 'u_m1', 1))
          await x.activities.insertSignup(signup('a_1', 'u_far', 3, { status: 'withdrawn' }))
        })
        const all = await r((x) => x.activities.signupsFor(['a_2', 'a_1']))
        expect(all.map((s) => `${s.activityId}:${s.memberId}`)).toEqual(['a_1:u_m1', 'a_1:u_m3', 'a_2:u_m1', 'a_2:u_m2'])
        expect(await r((x) => x.activities.signupsFor([]))).toEqual([])
      })

      it('keeps notices per user, newest first, and marks them read once', async () => {
        await w(async (x) => {
          for (let i = 1; i <= 3; i++) await x.inbox.add(notice(`n_${i}`, i * 100))
          await x.inbox.add(notice('n_other', 250, { userId: 'u_m2' }))
        })
        await expect(w((x) => x.inbox.add(notice('n_1', 1)))).rejects.toBeInstanceOf(WriteConflict)
        const first = await r((x) => x.inbox.list('u_m1', undefined, 2))
        expect(ids(first.items)).toEqual(['n_3', 'n_2'])
        expect(ids((await r((x) => x.inbox.list('u_m1', first.nextCursor, 2))).items)).toEqual(['n_1'])
        expect(await r((x) => x.inbox.unreadCount('u_m1'))).toBe(3)
        await w((x) => x.inbox.markRead('n_2', 700))
        await w((x) => x.inbox.markRead('n_2', 900))
        expect((await r((x) => x.inbox.get('n_2')))?.readAt).toBe(700)
        expect(await r((x) => x.inbox.unreadIds('u_m1', 5))).toEqual(['n_3', 'n_1'])
        expect(await r((x) => x.inbox.unreadCount('u_m1'))).toBe(2)
      })
    })

    describe('idempotency', () => {
      const reply = (key: string, at = 5, mentions: string[] = []) => ({ key, hash: 'h', response: { phone: '13800010001' }, at, mentions })

      it('stores a response once per key', async () => {
        expect(await r((x) => x.idempotency.get('u_res:req-1'))).toBeNull()
        const rec = {
          key: 'u_res:req-1',
          hash: 'h1',
          response: { id: 'o_1', nested: { $odd: 'key.with.dots', list: [1, null] } },
          at: 5,
          mentions: ['u_res', 'u_m1'],
        }
        await w((x) => x.idempotency.put(rec))
        expect(await r((x) => x.idempotency.get(rec.key))).toEqual(rec)
        await expect(w((x) => x.idempotency.put({ ...rec, hash: 'h2' }))).rejects.toBeInstanceOf(WriteConflict)
        await w((x) => x.idempotency.put({ key: 'u_res:req-2', hash: 'h', response: null, at: 6, mentions: [] }))
        expect((await r((x) => x.idempotency.get('u_res:req-2')))?.response).toBeNull()
      })

      it('finds the replies stored before an instant, oldest first, and removes one', async () => {
        await w(async (x) => {
          for (const [key, at] of [
            ['u_m1:b', 30],
            ['u_m1:a', 10],
            ['u_m2:c', 20],
            ['u_m2:d', 40],
          ] as const)
            await x.idempotency.put(reply(key, at))
        })
        expect(await r((x) => x.idempotency.storedBefore(40, 10))).toEqual(['u_m1:a', 'u_m2:c', 'u_m1:b'])
        expect(await r((x) => x.idempotency.storedBefore(40, 2))).toEqual(['u_m1:a', 'u_m2:c'])
        await w((x) => x.idempotency.remove('u_m1:a'))
        await w((x) => x.idempotency.remove('u_m1:a'))
        expect(await r((x) => x.idempotency.storedBefore(40, 10))).toEqual(['u_m2:c', 'u_m1:b'])
      })

      it('finds the replies that name a person, and replaces one in place', async () => {
        await w(async (x) => {
          await x.idempotency.put(reply('u_staff:1', 5, ['u_res', 'u_m1']))
          await x.idempotency.put(reply('u_staff:2', 5, ['u_m1']))
          await x.idempotency.put(reply('u_m2:1', 5, ['u_res']))
        })
        expect((await r((x) => x.idempotency.mentioning('u_res'))).map((d) => d.key).sort()).toEqual(['u_m2:1', 'u_staff:1'])
        const scrubbed = { ...reply('u_staff:1', 5, ['u_m1']), response: { phone: '' } }
        await w((x) => x.idempotency.replace(scrubbed))
        expect(await r((x) => x.idempotency.get('u_staff:1'))).toEqual(scrubbed)
        expect((await r((x) => x.idempotency.mentioning('u_res'))).map((d) => d.key)).toEqual(['u_m2:1'])
      })
    })

    describe('sign-in', () => {
      // session ids as the gateway makes them: a token's SHA-256, base64url
      const tokenOf = (c: string) => c.repeat(43)
      const session = (id: string, userId: string, at = 1_000): Session => ({ id, userId, createdAt: at, lastSeenAt: at })
      const tokensOf = async (tokens: string[]) => {
        const found: string[] = []
        for (const t of tokens) if (await r((x) => x.identity.session(t))) found.push(t)
        return found
      }

      it('keeps a session at its id, once', async () => {
        expect(await r((x) => x.identity.session(tokenOf('a')))).toBeNull()
        await w((x) => x.identity.createSession(session(tokenOf('a'), 'u_res')))
        expect(await r((x) => x.identity.session(tokenOf('a')))).toEqual(session(tokenOf('a'), 'u_res'))
        await expect(w((x) => x.identity.createSession(session(tokenOf('a'), 'u_m1', 2_000)))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.identity.session(tokenOf('a')))).toEqual(session(tokenOf('a'), 'u_res'))
      })

      it('records when a session was last seen, and nothing else of it; a session gone stays gone', async () => {
        await w((x) => x.identity.createSession(session(tokenOf('a'), 'u_res')))
        await w((x) => x.identity.touchSession(tokenOf('a'), 5_000))
        expect(await r((x) => x.identity.session(tokenOf('a')))).toEqual({ ...session(tokenOf('a'), 'u_res'), lastSeenAt: 5_000 })
        await w((x) => x.identity.touchSession(tokenOf('z'), 5_000))
        expect(await r((x) => x.identity.session(tokenOf('z')))).toBeNull()
      })

      it('finds the sessions last seen before an instant, longest idle first', async () => {
        await w(async (x) => {
          await x.identity.createSession(session(tokenOf('a'), 'u_res', 3_000))
          await x.identity.createSession(session(tokenOf('b'), 'u_res', 1_000))
          await x.identity.createSession(session(tokenOf('c'), 'u_m1', 9_000))
        })
        expect(await r((x) => x.identity.idleSessions(5_000, 10))).toEqual([tokenOf('b'), tokenOf('a')])
        expect(await r((x) => x.identity.idleSessions(5_000, 1))).toEqual([tokenOf('b')])
      })

      it('keeps an invitation at its id, once, and marks it used', async () => {
        const inv = { id: tokenOf('i'), userId: 'u_res', communityId: C1, createdBy: 'u_staff', createdAt: 1, expiresAt: 9, usedAt: null }
        const setup = { id: tokenOf('s'), userId: null, communityId: null, createdBy: null, createdAt: 1, expiresAt: 9, usedAt: null }
        await w(async (x) => {
          await x.identity.saveInvitation(inv, true)
          await x.identity.saveInvitation(setup, true)
        })
        expect(await r((x) => x.identity.invitation(inv.id))).toEqual(inv)
        expect(await r((x) => x.identity.invitation(setup.id))).toEqual(setup)
        await expect(w((x) => x.identity.saveInvitation(inv, true))).rejects.toBeInstanceOf(WriteConflict)
        await w((x) => x.identity.saveInvitation({ ...inv, usedAt: 5 }, false))
        expect(await r((x) => x.identity.invitation(inv.id))).toEqual({ ...inv, usedAt: 5 })
      })

      it('keeps one password per person at their login; a login another person holds is refused', async () => {
        const cred = { userId: 'u_res', login: '13800010001', hash: 'scrypt$x', updatedAt: 1 }
        await w((x) => x.identity.saveCredential(cred))
        expect(await r((x) => x.identity.credentialOf('u_res'))).toEqual(cred)
        expect(await r((x) => x.identity.credentialByLogin('13800010001'))).toEqual(cred)
        await expect(w((x) => x.identity.saveCredential({ ...cred, userId: 'u_m1' }))).rejects.toBeInstanceOf(WriteConflict)
        // a new password, and a new login: the old one is free again
        await w((x) => x.identity.saveCredential({ ...cred, login: '13800010009', hash: 'scrypt$y', updatedAt: 2 }))
        expect(await r((x) => x.identity.credentialByLogin('13800010001'))).toBeNull()
        expect(await r((x) => x.identity.credentialOf('u_res'))).toEqual({ ...cred, login: '13800010009', hash: 'scrypt$y', updatedAt: 2 })
        await w((x) => x.identity.saveCredential({ ...cred, userId: 'u_m1' }))
        expect((await r((x) => x.identity.credentialByLogin('13800010001')))?.userId).toBe('u_m1')
      })

      it('keeps passkeys at their credential id, and a challenge until it is taken', async () => {
        const pk = { id: 'cred-1', userId: 'u_res', publicKey: 'pk', counter: 0, transports: ['internal'], createdAt: 1, lastUsedAt: null }
        await w((x) => x.identity.savePasskey(pk, true))
        await w((x) => x.identity.savePasskey({ ...pk, id: 'cred-2', createdAt: 2 }, true))
        await expect(w((x) => x.identity.savePasskey(pk, true))).rejects.toBeInstanceOf(WriteConflict)
        await w((x) => x.identity.savePasskey({ ...pk, counter: 3, lastUsedAt: 7 }, false))
        expect(await r((x) => x.identity.passkey('cred-1'))).toEqual({ ...pk, counter: 3, lastUsedAt: 7 })
        expect((await r((x) => x.identity.passkeysOf('u_res'))).map((p) => p.id)).toEqual(['cred-1', 'cred-2'])
        expect(await r((x) => x.identity.passkeysOf('u_m1'))).toEqual([])
        await w((x) => x.identity.removePasskey('cred-2'))
        await w((x) => x.identity.removePasskey('cred-2'))
        expect(await r((x) => x.identity.passkey('cred-2'))).toBeNull()
        expect((await r((x) => x.identity.passkeysOf('u_res'))).map((p) => p.id)).toEqual(['cred-1'])
        const challenge = { id: 'ch_1', challenge: 'abc', userId: null, expiresAt: 9 }
        await w((x) => x.identity.saveChallenge(challenge))
        expect(await w((x) => x.identity.takeChallenge('ch_1'))).toEqual(challenge)
        expect(await w((x) => x.identity.takeChallenge('ch_1'))).toBeNull()
      })

      it('ends one session, or every session of one person', async () => {
        await w(async (x) => {
          await x.identity.createSession(session(tokenOf('a'), 'u_res'))
          await x.identity.createSession(session(tokenOf('b'), 'u_res'))
          await x.identity.createSession(session(tokenOf('c'), 'u_m1'))
        })
        await w((x) => x.identity.endSession(tokenOf('a')))
        await w((x) => x.identity.endSession(tokenOf('a')))
        expect(await tokensOf([tokenOf('a'), tokenOf('b'), tokenOf('c')])).toEqual([tokenOf('b'), tokenOf('c')])
        await w((x) => x.identity.endSessionsOf('u_res'))
        expect(await tokensOf([tokenOf('a'), tokenOf('b'), tokenOf('c')])).toEqual([tokenOf('c')])
      })

      it('binds an OPENID to one person, once, and finds it both ways', async () => {
        expect(await r((x) => x.identity.userForOpenId('openid-1'))).toBeNull()
        expect(await r((x) => x.identity.openIdOf('u_res'))).toBeNull()
        await w((x) => x.identity.bindOpenId('openid-1', 'u_res'))
        expect(await r((x) => x.identity.userForOpenId('openid-1'))).toBe('u_res')
        expect(await r((x) => x.identity.openIdOf('u_res'))).toBe('openid-1')
        // a bound OPENID is never rebound, to someone else or again
        await expect(w((x) => x.identity.bindOpenId('openid-1', 'u_m1'))).rejects.toBeInstanceOf(WriteConflict)
        await expect(w((x) => x.identity.bindOpenId('openid-1', 'u_res'))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.identity.userForOpenId('openid-1'))).toBe('u_res')
        expect(await r((x) => x.identity.openIdOf('u_m1'))).toBeNull()
        expect(await r((x) => x.identity.userForOpenId(''))).toBeNull()
      })

      it("forgets every way of signing in as one person, and nobody else's", async () => {
        await w(async (x) => {
          await x.identity.createSession(session(tokenOf('a'), 'u_m2'))
          await x.identity.createSession(session(tokenOf('b'), 'u_m2'))
          await x.identity.createSession(session(tokenOf('c'), 'u_m1'))
          await x.identity.bindOpenId('openid-m2', 'u_m2')
          await x.identity.bindOpenId('openid-m1', 'u_m1')
        })
        await w(async (x) => {
          await x.identity.saveCredential({ userId: 'u_m2', login: '13900010001', hash: 'h', updatedAt: 1 })
          await x.identity.saveCredential({ userId: 'u_m1', login: '13900010002', hash: 'h', updatedAt: 1 })
          await x.identity.savePasskey(
            { id: 'pk-m2', userId: 'u_m2', publicKey: 'k', counter: 0, transports: [], createdAt: 1, lastUsedAt: null },
            true,
          )
          await x.identity.saveInvitation(
            { id: 'inv-m2', userId: 'u_m2', communityId: C1, createdBy: null, createdAt: 1, expiresAt: 9, usedAt: null },
            true,
          )
        })
        await w((x) => x.identity.forget('u_m2'))
        expect(await tokensOf([tokenOf('a'), tokenOf('b'), tokenOf('c')])).toEqual([tokenOf('c')])
        expect(await r((x) => x.identity.credentialOf('u_m2'))).toBeNull()
        expect(await r((x) => x.identity.credentialOf('u_m1'))).not.toBeNull()
        expect(await r((x) => x.identity.passkeysOf('u_m2'))).toEqual([])
        expect(await r((x) => x.identity.invitation('inv-m2'))).toBeNull()
        expect(await r((x) => x.identity.userForOpenId('openid-m2'))).toBeNull()
        expect(await r((x) => x.identity.openIdOf('u_m2'))).toBeNull()
        expect(await r((x) => x.identity.userForOpenId('openid-m1'))).toBe('u_m1')
      })

      it('sees its own sign-in writes before it commits', async () => {
        await w(async (x) => {
          await x.identity.bindOpenId('openid-1', 'u_res')
          expect(await x.identity.userForOpenId('openid-1')).toBe('u_res')
          expect(await x.identity.openIdOf('u_res')).toBe('openid-1')
          await x.identity.createSession(session(tokenOf('a'), 'u_res'))
          expect(await x.identity.session(tokenOf('a'))).toEqual(session(tokenOf('a'), 'u_res'))
          await x.identity.forget('u_res')
          expect(await x.identity.session(tokenOf('a'))).toBeNull()
          expect(await x.identity.userForOpenId('openid-1')).toBeNull()
        })
        expect(await r((x) => x.identity.userForOpenId('openid-1'))).toBeNull()
      })

      it('lists everyone with a role, community by community, each in the order they were added', async () => {
        const later = (id: string, at: number, roles: User['roles'] = ['resident']) => ({
          ...user(id, C1, '新邻居', roles),
          createdAt: FIXTURES.users[0].createdAt + at,
        })
        // the later one first by id: the order is arrival, not name or id
        await w(async (x) => {
          await x.users.insert(later('u_zz', 1))
          await x.users.insert(later('u_aa', 2))
          await x.users.insert(later('u_unverified', 3, []))
        })
        await w((x) => x.users.erasePersonal({ ...FIXTURES.users[2], roles: [] }))
        const roster = await r((x) => x.users.everyoneWithRoles())
        // people created at the same instant may come in either order
        expect(ids(roster.slice(0, 4)).sort()).toEqual(['u_m2', 'u_m3', 'u_res', 'u_staff'])
        expect(ids(roster.slice(4))).toEqual(['u_zz', 'u_aa', 'u_far'])
        expect(roster.find((u) => u.id === 'u_staff')).toEqual(FIXTURES.users[4])
      })
    })

    describe('account deletion (PIPL)', () => {
      it('overwrites the personal fields of a user and nothing else', async () => {
        const erased = {
          ...FIXTURES.users[1],
          name: '已注销用户',
          phone: null,
          gridId: null,
          buildingId: null,
          room: null,
          member: null,
          roles: [],
          rankingOptIn: false,
        }
        await w((x) => x.users.erasePersonal({ ...erased, communityId: C2, createdAt: 1 }))
        expect(await r((x) => x.users.get('u_m2'))).toEqual(erased)
        expect(ids(await r((x) => x.users.listMembers(C1)))).toEqual(['u_m1', 'u_m3'])
        await w((x) => x.identity.forget('u_m2'))
        expect(await r((x) => x.users.get('u_m2'))).toEqual(erased)
      })

      it('removes one notice, also within the transaction that reads it', async () => {
        const n = (id: string, at: number, userId = 'u_m1') => ({
          id,
          userId,
          communityId: C1,
          kind: 'activity_reminder' as const,
          title: '提醒',
          body: '明天',
          link: '/x',
          at,
          readAt: null,
        })
        await w(async (x) => {
          for (const [id, at] of [
            ['n_1', 100],
            ['n_2', 200],
            ['n_3', 300],
          ] as const)
            await x.inbox.add(n(id, at))
          await x.inbox.add(n('n_9', 400, 'u_m2'))
        })
        await w(async (x) => {
          await x.inbox.remove('n_2')
          expect(await x.inbox.get('n_2')).toBeNull()
          expect(ids((await x.inbox.list('u_m1', undefined, 5)).items)).toEqual(['n_3', 'n_1'])
        })
        expect(ids((await r((x) => x.inbox.list('u_m1', undefined, 5))).items)).toEqual(['n_3', 'n_1'])
        expect(await r((x) => x.inbox.unreadCount('u_m1'))).toBe(2)
        await w((x) => x.inbox.remove('n_missing'))
        expect(await r((x) => x.inbox.unreadCount('u_m2'))).toBe(1)
      })

      it("forgets one user's stored responses, not those of a user whose id starts the same", async () => {
        const rec = (key: string) => ({ key, hash: 'h', response: { phone: '13800010001' }, at: 1, mentions: [] })
        await w(async (x) => {
          for (const key of ['u_m1:req-1', 'u_m1:req-2', 'u_m10:req-1', 'u_m:req-1', 'u_m2:req-1']) await x.idempotency.put(rec(key))
        })
        await w((x) => x.idempotency.forget('u_m1'))
        for (const key of ['u_m1:req-1', 'u_m1:req-2']) expect(await r((x) => x.idempotency.get(key))).toBeNull()
        for (const key of ['u_m10:req-1', 'u_m:req-1', 'u_m2:req-1']) expect(await r((x) => x.idempotency.get(key))).toEqual(rec(key))
      })
    })

    describe('the unit of work', () => {
      it('returns what the function returns', async () => {
        expect(await w(async () => 42)).toBe(42)
        expect(await r(async (x) => (await x.users.get('u_res'))?.name)).toBe('王秀兰')
      })

      it('rolls back every write when the function throws, and rethrows its error', async () => {
        const o = order()
        const boom = new Error('boom')
        await expect(
          w(async (x) => {
            await x.orders.insert(o)
            await x.orders.appendEvent({
              orderId: o.id,
              seq: 1,
              at: 1,
              actorId: null,
              action: 'create',
              from: null,
              to: 'submitted',
              note: null,
            })
            await x.points.saveAccount(account('u_m1'))
            await x.points.append(entry('k:1', 1))
            await x.idempotency.put({ key: 'k', hash: 'h', response: 1, at: 1, mentions: ['u_res'] })
            await x.mall.claimCode(C1, '999999', 'rd_1')
            await x.users.saveSettings({ ...FIXTURES.users[0], rankingOptIn: true })
            await x.identity.createSession({ id: 'S'.repeat(43), userId: 'u_res', createdAt: 1, lastSeenAt: 1 })
            await x.identity.bindOpenId('openid-rolled-back', 'u_res')
            throw boom
          }),
        ).rejects.toBe(boom)
        expect(await r((x) => x.orders.get(o.id))).toBeNull()
        expect(await r((x) => x.orders.events(o.id))).toEqual([])
        expect(await r((x) => x.points.account('u_m1'))).toBeNull()
        expect(await r((x) => x.points.entry('k:1'))).toBeNull()
        expect(await r((x) => x.idempotency.get('k'))).toBeNull()
        expect(await r((x) => x.mall.redemptionByCode(C1, '999999'))).toBeNull()
        expect((await r((x) => x.users.get('u_res')))?.rankingOptIn).toBe(false)
        expect(await r((x) => x.identity.session('S'.repeat(32)))).toBeNull()
        expect(await r((x) => x.identity.userForOpenId('openid-rolled-back'))).toBeNull()
        // and the store still works afterwards
        await w((x) => x.orders.insert(o))
        expect(await r((x) => x.orders.get(o.id))).toEqual(o)
      })

      it('rolls back the earlier writes when a later one conflicts', async () => {
        const o = order()
        await w((x) => x.points.append(entry('k:dup', 1)))
        await expect(
          w(async (x) => {
            await x.orders.insert(o)
            await x.points.append(entry('k:dup', 2))
          }),
        ).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.orders.get(o.id))).toBeNull()
      })

      it('sees its own writes before it commits: gets, the timeline, lists and the ledger', async () => {
        const o = order({ createdAt: 5_000 })
        await w(async (x) => {
          await x.orders.insert(order({ id: 'o_old', createdAt: 1 }))
        })
        await w(async (x) => {
          await x.orders.insert(o)
          await x.orders.appendEvent({
            orderId: o.id,
            seq: 1,
            at: 1,
            actorId: 'u_res',
            action: 'create',
            from: null,
            to: 'submitted',
            note: null,
          })
          const v2 = { ...o, status: 'open' as const, version: 2 }
          await x.orders.update(v2)
          expect(await x.orders.get(o.id)).toEqual(v2)
          expect((await x.orders.events(o.id)).map((e) => e.seq)).toEqual([1])
          expect(ids((await x.orders.list({ communityId: C1, limit: 10 })).items)).toEqual([o.id, 'o_old'])
          expect(ids((await x.orders.list({ communityId: C1, statuses: ['submitted'], limit: 10 })).items)).toEqual(['o_old'])
          await x.points.append(entry('k:own', 7))
          expect((await x.points.ledger('u_m1', undefined, 5)).items.map((e) => e.sourceKey)).toEqual(['k:own'])
          expect(await x.points.entry('k:own')).toEqual(entry('k:own', 7))
        })
      })
    })
  })
}
