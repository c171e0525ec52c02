// (c2) A weekend activity from publish to points: 黄静 publishes one with 2 places; 郑伟 signs up on
// screen, 孙丽娜 through the API, so 马俊 (on screen) and 何磊 (API) are waitlisted 1st and 2nd. The test
// clock moves to 10 minutes before the start; 黄静 opens the rotating 签到码; 郑伟 pastes it (H5 has no
// scanner), 孙丽娜 checks in through the API. The clock moves past the end; 黄静 finishes it and 郑伟's
// ledger shows the activity's points.
import assert from 'node:assert/strict'

const TITLE = '楼道杂物清理'
const MIN = 60_000

export default {
  name: 'activities',
  title: 'activity publish → sign-up with waitlist → check-in with the rotating code → finish → points',
  async run(j) {
    j.requireScreens([
      '/activity/index',
      '/activity/detail/index',
      '/activity/publish/index',
      '/activity/roster/index',
      '/activity/checkin-code/index',
    ])

    // ---- staff: publish from the home page, mostly defaults (this Saturday 09:00–11:00)
    const staff = await j.actor('staff', { userId: 'u_huangj', role: 'staff' })
    await staff.open('/pages/index/index')
    await staff.waitText('您好，黄静')
    await j.shot(staff, 'staff-home', { full: true })
    await staff.tap('.btn-publish-new')
    await staff.onRoute('/activity/publish/index')
    await staff.page.waitForFunction(
      () => [...document.querySelectorAll('.input-activity-points input')].some((el) => el.value !== ''),
      null,
      { timeout: 10_000 },
    )
    await j.shot(staff, 'publish-defaults', { full: true })
    await staff.fill('.input-activity-title input', TITLE)
    await staff.fill('.input-place input', '红星社区 3 号楼楼下')
    await staff.fill('.input-quota input', '2')
    await staff.tap('.btn-publish')
    await staff.vis('.taro-modal__foot').first().waitFor()
    await j.shot(staff, 'publish-dialog', { settle: false })
    await staff.confirm('发布')
    await staff.onRoute('/activity/detail/index')
    const activityId = new URL(staff.page.url().replace('/#/', '/')).searchParams.get('id')
    assert.ok(activityId, 'the detail page has the activity id')
    await staff.waitText(TITLE)
    await staff.toastGone()
    await j.shot(staff, 'activity-detail-staff', { full: true })

    // ---- 郑伟 signs up on screen: home → 本周末活动 → the card → 我要报名
    const a = await j.actor('member-a', { userId: 'u_zhengw', role: 'member' })
    await a.open('/pages/index/index')
    await a.waitText('您好，郑伟')
    await a.expectText(new RegExp(TITLE))
    await j.shot(a, 'member-home-weekend', { full: true })
    await a.tap('.link-activities')
    await a.onRoute('/activity/index')
    await j.shot(a, 'activities-list', { full: true })
    await a.tap('.activity-card', { hasText: TITLE })
    await a.onRoute('/activity/detail/index')
    await a.vis('.btn-signup').first().waitFor()
    await j.shot(a, 'activity-detail-open')
    await a.tap('.btn-signup')
    await a.confirm('报名')
    await a.toast('报名成功')
    await a.vis('.my-signup').first().waitFor()
    await a.toastGone()
    await j.shot(a, 'signed-up')

    // ---- 孙丽娜 through the API fills the last place
    const b = await j.api.login('u_sunln')
    const signedB = await j.api.call(b.token, 'activities', 'signup', { activityId }, { mutate: true })
    assert.equal(signedB.status, 'signed')

    // ---- 马俊 on screen: full, so 候补第 1 位
    const c = await j.actor('member-c', { userId: 'u_maj', role: 'member' })
    await c.open(`/activity/detail/index?id=${activityId}`)
    await c.vis('.btn-signup', { hasText: '候补' }).first().waitFor()
    await c.expectText(/名额已满，我要候补/)
    await j.shot(c, 'full-waitlist-offer')
    await c.tap('.btn-signup')
    await c.confirm('候补')
    await c.toast('已候补，第 1 位')
    await c.expectText(/候补第 1 位/)
    await c.toastGone()
    await j.shot(c, 'waitlisted')

    // ---- 何磊 through the API: 候补第 2 位
    const d = await j.api.login('u_hel')
    const waitD = await j.api.call(d.token, 'activities', 'signup', { activityId }, { mutate: true })
    assert.deepEqual(waitD, { status: 'waitlisted', position: 2 })

    // ---- staff: the roster in 接龙 order
    await staff.open(`/activity/roster/index?id=${activityId}`)
    await staff.expectText(/郑伟[\s\S]*孙丽娜[\s\S]*候补[\s\S]*马俊[\s\S]*何磊/)
    await j.shot(staff, 'roster-before', { full: true })

    // ---- the day: the test clock to 10 minutes before the start
    const detail = await j.api.call((await j.api.login('u_huangj')).token, 'activities', 'get', { activityId })
    const clock = await j.api.clock(0)
    const toStart = Date.parse(detail.startAt) - 10 * MIN - Date.parse(clock.now)
    assert.ok(toStart > 0, 'the activity starts in the future')
    await j.api.clock(toStart)

    // ---- staff opens the rotating 签到码 from the detail page
    await staff.open(`/activity/detail/index?id=${activityId}`)
    await staff.tap('.link-checkin-code')
    await staff.onRoute('/activity/checkin-code/index')
    await staff.vis('.checkin-token').first().waitFor()
    await staff.vis('.checkin-qr').first().waitFor()
    await staff.expectText(/秒后换新码/)
    await j.shot(staff, 'checkin-code')
    const token = (await staff.vis('.checkin-token').first().textContent()).trim()
    assert.match(token, /^[0-9a-z]{1,12}\.[A-Za-z0-9_-]{22}$/, 'the page shows the check-in token')

    // ---- 郑伟 pastes it
    await a.open(`/activity/detail/index?id=${activityId}`)
    await a.vis('.input-checkin-token input').first().waitFor()
    await a.fill('.input-checkin-token input', token)
    await j.shot(a, 'checkin-paste')
    await a.tap('.btn-checkin')
    await a.toast('签到成功')
    await a.expectText(/签到/)
    await a.toastGone()
    await j.shot(a, 'checked-in')

    // ---- 孙丽娜 checks in through the API with the code as the screen shows it now
    const token2 = (await staff.vis('.checkin-token').first().textContent()).trim()
    await j.api.call(b.token, 'activities', 'checkin', { activityId, token: token2 }, { mutate: true })

    // ---- after the end: staff finishes, points go out
    const end = await j.api.clock(0)
    await j.api.clock(Date.parse(detail.endAt) + 5 * MIN - Date.parse(end.now))
    await staff.open(`/activity/roster/index?id=${activityId}`)
    await staff.vis('.btn-finish').first().waitFor()
    await staff.page.waitForFunction(
      () => [...document.querySelectorAll('.roster-checked-count')].some((el) => el.textContent?.trim() === '2'),
      null,
      { timeout: 10_000 },
    )
    await j.shot(staff, 'roster-to-finish', { full: true })
    await staff.tap('.btn-finish')
    await staff.vis('.taro-modal__foot').first().waitFor()
    await j.shot(staff, 'finish-dialog', { settle: false })
    await staff.confirm('结束活动')
    await staff.toast('活动已结束')
    await staff.vis('.roster-finished').first().waitFor()
    await staff.toastGone()
    await j.shot(staff, 'roster-finished', { full: true })

    // ---- 郑伟: the points are in the ledger; 马俊 (still waiting) got none
    await a.open('/member/points/index')
    await a.expectText(new RegExp(`${TITLE}[\\s\\S]*\\+${detail.points}`))
    await j.shot(a, 'points-ledger')
    await c.open(`/activity/detail/index?id=${activityId}`)
    await j.shot(c, 'waitlisted-after-finish')
    const cBalance = await j.api.call((await j.api.login('u_maj')).token, 'points', 'balance')
    assert.equal(cBalance.balance, 0, 'a waitlisted member gets no points')
  },
}
