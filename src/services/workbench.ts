// The people and the workbench: 居民登记 / 双报到 and their review, the admin's staff and grids, the
// dashboard, 工作台账 and 三评 (with their exports), and 三亮一晒. Every mutation takes the requestId of
// the person's intent.
import type { InputOf } from '@shared/api'
import type { RegistrationKind } from '@shared/accounts'
import { call } from './transport'

type Period = InputOf<'workbench', 'dashboard'>

export const peopleApi = {
  places: (communityId?: string) => call('accounts', 'places', communityId ? { communityId } : {}),
  myRegistrations: () => call('accounts', 'myRegistrations').then((d) => d.items),
  registerResident: (input: InputOf<'accounts', 'registerResident'>, requestId: string) =>
    call('accounts', 'registerResident', input, { requestId, loading: '正在提交' }),
  registerMember: (input: InputOf<'accounts', 'registerMember'>, requestId: string) =>
    call('accounts', 'registerMember', input, { requestId, loading: '正在提交' }),
  /** WeChat: the getPhoneNumber button's code → the verified number. */
  verifyPhone: (code: string) => call('accounts', 'verifyPhone', { code }, { loading: '正在获取' }).then((d) => d.phone),
  pending: (kind?: RegistrationKind) => call('accounts', 'listPending', kind ? { kind } : {}).then((d) => d.items),
  decide: (kind: RegistrationKind, userId: string, approve: boolean, reason: string | undefined, requestId: string) =>
    call(
      'accounts',
      kind === 'resident' ? 'approveResident' : 'approveMember',
      { userId, approve, ...(reason ? { reason } : {}) },
      { requestId },
    ),
  people: () => call('accounts', 'people').then((d) => d.items),
  setStaff: (userId: string, staff: boolean, requestId: string) => call('accounts', 'setStaff', { userId, staff }, { requestId }),
  /** Admin: the grids a person serves as 网格员 (none: no longer one), 网格长 when lead. */
  setGridWorker: (userId: string, gridIds: string[], lead: boolean, requestId: string) =>
    call('accounts', 'setGridWorker', { userId, gridIds, lead }, { requestId }),
  upsertGrid: (name: string, requestId: string, id?: string) =>
    call('accounts', 'upsertGrid', { name, ...(id ? { id } : {}) }, { requestId }),
  upsertBuilding: (name: string, gridId: string, requestId: string, id?: string) =>
    call('accounts', 'upsertBuilding', { name, gridId, ...(id ? { id } : {}) }, { requestId }),
  /** A one-time sign-in link for a person (password set or reset). */
  invite: (userId: string, requestId: string) => call('accounts', 'invite', { userId }, { requestId, loading: '正在生成' }),
  rosterTemplate: () => call('workbench', 'rosterTemplate', {}, { loading: '正在生成模板' }),
}

export const workbenchApi = {
  dashboard: (p: Period) => call('workbench', 'dashboard', p),
  streetDashboard: (p: Period) => call('workbench', 'streetDashboard', p),
  ledger: (p: Period, memberId?: string) => call('workbench', 'ledger', { ...p, ...(memberId ? { memberId } : {}) }),
  exportLedger: (p: Period, memberId?: string) =>
    call('workbench', 'exportLedger', { ...p, ...(memberId ? { memberId } : {}) }, { loading: '正在生成表格' }),
  exportEvaluation: (year: number) => call('workbench', 'exportEvaluation', { year }, { loading: '正在生成表格' }),
  showcase: (gridId?: string) => call('workbench', 'showcase', gridId ? { gridId } : {}),
  myCard: () => call('workbench', 'myCard').then((d) => d.card),
  saveCard: (input: InputOf<'workbench', 'saveCard'>, requestId: string) =>
    call('workbench', 'saveCard', input, { requestId, loading: '正在保存' }),
  consent: (orderId: string) => call('workbench', 'consent', { orderId }),
  setConsent: (orderId: string, consent: boolean, requestId: string) =>
    call('workbench', 'setConsent', { orderId, consent }, { requestId, loading: false }),
}

export const evaluationApi = {
  packet: (year: number, memberId?: string) => call('points', 'evaluation', { year, ...(memberId ? { memberId } : {}) }),
  list: (year: number) => call('points', 'evaluations', { year }),
  selfEvaluate: (year: number, score: number, text: string, requestId: string) =>
    call('points', 'selfEvaluate', { year, score, text }, { requestId, loading: '正在保存' }),
  score: (memberId: string, year: number, part: 'community' | 'branch', score: number, comment: string, requestId: string) =>
    call('points', 'scoreEvaluation', { memberId, year, part, score, ...(comment ? { comment } : {}) }, { requestId, loading: '正在保存' }),
  branchLink: (memberId: string, year: number, requestId: string) => call('points', 'branchLink', { memberId, year }, { requestId }),
  branchForm: (token: string) => call('points', 'branchForm', { token }),
  branchScore: (token: string, score: number, scorer: string, comment: string, requestId: string) =>
    call('points', 'branchScore', { token, score, scorer, ...(comment ? { comment } : {}) }, { requestId, loading: '正在提交' }),
}
