// Pages of the real weapp build (dist/) rendered in miniprogram-simulate with WeChat's wcc, through
// Taro's runtime (App/Page shims in test/helpers/taro-mp.ts) and a fake `wx.cloud` that answers the
// cloud functions: the home page for a resident who is also a member, the sign-in page for someone
// WeChat does not know yet, the 签到码 page drawing the native-qr component, and an old route of a moved
// page forwarding to its new place.
import simulate from 'miniprogram-simulate'
import { qrMatrix } from '@/components/qr-code/matrix'
import { builtApp } from '../helpers/builds'
import { apiError, bootTaroApp, type FakeWx, fakeWx, loadTaroPage, waitFor } from '../helpers/taro-mp'

const now = Date.now()
const iso = (ms: number) => new Date(ms).toISOString()

const me = {
  id: 'u1',
  name: '王秀兰',
  roles: ['resident', 'member'],
  communityId: 'c1',
  communityName: '红星社区',
  gridId: 'g1',
  gridName: '第一网格',
  buildingName: '1号楼',
  address: '1号楼 1单元 302',
  phone: '13800010001',
  member: { branch: '第一党支部', workUnit: '市税务局', posts: ['elderly_child'], skills: ['陪诊'] },
}

const order = {
  id: 'o1',
  kind: 'service',
  category: 'elderly_child',
  title: '帮忙去医院取药',
  urgency: 'urgent',
  status: 'open',
  points: 30,
  gridName: '第一网格',
  buildingName: '1号楼',
  createdAt: iso(now - 5 * 60_000),
  updatedAt: iso(now - 5 * 60_000),
  assignee: null,
  claimer: null,
}

const activity = {
  id: 'a1',
  seriesId: null,
  title: '周末环境清洁日',
  category: 'environment',
  status: 'published',
  startAt: iso(now + 3_600_000),
  endAt: iso(now + 3 * 3_600_000),
  signupDeadline: iso(now + 1_800_000),
  place: { name: '红星社区广场', address: '红星路 88 号', lat: null, lng: null },
  cover: null,
  quota: 20,
  points: 10,
  signedCount: 12,
  waitingCount: 0,
  placesLeft: 8,
  thisWeekend: true,
  signupOpen: true,
  mine: null,
}

const detail = {
  ...activity,
  description: '清理小区公共区域的杂物。',
  cancelReason: null,
  createdBy: { id: 'u9', name: '林晓' },
  checkinOpensAt: iso(now + 1_800_000),
  finishedAt: null,
  roster: [],
  actions: ['checkinCode', 'markAttendance', 'finish'],
}

const TOKEN = 'k3j9x2.AbCdEfGhIjKlMnOpQrStUv'
let signedUp = true
let wx: FakeWx
let dist: string

beforeAll(() => {
  dist = builtApp('weapp')
  wx = fakeWx({
    accounts: (action) => {
      if (action === 'me') {
        if (!signedUp) throw apiError('UNAUTHENTICATED', '请先登记')
        return me
      }
      if (action === 'inbox') return { items: [], nextCursor: null, unread: 2 }
      throw apiError('NOT_FOUND', `accounts.${action}`)
    },
    orders: (action, input) => {
      if (action === 'list') return { items: input.scope === 'mine' || input.scope === 'hall' ? [order] : [], nextCursor: null }
      throw apiError('NOT_FOUND', `orders.${action}`)
    },
    points: (action) => {
      if (action === 'balance') return { balance: 7, earned: 7, spent: 0, yearEarned: 7, yearSpent: 0, expiring: 0 }
      throw apiError('NOT_FOUND', `points.${action}`)
    },
    activities: (action) => {
      if (action === 'list') return { items: [activity], nextCursor: null }
      if (action === 'get') return detail
      if (action === 'checkinCode') return { token: TOKEN, expiresAt: iso(Date.now() + 30_000), periodSeconds: 30 }
      throw apiError('NOT_FOUND', `activities.${action}`)
    },
  })
  bootTaroApp(dist)
}, 60_000) // requiring the whole app bundle takes a while on a busy machine

function mount(route: string, query: Record<string, string> = {}) {
  const page = simulate.render(loadTaroPage(dist, route, query))
  page.attach(document.createElement('parent-wrapper'))
  return { page, text: () => page.dom!.textContent || '' }
}

describe('weapp pages in miniprogram-simulate', () => {
  it('home: a resident sees the three big buttons and the order in words; as 党员, points and activities', async () => {
    signedUp = true
    // 长辈模式 and the view are the person's: 王秀兰 looked at the 居民 home last time on this phone
    wx.storage['redgrid.prefs.u1'] = { role: 'resident', elder: false }
    const { page, text } = mount('pages/index/index')
    const ms = await waitFor(() => text().includes('帮忙去医院取药'), 5000)
    console.log(`home rendered its orders after ${ms} ms; cloud calls: ${wx.calls.join(' ')}`)
    expect(text()).toContain('您好，王秀兰')
    expect(text()).toContain('红星社区 · 第一网格')
    for (const words of ['我要点单', '随手拍', '许个微心愿', '待接单', '紧急', '助老扶幼', '5 分钟前']) expect(text()).toContain(words)
    expect(text()).not.toMatch(/\d{4}-\d{2}-\d{2}T|undefined|elderly_child|\bo1\b/)

    const kinds = page.querySelectorAll('.btn-kind-service')
    expect(kinds).toHaveLength(1)
    kinds[0].dispatchEvent('tap')
    await waitFor(() => wx.navigations.some((n) => n.includes('/resident/order-new/index?kind=service')))

    const roles = page.querySelectorAll('.role-switch-item')
    expect(roles.map((r) => r.dom!.textContent)).toEqual(['居民', '党员'])
    roles[1].dispatchEvent('tap')
    const points = () => page.querySelector('.points-card__value')?.dom?.textContent
    await waitFor(() => text().includes('周末环境清洁日') && points() === '7', 5000)
    expect(wx.storage['redgrid.prefs.u1']).toEqual({ role: 'member', elder: false })
  })

  it('sign-in: someone WeChat does not know yet is asked to register, not shown an error', async () => {
    signedUp = false
    const { page, text } = mount('pages/login/index')
    await waitFor(() => text().includes('还没有登记'))
    expect(text()).toContain('我已登记，再试一次')
    page.querySelector('.btn-retry-login')!.dispatchEvent('tap')
    await waitFor(() => wx.calls.filter((c) => c === 'accounts.me').length > 0)
    signedUp = true
  })

  it('签到码: the staff page draws the rotating token with the native-qr component', async () => {
    const { page, text } = mount('activity/checkin-code/index', { id: 'a1' })
    // the activity and the code load in parallel: wait for both
    await waitFor(() => text().includes('秒后换新码') && text().includes('周末环境清洁日'), 5000)
    expect(text()).not.toContain('网页版签到码') // H5 only
    // the native component renders inside the Taro page: count its rows and modules
    const rows = () => Array.from(page.dom!.querySelectorAll('*')).filter((el) => /\bqr-row$/.test(el.className))
    await waitFor(() => rows().length > 0, 5000)
    const modules = qrMatrix(TOKEN).length
    expect(rows()).toHaveLength(modules)
    const first = rows()[0] as HTMLElement
    const px = Number.parseInt(first.style.height, 10)
    const width = Array.from(first.children).reduce((sum, el) => sum + Number.parseInt((el as HTMLElement).style.width, 10), 0)
    expect(width).toBe(modules * px)
    expect(wx.calls).toContain('activities.checkinCode')
  })

  it('a moved page: the old 登记 route (links shared before the move) forwards to account/ with its query', async () => {
    mount('workbench/register/index', { kind: 'member', communityId: 'c1' })
    await waitFor(() => wx.navigations.some((n) => n.startsWith('redirectTo ')))
    expect(wx.navigations).toContain('redirectTo /account/register/index?kind=member&communityId=c1')
  })
})
