// The demo's grid and street: 红桥街道 owning both demo communities with its account (周敏), and each
// community's directory of units for 转办 — a 物业, departments and a 共建单位.
import type { GridTask, Unit } from '../cloudfunctions/core/domain/model'
import type { SeedUser } from './seed'

export const DEMO_STREET = {
  id: 'st_hongqiao',
  name: '红桥街道',
  communities: ['c_hongxing', 'c_qingshan'],
  users: [{ id: 'u_st_zhoum', name: '周敏', roles: ['street'], phone: '13800039001', building: '', room: '' }] as SeedUser[],
}

const UNITS: Array<Omit<Unit, 'active' | 'updatedAt'>> = [
  {
    id: 'un_hx_property',
    communityId: 'c_hongxing',
    name: '红星物业服务中心',
    kind: 'property',
    contact: '陈经理',
    phone: '0531-88886001',
  },
  { id: 'un_hx_water', communityId: 'c_hongxing', name: '区供水公司', kind: 'department', contact: '调度室', phone: '0531-96677' },
  { id: 'un_hx_housing', communityId: 'c_hongxing', name: '区住建局', kind: 'department', contact: '物业科', phone: '0531-88886002' },
  { id: 'un_hx_hospital', communityId: 'c_hongxing', name: '市第一医院', kind: 'partner', contact: '党办 刘老师', phone: '0531-88886003' },
  { id: 'un_qs_property', communityId: 'c_qingshan', name: '青山物业', kind: 'property', contact: '王经理', phone: '0531-88887001' },
]

export const demoUnits = (now: number): Unit[] => UNITS.map((u) => ({ ...u, active: true, updatedAt: now }))

/**
 * 网格台账: one open task for 王芳 (第二网格) from 林晓, due in a week, so 我的网格任务 is not empty on
 * first open; she uploads progress and submits it, and staff confirm it.
 */
export const demoGridTasks = (now: number): GridTask[] => [
  {
    id: 'gt_demo_wangf',
    communityId: 'c_hongxing',
    gridId: 'g_hx2',
    workerId: 'u_wangf',
    title: '排查楼道消防通道',
    body: '检查3号楼、4号楼每个单元的楼道和消防通道，拍下堆放杂物的位置，提醒住户清理。',
    dueAt: now + 7 * 86400_000,
    status: 'open',
    progress: [],
    publishedBy: 'u_linx',
    publishedAt: now,
    submittedAt: null,
    returnedReason: null,
    confirmedBy: null,
    confirmedAt: null,
    points: null,
    updatedAt: now,
    version: 1,
  },
]
