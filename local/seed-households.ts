// The demo's 一户一档: households of 红星社区 and 青山社区 with their people (registered or known only
// from the file), tags, consent and past visits — 赵桂兰 (独居 高龄, no account) is overdue for her
// weekly visit on first open, so the 网格员's home shows 该走访了. 周志强 is paired with 王秀兰 (结对帮扶,
// 每周探望), his first visit due since yesterday, so his task list shows it on first open.
import { visitDueAt } from '../cloudfunctions/core/domain/households'
import type { Household, HouseholdMember, Pair, Visit } from '../cloudfunctions/core/domain/model'

const DAY = 24 * 3600_000

interface DemoHousehold {
  id: string
  communityId: string
  gridId: string
  buildingId: string
  room: string
  members: HouseholdMember[]
  tags: Household['tags']
  consentBy: string
  note: string
  keeper: string
  /** Days ago of the last visit (none: never visited), and what it found. */
  visited?: { daysAgo: number; found: string }
}

const person = (
  id: string,
  name: string,
  relation: string,
  ageBand: HouseholdMember['ageBand'],
  residentId: string | null = null,
  phone: string | null = null,
): HouseholdMember => ({
  id,
  residentId,
  name,
  relation,
  ageBand,
  phone,
})

const HOUSEHOLDS: DemoHousehold[] = [
  {
    id: 'hh_hx_wangxl',
    communityId: 'c_hongxing',
    gridId: 'g_hx1',
    buildingId: 'b_hx1',
    room: '1单元 302',
    members: [person('hm_wangxl', '王秀兰', '本人', 'aged', 'u_wangxl', '13800010001')],
    tags: ['alone', 'elderly'],
    consentBy: '王秀兰',
    note: '女儿在外地，每周日来电话',
    keeper: 'u_lij',
    visited: { daysAgo: 5, found: '身体还好，冰箱里菜不多，提醒按时吃降压药' },
  },
  {
    id: 'hh_hx_zhaogl',
    communityId: 'c_hongxing',
    gridId: 'g_hx1',
    buildingId: 'b_hx2',
    room: '3单元 502',
    members: [person('hm_zhaogl', '赵桂兰', '本人', 'aged', null, '0531-88881234')],
    tags: ['alone', 'elderly'],
    consentBy: '赵桂兰',
    note: '不用智能手机，有事打座机',
    keeper: 'u_lij',
    visited: { daysAgo: 9, found: '腿脚不便，楼道灯坏了，已跟物业说' },
  },
  {
    id: 'hh_hx_maxz',
    communityId: 'c_hongxing',
    gridId: 'g_hx2',
    buildingId: 'b_hx3',
    room: '2单元 101',
    members: [person('hm_maxz', '马秀珍', '本人', 'aged', 'u_maxz', '13800010007')],
    tags: ['alone', 'elderly'],
    consentBy: '马秀珍',
    note: '',
    keeper: 'u_wangf',
    visited: { daysAgo: 2, found: '一切正常，想参加社区的读报活动' },
  },
  {
    id: 'hh_hx_liudm',
    communityId: 'c_hongxing',
    gridId: 'g_hx2',
    buildingId: 'b_hx4',
    room: '3单元 602',
    members: [
      person('hm_liudm', '刘德明', '户主', 'senior', 'u_liudm', '13800010004'),
      person('hm_liudm_wife', '孙玉梅', '配偶', 'senior'),
    ],
    tags: ['veteran'],
    consentBy: '刘德明',
    note: '4号楼楼栋长',
    keeper: 'u_wangf',
    visited: { daysAgo: 10, found: '老两口身体都好，刘师傅愿意帮着组织楼里议事' },
  },
  {
    id: 'hh_qs_songl',
    communityId: 'c_qingshan',
    gridId: 'g_qs1',
    buildingId: 'b_qs1',
    room: '1单元 101',
    members: [
      person('hm_qs_songl', '宋兰', '户主', 'adult', 'u_qs_songl', '13800020001'),
      person('hm_qs_songl_son', '宋小军', '子女', 'child'),
    ],
    tags: ['low_income', 'child_in_need'],
    consentBy: '宋兰',
    note: '',
    keeper: 'u_qs_liuy',
  },
]

/** 结对帮扶 in the demo: 周志强 with 王秀兰 (独居 高龄), a weekly visit, paired by 李娟 two days ago. */
function demoPairs(now: number): Pair[] {
  const pairedAt = now - 2 * DAY
  return [
    {
      id: 'pr_hx_wangxl',
      communityId: 'c_hongxing',
      householdId: 'hh_hx_wangxl',
      gridId: 'g_hx1',
      memberIds: ['u_zhouzq'],
      kind: 'visit',
      cadence: 'weekly',
      nextDueAt: pairedAt + DAY,
      lastCareAt: null,
      tasksDone: 0,
      status: 'active',
      pairedBy: 'u_lij',
      pairedAt,
      endedBy: null,
      endedAt: null,
      version: 1,
    },
  ]
}

export function demoHouseholds(now: number): { households: Household[]; visits: Visit[]; pairs: Pair[] } {
  const households: Household[] = []
  const visits: Visit[] = []
  for (const d of HOUSEHOLDS) {
    const filedAt = now - 60 * DAY
    const lastVisitAt = d.visited ? now - d.visited.daysAgo * DAY : null
    const h: Household = {
      id: d.id,
      communityId: d.communityId,
      gridId: d.gridId,
      buildingId: d.buildingId,
      room: d.room,
      members: d.members,
      tags: d.tags,
      consent: { by: d.consentBy, method: 'written', at: filedAt, recordedBy: d.keeper },
      note: d.note,
      lastVisitAt,
      visitDueAt: 0,
      createdBy: d.keeper,
      createdAt: d.visited ? filedAt : now,
      updatedAt: lastVisitAt ?? now,
      version: 1,
    }
    h.visitDueAt = visitDueAt(h)
    households.push(h)
    if (d.visited && lastVisitAt !== null) {
      visits.push({
        id: `v_${d.id.slice(3)}`,
        householdId: d.id,
        communityId: d.communityId,
        visitorId: d.keeper,
        at: lastVisitAt,
        found: d.visited.found,
        photos: [],
        orderId: null,
      })
    }
  }
  return { households, visits, pairs: demoPairs(now) }
}
