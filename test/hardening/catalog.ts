// For every action: the input each matrix caller sends for their own object and for someone else's,
// taken from the shared world. The access matrix, idempotency, mass-assignment, IDOR and fuzz suites
// all draw their valid calls from here.
import { CALLERS, type MatrixCaller, type Whose } from './access-matrix'
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules'
import { P, type World, type WorldHarness, activityInput } from './world'

export const PERSONA: Record<MatrixCaller, string | null> = {
  anonymous: null,
  resident: P.R,
  member: P.M,
  staff: P.S,
  admin: P.A,
  otherStaff: P.OS,
  gridWorker: P.GW,
  otherGridWorker: P.OGW,
  street: P.ST,
}

/** Inputs by caller; anonymous sends the resident's; admin, the 网格员 and the street the staff's unless given. */
interface PerCaller {
  resident: unknown
  member: unknown
  staff: unknown
  otherStaff: unknown
  admin?: unknown
  gridWorker?: unknown
  otherGridWorker?: unknown
  street?: unknown
}
type Build = (w: World, wh: WorldHarness) => PerCaller | Promise<PerCaller>
export interface ActionCase {
  own: Build
  others?: Build
}

const same =
  (input: unknown): Build =>
  () => ({ resident: input, member: input, staff: input, otherStaff: input })
/** The same input, worked out from the world, for every caller. */
const each =
  (f: (w: World, wh: WorldHarness) => unknown): Build =>
  (w, wh) => {
    const input = f(w, wh)
    return { resident: input, member: input, staff: input, otherStaff: input }
  }
const by = (resident: unknown, member: unknown, staff: unknown, otherStaff: unknown, admin?: unknown): PerCaller => ({
  resident,
  member,
  staff,
  otherStaff,
  admin,
})

/** Our community's record for the first three callers, the other community's for staff of the other. */
const community = (ours: unknown, theirs: unknown, own: boolean) => (own ? by(ours, ours, ours, theirs) : by(theirs, theirs, theirs, ours))

/** An input for each signed-in caller, made from their user id (anonymous sends the resident's). */
const perPersona =
  (f: (userId: string, w: World) => unknown): Build =>
  (w) => {
    const per = {} as PerCaller
    for (const caller of CALLERS) if (caller !== 'anonymous') per[caller] = f(PERSONA[caller] as string, w)
    return per
  }

const HOUR = 3600_000
const GOODS = { name: '纯棉毛巾', price: 15, stock: 50, limitPerMember: 3, onShelf: true }

/** The demo's households in 第一网格 of 红星 and in 青山, as their file stands (local/seed-households.ts). */
const HX_HOME = {
  id: 'hh_hx_wangxl',
  buildingId: 'b_hx1',
  room: '1单元 302',
  members: [{ id: 'hm_wangxl', residentId: P.R, name: '王秀兰', relation: '本人', ageBand: 'aged', phone: '13800010001' }],
  tags: ['alone', 'elderly'],
  consent: { by: '王秀兰', method: 'written' },
}
const QS_HOME = {
  id: 'hh_qs_songl',
  buildingId: 'b_qs1',
  room: '1单元 101',
  members: [{ id: 'hm_qs_songl', residentId: P.QR, name: '宋兰', relation: '户主', ageBand: 'adult', phone: '13800020001' }],
  tags: ['low_income'],
  consent: { by: '宋兰', method: 'written' },
}
const visitTo = (householdId: string) => ({ householdId, found: '老人身体不错，家里一切正常' })
const pairWith = (householdId: string, memberId: string) => ({ householdId, memberIds: [memberId], kind: 'visit', cadence: 'weekly' })
const CARE_REPORT = '陪老人聊了一个小时，帮着收拾了厨房'

/** 网格台账: a task to publish to a grid's workers, due in a week. */
const publishTo = (gridId: string, w: World) => ({
  gridId,
  title: '清理楼道杂物',
  body: '检查每个单元的楼道，提醒住户清理杂物',
  dueDate: new Date(Date.parse(w.period.to) + 7 * 24 * HOUR).toISOString().slice(0, 10),
})

/**
 * A grid task for each caller: staff and the others their community's task waiting for confirmation, a
 * 网格员 their own open one (own); another community's, or the other 网格员's (others).
 */
const gridTaskOf = (w: World, own: boolean, input: (taskId: string, who: string) => unknown): PerCaller => {
  const t = w.gt
  return {
    ...(own
      ? by(input(t.sub, P.R), input(t.sub, P.M), input(t.sub, P.S), input(t.qsSub, P.OS), input(t.sub, P.A))
      : by(input(t.qsSub, P.R), input(t.qsSub, P.M), input(t.qsSub, P.S), input(t.sub, P.OS), input(t.qsSub, P.A))),
    gridWorker: input(own ? t.gw : t.ogw, P.GW),
    otherGridWorker: input(own ? t.ogw : t.gw, P.OGW),
    street: input(own ? t.sub : t.qsSub, P.ST),
  }
}

export const CATALOG: Record<string, ActionCase> = {
  'accounts.me': { own: same({}) },
  'accounts.listMembers': { own: same({}) },
  'accounts.updateProfile': { own: same({ rankingOptIn: true }) },
  'accounts.inbox': { own: same({}) },
  'accounts.markRead': {
    own: (w) => ({
      ...by(
        { ids: [w.notice[P.R]] },
        { ids: [w.notice[P.M]] },
        { ids: [w.notice[P.S]] },
        { ids: [w.notice[P.OS]] },
        { ids: [w.notice[P.A]] },
      ),
      gridWorker: { ids: [w.notice[P.GW]] },
      otherGridWorker: { ids: [w.notice[P.OGW]] },
      street: { ids: [w.notice[P.ST]] },
    }),
    others: (w) => by({ ids: [w.notice[P.R2]] }, { ids: [w.notice[P.M2]] }, { ids: [w.notice[P.M]] }, { ids: [w.notice[P.M]] }),
  },
  'accounts.exportMyData': { own: same({}) },
  'accounts.deleteMe': { own: same({ confirm: true }) },
  'accounts.subscribe': { own: same({ accepted: ['order_progress'] }) },
  'accounts.places': {
    own: () => community({ communityId: 'c_hongxing' }, { communityId: 'c_qingshan' }, true),
    others: () => community({ communityId: 'c_hongxing' }, { communityId: 'c_qingshan' }, false),
  },
  'accounts.registerResident': {
    own: () => {
      const input = (buildingId: string) => ({ name: '王秀兰', phone: '13800010001', buildingId, unit: '1', room: '302' })
      return community(input('b_hx1'), input('b_qs1'), true)
    },
    others: () => {
      const input = (buildingId: string) => ({ name: '王秀兰', phone: '13800010001', buildingId, unit: '1', room: '302' })
      return community(input('b_hx1'), input('b_qs1'), false)
    },
  },
  'accounts.registerMember': {
    own: () => {
      const input = (gridId: string) => ({ workUnit: '市税务局', branch: '市税务局第一党支部', posts: ['care'], skills: ['陪诊'], gridId })
      // a 网格员 registers in the grid they live in
      return { ...community(input('g_hx1'), input('g_qs1'), true), otherGridWorker: input('g_hx2') }
    },
    others: () => {
      const input = (gridId: string) => ({ workUnit: '市税务局', branch: '市税务局第一党支部', posts: ['care'], skills: ['陪诊'], gridId })
      return community(input('g_hx1'), input('g_qs1'), false)
    },
  },
  'accounts.myRegistrations': { own: same({}) },
  'accounts.verifyPhone': { own: same({ code: 'wx-phone-code-123' }) },
  'accounts.listPending': { own: same({}) },
  'accounts.approveResident': {
    own: () => community({ userId: P.R2, approve: true }, { userId: P.QR, approve: true }, true),
    others: () => community({ userId: P.R2, approve: true }, { userId: P.QR, approve: true }, false),
  },
  'accounts.approveMember': {
    own: () => community({ userId: P.R2, approve: true }, { userId: P.QR, approve: true }, true),
    others: () => community({ userId: P.R2, approve: true }, { userId: P.QR, approve: true }, false),
  },
  'accounts.people': { own: same({}) },
  'accounts.setStaff': {
    own: () => community({ userId: P.R2, staff: true }, { userId: P.QR, staff: true }, true),
    others: () => community({ userId: P.R2, staff: true }, { userId: P.QR, staff: true }, false),
  },
  'accounts.setGridWorker': {
    own: () => community({ userId: P.R2, gridIds: ['g_hx2'], lead: false }, { userId: P.QR, gridIds: ['g_qs1'] }, true),
    others: () => community({ userId: P.R2, gridIds: ['g_hx2'], lead: false }, { userId: P.QR, gridIds: ['g_qs1'] }, false),
  },
  'accounts.setHead': {
    own: () => community({ userId: P.R2, head: { buildingId: 'b_hx2' } }, { userId: P.QR, head: { buildingId: 'b_qs1' } }, true),
    others: () => community({ userId: P.R2, head: { buildingId: 'b_hx2' } }, { userId: P.QR, head: { buildingId: 'b_qs1' } }, false),
  },
  'accounts.residents': { own: same({}) },
  'accounts.upsertGrid': {
    own: () => community({ id: 'g_hx3', name: '第三网格（东）' }, { id: 'g_qs1', name: '青山网格（东）' }, true),
    others: () => community({ id: 'g_hx3', name: '第三网格（东）' }, { id: 'g_qs1', name: '青山网格（东）' }, false),
  },

  'accounts.upsertBuilding': {
    own: () => community({ name: '7号楼', gridId: 'g_hx1' }, { name: '青山3号楼', gridId: 'g_qs1' }, true),
    // a building of the other community, renamed into one of ours
    others: () => community({ id: 'b_qs1', name: '7号楼', gridId: 'g_hx1' }, { id: 'b_hx1', name: '青山3号楼', gridId: 'g_qs1' }, true),
  },
  'accounts.invite': {
    own: () => community({ userId: P.R2 }, { userId: P.QR }, true),
    others: () => community({ userId: P.R2 }, { userId: P.QR }, false),
  },
  'accounts.acceptInvite': { own: each((w) => ({ token: w.invite, password: '李建国的新密码-2026' })) },
  'accounts.signIn': { own: each((w) => ({ login: '13800010001', password: w.password })) },
  'accounts.setupCommunity': {
    own: each((w) => ({
      token: w.setupToken,
      communityName: '新建社区',
      name: '郑建新',
      phone: '13800099999',
      password: '新社区管理员-2026',
    })),
  },
  'accounts.signOut': { own: same({}) },
  'accounts.signOutEverywhere': { own: same({}) },
  'accounts.passkeyRegistrationOptions': { own: same({}) },
  'accounts.addPasskey': {
    own: perPersona((who, w) => w.registration[who]),
    // an answer to another person's challenge
    others: perPersona((who, w) => w.registration[who === P.R ? P.M : P.R]),
  },
  'accounts.passkeySignInOptions': { own: same({}) },
  // R's passkey answers the world's sign-in challenge, whoever sends it
  'accounts.signInWithPasskey': { own: each((w) => w.signIn) },
  'accounts.passkeys': { own: same({}) },
  'accounts.removePasskey': {
    own: perPersona((who, w) => ({ id: w.passkeys[who] })),
    others: perPersona((who, w) => ({ id: w.passkeys[who === P.R ? P.M : P.R] })),
  },

  'workbench.rosterTemplate': { own: same({}) },

  'households.list': { own: same({}) },
  'households.due': { own: same({}) },
  'households.get': {
    own: () => community({ householdId: HX_HOME.id }, { householdId: QS_HOME.id }, true),
    others: () => community({ householdId: HX_HOME.id }, { householdId: QS_HOME.id }, false),
  },
  'households.upsert': {
    own: () => community(HX_HOME, QS_HOME, true),
    others: () => community(HX_HOME, QS_HOME, false),
  },
  'households.logVisit': {
    own: () => community(visitTo(HX_HOME.id), visitTo(QS_HOME.id), true),
    others: () => community(visitTo(HX_HOME.id), visitTo(QS_HOME.id), false),
  },
  'households.pair': {
    own: (w) => community(pairWith('hh_hx_zhaogl', P.M2), pairWith(w.pair.qsFree, P.QM), true),
    others: (w) => community(pairWith('hh_hx_zhaogl', P.M2), pairWith(w.pair.qsFree, P.QM), false),
  },
  'households.unpair': {
    own: (w) => community({ pairId: w.pair.hx }, { pairId: w.pair.qs }, true),
    others: (w) => community({ pairId: w.pair.hx }, { pairId: w.pair.qs }, false),
  },
  'households.careTasks': { own: same({}) },
  // the member's own pair; someone else's: another member's pair in the same community
  'households.closeCareTask': {
    own: each((w) => ({ pairId: w.pair.hx, report: CARE_REPORT, photos: [w.photo[P.M]] })),
    others: each((w) => ({ pairId: w.pair.hx2, report: CARE_REPORT, photos: [w.photo[P.M]] })),
  },
  'households.coverage': { own: same({}) },
  'workbench.gridTasks': { own: same({}) },
  'workbench.gridWorkers': { own: same({}) },
  'workbench.gridTask': {
    own: (w) => gridTaskOf(w, true, (taskId) => ({ taskId })),
    others: (w) => gridTaskOf(w, false, (taskId) => ({ taskId })),
  },
  'workbench.publishGridTask': {
    own: (w) => ({
      ...community(publishTo('g_hx2', w), publishTo('g_qs1', w), true),
      gridWorker: publishTo('g_hx1', w),
      otherGridWorker: publishTo('g_hx2', w),
    }),
    others: (w) => ({
      ...community(publishTo('g_hx2', w), publishTo('g_qs1', w), false),
      gridWorker: publishTo('g_qs1', w),
      otherGridWorker: publishTo('g_qs1', w),
    }),
  },
  'workbench.reportGridTask': {
    own: (w) => gridTaskOf(w, true, (taskId, who) => ({ taskId, text: '又排查了一个单元', photos: [w.photo[who] ?? w.photo[P.R]] })),
    others: (w) => gridTaskOf(w, false, (taskId, who) => ({ taskId, text: '又排查了一个单元', photos: [w.photo[who] ?? w.photo[P.R]] })),
  },
  'workbench.submitGridTask': {
    own: (w) => gridTaskOf(w, true, (taskId) => ({ taskId })),
    others: (w) => gridTaskOf(w, false, (taskId) => ({ taskId })),
  },
  'workbench.confirmGridTask': {
    own: (w) => gridTaskOf(w, true, (taskId) => ({ taskId })),
    others: (w) => gridTaskOf(w, false, (taskId) => ({ taskId })),
  },
  'workbench.returnGridTask': {
    own: (w) => gridTaskOf(w, true, (taskId) => ({ taskId, reason: '缺少照片，请补拍' })),
    others: (w) => gridTaskOf(w, false, (taskId) => ({ taskId, reason: '缺少照片，请补拍' })),
  },
  'workbench.importRoster': {
    own: same({
      sheets: {
        网格: [['网格名称'], ['第四网格']],
        楼栋: [
          ['楼栋', '所属网格'],
          ['7号楼', '第四网格'],
        ],
      },
      commit: true,
    }),
  },

  'orders.create': {
    // residents order for themselves; staff and 网格员 for a resident (代办, by phone)
    own: () => {
      const order = { kind: 'service', category: 'care', title: '帮忙修水管', description: '厨房水管漏水' }
      const forR = { ...order, onBehalfOf: { residentId: P.R, channel: 'phone' } }
      return { ...by(order, order, forR, { ...order, onBehalfOf: { residentId: P.QR, channel: 'phone' } }), street: order }
    },
  },
  'orders.list': { own: same({ scope: 'mine' }) },
  'orders.get': {
    own: (w) => ({
      ...by({ orderId: w.o.sub }, { orderId: w.o.clmM }, { orderId: w.o.sub }, { orderId: w.q.sub }),
      street: { orderId: w.o.atStreet },
    }),
    others: (w) => by({ orderId: w.o.sub2 }, { orderId: w.o.clmM2 }, { orderId: w.q.sub }, { orderId: w.o.sub }),
  },
  'orders.review': {
    own: (w) => community({ orderId: w.o.sub, decision: 'dispatch' }, { orderId: w.q.sub, decision: 'dispatch' }, true),
    others: (w) => community({ orderId: w.o.sub, decision: 'dispatch' }, { orderId: w.q.sub, decision: 'dispatch' }, false),
  },
  'orders.suggest': {
    own: (w) => community({ orderId: w.o.sub }, { orderId: w.q.sub }, true),
    others: (w) => community({ orderId: w.o.sub }, { orderId: w.q.sub }, false),
  },
  'orders.claim': {
    own: (w) => community({ orderId: w.o.open }, { orderId: w.q.open }, true),
    // directed to another member
    others: (w) => by({ orderId: w.o.dirM2 }, { orderId: w.o.dirM2 }, { orderId: w.o.dirM2 }, { orderId: w.o.dirM2 }),
  },
  'orders.decline': {
    own: (w) => community({ orderId: w.o.dirM }, { orderId: w.q.dirQM }, true),
    others: (w) => by({ orderId: w.o.dirM2 }, { orderId: w.o.dirM2 }, { orderId: w.o.dirM2 }, { orderId: w.o.dirM }),
  },
  'orders.release': {
    own: (w) => community({ orderId: w.o.clmM, reason: '临时有事去不了' }, { orderId: w.q.clm, reason: '临时有事去不了' }, true),
    others: (w) => {
      const input = (orderId: string) => ({ orderId, reason: '临时有事去不了' })
      return by(input(w.o.clmM2), input(w.o.clmM2), input(w.o.clmM2), input(w.o.clmM))
    },
  },
  'orders.complete': {
    own: (w) => {
      const input = (orderId: string, who: string) => ({
        orderId,
        summary: '已经上门完成了维修工作',
        photos: [w.photo[who] ?? w.photo[P.R]],
      })
      return by(input(w.o.clmM, P.R), input(w.o.clmM, P.M), input(w.o.clmM, P.S), input(w.q.clm, P.OS), input(w.o.clmM, P.A))
    },
    others: (w) => {
      const input = (orderId: string, who: string) => ({
        orderId,
        summary: '已经上门完成了维修工作',
        photos: [w.photo[who] ?? w.photo[P.R]],
      })
      return by(input(w.o.clmM2, P.R), input(w.o.clmM2, P.M), input(w.o.clmM2, P.S), input(w.o.clmM, P.OS), input(w.o.clmM2, P.A))
    },
  },
  'orders.confirm': {
    own: (w) => {
      const forResident = (orderId: string) => ({ orderId, rating: 5, residentWords: '电话里说修好了，很满意' })
      return by({ orderId: w.o.cmpM, rating: 5 }, { orderId: w.o.cmpM, rating: 5 }, forResident(w.o.cmpM), forResident(w.q.cmp))
    },
    others: (w) =>
      by(
        { orderId: w.o.cmpM2, rating: 5 },
        { orderId: w.o.cmpM2, rating: 5 },
        { orderId: w.q.cmp, rating: 5 },
        { orderId: w.o.cmpM, rating: 5 },
      ),
  },
  'orders.dispute': {
    own: (w) => community({ orderId: w.o.cmpM, reason: '水管还在漏水' }, { orderId: w.q.cmp, reason: '水管还在漏水' }, true),
    others: (w) =>
      by(
        { orderId: w.o.cmpM2, reason: '水管还在漏水' },
        { orderId: w.o.cmpM2, reason: '水管还在漏水' },
        { orderId: w.q.cmp, reason: '水管还在漏水' },
        { orderId: w.o.cmpM, reason: '水管还在漏水' },
      ),
  },
  'orders.cancel': {
    own: (w) => community({ orderId: w.o.sub }, { orderId: w.q.sub }, true),
    others: (w) => by({ orderId: w.o.sub2 }, { orderId: w.o.sub2 }, { orderId: w.q.sub }, { orderId: w.o.sub }),
  },

  'orders.refer': {
    own: (w) => community({ orderId: w.o.sub, unitId: 'un_hx_property' }, { orderId: w.q.sub, unitId: 'un_qs_property' }, true),
    others: (w) => community({ orderId: w.o.sub, unitId: 'un_hx_property' }, { orderId: w.q.sub, unitId: 'un_qs_property' }, false),
  },
  'orders.recordReferralAnswer': {
    own: (w) => {
      const answer = (orderId: string) => ({ orderId, answer: '物业已派人维修，明天上午修好' })
      return { ...community(answer(w.o.ref), answer(w.q.ref), true), street: answer(w.o.atStreet) }
    },
    others: (w) => {
      const answer = (orderId: string) => ({ orderId, answer: '物业已派人维修，明天上午修好' })
      // the street: an order of its community that has not reached 街道
      return { ...community(answer(w.o.ref), answer(w.q.ref), false), street: answer(w.o.ref) }
    },
  },
  'orders.sendDown': {
    own: each((w) => ({ orderId: w.o.atStreet, note: '请社区督促供水公司尽快处理' })),
    // an order of the street's community that has not reached 街道
    others: each((w) => ({ orderId: w.o.ref, note: '请社区督促物业尽快处理' })),
  },
  'orders.revisit': {
    own: (w) => community({ orderId: w.o.lowM, note: '上门看过，已经解决' }, { orderId: w.q.low, note: '上门看过，已经解决' }, true),
    others: (w) => community({ orderId: w.o.lowM, note: '上门看过，已经解决' }, { orderId: w.q.low, note: '上门看过，已经解决' }, false),
  },
  'orders.units': { own: same({}) },
  'orders.upsertUnit': {
    own: () => {
      const unit = (id: string) => ({ id, name: '物业服务中心', kind: 'property', contact: '陈经理', phone: '0531-88886001' })
      return community(unit('un_hx_property'), unit('un_qs_property'), true)
    },
    others: () => {
      const unit = (id: string) => ({ id, name: '物业服务中心', kind: 'property', contact: '陈经理', phone: '0531-88886001' })
      return community(unit('un_hx_property'), unit('un_qs_property'), false)
    },
  },

  'points.balance': { own: same({}) },
  'points.ledger': { own: same({}) },
  'points.adjust': {
    own: () => community({ memberId: P.M, delta: 5, reason: '补录活动积分' }, { memberId: P.QM, delta: 5, reason: '补录活动积分' }, true),
    others: () =>
      community({ memberId: P.M, delta: 5, reason: '补录活动积分' }, { memberId: P.QM, delta: 5, reason: '补录活动积分' }, false),
  },
  'points.rules': { own: same({}) },
  'points.updateRules': { own: same({ rules: { ...DEFAULT_RULES, dailyCap: 50 } }) },
  'points.ranking': { own: same({ by: 'branch' }) },
  'points.evaluation': {
    own: (w) => by({ year: w.year }, { year: w.year }, { memberId: P.M, year: w.year }, { memberId: P.QM, year: w.year }),
    others: (w) =>
      by(
        { memberId: P.M2, year: w.year },
        { memberId: P.M2, year: w.year },
        { memberId: P.QM, year: w.year },
        { memberId: P.M, year: w.year },
      ),
  },
  'points.evaluations': { own: each((w) => ({ year: w.year })) },
  'points.selfEvaluate': { own: each((w) => ({ year: w.year, score: 90, text: '今年参加了二十多次志愿服务活动' })) },
  'points.scoreEvaluation': {
    own: (w) =>
      community(
        { memberId: P.M, year: w.year, part: 'community', score: 88 },
        { memberId: P.QM, year: w.year, part: 'community', score: 88 },
        true,
      ),
    others: (w) =>
      community(
        { memberId: P.M, year: w.year, part: 'community', score: 88 },
        { memberId: P.QM, year: w.year, part: 'community', score: 88 },
        false,
      ),
  },
  'points.branchLink': {
    own: (w) => community({ memberId: P.M, year: w.year }, { memberId: P.QM, year: w.year }, true),
    others: (w) => community({ memberId: P.M, year: w.year }, { memberId: P.QM, year: w.year }, false),
  },
  'points.branchForm': { own: (w) => community({ token: w.branchToken.hx }, { token: w.branchToken.qs }, true) },
  'points.branchScore': {
    own: (w) =>
      community(
        { token: w.branchToken.hx, score: 92, scorer: '市税务局第一党支部 张书记' },
        { token: w.branchToken.qs, score: 92, scorer: '区教育局党支部 李书记' },
        true,
      ),
  },

  'mall.listGoods': { own: same({}) },
  'mall.upsertGoods': {
    own: (w) => community({ id: w.goods.hx, ...GOODS }, { id: w.goods.qs, ...GOODS }, true),
    others: (w) => community({ id: w.goods.hx, ...GOODS }, { id: w.goods.qs, ...GOODS }, false),
  },
  'mall.redeem': {
    own: (w) => community({ goodsId: w.goods.hx }, { goodsId: w.goods.qs }, true),
    others: (w) => community({ goodsId: w.goods.hx }, { goodsId: w.goods.qs }, false),
  },
  'mall.myRedemptions': { own: same({}) },
  'mall.cancelRedemption': {
    own: (w) => community({ redemptionId: w.red.M.id }, { redemptionId: w.red.QM.id }, true),
    others: (w) =>
      by({ redemptionId: w.red.M2.id }, { redemptionId: w.red.M2.id }, { redemptionId: w.red.QM.id }, { redemptionId: w.red.M.id }),
  },
  'mall.lookup': {
    own: (w) => community({ code: w.red.M.code }, { code: w.red.QM.code }, true),
    others: (w) => community({ code: w.red.M.code }, { code: w.red.QM.code }, false),
  },
  'mall.verify': {
    own: (w) => community({ code: w.red.M.code }, { code: w.red.QM.code }, true),
    others: (w) => community({ code: w.red.M.code }, { code: w.red.QM.code }, false),
  },

  'activities.list': { own: same({ scope: 'upcoming' }) },
  'activities.get': {
    own: (w) => community({ activityId: w.act.open }, { activityId: w.qact.open }, true),
    others: (w) => community({ activityId: w.act.open }, { activityId: w.qact.open }, false),
  },
  'activities.publicView': {
    own: (w) => community({ activityId: w.act.open }, { activityId: w.qact.open }, true),
    others: (w) => community({ activityId: w.act.open }, { activityId: w.qact.open }, false),
  },
  'activities.publish': { own: each((_w, wh) => activityInput(wh.h.app.clock.now(), 48 * HOUR, 2, 24 * HOUR)) },
  'activities.update': {
    own: (w) =>
      community({ activityId: w.act.open, title: '周末志愿服务（改）' }, { activityId: w.qact.open, title: '周末志愿服务（改）' }, true),
    others: (w) =>
      community({ activityId: w.act.open, title: '周末志愿服务（改）' }, { activityId: w.qact.open, title: '周末志愿服务（改）' }, false),
  },
  'activities.cancel': {
    own: (w) => community({ activityId: w.act.open, reason: '天气原因取消' }, { activityId: w.qact.open, reason: '天气原因取消' }, true),
    others: (w) =>
      community({ activityId: w.act.open, reason: '天气原因取消' }, { activityId: w.qact.open, reason: '天气原因取消' }, false),
  },
  'activities.signup': {
    own: (w) => community({ activityId: w.act.fresh }, { activityId: w.qact.fresh }, true),
    others: (w) => community({ activityId: w.act.fresh }, { activityId: w.qact.fresh }, false),
  },
  'activities.withdraw': {
    own: (w) => community({ activityId: w.act.open }, { activityId: w.qact.open }, true),
    others: (w) => community({ activityId: w.act.open }, { activityId: w.qact.open }, false),
  },
  'activities.checkinCode': {
    own: (w) => community({ activityId: w.act.live }, { activityId: w.qact.live }, true),
    others: (w) => community({ activityId: w.act.live }, { activityId: w.qact.live }, false),
  },
  'activities.checkin': {
    own: async (w, wh) =>
      community(
        { activityId: w.act.live, token: await wh.checkinToken(w.act.live) },
        { activityId: w.qact.live, token: await wh.checkinToken(w.qact.live) },
        true,
      ),
    others: async (w, wh) =>
      community(
        { activityId: w.act.live, token: await wh.checkinToken(w.act.live) },
        { activityId: w.qact.live, token: await wh.checkinToken(w.qact.live) },
        false,
      ),
  },
  'activities.markAttendance': {
    own: (w) =>
      community(
        { activityId: w.act.live, memberIds: [P.M], attended: true },
        { activityId: w.qact.live, memberIds: [P.QM], attended: true },
        true,
      ),
    others: (w) =>
      community(
        { activityId: w.act.live, memberIds: [P.M], attended: true },
        { activityId: w.qact.live, memberIds: [P.QM], attended: true },
        false,
      ),
  },
  'activities.finish': {
    own: (w) => community({ activityId: w.act.ended }, { activityId: w.qact.ended }, true),
    others: (w) => community({ activityId: w.act.ended }, { activityId: w.qact.ended }, false),
  },
}

CATALOG['workbench.dashboard'] = { own: each((w) => w.period) }
CATALOG['workbench.streetDashboard'] = { own: each((w) => w.period) }
CATALOG['workbench.ledger'] = {
  own: (w) => by({ ...w.period }, { ...w.period }, { ...w.period, memberId: P.M }, { ...w.period, memberId: P.QM }),
  others: (w) =>
    by({ ...w.period, memberId: P.M2 }, { ...w.period, memberId: P.M2 }, { ...w.period, memberId: P.QM }, { ...w.period, memberId: P.M }),
}
CATALOG['workbench.exportLedger'] = CATALOG['workbench.ledger']
CATALOG['workbench.exportEvaluation'] = { own: each((w) => ({ year: w.year })) }
CATALOG['workbench.showcase'] = {
  own: () => community({ gridId: 'g_hx1' }, { gridId: 'g_qs1' }, true),
  others: () => community({ gridId: 'g_hx1' }, { gridId: 'g_qs1' }, false),
}
CATALOG['workbench.myCard'] = { own: same({}) }
CATALOG['workbench.saveCard'] = {
  own: () => {
    const card = (gridId: string) => ({ gridId, title: '网格员', duties: '负责网格内的日常巡查和居民诉求', pledge: '有事找我，马上就办' })
    return community(card('g_hx1'), card('g_qs1'), true)
  },
  others: () => {
    const card = (gridId: string) => ({ gridId, title: '网格员', duties: '负责网格内的日常巡查和居民诉求', pledge: '有事找我，马上就办' })
    return community(card('g_hx1'), card('g_qs1'), false)
  },
}
// the resident's own closed order; others: another resident's order
CATALOG['workbench.consent'] = {
  own: (w) => community({ orderId: w.o.closedM }, { orderId: w.q.cmp }, true),
  others: (w) => by({ orderId: w.o.cmpM2 }, { orderId: w.o.cmpM2 }, { orderId: w.q.cmp }, { orderId: w.o.closedM }),
}
CATALOG['workbench.setConsent'] = {
  own: (w) => community({ orderId: w.o.closedM, consent: true }, { orderId: w.q.cmp, consent: true }, true),
  others: (w) =>
    by(
      { orderId: w.o.cmpM2, consent: true },
      { orderId: w.o.cmpM2, consent: true },
      { orderId: w.q.cmp, consent: true },
      { orderId: w.o.closedM, consent: true },
    ),
}

/** The input `caller` sends for `whose` object of `action`, or undefined when the catalog has none. */
export async function inputFor(wh: WorldHarness, action: string, caller: MatrixCaller, whose: Whose): Promise<unknown> {
  const build = CATALOG[action]?.[whose]
  if (!build) return undefined
  const inputs = await build(wh.w, wh)
  if (caller === 'anonymous') return inputs.resident
  if (caller === 'admin' || caller === 'gridWorker' || caller === 'otherGridWorker' || caller === 'street')
    return inputs[caller] ?? inputs.staff
  return inputs[caller]
}

/**
 * A caller the matrix lets through with their own object — signed in where possible — for the valid
 * call of `action`; failing that, one who gets past authorisation to the input check (`refuse`).
 */
export function allowedCaller(row: { own: readonly string[] }): MatrixCaller | undefined {
  const signedIn = CALLERS.filter((c) => c !== 'anonymous')
  return (
    signedIn.find((c) => row.own[CALLERS.indexOf(c)] === 'allow') ??
    (row.own[0] === 'allow' ? 'anonymous' : signedIn.find((c) => row.own[CALLERS.indexOf(c)] === 'refuse'))
  )
}
CATALOG['orders.publicWish'] = {
  own: (w) => community({ orderId: w.wish.hx }, { orderId: w.wish.qs }, true),
  others: (w) => community({ orderId: w.wish.hx }, { orderId: w.wish.qs }, false),
}
