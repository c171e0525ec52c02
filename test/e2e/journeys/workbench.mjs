// (d) The staff workbench: 林晓 approves 赵小红's 双报到 (seeded as pending) on screen, after which she
// can act as a member; the dashboard over this week; the 工作台账 exported on screen and downloaded
// as a real XLSX workbook; the year's 三评 packet exported too.
import assert from 'node:assert/strict'

/** An XLSX is a zip: it starts with "PK". */
async function fetchWorkbook(url) {
  const res = await fetch(url)
  assert.equal(res.status, 200, `the workbook downloads (${url})`)
  const bytes = Buffer.from(await res.arrayBuffer())
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the download is an XLSX (zip) file')
  assert.ok(bytes.length > 2000, `the workbook has content (${bytes.length} bytes)`)
  return bytes.length
}

export default {
  name: 'workbench',
  title: 'staff workbench: approve a 双报到, the dashboard, export the 工作台账 and the 三评 packet',
  async run(j) {
    j.requireScreens([
      '/workbench/index',
      '/account/pending/index',
      '/workbench/pending/index',
      '/workbench/dashboard/index',
      '/workbench/ledger/index',
    ])

    // ---- staff: 工作台 → 成员审核 → 通过 赵小红
    const staff = await j.actor('staff', { userId: 'u_linx', role: 'staff' })
    await staff.open('/workbench/index')
    await staff.vis('.link-pending').first().waitFor()
    await j.shot(staff, 'workbench-home', { full: true })
    await staff.tap('.link-pending')
    await staff.onRoute('/account/pending/index')
    await staff.waitText('赵小红')
    await j.shot(staff, 'pending', { full: true })
    await staff.tap('.btn-approve')
    await staff.confirm('通过')
    await staff.toast('已通过')
    await staff.toastGone()
    await j.shot(staff, 'pending-after')
    const zhao = await j.api.login('u_zhaoxh')
    const me = await j.api.call(zhao.token, 'accounts', 'me', {})
    assert.ok(me.roles.includes('member'), `赵小红 is a member after approval (roles: ${me.roles.join(', ')})`)

    // ---- the dashboard moves as orders flow: one more order this week (other journeys may have made some)
    const ordersThisWeek = async () => {
      await staff.open('/workbench/dashboard/index')
      await staff.waitText('工单总数')
      const m = /(\d+)\s*工单总数/.exec(await staff.text())
      assert.ok(m, 'the dashboard shows the number of orders')
      return Number(m[1])
    }
    const before = await ordersThisWeek()
    const resident = await j.api.login('u_lijg')
    const order = await j.api.call(
      resident.token,
      'orders',
      'create',
      { kind: 'service', category: 'convenience', title: '帮忙换个灯泡' },
      { mutate: true },
    )
    const staffApi = await j.api.login('u_linx')
    await j.api.call(staffApi.token, 'orders', 'review', { orderId: order.id, decision: 'dispatch' }, { mutate: true })
    await staff.open('/workbench/dashboard/index')
    await staff.expectText(new RegExp(`(^|\\D)${before + 1}\\s*工单总数`), 10_000) // the new order counted
    await j.shot(staff, 'dashboard', { full: true })

    // ---- 工作台账: export on screen, then download the file the link points at
    await staff.open('/workbench/ledger/index')
    await staff.vis('.btn-export-ledger').first().waitFor()
    await j.shot(staff, 'ledger', { full: true })
    // a year's export takes a few seconds on a street's data: held back here, so the page is seen saying
    // what it is making (who, the period, how much) while it runs, and letting go of it once the file is there
    const slow = async (route) => {
      if (route.request().postDataJSON()?.action === 'exportLedger') await new Promise((done) => setTimeout(done, 2500))
      await route.continue()
    }
    await staff.page.route('**/api/workbench', slow)
    await staff.tap('.btn-export-ledger')
    await staff.vis('.ledger__making', { hasText: '正在生成：全体党员' }).first().waitFor()
    const link = staff.vis('.link-download').first()
    await link.waitFor({ timeout: 30_000 })
    await staff.page.unroute('**/api/workbench', slow)
    assert.equal(await staff.page.locator('.ledger__making').count(), 0, 'the export is no longer shown as in progress')
    await staff.toastGone().catch(() => undefined)
    await j.shot(staff, 'ledger-exported')
    const href = await link.getAttribute('href')
    assert.ok(href, 'the download link has an address')
    await fetchWorkbook(new URL(href, staff.page.url()).toString())

    // ---- the year's 三评 packet as a workbook (the page opens it in a new window; fetched here)
    const packet = await j.api.call(staffApi.token, 'workbench', 'exportEvaluation', { year: new Date().getFullYear() })
    await fetchWorkbook(new URL(packet.url, j.api.baseUrl).toString())
    await staff.open('/workbench/evaluation/index')
    await staff.vis('.btn-export-evaluation').first().waitFor()
    await j.shot(staff, 'evaluation', { full: true })

    // ---- 成员审核 moved to account/: a link to its old route (shared before the move) still opens it
    await staff.open('/workbench/pending/index?kind=member')
    await staff.onRoute('/account/pending/index?kind=member')
    await staff.waitText('成员审核')
  },
}
