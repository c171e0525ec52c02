// A demo with a past (issue 18, part 4), on screen: the gateway started as `npm start` starts it on a
// fresh data folder — the demo and its year of history made through the use cases — and every screen
// the issue names shows it on first open: the dashboard over this year, the 工作台账, last year's 三评
// graded, 晒服务 with photos, the hall with needs waiting, the mall's goods with pictures.
// Runs only with `--history` (the other journeys keep the small demo).
import assert from 'node:assert/strict'

const number = (re, text, what) => {
  const m = re.exec(text)
  assert.ok(m, `${what} is on the screen`)
  return Number(m[1])
}

export default {
  name: 'history',
  title: 'a fresh start shows a year of history: dashboard, 台账, 三评, 晒服务, hall, mall pictures',
  history: true,
  async run(j) {
    j.requireScreens([
      '/workbench/dashboard/index',
      '/workbench/ledger/index',
      '/workbench/evaluation/index',
      '/workbench/showcase/index',
      '/member/hall/index',
      '/mall/index',
    ])
    const staff = await j.actor('staff', { userId: 'u_linx', role: 'staff' })

    // the dashboard over this year: orders by the hundred, members active, points issued and spent
    await staff.open('/workbench/dashboard/index')
    await staff.tap('.period-chip--year')
    await staff.waitText('工单总数')
    await staff.settle()
    const text = await staff.text()
    const total = number(/(\d+)\s*工单总数/, text, 'the number of orders')
    assert.ok(total >= 100, `this year holds ${total} orders`)
    const [issued, redeemed] = (/(\d+)\s*\/\s*(\d+)\s*积分发放/.exec(text) ?? []).slice(1).map(Number)
    assert.ok(issued > 0 && redeemed > 0, `points issued ${issued} and redeemed ${redeemed}`)
    await j.shot(staff, 'dashboard-year', { full: true })

    // 工作台账: each member's services and activities over the year
    await staff.open('/workbench/ledger/index')
    await staff.tap('.period-chip--year')
    await staff.expectText(/周志强[\s\S]*\d+/, 15_000)
    await j.shot(staff, 'ledger-year', { full: true })

    // last year's 三评, finished: graded members
    const lastYear = new Date().getFullYear() - 1
    await staff.open('/workbench/evaluation/index')
    await staff.tap(`.year-${lastYear}`)
    await staff.expectText(/优秀|良好|合格/, 15_000)
    await j.shot(staff, 'evaluation-last-year', { full: true })

    // 晒服务: services residents agreed to show, with their photos, for anyone
    const guest = await j.actor('guest')
    await guest.open('/workbench/showcase/index?gridId=g_hx1')
    await guest.waitText('晒服务')
    await guest.settle()
    const shown = await guest.page
      .locator('.taro_page img')
      .evaluateAll((imgs) => imgs.filter((i) => i.complete && i.naturalWidth > 0).length)
    assert.ok(shown > 0, 'the showcase shows photos')
    await j.shot(guest, 'showcase', { full: true })

    // the hall: needs dispatched in the last hours, waiting for a member
    const member = await j.actor('member', { userId: 'u_zhouzq', role: 'member' })
    await member.open('/member/hall/index')
    await member.vis('.order-card').first().waitFor({ timeout: 15_000 })
    await j.shot(member, 'hall')

    // the mall: every good has its picture (those below the fold load as they scroll into view)
    await member.open('/mall/index')
    await member.vis('.goods-card').first().waitFor()
    await member.settle()
    const cards = await member.vis('.goods-card').count()
    await member.page.evaluate(async () => {
      const pages = [...document.querySelectorAll('.taro_page')].filter((p) => p.offsetParent !== null || p.style.display !== 'none')
      for (const el of [...pages, document.scrollingElement]) {
        for (let y = 0; y <= el.scrollHeight; y += 300) {
          el.scrollTop = y
          await new Promise((r) => setTimeout(r, 50))
        }
      }
    })
    const loaded = () =>
      member.page
        .locator('.goods-card img')
        .evaluateAll((imgs) => imgs.filter((i) => i.offsetParent !== null && i.complete && i.naturalWidth > 0).length)
    await member.page
      .waitForFunction(
        (n) =>
          [...document.querySelectorAll('.goods-card img')].filter((i) => i.offsetParent !== null && i.complete && i.naturalWidth > 0)
            .length >= n,
        cards,
        { timeout: 10_000 },
      )
      .catch(() => undefined)
    const pictured = await loaded()
    assert.ok(cards >= 8 && pictured === cards, `${pictured} of ${cards} goods show a picture`)
    await j.shot(member, 'mall', { full: true })
  },
}
