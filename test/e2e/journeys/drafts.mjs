// Drafts and the person's own settings (issue 20): what was typed in 点单 survives a reload and the
// browser's back, each step is a history entry, 放弃 asks and clears it; 发布活动 keeps its draft too; 长辈模式
// belongs to the person who turned it on — the next person on the phone starts plain, and it comes back
// at the first person's next sign-in; a member who is also a resident opens as 党员 the first time.
import assert from 'node:assert/strict'

const ORDER_NEW = '/resident/order-new/index'
const TITLE = '厨房水龙头一直滴水'

/** Sign in on the demo page by tapping the person's name (as README's walk does). */
async function signInAs(actor, name) {
  await actor.onRoute('/pages/login/index')
  await actor.tap('.login-user', { hasText: name })
  await actor.onRoute('/pages/index/index')
  await actor.waitText(`您好，${name}`)
  await actor.toastGone()
}

async function switchTo(actor, name) {
  await actor.open('/pages/me/index')
  await actor.tap('.btn-switch-user')
  await signInAs(actor, name)
}

const isElder = (actor) =>
  actor.page.evaluate(() =>
    [...document.querySelectorAll('.screen')].some((s) => s.getClientRects().length > 0 && s.classList.contains('elder')),
  )

export default {
  name: 'drafts',
  title: '点单 draft across a reload and back, 放弃 asks; 发布活动 draft; 长辈模式 stays with its person',
  async run(j) {
    // ---- 点单: step 2 typed, reloaded, back and forth
    const phone = await j.actor('phone')
    await phone.open('/pages/index/index')
    await signInAs(phone, '王秀兰')
    await phone.tap('.btn-kind-service')
    await phone.onRoute(ORDER_NEW)
    await phone.tap('.category-tile--convenience')
    await phone.page.waitForFunction(() => location.hash.includes('step=2'))
    await phone.fill('.input-title input', TITLE)
    await phone.tap('.urgency-chips .chip', { hasText: '紧急' })
    await phone.page.reload({ waitUntil: 'domcontentloaded' })
    await phone.vis('.input-title input').first().waitFor()
    await phone.settle()
    assert.equal(await phone.vis('.input-title input').first().inputValue(), TITLE, 'the title survives a reload')
    await phone.expectText(/第 2 步，共 3 步/)
    await j.shot(phone, 'order-step2-after-reload')
    // each step is a history entry: the browser's back goes to step 1, forward to step 2 again
    await phone.page.goBack()
    await phone.page.waitForFunction(() => !location.hash.includes('step=2'))
    await phone.vis('.category-tile').first().waitFor()
    await phone.expectText(/第 1 步，共 3 步[\s\S]*便民利民[\s\S]*已选/)
    await phone.page.goForward()
    await phone.page.waitForFunction(() => location.hash.includes('step=2'))
    await phone.vis('.input-title input').first().waitFor()
    assert.equal(await phone.vis('.input-title input').first().inputValue(), TITLE, 'the title is there after back and forward')
    await phone.tap('.btn-next')
    await phone.vis('.step-confirm').first().waitFor()
    await phone.expectText(new RegExp(`${TITLE}[\\s\\S]*紧急`))
    // 放弃 asks, then clears: 点单 starts empty
    await phone.tap('.btn-discard')
    await phone.vis('.taro-modal__foot').first().waitFor()
    await j.shot(phone, 'discard-asks', { settle: false })
    await phone.confirm('放弃')
    await phone.onRoute('/pages/index/index')
    await phone.open(`${ORDER_NEW}?kind=service&step=2`)
    await phone.page.waitForFunction(() => !location.hash.includes('step=2')) // nothing chosen: back to step 1
    await phone.vis('.category-tile').first().waitFor()
    assert.doesNotMatch(await phone.text(), /已选/, 'the discarded draft is gone')

    // ---- 长辈模式 is 王秀兰's: 林晓 after her starts plain; she gets it back
    await phone.open('/pages/me/index')
    await phone.tap('.elder-row')
    await phone.waitText('已开启：字更大，按钮更大')
    await switchTo(phone, '林晓')
    assert.equal(await isElder(phone), false, '林晓, after 王秀兰, does not get her 长辈模式')
    await j.shot(phone, 'next-person-plain')
    await switchTo(phone, '王秀兰')
    assert.equal(await isElder(phone), true, '王秀兰 gets her 长辈模式 back at sign-in')

    // ---- a member who is also a resident opens as 党员 the first time, then as he left it
    await switchTo(phone, '周志强')
    await phone.vis('.link-points').first().waitFor()
    await phone.tap('.role-switch-item', { hasText: '居民' })
    await phone.vis('.btn-kind-service').first().waitFor()
    await switchTo(phone, '林晓')
    await switchTo(phone, '周志强')
    await phone.vis('.btn-kind-service').first().waitFor() // the 居民 view he used last

    // ---- 发布活动: the staff's draft survives a reload
    const staff = await j.actor('staff', { userId: 'u_huangj', role: 'staff' })
    await staff.open('/activity/publish/index')
    await staff.fill('.input-activity-title input', '周六整理社区图书角')
    await staff.page.reload({ waitUntil: 'domcontentloaded' })
    await staff.vis('.input-activity-title input').first().waitFor()
    await staff.settle()
    assert.equal(await staff.vis('.input-activity-title input').first().inputValue(), '周六整理社区图书角', '发布活动 keeps its draft')
    await staff.vis('.btn-discard').first().waitFor()
    await j.shot(staff, 'publish-draft-after-reload')
  },
}
