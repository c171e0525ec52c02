// The production weapp build (dist/) in miniprogram-simulate against cloud mode: every
// wx.cloud.callFunction is answered by the built functions on the CloudBase emulator, invoked with the
// OPENID of whoever holds the phone, and wx.cloud.uploadFile stores into its storage. Whole journeys
// first — people take turns with one phone, each opening the app as themself, the pages followed where
// the app navigates — then every page of src/app.config.ts rendered with real data: each shows what it
// is for, meets no refusal and no error, and never hands WeChat a setData over 256 KB.
import { getJson, postJson } from '../helpers/cloud-mode'
import { declaredRoutes, navigatedTo, setDataSizes, waitFor } from '../helpers/taro-mp'
import { ERASED, KEPT } from '@shared/privacy'
import { testSubscribeTemplates } from '../helpers/builds'
import { demoOpenId } from '../../local/cloud-backend'
import { weappOnCloudForFile } from '../helpers/weapp-cloud'

jest.setTimeout(120_000)

const phone = weappOnCloudForFile()
const consoleErrors: unknown[][] = []
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args) => {
    consoleErrors.push(args)
  })
})

const TITLE = '帮我去医院取药'
/** The 订阅消息 ids the build and the functions were given (scripts/test.mjs, test/helpers/builds.ts). */
const IDS = JSON.parse(testSubscribeTemplates()) as Record<string, string>

describe('the weapp build through whole journeys, on the built functions', () => {
  it('an order: resident orders with a photo → staff dispatch → member claims and completes → resident confirms → points', async () => {
    const { signIn, open, tapTo, wx, pickPhoto, storedFiles, openApiCalls } = phone()
    const asked = wx.subscribeAsks.length
    // ---- 王秀兰 orders, with a photo from her album
    const home = await signIn('u_wangxl', '王秀兰')
    // each step of 点单 is a page of its own (?step=2), the draft carried between them
    const { page: category } = await tapTo(home, '.btn-kind-service', '/resident/order-new/index')
    const { page: form } = await tapTo(category, '.category-tile--elderly_child', '/resident/order-new/index')
    await form.type('.input-title', TITLE)
    await form.type('.input-description', '降压药吃完了，医院在人民路，处方在我这里。')
    pickPhoto()
    await form.tap('.btn-add-photo')
    // her first photo: WeChat first asks for the 隐私保护指引, in the app's own sheet, and picks only after 同意
    await form.find('.privacy-sheet')
    expect(form.text()).toContain('用户隐私保护指引')
    expect(wx.photos).toHaveLength(1)
    ;(await form.find('.btn-agree-privacy')).dispatchEvent('agreeprivacyauthorization')
    await form.find('.photo-picker__cell--done')
    expect([wx.privacyAgreed, wx.privacyAsks]).toEqual([true, 1])
    await form.tap('.urgency-chips .chip', '一般')
    const { page: check } = await tapTo(form, '.btn-next', '/resident/order-new/index')
    const confirmText = await check.waitText('请核对一下')
    expect(confirmText).toMatch(/助老扶幼[\s\S]*1 张[\s\S]*1号楼 1单元 302/)
    const { page: submitted, query } = await tapTo(check, '.btn-submit', '/resident/order-detail/index')
    const orderId = query.id
    await submitted.waitText(TITLE)
    // 提交 asked for 进度通知 inside the tap, before the order went out (the test's wx refuses it elsewhere)
    expect(wx.subscribeAsks.slice(asked)).toEqual([[IDS.order_progress]])
    expect(wx.toasts).toContain('已提交，网格员和社区工作者会尽快处理')
    expect(submitted.text()).toContain('查看我的需求') // what to do next
    // the photo went to cloud storage under her own folder, and the order holds it
    const uploads = (await storedFiles()).filter((f) => f.cloudPath.startsWith('uploads/u_wangxl/'))
    expect(uploads).toHaveLength(1)
    // the image shows storage's own temporary link (WeChat's <image> fetches it; the simulator only holds it)
    const links = JSON.stringify(submitted.node.data).match(/"\/__cos\/[^"]+"/g) ?? []
    expect(links.some((link) => link.includes(uploads[0].cloudPath))).toBe(true)

    // ---- 林晓 下单s it from the review queue
    await signIn('u_linx', '林晓')
    const queue = open('/staff/review/index')
    const { page: review } = await tapTo(queue, '.order-card', '/staff/review-detail/index', TITLE)
    await review.find('.btn-dispatch')
    await review.tap('.btn-dispatch')
    await review.waitText('待接单')
    expect(wx.toasts).toContain('已下单')
    // 社区已下单 waits in her 消息: her one 进度通知 grant is kept for the news she waits for
    const progress = async () =>
      (await openApiCalls('subscribeMessage.send')).map((c) => [c.params.touser, c.params.template_id, c.response.errcode])
    expect(await progress()).toEqual([])

    // ---- 周志强 claims it in the hall and completes it with a photo
    await signIn('u_zhouzq', '周志强')
    const hall = open('/member/hall/index')
    const { page: task } = await tapTo(hall, '.order-card', '/member/task-detail/index', TITLE)
    await task.tap('.btn-claim')
    await task.find('.btn-complete')
    expect(wx.toasts).toContain('接单成功')
    // 接单 asked for 新任务 and 办理提醒; the claim's news goes to 王秀兰's own WeChat on her grant (the
    // emulator's log): one message
    expect(wx.subscribeAsks.at(-1)).toEqual([IDS.new_task, IDS.task_reminder])
    for (let t = 0; t < 100 && (await progress()).length === 0; t++) await new Promise((r) => setTimeout(r, 50))
    expect(await progress()).toEqual([[demoOpenId('u_wangxl'), IDS.order_progress, 0]])
    await task.waitText('1单元 302') // once claimed the member sees the resident's address
    await task.tap('.btn-complete')
    await task.type('.input-summary', '已帮王阿姨取回降压药，并讲清楚了用法和剂量。')
    pickPhoto()
    await task.tap('.complete-form .btn-add-photo')
    await task.find('.complete-form .photo-picker__cell--done')
    await task.tap('.btn-complete-submit')
    await task.waitText('等居民确认')

    // ---- 王秀兰 confirms with five stars
    await signIn('u_wangxl', '王秀兰')
    const detail = open('/resident/order-detail/index', { id: orderId })
    await detail.find('.btn-confirm')
    await detail.tap('.confirm-form .star-5')
    await detail.type('.input-comment', '周师傅很耐心，谢谢！')
    await detail.tap('.btn-confirm')
    await detail.waitText('我的评价')
    expect(wx.toasts).toContain('谢谢您的评价')

    // ---- 周志强's points: 助老扶幼 20 + 5 for five stars
    await signIn('u_zhouzq', '周志强')
    const points = open('/member/points/index')
    await points.waitText(new RegExp(`完成工单「${TITLE}」[\\s\\S]*\\+25`))
    await points.waitTextIn('.points-balance', '25')
  })

  it('declining the privacy guide: no photo, and the order still goes', async () => {
    const { signIn, tapTo, wx, pickPhoto } = phone()
    wx.privacyAgreed = false
    const home = await signIn('u_lijg', '李建国')
    const { page: category } = await tapTo(home, '.btn-kind-service', '/resident/order-new/index')
    const { page: form } = await tapTo(category, '.category-tile--elderly_child', '/resident/order-new/index')
    await form.type('.input-title', '想请人帮忙换个灯泡')
    pickPhoto()
    await form.tap('.btn-add-photo')
    await form.tap('.btn-decline-privacy')
    await waitFor(() => wx.toasts.includes('没有同意隐私保护指引，不能选照片；可以不加照片继续')).catch((e) => {
      throw new Error(
        `${e.message}: toasts ${wx.toasts.slice(-3)} refusals ${wx.refusals} asks ${wx.privacyAsks} sheet ${form.node.querySelectorAll('.privacy-sheet').length}`,
      )
    })
    expect(form.node.querySelectorAll('.photo-picker__cell--done')).toHaveLength(0)
    await waitFor(() => form.node.querySelectorAll('.privacy-sheet').length === 0)
    wx.photos.length = 0 // the photo she did not give
    const { page: check } = await tapTo(form, '.btn-next', '/resident/order-new/index')
    await check.waitText('请核对一下')
    const { page: submitted } = await tapTo(check, '.btn-submit', '/resident/order-detail/index')
    await submitted.waitText('想请人帮忙换个灯泡')
    expect(wx.privacyAgreed).toBe(false)
    wx.privacyAgreed = true
  })

  it('declining the privacy guide on the map: the place is typed, and the activity still goes out', async () => {
    const { signIn, tapTo, wx } = phone()
    wx.privacyAgreed = false
    const home = await signIn('u_linx', '林晓')
    const { page: form } = await tapTo(home, '.btn-publish-new', '/activity/publish/index')
    await form.type('.input-activity-title', '楼道清理志愿行动')
    await form.tap('.btn-choose-location')
    // the map is a location call: WeChat first asks for the 隐私保护指引, and she declines
    await form.find('.privacy-sheet')
    await form.tap('.btn-decline-privacy')
    await waitFor(() => wx.toasts.includes('没有同意隐私保护指引，不能在地图上选；请直接填写地点'))
    await waitFor(() => form.node.querySelectorAll('.privacy-sheet').length === 0)
    expect(wx.privacyAsks).toBeGreaterThan(0)
    await form.type('.input-place', '3号楼前小广场')
    await form.type('.input-activity-desc', '清理楼道杂物，请带手套')
    const { page: detail } = await tapTo(form, '.btn-publish', '/activity/detail/index')
    await detail.waitText(/楼道清理志愿行动[\s\S]*3号楼前小广场/)
    expect(wx.privacyAgreed).toBe(false)
    wx.privacyAgreed = true
  })

  it('a shared activity opened by someone WeChat does not know: the card, 登记 (the phone typed when the guide is declined), and back to the card', async () => {
    const p = phone()
    const { wx, open, tapTo } = p
    wx.privacyAgreed = false
    await p.changeHands('o_newcomer_from_a_card') // nobody is bound to this OPENID yet
    const refusals = wx.refusals.length
    const card = open('/activity/detail/index', { id: 'a_demo_clean' })
    // what was shared with her, as anyone may see it — not the 登录 page, and not who signed up
    await card.waitText(/周末环境清洁日[\s\S]*先登记，再报名/)
    expect(card.text()).toContain('红星社区')
    const { page: form, query } = await tapTo(card, '.btn-guest-register', '/account/register/index')
    expect(query.communityId).toBe('c_hongxing')
    // 用微信绑定的手机号: WeChat asks for the 隐私保护指引 first; she declines, and types the number
    await form.type('.input-name', '韩梅')
    await form.type('.input-phone', '13700001234')
    await form.tap('.chips-grid .chip', '第一网格')
    await form.tap('.chips-building .chip', '1号楼')
    await form.type('.input-unit', '3')
    await form.type('.input-room', '501')
    // submitted: back to the card she came from, where her 登记 now waits for 审核
    await form.settle()
    const { page: back, query: backQuery } = await tapTo(form, '.btn-submit-resident', '/activity/detail/index')
    expect(backQuery.id).toBe('a_demo_clean')
    await back.waitText(/周末环境清洁日[\s\S]*您的登记还在等社区工作者核对/)
    expect(wx.privacyAgreed).toBe(false)
    // the refusals it asked for: who is this (nobody yet), and the whole activity (not for nobody)
    const asked = wx.refusals.splice(refusals)
    expect(asked.length).toBeGreaterThan(0)
    for (const r of asked) expect(r).toMatch(/^(accounts\.me|activities\.get) UNAUTHENTICATED /)
    wx.privacyAgreed = true
  })

  it('the mall: a member redeems with a pickup code, staff verify it', async () => {
    const { signIn, open, tapTo, invoke } = phone()
    await invoke('u_linx', 'points', 'adjust', { memberId: 'u_wuhy', delta: 50, reason: '测试：补录上月志愿服务' })

    const home = await signIn('u_wuhy', '吴海燕')
    home.close()
    const mall = open('/mall/index')
    await mall.waitText('纯棉毛巾')
    const { page: goods } = await tapTo(mall, '.goods-card', '/mall/goods/index', '纯棉毛巾')
    await goods.waitText('兑换后剩 35')
    const { page: redemptions } = await tapTo(goods, '.btn-redeem', '/mall/redemptions/index')
    expect(phone().wx.subscribeAsks.at(-1)).toEqual([IDS.pickup_reminder])
    const code = ((await redemptions.find('.redemption-code')).dom?.textContent ?? '').replace(/\s/g, '')
    expect(code).toMatch(/^\d{8}$/)
    await redemptions.waitText('待领取')

    await signIn('u_linx', '林晓')
    const verify = open('/staff/verify/index')
    await verify.type('.input-verify-code', code)
    await verify.tap('.btn-verify-lookup')
    await verify.find('.verify-found')
    expect(verify.text()).toMatch(/吴海燕[\s\S]*纯棉毛巾/)
    await verify.tap('.btn-verify-confirm')
    await verify.find('.verify-done')

    await signIn('u_wuhy', '吴海燕')
    const after = open('/mall/redemptions/index')
    await after.waitText('已领取')
    const balance = open('/mall/index')
    await balance.waitText('纯棉毛巾')
    await balance.waitTextIn('.mall-balance-value', '35')
  })

  it('an activity: a member signs up for the weekend', async () => {
    const { signIn, open, tapTo, wx } = phone()
    const home = await signIn('u_zhengw', '郑伟')
    home.close()
    const list = open('/activity/index')
    const { page: detail, query } = await tapTo(list, '.activity-card', '/activity/detail/index', '周末环境清洁日')
    expect(query.id).toBe('a_demo_clean')
    await detail.tap('.btn-signup')
    await detail.find('.my-signup')
    expect(wx.toasts).toContain('报名成功')
    expect(wx.subscribeAsks.at(-1)).toEqual([IDS.activity_reminder])
    const mine = open('/activity/mine/index')
    await mine.waitText('周末环境清洁日')
  })

  it('个人信息与隐私: a resident sees what is held, copies it, reads what 注销 erases and keeps, and deletes the account', async () => {
    const { signIn, open, tapTo, wx, invoke } = phone()
    wx.privacyAgreed = true // she agreed on an earlier day: the copy goes straight to the clipboard
    ;(await signIn('u_chensz', '陈淑珍')).close()
    const { page } = await tapTo(open('/pages/me/index'), '.link-privacy', '/account/privacy/index')
    expect(await page.waitText('我们保存的你的信息')).toMatch(/陈淑珍[\s\S]*我的需求/)
    await page.tap('.btn-export')
    await waitFor(() => wx.clipboard.includes('"name": "陈淑珍"'))
    expect(JSON.parse(wx.clipboard).profile).toMatchObject({ name: '陈淑珍' })
    await waitFor(() => wx.toasts.includes('已复制，可以粘贴到聊天或备忘录里保存'))
    await page.tap('.btn-delete-start')
    expect(await page.waitText('会匿名保留')).toContain(KEPT[0])
    expect(page.text()).toContain(ERASED[0])
    const mark = wx.navigations.length
    await page.tap('.btn-delete-confirm')
    expect((await navigatedTo(wx, mark)).route).toBe('/pages/login/index')
    await waitFor(() => wx.toasts.includes('账号已注销'))
    // WeChat no longer knows her: her OPENID signs nobody in
    await expect(invoke('u_chensz', 'accounts', 'me', {})).rejects.toThrow(/UNAUTHENTICATED|FORBIDDEN|NOT_FOUND/)
  })

  it('kept every setData under 256 KB and met no refusal it did not ask for', () => {
    expect(setDataSizes.length).toBeGreaterThan(0)
    expect(Math.max(...setDataSizes.map((s) => s.bytes))).toBeLessThan(256 * 1024)
    expect(phone().wx.refusals).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})

describe('every page of src/app.config.ts, with real data', () => {
  const SETDATA_LIMIT = 256 * 1024

  /** Ids the set-up made, for the pages that open one thing. */
  const made = { claimed: '', open: '', submitted: '', redemption: '', branchToken: '', year: '', wish: '' }

  beforeAll(async () => {
    const { invoke, cloud } = phone()
    const order = (resident: string, title: string, kind = 'service') =>
      invoke(resident, 'orders', 'create', { kind, category: 'elderly_child', title, description: '有一件事想请人帮忙' })
    // an order claimed by 周志强, one open in the hall, a 微心愿, one waiting for review
    made.claimed = (await order('u_wangxl', '帮我去医院取药')).id
    made.open = (await order('u_lijg', '帮忙修一下水龙头')).id
    const wish = (await order('u_liudm', '想学用手机视频通话', 'wish')).id
    made.wish = wish
    made.submitted = (await order('u_zhanggy', '楼下的路灯不亮了')).id
    for (const id of [made.claimed, made.open, wish]) await invoke('u_linx', 'orders', 'review', { orderId: id, decision: 'dispatch' })
    await invoke('u_zhouzq', 'orders', 'claim', { orderId: made.claimed })
    // 吴海燕's points and a redemption waiting for pickup; 孙丽娜 signed up for Saturday
    await invoke('u_linx', 'points', 'adjust', { memberId: 'u_wuhy', delta: 80, reason: '测试：补录上月志愿服务' })
    made.redemption = (await invoke('u_wuhy', 'mall', 'redeem', { goodsId: 'g_demo_towel' })).id
    await invoke('u_sunln', 'activities', 'signup', { activityId: 'a_demo_clean' })
    // a branch's one-time 三评 link for 周志强
    made.year = String(new Date().getFullYear())
    made.branchToken = (await invoke('u_linx', 'points', 'branchLink', { memberId: 'u_zhouzq', year: Number(made.year) })).token
    // Saturday morning, ten minutes before the clean-up: its 签到码 opens, the week's open orders are overdue
    const activity = await invoke('u_linx', 'activities', 'get', { activityId: 'a_demo_clean' })
    const clock = (await getJson(`${cloud.gatewayUrl}/api/dev/clock`)).body
    const advanceMs = Math.max(0, Date.parse(activity.startAt) - 10 * 60_000 - Date.parse(clock.data.now))
    expect((await postJson(`${cloud.gatewayUrl}/api/dev/clock`, { advanceMs })).body).toMatchObject({ ok: true })
  }, 120_000)

  interface Row {
    route: string
    /** Who holds the phone ([userId, name]); null: someone WeChat does not know yet. */
    as: [string, string] | null
    query?: () => Record<string, string>
    /** What the page shows once its data is in. */
    shows: string | RegExp
    /** Where it sends the person instead (a page that moved). */
    redirects?: string
  }

  const RESIDENT: [string, string] = ['u_wangxl', '王秀兰']
  const MEMBER: [string, string] = ['u_zhouzq', '周志强']
  const SIGNED_UP: [string, string] = ['u_sunln', '孙丽娜']
  const SHOPPER: [string, string] = ['u_wuhy', '吴海燕']
  const STAFF: [string, string] = ['u_linx', '林晓']
  const ADMIN: [string, string] = ['u_xujh', '徐建华']
  const STREET: [string, string] = ['u_st_zhoum', '周敏']

  // grouped by who holds the phone, so it changes hands as seldom as it can
  const ROWS: Row[] = [
    { route: 'pages/index/index', as: RESIDENT, shows: '您好，王秀兰' },
    { route: 'pages/messages/index', as: RESIDENT, shows: '社区已下单' },
    { route: 'pages/me/index', as: RESIDENT, shows: '我的需求' },
    { route: 'resident/order-new/index', as: RESIDENT, query: () => ({ kind: 'service' }), shows: '助老扶幼' },
    { route: 'resident/orders/index', as: RESIDENT, shows: '帮我去医院取药' },
    { route: 'resident/order-detail/index', as: RESIDENT, query: () => ({ id: made.claimed }), shows: /帮我去医院取药[\s\S]*周志强/ },
    { route: 'account/register/index', as: RESIDENT, query: () => ({ kind: 'member' }), shows: '工作单位' },
    // no link leads here in WeChat (its own door), but the page stands
    { route: 'account/passkeys/index', as: RESIDENT, shows: '还没有通行密钥' },
    { route: 'account/privacy/index', as: RESIDENT, shows: /我们保存的你的信息[\s\S]*王秀兰/ },

    { route: 'member/hall/index', as: MEMBER, shows: '帮忙修一下水龙头' },
    { route: 'member/wishes/index', as: MEMBER, shows: '想学用手机视频通话' },
    { route: 'member/tasks/index', as: MEMBER, shows: '帮我去医院取药' },
    { route: 'member/task-detail/index', as: MEMBER, query: () => ({ id: made.claimed }), shows: /帮我去医院取药[\s\S]*1单元 302/ },
    { route: 'member/points/index', as: MEMBER, shows: '积分' },
    { route: 'member/care/index', as: MEMBER, query: () => ({ id: 'pr_hx_wangxl' }), shows: /每周探望[\s\S]*王秀兰/ },
    {
      route: 'workbench/evaluation/index',
      as: MEMBER,
      query: () => ({ memberId: 'u_zhouzq', year: made.year }),
      shows: /自评[\s\S]*综合评价/,
    },

    { route: 'activity/index', as: SIGNED_UP, shows: '周末环境清洁日' },
    { route: 'activity/detail/index', as: SIGNED_UP, query: () => ({ id: 'a_demo_clean' }), shows: /签到开始了[\s\S]*周末环境清洁日/ },
    { route: 'activity/mine/index', as: SIGNED_UP, shows: '周末环境清洁日' },

    { route: 'mall/index', as: SHOPPER, shows: '纯棉毛巾' },
    { route: 'mall/goods/index', as: SHOPPER, query: () => ({ id: 'g_demo_rice' }), shows: '东北大米' },
    { route: 'mall/redemptions/index', as: SHOPPER, query: () => ({ id: made.redemption }), shows: /纯棉毛巾[\s\S]*待领取/ },

    { route: 'staff/review/index', as: STAFF, shows: '楼下的路灯不亮了' },
    { route: 'staff/review-detail/index', as: STAFF, query: () => ({ id: made.submitted }), shows: /楼下的路灯不亮了[\s\S]*下单/ },
    { route: 'staff/overdue/index', as: STAFF, shows: '帮忙修一下水龙头' },
    { route: 'staff/proxy/index', as: STAFF, shows: /替谁下单[\s\S]*马秀珍/ },
    { route: 'staff/goods/index', as: STAFF, shows: '东北大米' },
    { route: 'staff/goods-edit/index', as: STAFF, query: () => ({ id: 'g_demo_rice' }), shows: '现有 20 件' },
    { route: 'staff/verify/index', as: STAFF, shows: '核销' },
    { route: 'activity/publish/index', as: STAFF, shows: '发布' },
    { route: 'activity/roster/index', as: STAFF, query: () => ({ id: 'a_demo_clean' }), shows: '孙丽娜' },
    { route: 'activity/checkin-code/index', as: STAFF, query: () => ({ id: 'a_demo_clean' }), shows: '秒后换新码' },
    { route: 'account/pending/index', as: STAFF, shows: '赵小红' },
    { route: 'households/index', as: STAFF, shows: /赵桂兰[\s\S]*王秀兰|王秀兰[\s\S]*赵桂兰/ },
    { route: 'households/detail/index', as: STAFF, query: () => ({ id: 'hh_hx_wangxl' }), shows: /1号楼 1单元 302[\s\S]*王秀兰/ },
    { route: 'households/visit/index', as: STAFF, query: () => ({ id: 'hh_hx_wangxl' }), shows: '走访情况' },
    { route: 'households/edit/index', as: STAFF, query: () => ({ id: 'hh_hx_wangxl' }), shows: /家庭成员[\s\S]*王秀兰/ },
    { route: 'households/pair/index', as: STAFF, query: () => ({ id: 'hh_hx_liudm' }), shows: /刘德明[\s\S]*周志强/ },
    { route: 'gridtasks/index', as: STAFF, shows: /发布网格任务[\s\S]*没有待确认的任务/ },
    { route: 'gridtasks/detail/index', as: STAFF, query: () => ({ id: 'gt_demo_wangf' }), shows: /排查楼道消防通道[\s\S]*王芳/ },
    { route: 'gridtasks/publish/index', as: STAFF, shows: '发给哪个网格' },
    { route: 'workbench/index', as: STAFF, shows: '数据看板' },
    { route: 'workbench/dashboard/index', as: STAFF, shows: '工单总数' },
    { route: 'workbench/ledger/index', as: STAFF, shows: '周志强' },
    { route: 'workbench/showcase/index', as: STAFF, query: () => ({ gridId: 'g_hx1' }), shows: '联系第一网格的社区工作者' },
    { route: 'workbench/register/index', as: STAFF, query: () => ({ kind: 'member' }), shows: '', redirects: '/account/register/index' },
    { route: 'workbench/pending/index', as: STAFF, shows: '', redirects: '/account/pending/index' },

    { route: 'account/people/index', as: ADMIN, shows: '周志强' },
    { route: 'account/roster/index', as: ADMIN, shows: '新增楼栋' },
    { route: 'workbench/people/index', as: ADMIN, shows: '', redirects: '/account/people/index' },

    { route: 'workbench/street-dashboard/index', as: STREET, shows: /红桥街道：2 个社区合计[\s\S]*青山社区/ },

    { route: 'pages/login/index', as: null, shows: '还没有登记' },
    // the self-hosted door's pages: an invitation, a new server's setup link (the forms render before any call)
    { route: 'account/accept/index', as: null, query: () => ({ token: 'A'.repeat(43) }), shows: '设置并登录' },
    { route: 'account/setup/index', as: null, query: () => ({ token: 'A'.repeat(43) }), shows: '创建社区' },
    { route: 'workbench/branch-score/index', as: null, query: () => ({ token: made.branchToken }), shows: '周志强' },
  ]

  it('has a row for every page of src/app.config.ts', () => {
    expect(ROWS.map((r) => r.route).sort()).toEqual(declaredRoutes().sort())
  })

  let holding: string | null | undefined
  describe.each(ROWS)('$route', (row) => {
    it(`renders for ${row.as?.[1] ?? 'someone WeChat does not know'} with real data, no refusal, no error, setData ≤ 256 KB`, async () => {
      const p = phone()
      const who = row.as?.[0] ?? null
      if (who !== holding) {
        if (row.as) (await p.signIn(...row.as)).close()
        else await p.changeHands('openid-nobody-knows')
        holding = who
      }
      const [refusals, errors, sizes, navigations] = [
        p.wx.refusals.length,
        consoleErrors.length,
        setDataSizes.length,
        p.wx.navigations.length,
      ]
      const page = p.open(`/${row.route}`, row.query?.() ?? {})
      try {
        // a moved page only forwards: where to is enough (opening it would start its calls behind the test's back)
        if (row.redirects) expect((await navigatedTo(p.wx, navigations)).route).toBe(row.redirects)
        else await page.waitText(row.shows)
        expect(page.text()).not.toMatch(/没有加载出来|点这里重试|undefined|NaN|\[object Object\]/)
        expect(p.wx.refusals.slice(refusals)).toEqual([])
        expect(consoleErrors.slice(errors)).toEqual([])
        const mine = setDataSizes.slice(sizes)
        if (!row.redirects) expect(mine.length).toBeGreaterThan(0)
        expect(Math.max(0, ...mine.map((s) => s.bytes))).toBeLessThanOrEqual(SETDATA_LIMIT)
      } finally {
        page.close()
      }
    })
  })

  it('a 微心愿 passes on as a card that opens it; another order shares the hall, not its details', async () => {
    const p = phone()
    ;(await p.signIn('u_zhouzq', '周志强')).close()
    holding = 'u_zhouzq'
    const wish = p.open('/member/task-detail/index', { id: made.wish })
    await wish.waitText('想学用手机视频通话')
    expect(wish.node.instance.onShareAppMessage({ from: 'menu' })).toMatchObject({
      title: '微心愿：想学用手机视频通话，一起来认领',
      path: `/member/task-detail/index?id=${made.wish}`,
    })
    wish.close()
    // opened by someone WeChat does not know: the wish as anyone may see it, never who made it
    await p.changeHands('o_friend_of_a_member')
    const seen = p.open('/member/task-detail/index', { id: made.wish })
    await seen.waitText(/待认领[\s\S]*想学用手机视频通话[\s\S]*先登记，再认领/)
    expect(seen.text()).not.toContain('刘德明')
    expect(seen.node.instance.onShareAppMessage({ from: 'menu' })).toMatchObject({ path: `/member/task-detail/index?id=${made.wish}` })
    seen.close()
    await p.changeHands(demoOpenId('u_zhouzq'))
    const other = p.open('/member/task-detail/index', { id: made.open })
    await other.waitText('帮忙修一下水龙头')
    expect(other.node.instance.onShareAppMessage({ from: 'menu' })).toEqual({
      title: '社区接单大厅：邻居们需要帮忙',
      path: '/member/hall/index',
    })
    other.close()
  })
})
