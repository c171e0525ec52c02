// (b) Orders that stop: 李建国 sends a 随手拍 (photo first) and a 微心愿; 黄静 does not accept
// (不受理) the first with a reason; 李建国 cancels (撤销) the second while a second staff member still has
// it open — whose late 下单 is refused (409, deliberately caused and allowed here) with a toast.
import assert from 'node:assert/strict'
import { photo } from '../lib/png.mjs'

const HAZARD = '3号楼楼道灯坏了'
const WISH = '想学用手机视频通话'
const REJECT_REASON = '已由其他部门处理'

export default {
  name: 'rejected-cancelled',
  title: 'a 随手拍 that staff do not accept, a 微心愿 the resident cancels, a late dispatch refused',
  async run(j) {
    j.allow(409, /\/api\/orders$/)

    const resident = await j.actor('resident', { userId: 'u_lijg' })
    await resident.open('/pages/index/index')
    await resident.waitText('您好，李建国')

    // 随手拍: photo and words first, the category second (preselected 环境提升)
    await resident.tap('.btn-kind-hazard')
    await resident.onRoute('/resident/order-new/index')
    await resident.vis('.step-describe').first().waitFor()
    await resident.tap('.btn-next')
    await resident.waitText('随手拍需要至少一张照片')
    await j.shot(resident, 'hazard-describe-errors')
    await resident.addPhotos('.btn-add-photo', [photo('lamp.png', [217, 130, 43])])
    await resident.vis('.photo-picker__cell--done').first().waitFor()
    await resident.fill('.input-title input', HAZARD)
    await resident.toastGone()
    await j.shot(resident, 'hazard-describe')
    await resident.tap('.btn-next')
    await resident.vis('.category-tile--environment.category-tile--on').first().waitFor()
    await j.shot(resident, 'hazard-category')
    await resident.tap('.btn-next')
    await resident.vis('.step-confirm').first().waitFor()
    await resident.expectText(/隐患 · 环境提升/)
    await resident.tap('.btn-submit')
    await resident.confirm('提交')
    await resident.onRoute('/resident/order-detail/index')
    await resident.waitText(HAZARD)

    // 微心愿: category first
    await resident.open('/pages/index/index')
    await resident.tap('.btn-kind-wish')
    await resident.onRoute('/resident/order-new/index')
    await resident.waitText('这个心愿属于哪一类？')
    await resident.tap('.category-tile--education')
    await resident.fill('.input-title input', WISH)
    await resident.tap('.btn-next')
    await resident.vis('.step-confirm').first().waitFor()
    await resident.tap('.btn-submit')
    await resident.confirm('提交')
    await resident.onRoute('/resident/order-detail/index')
    await resident.waitText(WISH)
    await resident.toastGone()
    await j.shot(resident, 'wish-submitted')

    // a second staff member opens the wish and leaves the page open
    const late = await j.actor('staff-late', { userId: 'u_linx' })
    await late.open('/staff/review/index')
    await late.tap('.order-card', { hasText: WISH })
    await late.onRoute('/staff/review-detail/index')
    await late.vis('.btn-dispatch').first().waitFor()

    // staff: 不受理 the hazard with a template reason
    const staff = await j.actor('staff', { userId: 'u_huangj' })
    await staff.open('/pages/index/index')
    await staff.tap('.link-review')
    await staff.onRoute('/staff/review/index')
    await staff.expectText(/待审核 2 个/)
    await j.shot(staff, 'review-queue-two')
    await staff.tap('.order-card', { hasText: HAZARD })
    await staff.onRoute('/staff/review-detail/index')
    await staff.tap('.btn-reject')
    await staff.vis('.reason-form').first().waitFor()
    await staff.tap('.reason-form__template', { hasText: REJECT_REASON })
    await j.shot(staff, 'reject-form')
    await staff.tap('.btn-reject-submit')
    await staff.confirm('不受理')
    await staff.toast('已处理')
    await staff.onRoute('/staff/review/index')
    await staff.toastGone()
    await staff.expectText(/待审核 1 个/)

    // resident: the hazard says it was not accepted, and why
    await resident.open('/resident/orders/index')
    await resident.vis('.order-card').nth(1).waitFor()
    await j.shot(resident, 'my-orders')
    await resident.tap('.order-card', { hasText: HAZARD })
    await resident.onRoute('/resident/order-detail/index')
    await resident.waitText('社区没有受理这个需求')
    await resident.expectText(new RegExp(`原因：${REJECT_REASON}`))
    assert.equal(await resident.vis('.btn-cancel').count(), 0, 'a rejected order cannot be cancelled')
    await j.shot(resident, 'hazard-rejected', { full: true })

    // resident: cancels the wish
    await resident.open('/resident/orders/index')
    await resident.tap('.order-card', { hasText: WISH })
    await resident.onRoute('/resident/order-detail/index')
    await resident.tap('.btn-cancel')
    await resident.tap('.reason-form__template', { hasText: '不需要了' })
    await j.shot(resident, 'cancel-form')
    await resident.tap('.btn-cancel-submit')
    await resident.confirm('撤销')
    await resident.toast('已撤销')
    await resident.waitText('这个需求已撤销')
    await resident.toastGone()
    await j.shot(resident, 'wish-cancelled', { full: true })

    // the late staff member dispatches the cancelled wish: refused, told so, nothing breaks
    await late.tap('.btn-dispatch')
    await late.confirm('下单')
    await late.page.locator('.taro__toast p').filter({ visible: true }).first().waitFor()
    const toast = await late.page.locator('.taro__toast p').filter({ visible: true }).first().textContent()
    assert.doesNotMatch(toast, /已下单/, 'a cancelled order must not be dispatched')
    await j.shot(late, 'late-dispatch-refused', { settle: false })
    await late.toastGone()
    await late.settle()
    if ((await late.vis('.btn-dispatch').count()) > 0) {
      j.finding(
        'rejected-cancelled/late-dispatch',
        'after 下单 is refused because the resident cancelled, the review page still offers 下单 and 不受理 (it does not reload the order; src/staff/review-detail/index.tsx, the dispatch .then(after) ignores a failed action)',
      )
    }

    // resident home: nothing in progress any more
    await resident.open('/resident/orders/index')
    await resident.vis('.order-card').nth(1).waitFor()
    await resident.expectText(/已撤销[\s\S]*未受理/)
    await j.shot(resident, 'my-orders-after')
  },
}
