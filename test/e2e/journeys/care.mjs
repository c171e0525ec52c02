// (l) 结对帮扶 (issue 18, part 2's "Done when"): 林晓 (community staff) pairs 郑伟 (党员) with 刘德明's
// household for a weekly visit; 郑伟 finds 每周探望 in his tasks, closes it with a photo and a short report,
// and sees the care points in his ledger; 刘德明's file shows the care done, read-only to 郑伟. A week later
// on the test clock the visit is due again.
import assert from 'node:assert/strict'
import { photo } from '../lib/png.mjs'

const DAY = 24 * 3600_000
const REPORT = '陪刘师傅下了两盘棋，帮孙阿姨把阳台的花搬下来了'

export default {
  name: 'care',
  title:
    'staff pair a member with a household; the member closes the weekly care task with a photo and earns points; a week later it is due again',
  // the clock moves a week: its own gateway, so no other journey's clock or pairs are in the way
  freshGateway: true,
  async run(j) {
    j.requireScreens(['/households/detail/index', '/households/pair/index', '/member/tasks/index', '/member/care/index'])

    // ---- 林晓: 一户一档 shows the coverage; 刘德明's household has no pair yet
    const staff = await j.actor('staff', { userId: 'u_linx' })
    await staff.open('/households/index')
    await staff.waitText('还没结对的')
    await staff.tap('.household-filter .chip', { hasText: '未结对' })
    await staff.waitText('刘德明')
    await j.shot(staff, 'unpaired')
    await staff.tap('.household-card', { hasText: '刘德明' })
    await staff.onRoute('/households/detail/index')
    await staff.waitText('还没有结对')
    await staff.tap('.household-pair .empty-state__action')
    await staff.onRoute('/households/pair/index')
    await staff.tap('.care-kind-chips .chip', { hasText: '探望' })
    await staff.tap('.care-cadence-chips .chip', { hasText: '每周' })
    await staff.tap('.pair-member', { hasText: '郑伟' })
    await j.shot(staff, 'pair-form', { full: true })
    await staff.tap('.btn-pair-submit')
    await staff.confirm('安排')
    await staff.toast('已安排结对')
    await staff.onRoute('/households/detail/index')
    await staff.waitText('每周探望')
    await staff.waitText('郑伟')
    await j.shot(staff, 'paired', { full: true })

    // ---- 郑伟: 我的任务 has 结对帮扶 — 每周探望 at 刘德明's, due now
    const member = await j.actor('member', { userId: 'u_zhengw', role: 'member' })
    const before = (await j.api.call(member.token, 'points', 'balance', {})).balance
    await member.open('/member/tasks/index')
    await member.waitText('结对帮扶')
    await member.waitText('每周探望')
    await member.waitText('刘德明')
    await j.shot(member, 'tasks')
    await member.tap('.care-card', { hasText: '刘德明' })
    await member.onRoute('/member/care/index')
    await member.fill('.input-care-report textarea', REPORT)
    await member.addPhotos('.btn-add-photo', [photo('visit.png', [200, 120, 60])])
    await member.vis('.photo-picker__cell--done').first().waitFor()
    await j.shot(member, 'care-form', { full: true })
    await member.tap('.btn-care-submit')
    await member.confirm('提交')
    await member.toast('积分 +10')
    await member.waitText('这次已经完成了')
    await member.toastGone()
    await j.shot(member, 'care-done')

    // the points, in his ledger with where they came from
    await member.open('/member/points/index')
    await member.waitText('结对帮扶「每周探望」刘德明家')
    await j.shot(member, 'points')
    const after = (await j.api.call(member.token, 'points', 'balance', {})).balance
    assert.equal(after - before, 10, 'the care task pays the care points (10 by default) once')

    // 刘德明's file, as 郑伟 reads it: the care done, no 走访 nor 解除结对 for him
    await member.open('/households/detail/index?id=hh_hx_liudm')
    await member.waitText(REPORT)
    assert.equal(await member.vis('.btn-unpair').count(), 0, 'a paired member does not change the pair')
    assert.equal(await member.vis('.btn-visit').count(), 0, 'a paired member does not log visits')
    await j.shot(member, 'household-as-member', { full: true })

    // ---- a week later, the visit is due again
    const [task] = await j.api.call(member.token, 'households', 'careTasks', {}).then((d) => d.items)
    assert.equal(task.due, false, 'just done: not due')
    const { now } = await j.api.clock(0)
    await j.api.clock(Date.parse(task.dueAt) - Date.parse(now) + DAY / 24)
    await member.open('/member/tasks/index')
    await member.waitText('该去了')
    await j.shot(member, 'due-again')
  },
}
