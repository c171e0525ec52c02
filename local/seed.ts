// The demo community a fresh data folder starts with, and a second, small one to show isolation:
// written through the repositories, so local mode (SQLite) and cloud mode (CloudBase) seed the same.
import type { PostType, Role } from '@shared/enums'
import type { BuildingHead, Goods, MemberProfile, User } from '../cloudfunctions/core/domain/model'
import type { Clock, UnitOfWork } from '../cloudfunctions/core/ports'
import { demoActivities } from './seed-activities'
import { DEMO_STREET, demoGridTasks, demoUnits } from './seed-grid'
import { demoHouseholds } from './seed-households'
import { demoRegistration, demoStaffCards } from './seed-workbench'

export interface SeedUser {
  id: string
  name: string
  roles: Role[]
  phone: string
  /** Empty for a street account (no home). */
  building: string
  room: string
  member?: MemberProfile
  /** 网格员: the grids they serve, and whether they lead (网格长). */
  workGrids?: string[]
  gridLead?: boolean
  headOf?: BuildingHead
}

interface SeedCommunity {
  id: string
  name: string
  grids: Array<{ id: string; name: string; buildings: Array<{ id: string; name: string }> }>
  users: SeedUser[]
}

const member = (
  branch: string,
  workUnit: string | null,
  posts: PostType[],
  skills: string[],
  status: MemberProfile['status'] = 'on_job',
): MemberProfile => ({ branch, workUnit, posts, skills, status, management: 'direct' })

let memberPhones = 0
/** A party member: also a resident with a home; phones 13900010001, 13900010002, … */
function m(id: string, name: string, building: string, room: string, profile: MemberProfile): SeedUser {
  memberPhones += 1
  return { id, name, roles: ['member', 'resident'], phone: `139000${String(10000 + memberPhones)}`, building, room, member: profile }
}

function gridWorker(id: string, name: string, phone: string, building: string, grid: string, lead = false): SeedUser {
  return { id, name, roles: ['grid_worker'], phone, building, room: '', workGrids: [grid], gridLead: lead }
}

export const DEMO: SeedCommunity[] = [
  {
    id: 'c_hongxing',
    name: '红星社区',
    grids: [
      {
        id: 'g_hx1',
        name: '第一网格',
        buildings: [
          { id: 'b_hx1', name: '1号楼' },
          { id: 'b_hx2', name: '2号楼' },
        ],
      },
      {
        id: 'g_hx2',
        name: '第二网格',
        buildings: [
          { id: 'b_hx3', name: '3号楼' },
          { id: 'b_hx4', name: '4号楼' },
        ],
      },
      {
        id: 'g_hx3',
        name: '第三网格',
        buildings: [
          { id: 'b_hx5', name: '5号楼' },
          { id: 'b_hx6', name: '6号楼' },
        ],
      },
    ],
    users: [
      { id: 'u_wangxl', name: '王秀兰', roles: ['resident'], phone: '13800010001', building: 'b_hx1', room: '1单元 302' },
      { id: 'u_lijg', name: '李建国', roles: ['resident'], phone: '13800010002', building: 'b_hx2', room: '2单元 501' },
      { id: 'u_zhanggy', name: '张桂英', roles: ['resident'], phone: '13800010003', building: 'b_hx3', room: '1单元 101' },
      // 4号楼's 楼栋长: an attribute on his card, not a role
      {
        id: 'u_liudm',
        name: '刘德明',
        roles: ['resident'],
        phone: '13800010004',
        building: 'b_hx4',
        room: '3单元 602',
        headOf: { buildingId: 'b_hx4', unit: null },
      },
      { id: 'u_chensz', name: '陈淑珍', roles: ['resident'], phone: '13800010005', building: 'b_hx5', room: '2单元 201' },
      { id: 'u_zhaoxh', name: '赵小红', roles: ['resident'], phone: '13800010006', building: 'b_hx6', room: '1单元 402' },
      // an old lady living alone, who phones her 网格员 rather than use the app
      { id: 'u_maxz', name: '马秀珍', roles: ['resident'], phone: '13800010007', building: 'b_hx3', room: '2单元 101' },
      m(
        'u_zhouzq',
        '周志强',
        'b_hx1',
        '2单元 601',
        member('市税务局第一党支部', '市税务局', ['elderly_child', 'convenience'], ['陪诊', '代购']),
      ),
      m('u_wuhy', '吴海燕', 'b_hx2', '1单元 203', member('市第一医院党总支', '市第一医院', ['care', 'elderly_child'], ['量血压', '护理'])),
      m(
        'u_zhengw',
        '郑伟',
        'b_hx3',
        '2单元 302',
        member('区供电公司党支部', '区供电公司', ['convenience', 'environment'], ['电工', '家电维修']),
      ),
      m(
        'u_sunln',
        '孙丽娜',
        'b_hx4',
        '1单元 501',
        member('实验小学党支部', '实验小学', ['education', 'elderly_child'], ['辅导功课', '心理疏导']),
      ),
      m(
        'u_maj',
        '马俊',
        'b_hx5',
        '3单元 102',
        member('区城管局党支部', '区城管局', ['environment', 'self_governance'], ['垃圾分类', '绿化']),
      ),
      m(
        'u_zhut',
        '朱婷',
        'b_hx6',
        '2单元 402',
        member('区司法局党支部', '区司法局', ['self_governance', 'targeted'], ['法律咨询', '调解']),
      ),
      m('u_hub', '胡斌', 'b_hx1', '3单元 201', member('市自来水公司党支部', '市自来水公司', ['convenience'], ['水管维修', '开锁'])),
      m('u_guom', '郭敏', 'b_hx3', '1单元 701', member('区民政局党支部', '区民政局', ['targeted', 'care'], ['政策咨询', '助残'])),
      m('u_hel', '何磊', 'b_hx5', '1单元 303', member('市图书馆党支部', '市图书馆', ['education'], ['读书会', '电脑培训'])),
      m(
        'u_gaoj',
        '高洁',
        'b_hx2',
        '3单元 104',
        member('区人民银行党支部', '人民银行区支行', ['targeted', 'convenience'], ['防诈骗宣传', '智能手机教学']),
      ),
      // a retired member (退休党员) of the community's own branch: no work unit
      m(
        'u_songjm',
        '宋建民',
        'b_hx2',
        '1单元 601',
        member('红星社区离退休党支部', null, ['self_governance', 'care'], ['调解', '读报'], 'retired'),
      ),
      { id: 'u_linx', name: '林晓', roles: ['staff'], phone: '13800019001', building: 'b_hx1', room: '' },
      { id: 'u_huangj', name: '黄静', roles: ['staff'], phone: '13800019002', building: 'b_hx3', room: '' },
      { id: 'u_xujh', name: '徐建华', roles: ['admin', 'staff'], phone: '13800019003', building: 'b_hx1', room: '' },
      // a 网格员 for each grid; the first grid's leads them (网格长)
      gridWorker('u_lij', '李娟', '13800019004', 'b_hx1', 'g_hx1', true),
      gridWorker('u_wangf', '王芳', '13800019005', 'b_hx3', 'g_hx2'),
      gridWorker('u_zhaog', '赵刚', '13800019006', 'b_hx5', 'g_hx3'),
    ],
  },
  {
    id: 'c_qingshan',
    name: '青山社区',
    grids: [
      {
        id: 'g_qs1',
        name: '青山网格',
        buildings: [
          { id: 'b_qs1', name: '青山1号楼' },
          { id: 'b_qs2', name: '青山2号楼' },
        ],
      },
    ],
    users: [
      { id: 'u_qs_songl', name: '宋兰', roles: ['resident'], phone: '13800020001', building: 'b_qs1', room: '1单元 101' },
      { id: 'u_qs_tangm', name: '唐明', roles: ['resident'], phone: '13800020002', building: 'b_qs2', room: '2单元 202' },
      m('u_qs_fengy', '冯宇', 'b_qs1', '2单元 301', member('区教育局党支部', '区教育局', ['education', 'care'], ['辅导功课'])),
      m('u_qs_caof', '曹芳', 'b_qs2', '1单元 402', member('区卫健委党支部', '区卫健委', ['elderly_child'], ['陪诊'])),
      { id: 'u_qs_dengh', name: '邓华', roles: ['staff'], phone: '13800029001', building: 'b_qs1', room: '' },
      gridWorker('u_qs_liuy', '刘洋', '13800029002', 'b_qs2', 'g_qs1', true),
    ],
  },
]

/** The demo mall of 红星社区: everyday goods a member would want. */
const DEMO_GOODS = [
  { id: 'g_demo_rice', name: '东北大米 5 斤', description: '社区超市提供，服务中心领取', price: 60, stock: 20, limitPerMember: 2 },
  { id: 'g_demo_oil', name: '花生油 1 升', description: '社区超市提供，服务中心领取', price: 45, stock: 15, limitPerMember: 1 },
  { id: 'g_demo_towel', name: '纯棉毛巾', description: '两条装', price: 15, stock: 50, limitPerMember: 3 },
  { id: 'g_demo_haircut', name: '理发券', description: '社区理发室通用，一次', price: 20, stock: 30, limitPerMember: 2 },
]

/** What the seed writes through: a unit of work and its clock (a LocalApp, or cloud mode's store). */
export interface SeedTarget {
  store: UnitOfWork
  clock: Clock
}

export interface SeedOptions {
  /** Binds each person to this WeChat OPENID (cloud mode: how demo sign-in calls the functions as them). */
  openIdOf?: (userId: string) => string
}

/** Writes the demo communities once, in one transaction (a seeded store is left alone). Returns whether it seeded. */
export async function seedDemo(target: SeedTarget, options: SeedOptions = {}): Promise<boolean> {
  const now = target.clock.now()
  return target.store.write(async (repos) => {
    if (await repos.places.community(DEMO[0].id)) return false
    let arrival = 0
    for (const c of DEMO) {
      await repos.places.saveCommunity({ id: c.id, name: c.name })
      const gridOf = new Map<string, string>()
      for (const g of c.grids) {
        await repos.places.saveGrid({ id: g.id, communityId: c.id, name: g.name })
        for (const b of g.buildings) {
          await repos.places.saveBuilding({ id: b.id, communityId: c.id, gridId: g.id, name: b.name })
          gridOf.set(b.id, g.id)
        }
      }
      for (const u of c.users) {
        // a millisecond apart: "in the order they were added" reads the same on every adapter
        await repos.users.insert(demoUser(u, c.id, gridOf.get(u.building) ?? null, now + arrival++))
        if (options.openIdOf) await repos.identity.bindOpenId(options.openIdOf(u.id), u.id)
      }
    }
    // 红桥街道 owns both communities; its account's tenant is the street
    await repos.places.saveStreet({ id: DEMO_STREET.id, name: DEMO_STREET.name }, DEMO_STREET.communities)
    for (const u of DEMO_STREET.users) {
      await repos.users.insert(demoUser(u, DEMO_STREET.id, null, now + arrival++))
      if (options.openIdOf) await repos.identity.bindOpenId(options.openIdOf(u.id), u.id)
    }
    for (const unit of demoUnits(now)) await repos.referrals.saveUnit(unit)
    for (const g of DEMO_GOODS) await repos.mall.insertGoods(demoGoods(g, now))
    for (const a of demoActivities(now, 'u_linx')) await repos.activities.insert(a)
    await repos.workbench.saveRegistration(demoRegistration(now))
    for (const card of demoStaffCards(now)) await repos.workbench.saveStaffCard(card)
    const filed = demoHouseholds(now)
    for (const household of filed.households) await repos.households.save(household)
    for (const visit of filed.visits) await repos.households.addVisit(visit)
    for (const pair of filed.pairs) await repos.care.savePair(pair)
    for (const task of demoGridTasks(now)) await repos.gridTasks.save(task)
    return true
  })
}

const demoUser = (u: SeedUser, tenant: string, gridId: string | null, createdAt: number): User => ({
  id: u.id,
  communityId: tenant,
  name: u.name,
  phone: u.phone,
  roles: u.roles,
  gridId,
  buildingId: u.building || null,
  room: u.room || null,
  member: u.member ?? null,
  rankingOptIn: false,
  workGrids: u.workGrids ?? [],
  gridLead: u.gridLead ?? false,
  headOf: u.headOf ?? null,
  createdAt,
})

export { DEMO_STREET }

const demoGoods = (g: (typeof DEMO_GOODS)[number], now: number): Goods => ({
  ...g,
  communityId: 'c_hongxing',
  image: null,
  onShelf: true,
  createdAt: now,
  updatedAt: now,
  version: 1,
})
