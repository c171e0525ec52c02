// The production weapp build (dist/) through whole journeys in miniprogram-simulate, against cloud mode:
// every wx.cloud.callFunction is answered by the built functions on the CloudBase emulator, invoked
// with the OPENID of whoever holds the phone, and wx.cloud.uploadFile stores into its storage. People
// take turns with one phone, each opening the app as themself; the pages are followed where the app
// navigates.
import { setDataSizes } from '../helpers/taro-mp'
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

describe('the weapp build through whole journeys, on the built functions', () => {
  it('an order: resident orders with a photo → staff dispatch → member claims and completes → resident confirms → points', async () => {
    const { signIn, open, follow, wx, pickPhoto, storedFiles } = phone()
    // ---- 王秀兰 orders, with a photo from her album
    const home = await signIn('u_wangxl', '王秀兰')
    let mark = wx.navigations.length
    await home.tap('.btn-kind-service')
    const { page: form } = await follow(mark, '/resident/order-new/index')
    await form.tap('.category-tile--elderly_child')
    await form.type('.input-title', TITLE)
    await form.type('.input-description', '降压药吃完了，医院在人民路，处方在我这里。')
    pickPhoto()
    await form.tap('.btn-add-photo')
    await form.find('.photo-picker__cell--done')
    await form.tap('.urgency-chips .chip', '一般')
    await form.tap('.btn-next')
    const confirmText = await form.waitText('请核对一下')
    expect(confirmText).toMatch(/助老扶幼[\s\S]*1 张[\s\S]*1号楼 1单元 302/)
    mark = wx.navigations.length
    await form.tap('.btn-submit')
    const { page: submitted, query } = await follow(mark, '/resident/order-detail/index')
    const orderId = query.id
    await submitted.waitText(TITLE)
    expect(wx.toasts).toContain('已提交，社区工作人员会尽快处理')
    // the photo went to cloud storage under her own folder, and the order holds it
    const uploads = (await storedFiles()).filter((f) => f.cloudPath.startsWith('uploads/u_wangxl/'))
    expect(uploads).toHaveLength(1)
    // the image shows storage's own temporary link (WeChat's <image> fetches it; the simulator only holds it)
    const links = JSON.stringify(submitted.node.data).match(/"\/__cos\/[^"]+"/g) ?? []
    expect(links.some((link) => link.includes(uploads[0].cloudPath))).toBe(true)

    // ---- 林晓 dispatches it from the review queue
    await signIn('u_linx', '林晓')
    const queue = open('/staff/review/index')
    mark = wx.navigations.length
    await queue.tap('.order-card', TITLE)
    const { page: review } = await follow(mark, '/staff/review-detail/index')
    await review.find('.btn-dispatch')
    await review.tap('.btn-dispatch')
    await review.waitText('待接单')
    expect(wx.toasts).toContain('已派单')

    // ---- 周志强 claims it in the hall and completes it with a photo
    await signIn('u_zhouzq', '周志强')
    const hall = open('/member/hall/index')
    mark = wx.navigations.length
    await hall.tap('.order-card', TITLE)
    const { page: task } = await follow(mark, '/member/task-detail/index')
    await task.tap('.btn-claim')
    await task.find('.btn-complete')
    expect(wx.toasts).toContain('接单成功')
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

  it('the mall: a member redeems with a pickup code, staff verify it', async () => {
    const { signIn, open, follow, wx, invoke } = phone()
    await invoke('u_linx', 'points', 'adjust', { memberId: 'u_wuhy', delta: 50, reason: '测试：补录上月志愿服务' })

    const home = await signIn('u_wuhy', '吴海燕')
    home.close()
    const mall = open('/mall/index')
    await mall.waitText('纯棉毛巾')
    let mark = wx.navigations.length
    await mall.tap('.goods-card', '纯棉毛巾')
    const { page: goods } = await follow(mark, '/mall/goods/index')
    await goods.waitText('兑换后剩 35')
    mark = wx.navigations.length
    await goods.tap('.btn-redeem')
    const { page: redemptions } = await follow(mark, '/mall/redemptions/index')
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
    const { signIn, open, follow, wx } = phone()
    const home = await signIn('u_zhengw', '郑伟')
    home.close()
    const list = open('/activity/index')
    const mark = wx.navigations.length
    await list.tap('.activity-card', '周末环境清洁日')
    const { page: detail, query } = await follow(mark, '/activity/detail/index')
    expect(query.id).toBe('a_demo_clean')
    await detail.tap('.btn-signup')
    await detail.find('.my-signup')
    expect(wx.toasts).toContain('报名成功')
    const mine = open('/activity/mine/index')
    await mine.waitText('周末环境清洁日')
  })

  it('kept every setData under 256 KB and met no refusal it did not ask for', () => {
    expect(setDataSizes.length).toBeGreaterThan(0)
    expect(Math.max(...setDataSizes.map((s) => s.bytes))).toBeLessThan(256 * 1024)
    expect(phone().wx.refusals).toEqual([])
    expect(consoleErrors).toEqual([])
  })
})
