// (k) 一户一档 and 四必访 (issue 18, part 1's "Done when"): 李娟, 网格员 of 第一网格, opens her home and
// finds 该走访了 — 赵桂兰, 独居 高龄, missed her weekly visit; she opens 王秀兰's file (独居), logs a visit
// with a photo and turns what she found into an order for 王秀兰 in the same step (入户走访代办), which
// 王秀兰 then finds as her own. She files a new household on screen (a wrong room refused at its field),
// edits it, and on 赵桂兰's visit orders for her though she has no account: a member serves it and 林晓
// confirms it in 赵桂兰's words; the order stands on the household's page. 林晓 orders by phone for 孙玉梅
// (no account either) from the 代办 page. When the test clock passes a week, 王秀兰's household shows 该走访了.
import assert from 'node:assert/strict'
import { makePng, photo } from '../lib/png.mjs'

const HOUR = 3600_000
const FOUND = '厨房水龙头一直滴水，老人拧不动，其他都好'
const TITLE = '帮王奶奶修厨房水龙头'
const FOR_ZHAO = '陪赵奶奶去医院复查'

export default {
  name: 'households',
  title: '网格员 logs a visit to an 独居 household and turns a finding into an order in one step; a missed weekly visit shows 该走访了',
  // the clock moves a week: its own gateway, so no other journey's clock or visits are in the way
  freshGateway: true,
  async run(j) {
    j.requireScreens(['/households/index', '/households/detail/index', '/households/visit/index', '/households/edit/index'])

    // ---- 李娟's home: 该走访了 counts her grid's households whose visit is due; 赵桂兰 is one
    const grid = await j.actor('grid', { userId: 'u_lij' })
    await grid.open('/pages/index/index')
    await grid.waitText('该走访了')
    await grid.waitText('赵桂兰')
    await j.shot(grid, 'grid-home-due', { full: true })
    await grid.tap('.link-due-visits')
    await grid.onRoute('/households/index')
    await grid.waitText('赵桂兰')
    const due = await grid.text()
    assert.ok(!due.includes('王秀兰'), '王秀兰 was visited 5 days ago: not yet due')
    await j.shot(grid, 'due-list')

    // ---- 一户一档: the 独居 households of her grid; 王秀兰's file
    await grid.tap('.household-filter .chip', { hasText: '独居' })
    await grid.waitText('王秀兰')
    await grid.tap('.household-card', { hasText: '王秀兰' })
    await grid.onRoute('/households/detail/index')
    await grid.waitText('1号楼 1单元 302')
    await grid.waitText('按规定每 7 天走访一次')
    await j.shot(grid, 'household', { full: true })

    // ---- 走访 with a photo, and 「转为需求」 for 王秀兰 in the same step
    await grid.tap('.btn-visit')
    await grid.onRoute('/households/visit/index')
    await grid.fill('.input-visit-found textarea', FOUND)
    await grid.addPhotos('.btn-add-photo', [photo('tap.png', [43, 108, 176])])
    await grid.vis('.photo-picker__cell--done').first().waitFor()
    await grid.tap('.switch-to-order')
    await grid.tap('.order-member-chips .chip', { hasText: '王秀兰' })
    await grid.tap('.order-kind-chips .chip', { hasText: '要人帮忙' })
    await grid.tap('.order-category-chips .chip', { hasText: '便民利民' })
    await grid.fill('.input-order-title input', TITLE)
    await j.shot(grid, 'visit-form', { full: true })
    await grid.tap('.btn-save-visit')
    await grid.toast('需求已提交')
    await grid.onRoute('/households/detail/index')
    await grid.waitText(FOUND)
    await grid.waitText(`已转为需求：${TITLE}`)
    await grid.toastGone()
    await j.shot(grid, 'household-visited', { full: true })

    // 王秀兰 finds the order as hers, placed on a home visit
    const wang = await j.api.login('u_wangxl')
    const mine = await j.api.call(wang.token, 'orders', 'list', { scope: 'mine' })
    const order = mine.items.find((o) => o.title === TITLE)
    assert.ok(order, '王秀兰 finds the order from the visit in her own list')
    const detail = await j.api.call(wang.token, 'orders', 'get', { orderId: order.id })
    assert.equal(detail.channel, 'home_visit', 'the order came in on a home visit (入户走访)')
    assert.equal(detail.photos.length, 1, "the visit's photo goes with the order")

    // ---- 建档: a new household of her grid, on screen; what is missing, then what the server refuses, at its field
    await grid.open('/households/index')
    await grid.tap('.btn-new-household')
    await grid.onRoute('/households/edit/index')
    await grid.tap('.btn-save-household')
    await grid.waitText('请选择楼栋')
    await grid.waitText('请填写姓名')
    await grid.tap('.chips-building .chip', { hasText: '2号楼' })
    await grid.fill('.input-unit input', '3')
    await grid.fill('.input-room input', '502')
    await grid.fill('.input-person-name input', '钱守义')
    await grid.tap('.chips-relation .chip', { hasText: '户主' })
    await grid.tap('.chips-age .chip', { hasText: '高龄' })
    await grid.fill('.input-person-phone input', '0531-88880000')
    await grid.tap('.btn-add-person')
    const second = grid.vis('.person-row').nth(1)
    await second.locator('.input-person-name input').fill('钱小梅')
    await second.locator('.chips-relation .chip', { hasText: '子女' }).click()
    await second.locator('.chips-age .chip', { hasText: '成年' }).click()
    await grid.tap('.chips-tags .chip', { hasText: '空巢' })
    await grid.tap('.chips-consent-person .chip', { hasText: '钱守义' })
    await grid.tap('.chips-consent-method .chip', { hasText: '口头' })
    await grid.toastGone()
    await j.shot(grid, 'household-new', { full: true })
    j.allow(400, /\/api\/households$/)
    await grid.tap('.btn-save-household')
    // 2号楼 3单元 502 is 赵桂兰's: the server names the room, and the form shows it there
    await grid.vis('.field__error').filter({ hasText: '这一户已经建档了' }).first().waitFor()
    await grid.fill('.input-room input', '101')
    await grid.tap('.btn-save-household')
    await grid.toast('已建档')
    await grid.onRoute('/households/detail/index')
    await grid.waitText('2号楼 3单元 101')
    await grid.waitText('钱小梅')
    await grid.waitText('按规定每 30 天走访一次')
    await grid.toastGone()
    await j.shot(grid, 'household-filed', { full: true })

    // ---- 修改档案: 钱小梅 moved out; 钱守义 now lives alone — weekly visits
    await grid.tap('.btn-edit-household')
    await grid.onRoute('/households/edit/index')
    await grid.vis('.person-row').nth(1).waitFor()
    await grid.vis('.person-row').nth(1).locator('.btn-remove-person').click()
    await grid.tap('.chips-tags .chip', { hasText: '独居' })
    await grid.tap('.btn-save-household')
    await grid.toast('档案已保存')
    await grid.onRoute('/households/detail/index')
    const edited = await grid.expectText(/按规定每 7 天走访一次/)
    assert.ok(!edited.includes('钱小梅'), '钱小梅 left the file')
    await grid.toastGone()

    // ---- 赵桂兰 has no account: the visit orders for her all the same, by her place in the file
    await grid.open('/households/detail/index?id=hh_hx_zhaogl')
    await grid.tap('.btn-visit')
    await grid.onRoute('/households/visit/index')
    await grid.fill('.input-visit-found textarea', '老人下周要去医院复查，没人陪')
    await grid.tap('.switch-to-order')
    await grid.tap('.order-member-chips .chip', { hasText: '赵桂兰' })
    await grid.waitText('赵桂兰没有注册')
    await grid.tap('.order-category-chips .chip', { hasText: '助老扶幼' })
    await grid.fill('.input-order-title input', FOR_ZHAO)
    await j.shot(grid, 'visit-for-unregistered', { full: true })
    await grid.tap('.btn-save-visit')
    await grid.toast('需求已提交')
    await grid.onRoute('/households/detail/index')
    await grid.waitText('为这户提的需求')
    await grid.waitText('为赵桂兰（未注册，办完由社区代为确认）')
    await grid.toastGone()

    const lij = await j.api.login('u_lij')
    // staff dispatch it, a member serves it (her name, landline and the household's address in hand)
    const linx = await j.api.login('u_linx')
    const zhou = await j.api.login('u_zhouzq')
    const zhaoFile = await j.api.call(lij.token, 'households', 'get', { householdId: 'hh_hx_zhaogl' })
    const zhaoOrder = zhaoFile.orders.find((o) => o.title === FOR_ZHAO)
    assert.ok(zhaoOrder && !zhaoOrder.hasAccount, "the order stands on 赵桂兰's household, for a person without an account")
    const orderId = zhaoOrder.id
    await j.api.call(linx.token, 'orders', 'review', { orderId, decision: 'dispatch', points: 10 }, { mutate: true })
    const claimed = await j.api.call(zhou.token, 'orders', 'claim', { orderId }, { mutate: true })
    assert.deepEqual(claimed.contact, { name: '赵桂兰', phone: '0531-88881234', address: '2号楼 3单元 502' })
    const upload = await fetch(`${j.baseUrl}/api/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${zhou.token}` },
      body: makePng({ colour: [60, 140, 90] }),
    })
    const { data: done } = await upload.json()
    await j.api.call(
      zhou.token,
      'orders',
      'complete',
      { orderId, summary: '陪老人复查完，已送回家', photos: [done.fileId] },
      { mutate: true },
    )

    // 李娟 placed it: she does not confirm it; 林晓 phones 赵桂兰 and records her words
    await grid.open(`/staff/review-detail/index?id=${orderId}`)
    await grid.waitText(FOR_ZHAO)
    assert.equal(await grid.vis('.confirm-for').count(), 0, '李娟 placed the order: she is not offered to confirm it')
    const staff = await j.actor('staff', { userId: 'u_linx', role: 'staff' })
    await staff.open(`/staff/review-detail/index?id=${orderId}`)
    await staff.vis('.confirm-for').first().waitFor()
    await staff.tap('.confirm-for .star-5')
    await staff.fill('.input-resident-words textarea', '小周很耐心，谢谢社区')
    await staff.tap('.btn-confirm-for')
    await staff.confirm('确认')
    await staff.toast('已确认')
    await staff.waitText('居民原话：「小周很耐心，谢谢社区」')
    await staff.toastGone()
    await j.shot(staff, 'confirmed-for-unregistered', { full: true })
    const closed = await j.api.call(linx.token, 'orders', 'get', { orderId })
    assert.equal(closed.status, 'closed')
    assert.ok(!JSON.stringify(closed.timeline).includes('赵桂兰'), 'the timeline names nobody in full')

    // ---- 代办 from the 代办 page: 孙玉梅 (刘德明's wife, no account) phones; 林晓 finds her in the file
    await staff.open('/staff/proxy/index')
    await staff.fill('.input-resident-search input', '孙玉梅')
    await staff.tap('.btn-resident-search')
    await staff.tap('.household-person-option', { hasText: '孙玉梅' })
    await staff.waitText('没有注册（一户一档）')
    await staff.tap('.btn-proxy-service')
    await staff.onRoute('/resident/order-new/index')
    await staff.waitText('本人没有注册')
    await staff.tap('.category-tile--convenience')
    await staff.fill('.input-title input', '帮孙阿姨换个灯泡')
    await staff.tap('.btn-next')
    await staff.vis('.step-confirm').first().waitFor()
    assert.match(await staff.text(), /4号楼 3单元 602/)
    await j.shot(staff, 'proxy-for-unregistered', { full: true })
    await staff.tap('.btn-submit')
    await staff.confirm('提交')
    await staff.toast('已替孙玉梅提交')
    await staff.onRoute('/staff/review-detail/index')
    await staff.toastGone()
    const liuFile = await j.api.call(linx.token, 'households', 'get', { householdId: 'hh_hx_liudm' })
    assert.deepEqual(
      liuFile.orders.map((o) => [o.title, o.memberName, o.hasAccount]),
      [['帮孙阿姨换个灯泡', '孙玉梅', false]],
      "the order stands on 刘德明's household, for 孙玉梅",
    )

    // ---- a week passes without a visit: 王秀兰's household is 该走访了
    const file = await j.api.call(lij.token, 'households', 'get', { householdId: 'hh_hx_wangxl' })
    assert.equal(file.due, false, 'just visited: not due')
    const { now } = await j.api.clock(0)
    await j.api.clock(Date.parse(file.dueAt) - Date.parse(now) + HOUR)
    await grid.open('/households/detail/index?id=hh_hx_wangxl')
    await grid.waitText('该走访了')
    await j.shot(grid, 'household-due')
    await grid.open('/households/index?due=1')
    await grid.waitText('王秀兰')
    await j.shot(grid, 'due-list-week-later')
  },
}
