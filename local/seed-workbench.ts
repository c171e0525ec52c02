// The demo's workbench: a member's 双报到 waiting for staff and the grid staff's 三亮 cards, so every
// workbench screen has something to show. (A newcomer with no roles cannot use demo sign-in, which
// takes a person without roles for a deleted account: 居民登记 is shown by a person re-registering.)
import type { Registration, StaffCard } from '../cloudfunctions/core/domain/model'

const CARDS = [
  {
    userId: 'u_xujh',
    gridId: 'g_hx1',
    title: '社区党委书记',
    duties: '统筹社区党建和网格服务，督办居民诉求，协调共建单位。',
    pledge: '群众的事再小也是大事，件件有回音、事事有着落。',
  },
  {
    userId: 'u_linx',
    gridId: 'g_hx1',
    // 第一网格's 网格长 is 李娟 (a 网格员): 林晓 is the community worker who stands behind the grid
    title: '联系第一网格的社区工作者',
    duties: '走访入户、收集民情、审核居民点单、组织周末志愿活动。',
    pledge: '工作日 24 小时内回复，小事不出网格。',
  },
  {
    userId: 'u_huangj',
    gridId: 'g_hx2',
    title: '联系第二网格的社区工作者',
    duties: '巡查楼道隐患、联系在职党员、帮助老人办理事项。',
    pledge: '随叫随到，让每位老人都有人管、有人帮。',
  },
]

/** 赵小红's 双报到, submitted an hour before the seed, waiting for staff. */
export function demoRegistration(now: number): Registration {
  return {
    userId: 'u_zhaoxh',
    communityId: 'c_hongxing',
    kind: 'member',
    status: 'pending',
    name: '赵小红',
    phone: '13800010006',
    buildingId: 'b_hx6',
    gridId: 'g_hx3',
    room: null,
    member: {
      status: 'on_job',
      management: 'direct',
      workUnit: '区妇联',
      branch: '区妇联机关党支部',
      posts: ['care', 'elderly_child'],
      skills: ['心理疏导', '家庭教育'],
    },
    submittedAt: now - 3600_000,
    decidedAt: null,
    decidedBy: null,
    reason: null,
    version: 1,
  }
}

export const demoStaffCards = (now: number): StaffCard[] =>
  CARDS.map((c) => ({ ...c, communityId: 'c_hongxing', photo: null, updatedAt: now }))
