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

    // an activity card, opened signed out on another phone: places left, no names, 登录 under it
    const friend = await j.actor('friend')
    await friend.open('/activity/detail/index?id=a_demo_clean')
    await friend.expectText(/周末环境清洁日[\s\S]*名额[\s\S]*登录后就能报名/, 10_000)
    await j.shot(friend, 'activity-card-signed-out', { full: true })
    await j.axe(friend, 'shared-activity')
    await friend.tap('.btn-guest-sign-in')
    await friend.onRoute('/pages/login/index')
    await friend.tap('.login-user', { hasText: '郑伟' })
    await friend.onRoute('/activity/detail/index', 15_000)
    await friend.expectText(/周末环境清洁日[\s\S]*(我要报名|名额已满，我要候补|你已报名|候补)/, 10_000)
    await j.shot(friend, 'activity-back-signed-in')
  },
}
