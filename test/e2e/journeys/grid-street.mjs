// (g) The grid and the street (issue 17's "Done when"): 王芳, 网格员 of 第二网格, sees only her grid's
// queue; takes a phone call from 马秀珍, who lives alone, and orders for her (代办); 郑伟 claims it and
// closes it; 林晓 confirms for 马秀珍 with her words and 2 stars — 王芳, who placed it, cannot — and 郑伟
// sees why he was paid half; 王芳 makes the 回访. A hazard 李娟 (网格长) refers to the 物业 with a
// deadline runs late, reaches 街道, and 周敏 of 红桥街道 answers it without the resident's contact. A
// retired member registers without a work unit.
import assert from 'node:assert/strict'
import { makePng, photo } from '../lib/png.mjs'

const HOUR = 3600_000
const THEIRS = '楼道灯不亮了' // 王秀兰, 第一网格: not 王芳's
const MINE = '想学用手机视频通话' // 张桂英, 第二网格
const TAP = '厨房水龙头一直漏水'
const HAZARD = '2号楼楼道水管漏水'
const ANSWER = '街道已协调物业，今天下午换了新水管，试过不漏了'

export default {
  name: 'grid-street',
  title: '网格员 sees their grid, 代办 by phone, a 2-star rating pays by the rule, 转办 runs late to 街道, a retired member registers',
  async run(j) {
    j.requireScreens([
      '/staff/proxy/index',
      '/staff/review/index',
      '/staff/review-detail/index',
      '/account/register/index',
      '/workbench/street-dashboard/index',
    ])
    const api = j.api
    const session = async (userId) => (await api.login(userId)).token
    const wang = await session('u_wangxl')
    const zhang = await session('u_zhanggy')
    await api.call(wang, 'orders', 'create', { kind: 'service', category: 'convenience', title: THEIRS }, { mutate: true })
    await api.call(zhang, 'orders', 'create', { kind: 'wish', category: 'education', title: MINE }, { mutate: true })

    // ---- 王芳 (网格员, 第二网格): her home and her queue hold her grid only
    const grid = await j.actor('grid', { userId: 'u_wangf' })
    await grid.open('/pages/index/index')
    await grid.waitText('您好，王芳')
    await grid.waitText('第二网格网格员')
    await j.shot(grid, 'grid-home')
    await grid.tap('.link-review')
    await grid.onRoute('/staff/review/index')
    await grid.waitText(MINE)
    const queue = await grid.text()
    assert.ok(!queue.includes(THEIRS), `王芳's queue holds 第二网格 only, not 第一网格's 「${THEIRS}」`)
    await j.shot(grid, 'grid-queue')

    // ---- 代办: 马秀珍 phones; 王芳 finds her, says how, and orders for her
    await grid.open('/staff/proxy/index')
    await grid.fill('.input-resident-search input', '马')
    await grid.tap('.btn-resident-search')
    await grid.tap('.resident-option', { hasText: '马秀珍' })
    await grid.waitText('3号楼 2单元 101')
    await grid.tap('.channel-chips .chip', { hasText: '电话' })
    await j.shot(grid, 'proxy-picked')
    await grid.tap('.btn-proxy-service')
    await grid.onRoute('/resident/order-new/index')
    await grid.waitText('替 马秀珍 下单（电话代办）')
    await grid.tap('.category-tile--convenience')
    await grid.fill('.input-title input', TAP)
    await grid.fill('.input-description textarea', '老人一个人住，电话里说水龙头关不紧，地上都是水。')
    await grid.tap('.btn-next')
    await grid.vis('.step-confirm').first().waitFor()
    const confirm = await grid.text()
    assert.match(confirm, /马秀珍（电话代办）/)
    assert.match(confirm, /3号楼 2单元 101/)
    await j.shot(grid, 'proxy-confirm')
    await grid.tap('.btn-submit')
    await grid.confirm('提交')
    await grid.toast('已替马秀珍提交')
    await grid.onRoute('/staff/review-detail/index')
    const orderId = new URL(grid.page.url().replace('/#/', '/')).searchParams.get('id')
    assert.ok(orderId, 'the order page has the order id')
    await grid.waitText('王芳（电话）替居民提交')
    await grid.toastGone()
    await j.shot(grid, 'proxy-review', { full: true })
    await grid.tap('.btn-dispatch')
    await grid.confirm('下单')
    await grid.toast('已下单')

    // 马秀珍 sees it as hers
    const ma = await session('u_maxz')
    const hers = await api.call(ma, 'orders', 'list', { scope: 'mine' })
    assert.ok(
      hers.items.some((o) => o.id === orderId),
      '马秀珍 finds the order 王芳 placed in her own list',
    )

    // ---- 郑伟 (党员, 第二网格) claims it and closes it with a photo
    const member = await j.actor('member', { userId: 'u_zhengw', role: 'member' })
    await member.open(`/member/task-detail/index?id=${orderId}`)
    await member.tap('.btn-claim')
    await member.confirm('接单')
    await member.toast('接单成功')
    await member.expectText(/3号楼 2单元 101/)
    await member.toastGone()
    await member.tap('.btn-complete')
    await member.fill('.input-summary textarea', '换了新的水龙头芯，试了几次不漏了，地也拖干了。')
    await member.addPhotos('.complete-form .btn-add-photo', [photo('tap.png', [43, 108, 176])])
    await member.vis('.complete-form .photo-picker__cell--done').first().waitFor()
    await member.tap('.btn-complete-submit')
    await member.confirm('提交')
    await member.toast('等居民确认')
    await member.toastGone()

    // ---- who placed it never confirms it for her: 王芳 has no 代居民确认; 林晓 phones 马秀珍 and records her words
    await grid.open(`/staff/review-detail/index?id=${orderId}`)
    await grid.waitText(TAP)
    assert.equal(await grid.vis('.confirm-for').count(), 0, '王芳 placed the order: she is not offered to confirm it')
    const staff = await j.actor('staff', { userId: 'u_linx', role: 'staff' })
    await staff.open(`/staff/review-detail/index?id=${orderId}`)
    await staff.vis('.confirm-for').first().waitFor()
    await staff.tap('.confirm-for .star-2')
    await staff.fill('.input-resident-words textarea', '水是不漏了，就是等了好几天才来')
    await j.shot(staff, 'confirm-for-resident', { full: true })
    await staff.tap('.btn-confirm-for')
    await staff.confirm('确认')
    await staff.toast('已确认')
    await staff.waitText('居民原话：「水是不漏了，就是等了好几天才来」')
    await staff.toastGone()

    // ---- 郑伟 sees why: 2 stars pay half (便民利民 10 分 → 5), and the community will visit
    const why = '2 星评价，按下单积分的 50% 计 5 分，社区将回访'
    await member.open(`/member/task-detail/index?id=${orderId}`)
    await member.waitText(`怎么算的：${why}`)
    await j.shot(member, 'award-why')
    await member.open('/member/points/index')
    await member.expectText(new RegExp(`完成工单「${TAP}」：${why}[\\s\\S]*\\+5`), 10_000)
    await j.shot(member, 'ledger-why')

    // ---- 王芳's 待回访: she visits and records what she found
    await grid.open('/pages/index/index')
    await grid.tap('.link-revisit')
    await grid.onRoute('/staff/review/index')
    await grid.tap('.order-card', { hasText: TAP })
    await grid.onRoute('/staff/review-detail/index')
    await grid.fill('.revisit-form__input textarea', '上门看了，老人嫌来得晚，已致歉；以后电话里先约时间')
    await grid.tap('.revisit-form__submit')
    await grid.confirm('记录回访')
    await grid.toast('已记录回访')
    await grid.toastGone()

    // ---- 转办: 王秀兰's hazard; 李娟 (网格长, 第一网格) refers it to the 物业, 较大, a day to answer
    const upload = await fetch(`${j.baseUrl}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${wang}` },
      body: makePng({ colour: [30, 90, 160] }),
    })
    const { data: file } = await upload.json()
    const hazard = await api.call(
      wang,
      'orders',
      'create',
      { kind: 'hazard', category: 'environment', title: HAZARD, photos: [file.fileId] },
      { mutate: true },
    )
    const lead = await j.actor('lead', { userId: 'u_lij' })
    await lead.open(`/staff/review-detail/index?id=${hazard.id}`)
    await lead.tap('.btn-refer')
    await lead.tap('.unit-option', { hasText: '红星物业服务中心' })
    await lead.tap('.refer-form .severity-chips .chip', { hasText: '较大' })
    await lead.tap('.deadline-chips .chip', { hasText: '一天内' })
    await lead.fill('.input-refer-note textarea', '2号楼2单元楼道水管漏水，请尽快上门')
    await j.shot(lead, 'refer-form', { full: true })
    await lead.tap('.btn-refer-submit')
    await lead.confirm('转办')
    await lead.toast('已转办')
    const resident = await j.actor('resident', { userId: 'u_wangxl', role: 'resident' })
    await resident.open(`/resident/order-detail/index?id=${hazard.id}`)
    await resident.waitText('转办情况：已转办')
    await j.shot(resident, 'resident-referred', { full: true })

    // the 物业 does not answer within the day: the order climbs from 社区 to 街道
    await api.clock(25 * HOUR)

    // ---- 周敏 (红桥街道): what reached the street, and her answer — never the resident's contact
    const street = await j.actor('street', { userId: 'u_st_zhoum' })
    await street.open('/pages/index/index')
    await street.waitText('管辖：红星社区、青山社区')
    await street.vis('.street-item', { hasText: HAZARD }).first().waitFor()
    await street.expectText(/红星社区[\s\S]*已转红星物业服务中心/)
    await j.shot(street, 'street-home')
    await street.tap('.street-item .order-card', { hasText: HAZARD })
    await street.onRoute('/staff/review-detail/index')
    await street.waitText('由街道办理')
    const seen = await street.text()
    assert.ok(!seen.includes('居民联系方式') && !seen.includes('13800010001'), 'the street sees no resident contact')
    await street.fill('.answer-form__input textarea', ANSWER)
    await j.shot(street, 'street-answer', { full: true })
    await street.tap('.answer-form__submit')
    await street.confirm('记录答复')
    await street.toast('已记录')
    await street.toastGone()

    // ---- 街道数据看板: the street's month over its communities, and a line for each
    await street.open('/pages/index/index')
    await street.tap('.link-street-dashboard')
    await street.onRoute('/workbench/street-dashboard/index')
    await street.waitText('红桥街道：2 个社区合计')
    await street.vis('.street-community', { hasText: '红星社区' }).first().waitFor()
    await street.vis('.street-community', { hasText: '青山社区' }).first().waitFor()
    const month = await street.text()
    assert.match(month, /(\d+)\s*工单总数/, 'the street’s orders are counted')
    await j.shot(street, 'street-dashboard', { full: true })

    await resident.open(`/resident/order-detail/index?id=${hazard.id}`)
    await resident.waitText('转办情况：已反馈')
    await resident.expectText(new RegExp(ANSWER))
    await j.shot(resident, 'resident-answered', { full: true })

    // ---- 张桂英, a retired party member, reports to the community without a work unit
    const retired = await j.actor('retired', { userId: 'u_zhanggy', role: 'resident' })
    await retired.open('/account/register/index?kind=member')
    await retired.tap('.chips-member-status .chip', { hasText: '退休党员' })
    await retired.waitText('原工作单位（可以不填）')
    await retired.fill('.input-branch input', '红星社区离退休党支部')
    await retired.tap('.chip-post-care')
    await j.shot(retired, 'register-retired', { full: true })
    await retired.tap('.btn-submit-member')
    await retired.confirm('提交')
    await retired.toast('已提交')
    await retired.waitText('等待社区审核')
    const linx = await session('u_linx')
    await api.call(linx, 'accounts', 'approveMember', { userId: 'u_zhanggy', approve: true }, { mutate: true })
    const me = await api.call(zhang, 'accounts', 'me', {})
    assert.deepEqual([me.member?.status, me.member?.workUnit], ['retired', null], 'a retired member, no work unit')
  },
}
