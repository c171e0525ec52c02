// The demo's grid and street: 红桥街道 owning both demo communities with its account (周敏), and each
// community's directory of units for 转办 — a 物业, departments and a 共建单位.
import type Database from 'better-sqlite3'
import { type SeedUser, insertUser } from './seed-people'

export const DEMO_STREET = {
  id: 'st_hongqiao',
  name: '红桥街道',
  communities: ['c_hongxing', 'c_qingshan'],
  users: [{ id: 'u_st_zhoum', name: '周敏', roles: ['street'], phone: '13800039001', building: '', room: '' }] as SeedUser[],
}

const UNITS = [
  { id: 'un_hx_property', community: 'c_hongxing', name: '红星物业服务中心', kind: 'property', contact: '陈经理', phone: '0531-88886001' },
  { id: 'un_hx_water', community: 'c_hongxing', name: '区供水公司', kind: 'department', contact: '调度室', phone: '0531-96677' },
  { id: 'un_hx_housing', community: 'c_hongxing', name: '区住建局', kind: 'department', contact: '物业科', phone: '0531-88886002' },
  { id: 'un_hx_hospital', community: 'c_hongxing', name: '市第一医院', kind: 'partner', contact: '党办 刘老师', phone: '0531-88886003' },
  { id: 'un_qs_property', community: 'c_qingshan', name: '青山物业', kind: 'property', contact: '王经理', phone: '0531-88887001' },
]

export function seedDemoGrid(db: Database.Database, now: number) {
  db.prepare('INSERT INTO streets (id, name) VALUES (?, ?)').run(DEMO_STREET.id, DEMO_STREET.name)
  for (const c of DEMO_STREET.communities) db.prepare('UPDATE communities SET street_id = ? WHERE id = ?').run(DEMO_STREET.id, c)
  for (const u of DEMO_STREET.users) insertUser(db, DEMO_STREET.id, u, null, now)
  const unit = db.prepare(
    'INSERT INTO units (id, community_id, name, kind, contact, phone, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)',
  )
  for (const u of UNITS) unit.run(u.id, u.community, u.name, u.kind, u.contact, u.phone, now)
}
