// The people and the workbench: 居民登记 / 双报到 and their review, the admin's staff and grids, the
// dashboard, 工作台账 and 三评 (with their exports), and 三亮一晒. Every mutation takes the requestId of
// the person's intent.
import Taro from '@tarojs/taro'
import type {
  BranchForm,
  BranchLink,
  Dashboard,
  EvaluationList,
  EvaluationPacket,
  ExportedFile,
  LedgerReport,
  PersonView,
  Places,
  RegisterMemberInput,
  RegisterResidentInput,
  RegistrationKind,
  RegistrationView,
  Showcase,
  ShowcaseConsentView,
  StaffCardView,
} from '@shared/workbench'
import { ApiError, API_BASE, call } from './transport'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

export type MyCard = Omit<StaffCardView, 'name' | 'isMe'> & { gridId: string }
export interface Period {
  from: string
  to: string
}

export const peopleApi = {
  places: (communityId?: string) => call<Places>('accounts', 'places', communityId ? { communityId } : {}),
  myRegistrations: () => call<{ items: RegistrationView[] }>('accounts', 'myRegistrations').then((d) => d.items),
  registerResident: (input: RegisterResidentInput, requestId: string) =>
    call<RegistrationView>('accounts', 'registerResident', input, { requestId, loading: '正在提交' }),
  registerMember: (input: RegisterMemberInput, requestId: string) =>
    call<RegistrationView>('accounts', 'registerMember', input, { requestId, loading: '正在提交' }),
  /** WeChat: the getPhoneNumber button's code → the verified number. */
  verifyPhone: (code: string) => call<{ phone: string }>('accounts', 'verifyPhone', { code }, { loading: '正在获取' }).then((d) => d.phone),
  pending: (kind?: RegistrationKind) =>
    call<{ items: RegistrationView[] }>('accounts', 'listPending', kind ? { kind } : {}).then((d) => d.items),
  decide: (kind: RegistrationKind, userId: string, approve: boolean, reason: string | undefined, requestId: string) =>
    call<RegistrationView>(
      'accounts',
      kind === 'resident' ? 'approveResident' : 'approveMember',
      { userId, approve, ...(reason ? { reason } : {}) },
      { requestId },
    ),
  people: () => call<{ items: PersonView[] }>('accounts', 'people').then((d) => d.items),
  setStaff: (userId: string, staff: boolean, requestId: string) =>
    call<PersonView>('accounts', 'setStaff', { userId, staff }, { requestId }),
  upsertGrid: (name: string, requestId: string, id?: string) =>
    call<{ id: string; name: string }>('accounts', 'upsertGrid', { name, ...(id ? { id } : {}) }, { requestId }),
}

export const workbenchApi = {
  dashboard: (p: Period) => call<Dashboard>('workbench', 'dashboard', p),
  ledger: (p: Period, memberId?: string) => call<LedgerReport>('workbench', 'ledger', { ...p, ...(memberId ? { memberId } : {}) }),
  exportLedger: (p: Period, memberId?: string) =>
    call<ExportedFile>('workbench', 'exportLedger', { ...p, ...(memberId ? { memberId } : {}) }, { loading: '正在生成表格' }),
  exportEvaluation: (year: number) => call<ExportedFile>('workbench', 'exportEvaluation', { year }, { loading: '正在生成表格' }),
  showcase: (gridId?: string) => call<Showcase>('workbench', 'showcase', gridId ? { gridId } : {}),
  myCard: () => call<{ card: MyCard | null }>('workbench', 'myCard').then((d) => d.card),
  saveCard: (input: { gridId: string; title: string; duties: string; pledge: string; photo: string | null }, requestId: string) =>
    call<{ card: MyCard | null }>('workbench', 'saveCard', input, { requestId, loading: '正在保存' }),
  consent: (orderId: string) => call<ShowcaseConsentView>('workbench', 'consent', { orderId }),
  setConsent: (orderId: string, consent: boolean, requestId: string) =>
    call<ShowcaseConsentView>('workbench', 'setConsent', { orderId, consent }, { requestId, loading: false }),
}

export const evaluationApi = {
  packet: (year: number, memberId?: string) => call<EvaluationPacket>('points', 'evaluation', { year, ...(memberId ? { memberId } : {}) }),
  list: (year: number) => call<EvaluationList>('points', 'evaluations', { year }),
  selfEvaluate: (year: number, score: number, text: string, requestId: string) =>
    call<EvaluationPacket>('points', 'selfEvaluate', { year, score, text }, { requestId, loading: '正在保存' }),
  score: (memberId: string, year: number, part: 'community' | 'branch', score: number, comment: string, requestId: string) =>
    call<EvaluationPacket>(
      'points',
      'scoreEvaluation',
      { memberId, year, part, score, ...(comment ? { comment } : {}) },
      { requestId, loading: '正在保存' },
    ),
  branchLink: (memberId: string, year: number, requestId: string) =>
    call<BranchLink>('points', 'branchLink', { memberId, year }, { requestId }),
  branchForm: (token: string) => call<BranchForm>('points', 'branchForm', { token }),
  branchScore: (token: string, score: number, scorer: string, comment: string, requestId: string) =>
    call<{ done: true }>(
      'points',
      'branchScore',
      { token, score, scorer, ...(comment ? { comment } : {}) },
      { requestId, loading: '正在提交' },
    ),
}

/**
 * Opens a generated workbook. H5: the browser downloads it from the link. WeChat: downloadFile into the
 * user data folder under its own name, then openDocument (with the menu, to forward or save it).
 */
export async function openExport(file: ExportedFile): Promise<void> {
  const url = file.url.startsWith('/') ? API_BASE + file.url : file.url
  if (!IS_WEAPP) {
    const a = document.createElement('a')
    a.href = url
    a.download = file.name
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  const dir = (Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH
  const res = await Taro.downloadFile({ url, filePath: `${dir}/${file.name}` }).catch(() => null)
  if (res?.statusCode !== 200) throw new ApiError('NETWORK', '表格没有下载下来，请重试')
  await Taro.openDocument({ filePath: res.filePath ?? `${dir}/${file.name}`, fileType: 'xlsx', showMenu: true })
}
