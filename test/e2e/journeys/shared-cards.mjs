// A card shared in a chat, opened in the browser by someone not signed in: a 微心愿 and a weekend
// activity each show what anyone may see (never who made the wish, never who signed up) with 登录 under
// them; signing in brings the person back to the card, where they can act on it.
import assert from 'node:assert/strict'

export default {
  name: 'shared-cards',
  title: 'A shared 微心愿 and activity opened signed out: the card, 登录, and back to it',
  async run(j) {
    j.requireScreens(['/member/task-detail/index', '/activity/detail/index', '/pages/login/index'])

    // 刘德明 makes a wish and 林晓 puts it out in the hall
    const resident = await j.api.login('u_liudm')
    const wish = await j.api.call(
      resident.token,
      'orders',
      'create',
      { kind: 'wish', category: 'elderly_child', title: '想学用手机视频通话', description: '孩子在外地，想学会视频，看看孙子' },
      { mutate: true },
    )
    const staff = await j.api.login('u_linx')
    await j.api.call(staff.token, 'orders', 'review', { orderId: wish.id, decision: 'dispatch' }, { mutate: true })

    // a member's friend forwards the card to 周志强, signed out on this phone
    const guest = await j.actor('guest')
    await guest.open(`/member/task-detail/index?id=${wish.id}`)
    await guest.expectText(/待认领[\s\S]*想学用手机视频通话[\s\S]*登录后就能认领/, 10_000)
    assert.doesNotMatch(await guest.text(), /刘德明/, 'the card never says who made the wish')
    await j.shot(guest, 'wish-card-signed-out', { full: true })
    await j.axe(guest, 'shared-wish')

    await guest.tap('.btn-guest-sign-in')
    await guest.onRoute('/pages/login/index')
    await guest.tap('.login-user', { hasText: '周志强' })
    // back at the card, as himself: he can take it
    await guest.onRoute('/member/task-detail/index', 15_000)
    await guest.expectText(/想学用手机视频通话[\s\S]*认领心愿/, 10_000)
    await j.shot(guest, 'wish-back-signed-in')
    await guest.tap('.btn-claim')
    await guest.confirm('认领')
    await guest.toast('认领成功')

    // an activity 林晓 publishes for three days on (earlier journeys may have moved the clock past the demo's)
    const now = Date.parse((await j.api.clock(0)).now)
    const at = (hours) => new Date(now + hours * 3600_000).toISOString()
    const activity = await j.api.call(
      staff.token,
      'activities',
      'publish',
      {
        title: '楼道清理志愿行动',
        description: '清理楼道杂物，请带手套',
        category: 'environment',
        startAt: at(72),
        endAt: at(74),
        signupDeadline: at(48),
        place: { name: '3号楼前小广场' },
        quota: 10,
        points: 10,
      },
      { mutate: true },
    )
    // its card, opened signed out on another phone: places left, no names, 登录 under it
    const friend = await j.actor('friend')
    await friend.open(`/activity/detail/index?id=${activity.id}`)
    await friend.expectText(/楼道清理志愿行动[\s\S]*名额[\s\S]*登录后就能报名/, 10_000)
    await j.shot(friend, 'activity-card-signed-out', { full: true })
    await j.axe(friend, 'shared-activity')
    await friend.tap('.btn-guest-sign-in')
    await friend.onRoute('/pages/login/index')
    await friend.tap('.login-user', { hasText: '郑伟' })
    await friend.onRoute('/activity/detail/index', 15_000)
    await friend.expectText(/楼道清理志愿行动[\s\S]*我要报名/, 10_000)
    await j.shot(friend, 'activity-back-signed-in')
  },
}
