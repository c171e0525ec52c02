// The repository contract for the people and the workbench (registrations, staff cards, 三评, 晒服务
// consent, the period reads of the dashboard and the 工作台账): written once, run on every adapter
// that can run here — SQLite (workbench-sqlite.test.ts) and the CloudBase adapter on the real
// node-sdk (cloudbase.test.ts: the emulator, or a live environment).
import type { Evaluation, EvaluationLink, LedgerRecord, Registration, StaffCard, User } from '../../cloudfunctions/core/domain/model'
import { WriteConflict } from '../../cloudfunctions/core/ports'
import { type ContractAdapter, FIXTURES, order, seededStore, idsOf } from './repos.contract'

const C1 = FIXTURES.communities[0].id
const C2 = FIXTURES.communities[1].id

const registration = (userId: string, over: Partial<Registration> = {}): Registration => ({
  userId,
  communityId: C1,
  kind: 'resident',
  status: 'pending',
  name: '陈明',
  phone: '13912345678',
  buildingId: 'b_1',
  gridId: 'g_1',
  room: '2单元 301',
  member: null,
  submittedAt: 1_000,
  decidedAt: null,
  decidedBy: null,
  reason: null,
  version: 1,
  ...over,
})

const card = (userId: string, gridId: string, over: Partial<StaffCard> = {}): StaffCard => ({
  userId,
  communityId: C1,
  gridId,
  title: '网格员',
  duties: '走访入户',
  pledge: '有求必应',
  photo: null,
  updatedAt: 1_000,
  ...over,
})

const evaluation = (memberId: string, year: number, over: Partial<Evaluation> = {}): Evaluation => ({
  memberId,
  communityId: C1,
  year,
  self: { score: 80, text: '自评', by: memberId, byName: '周志强', at: 1_000 },
  community: null,
  branch: null,
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

export function workbenchContract(adapter: ContractAdapter) {
  describe(`workbench repository contract: ${adapter.name}`, () => {
    const { w, r } = seededStore(adapter)
    const ids = idsOf

    describe('people', () => {
      const newcomer: User = {
        id: 'u_new',
        communityId: C1,
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
        createdAt: 5_000,
      }

      it('inserts a person once', async () => {
        await w((x) => x.users.insert(newcomer))
        expect(await r((x) => x.users.get('u_new'))).toEqual(newcomer)
        await expect(w((x) => x.users.insert({ ...newcomer, name: '又一个' }))).rejects.toBeInstanceOf(WriteConflict)
      })

      it('saves what staff decide — roles, name, phone, home, profile — and nothing else', async () => {
        const before = (await r((x) => x.users.get('u_res'))) as User
        const member = {
          branch: '支部',
          workUnit: '单位',
          posts: ['care' as const],
          skills: ['陪诊'],
          status: 'on_job' as const,
          management: 'direct' as const,
        }
        await w((x) =>
          x.users.saveProfile({
            ...before,
            name: '王秀兰（新）',
            phone: '13900000000',
            roles: ['resident', 'member'],
            gridId: 'g_2',
            buildingId: null,
            room: null,
            member,
            communityId: C2,
            createdAt: 1,
            rankingOptIn: true,
          }),
        )
        expect(await r((x) => x.users.get('u_res'))).toEqual({
          ...before,
          name: '王秀兰（新）',
          phone: '13900000000',
          roles: ['resident', 'member'],
          gridId: 'g_2',
          buildingId: null,
          room: null,
          member,
        })
        await w((x) => x.users.saveProfile({ ...newcomer, id: 'u_nobody' }))
        expect(await r((x) => x.users.get('u_nobody'))).toBeNull()
      })

      it('lists everyone of a community by name, then id', async () => {
        expect(ids(await r((x) => x.users.listCommunity(C1)))).toEqual(
          ['u_m1', 'u_m3', 'u_m2', 'u_staff', 'u_res'].sort((a, b) => {
            const name = (id: string) => FIXTURES.users.find((u) => u.id === id)?.name ?? ''
            return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : a < b ? -1 : 1
          }),
        )
        expect(ids(await r((x) => x.users.listCommunity(C2)))).toEqual(['u_far'])
      })

      it('lists, adds and renames a community’s grids; lists its buildings', async () => {
        expect(ids(await r((x) => x.places.grids(C1))).sort()).toEqual(['g_1', 'g_2'])
        expect(ids(await r((x) => x.places.buildings(C1)))).toEqual(['b_1'])
        expect(await r((x) => x.places.buildings(C2))).toEqual([])
        await w((x) => x.places.saveGrid({ id: 'g_new', communityId: C1, name: '第三网格' }))
        await w((x) => x.places.saveGrid({ id: 'g_1', communityId: C1, name: '老城网格' }))
        expect(await r((x) => x.places.grid('g_new'))).toEqual({ id: 'g_new', communityId: C1, name: '第三网格' })
        expect((await r((x) => x.places.grid('g_1')))?.name).toBe('老城网格')
        expect(ids(await r((x) => x.places.grids(C2)))).toEqual(['g_9'])
      })
    })

    describe('period reads', () => {
      it('finds a community’s orders submitted in [from, to), oldest first', async () => {
        const a = order({ createdAt: 1_000 })
        const b = order({ createdAt: 2_000 })
        const c = order({ createdAt: 3_000 })
        const far = order({ createdAt: 2_000, communityId: C2 })
        await w(async (x) => {
          for (const o of [c, a, b, far]) await x.orders.insert(o)
        })
        expect(ids(await r((x) => x.orders.createdBetween(C1, 1_000, 3_000)))).toEqual([a.id, b.id])
        expect(ids(await r((x) => x.orders.createdBetween(C1, 1_001, 3_001)))).toEqual([b.id, c.id])
        expect(ids(await r((x) => x.orders.createdBetween(C2, 0, 10_000)))).toEqual([far.id])
      })

      it('finds the closed orders a member served, by when they closed', async () => {
        const served = order({ status: 'closed', claimerId: 'u_m1', updatedAt: 5_000 })
        const early = order({ status: 'closed', claimerId: 'u_m1', updatedAt: 4_000 })
        const late = order({ status: 'closed', claimerId: 'u_m1', updatedAt: 9_000 })
        const open = order({ status: 'claimed', claimerId: 'u_m1', updatedAt: 5_000 })
        const other = order({ status: 'closed', claimerId: 'u_m2', updatedAt: 5_000 })
        await w(async (x) => {
          for (const o of [served, early, late, open, other]) await x.orders.insert(o)
        })
        expect(ids(await r((x) => x.orders.closedBy('u_m1', 4_000, 9_000)))).toEqual([early.id, served.id])
      })

      it('gives the timelines of several orders at once', async () => {
        const a = order()
        const b = order()
        await w(async (x) => {
          await x.orders.insert(a)
          await x.orders.insert(b)
          for (const [o, seq] of [
            [b, 2],
            [a, 1],
            [b, 1],
            [a, 2],
          ] as const) {
            await x.orders.appendEvent({
              orderId: o.id,
              seq,
              at: seq * 10,
              actorId: null,
              action: seq === 1 ? 'create' : 'dispatch',
              from: null,
              to: 'submitted',
              note: null,
            })
          }
        })
        const events = await r((x) => x.orders.eventsFor([a.id, b.id]))
        expect(events.map((e) => `${e.orderId}:${e.seq}`)).toEqual([`${a.id}:1`, `${a.id}:2`, `${b.id}:1`, `${b.id}:2`])
        expect(await r((x) => x.orders.eventsFor([]))).toEqual([])
      })

      it('gives the dashboard’s facts of a period’s orders: each step’s first time by seq', async () => {
        const a = order({ createdAt: 1_000, status: 'closed', claimerId: 'u_m1', rating: 5, disputeCount: 1 })
        const b = order({ createdAt: 2_000, escalations: [{ at: 2_500, from: 'grid', to: 'community', reason: '超时' }] })
        const late = order({ createdAt: 3_000 })
        const far = order({ createdAt: 2_000, communityId: C2 })
        const steps: Array<[typeof a, number, string, number]> = [
          [a, 1, 'create', 1_000],
          [a, 2, 'dispatch', 1_100],
          [a, 3, 'claim', 1_200],
          [a, 4, 'release', 1_300],
          [a, 5, 'claim', 1_400],
          [a, 6, 'complete', 1_500],
          [a, 7, 'dispute', 1_600],
          [a, 8, 'complete', 1_700],
          [a, 9, 'confirm', 1_800],
          [b, 1, 'create', 2_000],
          // appended out of order: the first by seq counts, not the first appended
          [b, 3, 'refer', 2_200],
          [b, 2, 'refer', 2_100],
        ]
        await w(async (x) => {
          for (const o of [late, b, a, far]) await x.orders.insert(o)
          for (const [o, seq, action, at] of steps) {
            await x.orders.appendEvent({ orderId: o.id, seq, at, actorId: null, action, from: null, to: 'submitted', note: null })
          }
        })
        const facts = await r((x) => x.orders.dashboardFacts(C1, 1_000, 3_000))
        expect(facts).toEqual([
          {
            id: a.id,
            status: 'closed',
            category: a.category,
            gridId: a.gridId,
            claimerId: 'u_m1',
            rating: 5,
            disputeCount: 1,
            escalated: false,
            createdAt: 1_000,
            first: { dispatch: 1_100, claim: 1_200, complete: 1_500, confirm: 1_800, refer: null, answer: null },
          },
          {
            id: b.id,
            status: b.status,
            category: b.category,
            gridId: b.gridId,
            claimerId: null,
            rating: null,
            disputeCount: 0,
            escalated: true,
            createdAt: 2_000,
            first: { dispatch: null, claim: null, complete: null, confirm: null, refer: 2_100, answer: null },
          },
        ])
        expect(await r((x) => x.orders.dashboardFacts(C2, 0, 1_000))).toEqual([])
      })

      it('finds ledger entries of a community, or one member of it, posted in [from, to)', async () => {
        await w(async (x) => {
          await x.points.append(entry('k1', 1_000))
          await x.points.append(entry('k2', 2_000, { memberId: 'u_m2' }))
          await x.points.append(entry('k3', 3_000))
          await x.points.append(entry('k4', 2_000, { communityId: C2, memberId: 'u_far' }))
        })
        const keys = (rows: LedgerRecord[]) => rows.map((e) => e.sourceKey)
        expect(keys(await r((x) => x.points.entriesBetween(C1, 1_000, 3_000)))).toEqual(['k1', 'k2'])
        expect(keys(await r((x) => x.points.entriesBetween(C1, 0, 10_000, 'u_m1')))).toEqual(['k1', 'k3'])
        expect(await r((x) => x.points.entriesBetween(C1, 0, 10_000, 'u_m1'))).toEqual([entry('k1', 1_000), entry('k3', 3_000)])
      })

      it('adds up a community’s entries posted in [from, to) by reason and sign', async () => {
        await w(async (x) => {
          await x.points.append(entry('k1', 1_000))
          await x.points.append(entry('k2', 1_100, { delta: 7, memberId: 'u_m2' }))
          await x.points.append(entry('k3', 1_200, { reason: 'adjustment', delta: 3 }))
          await x.points.append(entry('k4', 1_300, { reason: 'adjustment', delta: -2 }))
          await x.points.append(entry('k5', 1_400, { reason: 'redemption', delta: -4 }))
          await x.points.append(entry('k6', 1_500, { reason: 'refund', delta: 4 }))
          await x.points.append(entry('k7', 1_600, { reason: 'redemption', delta: -6 }))
          await x.points.append(entry('k8', 3_000))
          await x.points.append(entry('k9', 2_000, { communityId: C2, memberId: 'u_far' }))
        })
        const sorted = (rows: Array<{ reason: string; delta: number }>) =>
          rows.map((e) => `${e.reason} ${e.delta}`).sort((a, b) => (a < b ? -1 : 1))
        expect(sorted(await r((x) => x.points.sumsBetween(C1, 1_000, 3_000)))).toEqual([
          'adjustment -2',
          'adjustment 3',
          'order_award 12',
          'redemption -10',
          'refund 4',
        ])
        expect(await r((x) => x.points.sumsBetween(C2, 0, 1_000))).toEqual([])
      })
    })

    describe('registrations', () => {
      it('creates at version 1, replaces version − 1, refuses a stale or duplicate write', async () => {
        await w((x) => x.workbench.saveRegistration(registration('u_res')))
        await expect(w((x) => x.workbench.saveRegistration(registration('u_res')))).rejects.toBeInstanceOf(WriteConflict)
        const decided = registration('u_res', {
          status: 'rejected',
          reason: '房号不对',
          decidedAt: 2_000,
          decidedBy: 'u_staff',
          version: 2,
        })
        await w((x) => x.workbench.saveRegistration(decided))
        expect(await r((x) => x.workbench.registration('u_res', 'resident'))).toEqual(decided)
        await expect(w((x) => x.workbench.saveRegistration({ ...decided, status: 'approved' }))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.workbench.registration('u_res', 'member'))).toBeNull()
      })

      it('lists a community’s pending ones, oldest first, of one kind or both', async () => {
        const member = registration('u_m1', {
          kind: 'member',
          submittedAt: 3_000,
          member: { branch: '支部', workUnit: '单位', posts: ['care'], skills: [], status: 'on_job', management: 'direct' },
        })
        await w(async (x) => {
          await x.workbench.saveRegistration(registration('u_res', { submittedAt: 2_000 }))
          await x.workbench.saveRegistration(member)
          await x.workbench.saveRegistration(registration('u_m2', { submittedAt: 1_000, status: 'approved' }))
          await x.workbench.saveRegistration(registration('u_far', { communityId: C2 }))
        })
        const keys = (rows: Registration[]) => rows.map((x) => `${x.userId}:${x.kind}`)
        expect(keys(await r((x) => x.workbench.pendingRegistrations(C1)))).toEqual(['u_res:resident', 'u_m1:member'])
        expect(keys(await r((x) => x.workbench.pendingRegistrations(C1, 'member')))).toEqual(['u_m1:member'])
        expect(await r((x) => x.workbench.pendingRegistrations(C1, 'member'))).toEqual([member])
        expect(keys(await r((x) => x.workbench.pendingRegistrations(C2)))).toEqual(['u_far:resident'])
      })
    })

    describe('staff cards, 三评 and consent', () => {
      it('keeps one card per person, listed by grid', async () => {
        await w(async (x) => {
          await x.workbench.saveStaffCard(card('u_staff', 'g_1'))
          await x.workbench.saveStaffCard(card('u_m1', 'g_1', { photo: 'f_1' }))
          await x.workbench.saveStaffCard(card('u_staff', 'g_2', { title: '网格长', updatedAt: 2_000 }))
        })
        expect(await r((x) => x.workbench.staffCard('u_staff'))).toEqual(card('u_staff', 'g_2', { title: '网格长', updatedAt: 2_000 }))
        expect((await r((x) => x.workbench.staffCards('g_1'))).map((c) => c.userId)).toEqual(['u_m1'])
        expect(await r((x) => x.workbench.staffCards('g_1'))).toEqual([card('u_m1', 'g_1', { photo: 'f_1' })])
        expect(await r((x) => x.workbench.staffCard('u_res'))).toBeNull()
      })

      it('versions a member’s year and lists a community’s year', async () => {
        await w(async (x) => {
          await x.workbench.saveEvaluation(evaluation('u_m2', 2030))
          await x.workbench.saveEvaluation(evaluation('u_m1', 2030))
          await x.workbench.saveEvaluation(evaluation('u_m1', 2029))
          await x.workbench.saveEvaluation(evaluation('u_far', 2030, { communityId: C2 }))
        })
        const scored = evaluation('u_m1', 2030, {
          community: { score: 90, text: null, by: 'u_staff', byName: '林晓', at: 2_000 },
          version: 2,
        })
        await w((x) => x.workbench.saveEvaluation(scored))
        await expect(w((x) => x.workbench.saveEvaluation(scored))).rejects.toBeInstanceOf(WriteConflict)
        await expect(w((x) => x.workbench.saveEvaluation(evaluation('u_m2', 2030)))).rejects.toBeInstanceOf(WriteConflict)
        expect(await r((x) => x.workbench.evaluation('u_m1', 2030))).toEqual(scored)
        expect((await r((x) => x.workbench.evaluations(C1, 2030))).map((e) => e.memberId)).toEqual(['u_m1', 'u_m2'])
        expect(await r((x) => x.workbench.evaluation('u_m3', 2030))).toBeNull()
      })

      it('stores a link at its hash and marks it used', async () => {
        const link: EvaluationLink = {
          tokenHash: 'ab'.repeat(32),
          memberId: 'u_m1',
          communityId: C1,
          year: 2030,
          createdBy: 'u_staff',
          createdAt: 1_000,
          expiresAt: 9_000,
          usedAt: null,
        }
        await w((x) => x.workbench.saveEvaluationLink(link))
        await w((x) => x.workbench.saveEvaluationLink({ ...link, usedAt: 2_000 }))
        expect(await r((x) => x.workbench.evaluationLink(link.tokenHash))).toEqual({ ...link, usedAt: 2_000 })
        expect(await r((x) => x.workbench.evaluationLink('cd'.repeat(32)))).toBeNull()
      })

      it('lists a grid’s consented orders, latest consent first, withdrawn ones left out', async () => {
        const consent = (orderId: string, at: number, consent = true, gridId: string | null = 'g_1') => ({
          orderId,
          communityId: C1,
          gridId,
          consent,
          at,
        })
        await w(async (x) => {
          await x.workbench.saveConsent(consent('o_a', 1_000))
          await x.workbench.saveConsent(consent('o_b', 3_000))
          await x.workbench.saveConsent(consent('o_c', 2_000))
          await x.workbench.saveConsent(consent('o_d', 4_000, true, 'g_2'))
          await x.workbench.saveConsent(consent('o_c', 5_000, false))
        })
        expect((await r((x) => x.workbench.consented('g_1', 10))).map((c) => c.orderId)).toEqual(['o_b', 'o_a'])
        expect((await r((x) => x.workbench.consented('g_1', 1))).map((c) => c.orderId)).toEqual(['o_b'])
        expect(await r((x) => x.workbench.consent('o_c'))).toEqual(consent('o_c', 5_000, false))
        expect(await r((x) => x.workbench.consent('o_zzz'))).toBeNull()
      })
    })
  })
}
