// What every journey uses: people (one browser context each, like separate phones), the API for set-up,
// strict monitoring of console errors and failed requests, screenshots and a screen audit.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** axe-core's browser bundle, injected into a page to check it against WCAG 2 A and AA. */
let axeSource = null
const axeScript = () => {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}
/** Violations of these impacts fail a journey; moderate and minor ones are reported as findings. */
const AXE_FAILS = new Set(['serious', 'critical'])

/** A phone: 375×812 CSS px at 2×, a mobile user agent (Taro H5 then shows the 拍摄/相册 sheet). */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

/** Every wait is bounded by one of these. */
export const T = { short: 5_000, step: 15_000, page: 20_000 }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export class SkipJourney extends Error {}

/** E2E_TRACE=1: log how long each step takes (where a slow journey spends its time). */
function traceMethods(obj, who, names) {
  for (const name of names) {
    const fn = obj[name].bind(obj)
    obj[name] = async (...args) => {
      const t0 = Date.now()
      try {
        return await fn(...args)
      } finally {
        console.log(`    ${who} ${name}(${args.filter((a) => typeof a === 'string').join(', ')}) ${Date.now() - t0} ms`)
      }
    }
  }
}

/** Node-side calls to the gateway (set-up, reading values the screens do not show). */
export class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl
    this.seq = 0
  }

  async login(userId) {
    const res = await fetch(`${this.baseUrl}/api/auth/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
      signal: AbortSignal.timeout(T.step),
    })
    const env = await res.json()
    if (!env.ok) throw new Error(`demo-login ${userId}: ${JSON.stringify(env.error)}`)
    return env.data // { token, user }
  }

  /** POST /api/<fn>; mutations get a fresh requestId. Throws on { ok: false } unless `raw`. */
  async call(token, fn, action, input = {}, { mutate = false, raw = false } = {}) {
    const body = { action, input, ...(mutate ? { requestId: `e2e-${Date.now()}-${++this.seq}` } : {}) }
    const res = await fetch(`${this.baseUrl}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(T.step),
    })
    const env = await res.json()
    if (raw) return { status: res.status, ...env }
    if (!env.ok) throw new Error(`${fn}.${action}: ${res.status} ${JSON.stringify(env.error)}`)
    return env.data
  }

  async clock(advanceMs) {
    const res = await fetch(`${this.baseUrl}/api/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs }),
      signal: AbortSignal.timeout(T.step),
    })
    const env = await res.json()
    if (!env.ok) throw new Error(`dev/clock: ${JSON.stringify(env.error)}`)
    return env.data
  }
}

/** One journey: its people, its screenshots, what went wrong (fails it) and what looked wrong (reported). */
export class Journey {
  constructor({ name, title, browser, baseUrl, gateway, outRoot, root, h5Dir }) {
    this.name = name
    this.root = root
    this.h5Dir = h5Dir
    this.title = title
    this.browser = browser
    this.baseUrl = baseUrl
    this.gateway = gateway
    this.api = new Api(baseUrl)
    this.dir = path.join(outRoot, name)
    mkdirSync(this.dir, { recursive: true })
    this.problems = []
    this.findings = []
    this.noted = new Set()
    this.shots = []
    /** axe-core results per screen: { screen, violations: [{ id, impact, nodes }] } */
    this.axeResults = []
    this.allowed = []
    this.actors = []
    this.shotNo = 0
    this.gatewayMark = gateway.mark()
  }

  /**
   * Skip (not fail) this journey when the screens it needs have not landed: each route must be in
   * src/app.config.ts and in the H5 build being tested.
   */
  requireScreens(routes) {
    const config = readFileSync(path.join(this.root, 'src', 'app.config.ts'), 'utf8')
    const appJs = readdirSync(path.join(this.h5Dir, 'js')).filter((f) => /^app\..*\.js$/.test(f))
    const built = appJs.map((f) => readFileSync(path.join(this.h5Dir, 'js', f), 'utf8')).join('\n')
    const notInSrc = []
    const notBuilt = []
    for (const route of routes) {
      const r = route.replace(/^\//, '')
      const [root, ...rest] = r.split('/')
      const page = rest.join('/')
      // a subpackage page is listed as { root: 'mall', pages: ['goods/index'] }
      if (!config.includes(`'${r}'`) && !(config.includes(`root: '${root}'`) && config.includes(`'${page}'`))) notInSrc.push(route)
      else if (!built.includes(`"${r}"`)) notBuilt.push(route)
    }
    if (notInSrc.length) throw new SkipJourney(`these screens do not exist yet (not in src/app.config.ts): ${notInSrc.join(', ')}`)
    if (notBuilt.length) throw new SkipJourney(`dist-h5/ predates these screens (${notBuilt.join(', ')}): run with REDGRID_REBUILD=1`)
  }

  /** A 4xx this journey causes on purpose: `status` and a RegExp on the URL (e.g. /\/api\/orders$/). */
  allow(status, url) {
    this.allowed.push({ status, url })
  }

  isAllowed(status, url) {
    return this.allowed.some((a) => a.status === status && a.url.test(url))
  }

  problem(text) {
    this.problems.push(text)
  }

  /** Something a person would notice; the same note on several screenshots is kept once. */
  finding(screen, text) {
    if (this.noted.has(text)) return
    this.noted.add(text)
    this.findings.push(`${screen}: ${text}`)
  }

  /**
   * A person on their own phone. `userId` signs in through the API and puts the session where the
   * app keeps it (localStorage `redgrid.auth`, and the person's own `redgrid.prefs.<userId>` with the
   * view and 长辈模式, as Taro stores them: `{"data": …}`); without `userId` the phone starts signed out.
   */
  async actor(label, { userId, role, elder } = {}) {
    const storage = []
    let user = null
    let token = null
    if (userId) {
      const s = await this.api.login(userId)
      user = s.user
      token = s.token
      storage.push({ name: 'redgrid.auth', value: JSON.stringify({ data: { token, user } }) })
    }
    if (userId && (role || elder)) {
      const prefs = { ...(role ? { role } : {}), elder: !!elder }
      storage.push({ name: `redgrid.prefs.${userId}`, value: JSON.stringify({ data: prefs }) })
    }
    // as the demo sign-in does: this session follows the gateway's test clock (POST /api/dev/clock)
    if (userId) storage.push({ name: 'redgrid.demoClock', value: JSON.stringify({ data: true }) })
    const context = await this.browser.newContext({
      ...PHONE,
      storageState: { cookies: [], origins: [{ origin: this.baseUrl, localStorage: storage }] },
    })
    context.setDefaultTimeout(T.step)
    context.setDefaultNavigationTimeout(T.page)
    const page = await context.newPage()
    const actor = new Actor(this, label, context, page, { user, token })
    this.actors.push(actor)
    return actor
  }

  /**
   * A phone-size screenshot `NN-name.png` of what `actor` sees now, after loading has settled.
   * `full`: a long page is shot as it is scrolled, one phone screen at a time (`NN-name.png`,
   * `NN-name-2.png`, … at most 4): Taro H5 scrolls inside `.taro_page`, not the document.
   */
  async shot(actor, name, { full = false, settle = true } = {}) {
    const t0 = Date.now()
    if (settle) await actor.settle()
    const base = `${String(++this.shotNo).padStart(2, '0')}-${name}`
    const take = async (file) => {
      await actor.page.screenshot({ path: path.join(this.dir, file), animations: 'disabled', timeout: T.step })
      this.shots.push(file)
      for (const f of await actor.audit()) this.finding(`${this.name}/${file}`, f)
    }
    await take(`${base}.png`)
    if (!full) return
    for (let part = 2; part <= 4; part++) {
      const moved = await actor.page.evaluate(() => {
        const el = [...document.querySelectorAll('.taro_page')].find(
          (p) => p.getClientRects().length > 0 && getComputedStyle(p).display !== 'none',
        )
        if (!el || el.scrollTop + el.clientHeight >= el.scrollHeight - 4) return false
        el.scrollTop += el.clientHeight - 120
        return true
      })
      if (!moved) break
      await actor.page.waitForTimeout(100)
      await take(`${base}-${part}.png`)
    }
    await actor.page.evaluate(() => {
      for (const p of document.querySelectorAll('.taro_page')) p.scrollTop = 0
    })
    if (process.env.E2E_TRACE) console.log(`    [${this.name}] shot ${base} ${Date.now() - t0} ms`)
  }

  /**
   * axe-core (WCAG 2 A and AA rules) over what `actor` sees now: a serious or critical violation fails the
   * journey, anything milder is a finding. Returns the violations.
   */
  async axe(actor, screen) {
    await actor.settle()
    const violations = await actor.page.evaluate(async (source) => {
      if (!window.axe) {
        const el = document.createElement('script')
        el.textContent = source
        document.head.appendChild(el)
      }
      const res = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] })
      return res.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(' '),
          html: n.html.slice(0, 160),
          why: n.failureSummary?.split('\n').slice(1, 2).join(' ').trim(),
        })),
      }))
    }, axeScript())
    this.axeResults.push({ screen, violations })
    for (const v of violations) {
      const where = v.nodes
        .slice(0, 3)
        .map((n) => `${n.target}${n.why ? ` (${n.why})` : ''}`)
        .join('; ')
      const text = `axe ${v.impact} ${v.id} — ${v.help}: ${v.nodes.length} element(s): ${where}`
      if (AXE_FAILS.has(v.impact)) this.problem(`[${this.name}/${screen}] ${text}`)
      else this.finding(`${this.name}/${screen}`, text)
    }
    return violations
  }

  async close() {
    if (this.axeResults.length) writeFileSync(path.join(this.dir, 'axe.json'), `${JSON.stringify(this.axeResults, null, 2)}\n`)
    for (const a of this.actors) await a.context.close().catch(() => {})
    for (const line of this.gateway.errorsSince(this.gatewayMark)) this.problem(`gateway stderr: ${line}`)
    writeFileSync(path.join(this.dir, 'findings.txt'), this.findings.length ? `${this.findings.join('\n')}\n` : 'none\n')
  }
}

export class Actor {
  constructor(journey, label, context, page, { user, token }) {
    this.j = journey
    this.label = label
    this.context = context
    this.page = page
    this.user = user
    this.token = token
    this.inflight = new Set()
    const who = `[${journey.name}/${label}]`
    if (process.env.E2E_TRACE)
      traceMethods(this, who, [
        'open',
        'tap',
        'fill',
        'confirm',
        'toast',
        'toastGone',
        'waitText',
        'onRoute',
        'expectText',
        'addPhotos',
        'settle',
      ])

    page.on('request', (r) => this.inflight.add(r))
    page.on('requestfinished', (r) => this.inflight.delete(r))
    page.on('requestfailed', (r) => {
      this.inflight.delete(r)
      journey.problem(`${who} request failed: ${r.method()} ${r.url()} — ${r.failure()?.errorText}`)
    })
    page.on('response', (r) => {
      const status = r.status()
      if (status >= 500) journey.problem(`${who} HTTP ${status}: ${r.request().method()} ${r.url()}`)
      else if (status >= 400 && !journey.isAllowed(status, r.url()))
        journey.problem(
          `${who} HTTP ${status} (not expected): ${r.request().method()} ${r.url()} ${r.request().postData()?.slice(0, 60) ?? ''} on ${decodeURIComponent(new URL(page.url()).hash)}`,
        )
    })
    page.on('pageerror', (e) => journey.problem(`${who} page error: ${e.stack || e.message}`))
    page.on('console', (m) => {
      if (m.type() !== 'error') return
      // Chromium also logs every 4xx/5xx as "Failed to load resource"; the response handler judges those
      const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(m.text())
      if (status) return
      journey.problem(`${who} console error: ${m.text()} (${m.location()?.url ?? ''})`)
    })
  }

  /** Open a page by route (hash router): '/pages/index/index', '/resident/order-detail/index?id=…'. */
  async open(route) {
    await this.page.goto(`${this.j.baseUrl}/#${route}`, { waitUntil: 'domcontentloaded' })
    await this.vis('.screen').first().waitFor({ timeout: T.page })
    await this.settle()
  }

  /** Taro H5 keeps earlier pages in the DOM, hidden: only what is visible counts. */
  vis(selector) {
    return this.page.locator(selector).filter({ visible: true })
  }

  async tap(selector, { hasText, timeout = T.step } = {}) {
    let loc = this.vis(selector)
    if (hasText !== undefined) loc = loc.filter({ hasText })
    await loc.first().click({ timeout })
  }

  async fill(selector, text) {
    await this.vis(selector).first().fill(text, { timeout: T.step })
  }

  /** The app's confirm dialog (Taro.showModal): press the button with this text. */
  async confirm(buttonText) {
    const btn = this.vis('.taro-modal__foot').locator('.taro-model__btn', { hasText: buttonText })
    await btn.first().click({ timeout: T.step })
    await this.vis('.taro-modal__foot')
      .first()
      .waitFor({ state: 'hidden', timeout: T.short })
      .catch(() => {})
  }

  /** Wait for a toast containing `text` (Taro.showToast). */
  async toast(text, timeout = T.step) {
    // the .taro__toast wrapper has no box of its own (its children are fixed): look at the title
    await this.page.locator('.taro__toast p').filter({ visible: true }).filter({ hasText: text }).first().waitFor({ timeout })
  }

  async toastGone(timeout = T.short) {
    await this.page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.taro__toast')].every((el) => getComputedStyle(el).display === 'none' || el.style.opacity === '0'),
        null,
        { timeout },
      )
      .catch(() => {})
  }

  async waitText(text, timeout = T.step) {
    await this.page.getByText(text).filter({ visible: true }).first().waitFor({ timeout })
  }

  /** Wait for this route to be the visible page (after a tap navigates). */
  async onRoute(route, timeout = T.page) {
    await this.page.waitForFunction((r) => decodeURIComponent(location.hash).startsWith(`#${r}`), route, { timeout })
    await this.settle()
  }

  /** Text of the visible page. */
  async text() {
    return this.page.evaluate(() => {
      const screens = [...document.querySelectorAll('.screen')].filter((el) => el.getClientRects().length > 0)
      // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, hidden parts left out — what a person reads
      return screens.map((s) => s.innerText).join('\n')
    })
  }

  /** Poll the visible page's text until it matches `re` (pages refresh when shown again). */
  async expectText(re, timeout = T.short) {
    const t0 = Date.now()
    let last = ''
    while (Date.now() - t0 < timeout) {
      last = await this.text()
      if (re.test(last)) return last
      await sleep(100)
    }
    throw new Error(`[${this.label}] the screen never showed ${re} within ${timeout} ms; it shows:\n${last}`)
  }

  /** Pick photos through the page's picker: tap, choose 从相册选择 on the sheet, hand over the files. */
  async addPhotos(selector, files) {
    const chooser = this.page.waitForEvent('filechooser', { timeout: T.step })
    await this.tap(selector)
    const sheet = this.vis('.taro-actionsheet__cell').filter({ hasText: '从相册选择' })
    await Promise.race([
      sheet
        .first()
        .waitFor({ timeout: T.short })
        .then(() => sheet.first().click()),
      chooser,
    ]).catch(() => {})
    await (await chooser).setFiles(files)
  }

  /** No network in flight for a moment, no skeleton, no loading toast. Bounded. */
  async settle(timeout = T.step) {
    const t0 = Date.now()
    let quietSince = 0
    while (Date.now() - t0 < timeout) {
      const busy =
        this.inflight.size > 0 ||
        (await this.page
          .evaluate(() => {
            const seen = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
            const skeleton = [...document.querySelectorAll('.skeleton')].some(seen)
            const loading = [...document.querySelectorAll('.taro__toast')].some(
              (el) => seen(el) && /加载|请稍候|正在/.test(el.textContent || ''),
            )
            return skeleton || loading
          })
          .catch(() => true))
      if (busy) quietSince = 0
      else if (!quietSince) quietSince = Date.now()
      else if (Date.now() - quietSince >= 400) return
      await sleep(50)
    }
    this.j.finding(this.label, `still loading after ${timeout} ms at ${this.page.url()}`)
  }

  /**
   * What a person would notice on the visible screen: raw codes, ids, ISO timestamps, "undefined",
   * text cut off at the right edge, horizontal scrolling, small tap targets, tiny text.
   */
  async audit() {
    return this.page.evaluate(() => {
      const out = []
      const vw = window.innerWidth
      const vh = window.innerHeight
      const seen = (el) => {
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) return false
        const cs = getComputedStyle(el)
        return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) > 0.05 && r.bottom > 0 && r.top < vh
      }
      const screen = [...document.querySelectorAll('.screen')].find((el) => el.getClientRects().length > 0)
      const roots = [screen, ...document.querySelectorAll('.taro__modal, .taro__toast, .taro__actionSheet')].filter((el) => el && seen(el))
      // codes meant to be read or copied (the H5 check-in token, a pickup code) are not "raw ids"
      const meant = new Set([...document.querySelectorAll('.checkin-token, .redemption-code')].map((el) => el.textContent.trim()))
      // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, hidden parts left out — what a person reads
      let text = roots.map((r) => r.innerText).join('\n')
      for (const code of meant) text = text.split(code).join(' ')
      const bad = [
        [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'an ISO timestamp is shown'],
        [/\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/, 'a programming value (undefined/null/NaN) is shown'],
        [/\b[a-z]{1,4}_[A-Za-z0-9_-]{3,}\b/, 'a raw id is shown'],
        [
          /\b(submitted|open|claimed|completed|closed|rejected|cancelled|pending|picked|published|finished|waitlisted|elderly_child|self_governance|environment|convenience|targeted|INVALID_INPUT|CONFLICT|FORBIDDEN|NOT_FOUND)\b/,
          'an English code is shown',
        ],
      ]
      for (const [re, why] of bad) {
        const m = re.exec(text)
        if (m) out.push(`${why}: "${text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).replace(/\s+/g, ' ')}"`)
      }
      const latin = text.match(/\b[A-Za-z]{4,}\b/g)
      if (latin) out.push(`English words on screen: ${[...new Set(latin)].slice(0, 6).join(', ')}`)

      if (document.scrollingElement && document.scrollingElement.scrollWidth > vw + 1)
        out.push(`the page scrolls sideways (${document.scrollingElement.scrollWidth}px wide)`)

      // WeChat's guideline is 44 px (88 rpx); SCREENS.md asks 48 px in 长辈模式
      const minTap = screen?.classList.contains('elder') ? 48 : 44
      const inScroller = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) if (/auto|scroll/.test(getComputedStyle(p).overflowX)) return true
        return false
      }
      const label = (el) =>
        (el.textContent || el.getAttribute('aria-label') || el.className || el.tagName).toString().replace(/\s+/g, ' ').slice(0, 24)
      const small = new Map()
      for (const root of roots) {
        for (const el of root.querySelectorAll('*')) {
          if (!seen(el)) continue
          const r = el.getBoundingClientRect()
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
          if (own && r.right > vw + 1 && !inScroller(el)) out.push(`text runs off the right edge: "${label(el)}"`)
          if (own) {
            const fs = Number.parseFloat(getComputedStyle(el).fontSize)
            if (fs < 12) out.push(`tiny text (${fs}px): "${label(el)}"`)
            if (
              el.scrollWidth > el.clientWidth + 1 &&
              getComputedStyle(el).overflow === 'hidden' &&
              getComputedStyle(el).textOverflow !== 'ellipsis'
            ) {
              out.push(`text clipped without an ellipsis: "${label(el)}"`)
            }
          }
          const cls = typeof el.className === 'string' ? el.className : ''
          const tappable =
            el.hasAttribute('hover-class') ||
            /(^|\s)(btn|chip|category-tile|member-option|role-switch__item|stars__star|photo-picker__remove|reason-form__template|filter-chip|login-user|order-card|taro-model__btn)(\s|$)|(^|\s)link-/.test(
              cls,
            )
          if (tappable && (r.height < minTap || r.width < minTap) && r.bottom <= vh) {
            // one note per kind of control and size: ".chip 38px high: 不急, 一般, 紧急 …"
            const key = `${cls.split(/\s+/)[0]}|${Math.round(Math.min(r.width, r.height))}`
            const g = small.get(key) ?? {
              cls: cls.split(/\s+/)[0],
              side: Math.round(Math.min(r.width, r.height)),
              high: r.height < minTap,
              labels: [],
            }
            g.labels.push(label(el))
            small.set(key, g)
          }
        }
      }
      for (const g of small.values()) {
        out.push(
          `small tap targets (.${g.cls}, ${g.side}px ${g.high ? 'high' : 'wide'}; ${minTap}px asked): ${g.labels
            .slice(0, 8)
            .map((l) => `"${l}"`)
            .join(' ')}`,
        )
      }
      return [...new Set(out)]
    })
  }
}
