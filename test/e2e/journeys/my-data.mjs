// 我的 → 个人信息与隐私 in the browser: 陈淑珍 sees what the service holds about her, downloads all of it as
// a JSON file, reads what 注销 erases and what is kept anonymised and why, deletes her account, and her
// demo sign-in no longer works.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'

export default {
  name: 'my-data',
  title: '我的 → 个人信息与隐私: what is held, the export as a file, 注销账号',
  async run(j) {
    j.requireScreens(['/pages/me/index', '/account/privacy/index'])

    const me = await j.actor('resident', { userId: 'u_chensz', role: 'resident' })
    await me.open('/pages/me/index')
    await me.tap('.link-privacy')
    await me.onRoute('/account/privacy/index')
    await me.expectText(/我们保存的你的信息[\s\S]*陈淑珍/, 10_000)
    await j.shot(me, 'my-data', { full: true })

    // the export is a file of everything, named with the day
    const [download] = await Promise.all([me.page.waitForEvent('download'), me.tap('.btn-export')])
    assert.match(download.suggestedFilename(), /^我的数据-\d{4}-\d{2}-\d{2}\.json$/)
    const data = JSON.parse(await readFile(await download.path(), 'utf8'))
    assert.equal(data.profile.name, '陈淑珍')
    assert.ok(Array.isArray(data.orders) && Array.isArray(data.inbox), 'the file holds the orders and the messages')

    // 注销: what goes and what stays is said before anything happens
    await me.tap('.btn-delete-start')
    await me.expectText(/会删除[\s\S]*会匿名保留[\s\S]*积分明细和余额/)
    await j.shot(me, 'delete-account', { full: true })
    await me.tap('.btn-delete-confirm')
    await me.confirm('注销')
    await me.onRoute('/pages/login/index', 15_000)

    // her session and her demo sign-in are gone
    await assert.rejects(() => j.api.login('u_chensz'))
  },
}
