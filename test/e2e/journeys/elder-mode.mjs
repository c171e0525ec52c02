// 长辈模式: 张桂英 turns it on in 我的; the resident home and the order form are shot in it and measured
// against SCREENS.md (body ≥ 20 px, titles ≥ 24 px, targets ≥ 48 px, the three resident buttons fill
// the first screen). Text must grow compared with normal mode (a failure); the SCREENS.md numbers are
// reported as findings. The switch is remembered across a reload.
import assert from 'node:assert/strict'

/** Computed font size (px) of the first visible element matching `sel`. */
async function fontSize(actor, sel) {
  return actor.page.evaluate((s) => {
    const el = [...document.querySelectorAll(s)].find((e) => e.getClientRects().length > 0)
    return el ? Number.parseFloat(getComputedStyle(el).fontSize) : 0
  }, sel)
}

/** Check SCREENS.md's 长辈模式 numbers on the visible screen; each miss is a finding. */
async function measure(j, actor, screen) {
  const m = await actor.page.evaluate(() => {
    const seen = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    const root = [...document.querySelectorAll('.screen')].find(seen)
    const small = []
    for (const el of root ? root.querySelectorAll('*') : []) {
      if (!seen(el)) continue
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      const fs = Number.parseFloat(getComputedStyle(el).fontSize)
      if (own && fs < 20) small.push(`${fs}px "${el.textContent.trim().slice(0, 16)}"`)
    }
    return { elder: !!root?.classList.contains('elder'), body: root ? Number.parseFloat(getComputedStyle(root).fontSize) : 0, small }
  })
  assert.ok(m.elder, `${screen}: the screen is in 长辈模式`)
  if (m.body < 20) j.finding(`elder-mode/${screen}`, `body text is ${m.body}px (长辈模式 asks ≥ 20px)`)
  if (m.small.length) j.finding(`elder-mode/${screen}`, `text under 20px in 长辈模式: ${[...new Set(m.small)].slice(0, 6).join('; ')}`)
  return m
}

export default {
  name: 'elder-mode',
  title: '长辈模式 (large text) over the resident home and the order form',
  async run(j) {
    const r = await j.actor('resident', { userId: 'u_zhanggy' })
    await r.open('/pages/index/index')
    await r.waitText('您好，张桂英')
    const normalHint = await fontSize(r, '.kind-button__hint')
    const normalTitle = await fontSize(r, '.kind-button__title')

    // ---- 我的 → 长辈模式
    await r.open('/pages/me/index')
    await r.vis('.elder-row').first().waitFor()
    await j.shot(r, 'me-normal')
    await r.tap('.elder-row')
    await r.waitText('已开启：字更大，按钮更大')
    await j.shot(r, 'me-elder')

    // ---- the resident home, larger, and remembered after a reload
    await r.open('/pages/index/index')
    await r.page.reload({ waitUntil: 'domcontentloaded' })
    await r.vis('.kind-button').first().waitFor()
    await r.settle()
    await j.shot(r, 'home-elder', { full: true })
    await measure(j, r, 'home')
    const elderHint = await fontSize(r, '.kind-button__hint')
    const elderTitle = await fontSize(r, '.kind-button__title')
    assert.ok(elderHint > normalHint, `长辈模式 body text grows (${normalHint}px → ${elderHint}px)`)
    assert.ok(elderTitle > normalTitle, `长辈模式 titles grow (${normalTitle}px → ${elderTitle}px)`)
    if (elderTitle < 24) j.finding('elder-mode/home', `button titles are ${elderTitle}px (长辈模式 asks ≥ 24px)`)
    const fold = await r.page.evaluate(() => {
      const buttons = [...document.querySelectorAll('.kind-button')].filter((el) => el.getClientRects().length > 0)
      const tabBar = document.querySelector('.taro-tabbar__tabbar')
      const limit = tabBar?.getClientRects().length ? tabBar.getBoundingClientRect().top : innerHeight
      return { count: buttons.length, bottom: Math.max(...buttons.map((b) => b.getBoundingClientRect().bottom)), limit }
    })
    assert.equal(fold.count, 3)
    if (fold.bottom > fold.limit + 1)
      j.finding(
        'elder-mode/home',
        `the three big buttons end at ${Math.round(fold.bottom)}px, below the first screen (${Math.round(fold.limit)}px)`,
      )

    // ---- the order form, step by step
    await r.tap('.btn-kind-service')
    await r.onRoute('/resident/order-new/index')
    await r.vis('.category-tile').first().waitFor()
    await j.shot(r, 'order-step1-elder', { full: true })
    await measure(j, r, 'order-step1')
    await r.tap('.category-tile--convenience')
    await r.vis('.input-title input').first().waitFor()
    await r.fill('.input-title input', '厨房水龙头漏水')
    await j.shot(r, 'order-step2-elder', { full: true })
    await measure(j, r, 'order-step2')
    await r.tap('.btn-next')
    await r.vis('.step-confirm').first().waitFor()
    await j.shot(r, 'order-step3-elder')
    await measure(j, r, 'order-step3')

    // ---- the dialog that asks before sending: its text grows too (Taro draws it outside the page)
    await r.tap('.btn-submit')
    await r.vis('.taro-modal__foot').first().waitFor()
    const dialog = await r.page.evaluate(() => {
      const text = [...document.querySelectorAll('.taro-modal__text')].find((el) => el.getClientRects().length > 0)
      return text ? { size: Number.parseFloat(getComputedStyle(text).fontSize), color: getComputedStyle(text).color } : null
    })
    await j.shot(r, 'submit-dialog-elder', { settle: false })
    assert.ok(dialog && dialog.size >= 20, `长辈模式: the dialog's text is at least 20 px (${dialog?.size} px)`)
    await r.confirm('再想想')
  },
}
