// (a) The order loop, as README's first walk-through — 点单 · 下单 · 接单 · 结单: 王秀兰 orders with a photo
// → 林晓 (社区工作者) 下单 → 周志强 claims and 结单 with a photo → 王秀兰 confirms with 5 stars → 周志强 sees
// +25 in 我的积分, and why.
import assert from 'node:assert/strict'
import { photo } from '../lib/png.mjs'

const TITLE = '帮我去医院取药'
const SUMMARY = '已帮王阿姨取回降压药，并讲清楚了用法和剂量。'

export default {
  name: 'order-loop',
  title: 'resident orders with a photo → staff dispatch → member claims and completes → resident confirms with stars → points',
  async run(j) {
    // ---- resident: signs in on the demo page, orders with a photo
    const resident = await j.actor('resident')
    await resident.open('/pages/index/index')
    await resident.onRoute('/pages/login/index')
    await resident.vis('.login-user').first().waitFor()
    await j.shot(resident, 'login')
    await resident.tap('.login-user', { hasText: '王秀兰' })
    await resident.onRoute('/pages/index/index')
    await resident.waitText('您好，王秀兰')
    await resident.toastGone()
    await j.shot(resident, 'resident-home-empty')
    await resident.expectText(/没有进行中的需求/)

    await resident.tap('.btn-kind-service')
    await resident.onRoute('/resident/order-new/index')
    await resident.vis('.category-tile').first().waitFor()
    await j.shot(resident, 'order-step1-category')
    await resident.tap('.category-tile--elderly_child')
    await resident.vis('.input-title input').first().waitFor()
    await resident.fill('.input-title input', TITLE)
    await resident.fill('.input-description textarea', '降压药吃完了，医院在人民路，处方在我这里。')
    await resident.addPhotos('.btn-add-photo', [photo('prescription.png')])
    await resident.vis('.photo-picker__cell--done').first().waitFor()
    await resident.tap('.urgency-chips .chip', { hasText: '一般' })
    await resident.tap('.time-chips .chip', { hasText: '明天上午' })
    await j.shot(resident, 'order-step2-describe-with-photo')
    await resident.tap('.btn-next')
    await resident.vis('.step-confirm').first().waitFor()
    const confirmText = await resident.expectText(/1号楼/)
    assert.match(confirmText, /助老扶幼/)
    assert.match(confirmText, /1 张/)
    assert.match(confirmText, /1号楼/)
    await j.shot(resident, 'order-step3-confirm')
    await resident.tap('.btn-submit')
    await resident.vis('.taro-modal__foot').first().waitFor()
    await j.shot(resident, 'order-submit-dialog', { settle: false })
    await resident.confirm('提交')
    await resident.toast('已提交')
    await resident.onRoute('/resident/order-detail/index')
    const orderId = new URL(resident.page.url().replace('/#/', '/')).searchParams.get('id')
    assert.ok(orderId, 'the order page has the order id')
    await resident.waitText(TITLE)
    await resident.toastGone()
    await j.shot(resident, 'order-detail-submitted', { full: true })
    await resident.expectText(/撤销/)

    // ---- staff (社区工作者): 待审核 on the home page → the order → 下单 to the hall
    const staff = await j.actor('staff', { userId: 'u_linx' })
    await staff.open('/pages/index/index')
    await staff.waitText('您好，林晓')
    await j.shot(staff, 'staff-home')
    await staff.tap('.link-review')
    await staff.onRoute('/staff/review/index')
    await j.shot(staff, 'review-queue')
    await staff.tap('.order-card', { hasText: TITLE })
    await staff.onRoute('/staff/review-detail/index')
    await staff.vis('.btn-dispatch').first().waitFor()
    await staff.vis('.member-option').nth(1).waitFor()
    await j.shot(staff, 'review-detail', { full: true })
    await staff.tap('.btn-dispatch')
    await staff.confirm('下单')
    await staff.toast('已下单')
    await staff.onRoute('/staff/review/index')
    await staff.toastGone()
    await j.shot(staff, 'review-queue-after-dispatch')

    // ---- member: switches to 党员, finds it in the hall, claims, completes with a photo
    const member = await j.actor('member', { userId: 'u_zhouzq' })
    await member.open('/pages/index/index')
    await member.waitText('您好，周志强')
    await member.tap('.role-switch-item', { hasText: '党员' })
    await member.vis('.link-points').first().waitFor()
    await j.shot(member, 'member-home')
    await member.expectText(new RegExp(TITLE))
    await member.tap('.link-hall')
    await member.onRoute('/member/hall/index')
    await j.shot(member, 'hall')
    const first = await member.vis('.order-card').first().textContent()
    assert.match(first, new RegExp(TITLE), 'the new order comes first in the hall')
    await member.tap('.order-card', { hasText: TITLE })
    await member.onRoute('/member/task-detail/index')
    await j.shot(member, 'task-detail-open', { full: true })
    await member.tap('.btn-claim')
    await member.confirm('接单')
    await member.toast('接单成功')
    await member.vis('.btn-complete').first().waitFor()
    await member.toastGone()
    await j.shot(member, 'task-detail-claimed', { full: true })
    await member.expectText(/1单元 302/) // once claimed the member sees the resident's address
    await member.tap('.btn-complete')
    await member.fill('.input-summary textarea', SUMMARY)
    await member.addPhotos('.complete-form .btn-add-photo', [photo('done.png', [46, 154, 91])])
    await member.vis('.complete-form .photo-picker__cell--done').first().waitFor()
    await j.shot(member, 'complete-form')
    await member.tap('.btn-complete-submit')
    await member.confirm('提交')
    await member.toast('等居民确认')
    await member.waitText('等居民确认；72 小时没确认会自动完成')
    await member.toastGone()
    await j.shot(member, 'task-detail-completed', { full: true })

    // ---- resident: home says 待确认; the 消息 tab has the notices, newest first; the newest opens the order
    await resident.open('/pages/index/index')
    await resident.expectText(new RegExp(`待确认[\\s\\S]*${TITLE}`))
    await resident.tap('.weui-tabbar__item', { hasText: '消息' })
    await resident.onRoute('/pages/messages/index')
    await resident.vis('.message-item').first().waitFor()
    await resident.expectText(/3 条未读[\s\S]*服务已完成，请确认[\s\S]*已有党员接单[\s\S]*社区已下单/)
    await j.shot(resident, 'messages')
    await resident.tap('.message-item', { hasText: '服务已完成，请确认' })
    await resident.onRoute('/resident/order-detail/index')
    await resident.vis('.btn-confirm').first().waitFor()
    await j.shot(resident, 'order-detail-to-confirm', { full: true })
    await resident.tap('.confirm-form .star-5')
    await resident.fill('.input-comment textarea', '周师傅很耐心，谢谢！')
    await resident.tap('.btn-confirm')
    await resident.confirm('确认')
    await resident.toast('谢谢您的评价')
    await resident.waitText('我的评价')
    await resident.toastGone()
    await j.shot(resident, 'order-detail-closed', { full: true })

    // ---- member: the points page shows the award (助老扶幼 20 + 5 for five stars)
    await member.open('/pages/index/index')
    await member.tap('.link-points')
    await member.onRoute('/member/points/index')
    // 助老扶幼 20 points (一般: factor 1) + 5 for five stars, as README's walk-through says
    await member.page
      .waitForFunction(() => [...document.querySelectorAll('.points-balance')].some((el) => el.textContent?.trim() === '25'), null, {
        timeout: 10_000,
      })
      .catch(async () =>
        assert.fail(`the points page shows ${await member.vis('.points-balance').first().textContent()} points, expected 25`),
      )
    await j.shot(member, 'points')
    // …and why, as README's walk-through says: 下单积分 20 分, 5 星加 5 分
    await member.expectText(new RegExp(`完成工单「${TITLE}」：下单积分 20 分，5 星加 5 分[\\s\\S]*\\+25`))
  },
}
