// (k) 一户一档 and 四必访 (issue 18, part 1's "Done when"): 李娟, 网格员 of 第一网格, opens her home and
// finds 该走访了 — 赵桂兰, 独居 高龄, missed her weekly visit; she opens 王秀兰's file (独居), logs a visit
// with a photo and turns what she found into an order for 王秀兰 in the same step (入户走访代办), which
// 王秀兰 then finds as her own. When the test clock passes a week, 王秀兰's household shows 该走访了.
import assert from 'node:assert/strict'
import { photo } from '../lib/png.mjs'

const HOUR = 3600_000
const FOUND = '厨房水龙头一直滴水，老人拧不动，其他都好'
const TITLE = '帮王奶奶修厨房水龙头'

export default {
  name: 'households',
  title: '网格员 logs a visit to an 独居 household and turns a finding into an order in one step; a missed weekly visit shows 该走访了',
  // the clock moves a week: its own gateway, so no other journey's clock or visits are in the way
  freshGateway: true,
  async run(j) {
    j.requireScreens(['/households/index', '/households/detail/index', '/households/visit/index'])

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

    // ---- a week passes without a visit: 王秀兰's household is 该走访了
    const lij = await j.api.login('u_lij')
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
