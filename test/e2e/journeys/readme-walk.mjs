// README.md's 演示一遍, done as it is written: the journey reads the walk's table from README.md (the
// Chinese column) and follows its words — the words in 「」 are tapped, typed or looked for, the names in
// ** ** are signed in as — so when the screens' words change, the README has to change with them.
//
// How a step's words become actions, in the order they are written:
//   打开地址                 open the URL the gateway prints
//   **王秀兰（居民）**       sign in as this person on the demo sign-in page (tap the name)
//   写上「…」               type into the first empty field on the screen
//   在 / 看到 / 写着「…」    the screen shows these words ("和「…」" right after keeps the same verb)
//   「…」 otherwise         tap it: a button, tab or link named so, else the text itself; a dialog
//                           that asks first is confirmed (SCREENS.md: every change asks once)
//   传一张照片              add a photo through the page's photo picker
//   打 N 星                 tap the Nth star
//   填好 N 分               the points box holds N
//   多了 N 分               the screen shows +N
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { T } from '../lib/harness.mjs'
import { photo } from '../lib/png.mjs'

/** The Chinese cells of README's 演示一遍 table, one per step. */
export function readmeSteps(root) {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const at = readme.indexOf('### 演示一遍')
  assert.ok(at >= 0, 'README.md has the 演示一遍 section')
  const section = readme.slice(at, readme.indexOf('\n#', at + 4))
  return section
    .split('\n')
    .filter((l) => /^\|\s*\d+\./.test(l))
    .map((l) => l.split('|')[1].trim())
}

/** 「a「b」c」 → 'a「b」c', with its place: quotes may nest. */
function quotes(text) {
  const out = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '「') continue
    let depth = 0
    for (let k = i; k < text.length; k++) {
      if (text[k] === '「') depth++
      if (text[k] === '」' && --depth === 0) {
        out.push({ at: i, end: k + 1, words: text.slice(i + 1, k) })
        i = k
        break
      }
    }
  }
  return out
}

const VERBS = [
  ['fill', /写上$|写上[^「]*$/],
  ['expect', /(在|看到|写着|显示|排在)[^点选开]*$/],
]

/** One step's words as actions, in the order they are written. */
export function actionsOf(step) {
  const found = []
  for (const q of quotes(step)) found.push({ at: q.at, end: q.end, kind: 'quote', words: q.words })
  for (const m of step.matchAll(/\*\*(.+?)（(.+?)）\*\*/g))
    found.push({ at: m.index, end: m.index + m[0].length, kind: 'sign-in', name: m[1] })
  for (const m of step.matchAll(/打开地址/g)) found.push({ at: m.index, end: m.index + m[0].length, kind: 'open' })
  for (const m of step.matchAll(/传一张照片/g)) found.push({ at: m.index, end: m.index + m[0].length, kind: 'photo' })
  for (const m of step.matchAll(/打 (\d) 星/g)) found.push({ at: m.index, end: m.index + m[0].length, kind: 'stars', n: Number(m[1]) })
  for (const m of step.matchAll(/填好 (\d+) 分/g)) found.push({ at: m.index, end: m.index + m[0].length, kind: 'points', n: m[1] })
  for (const m of step.matchAll(/多了 (\d+) 分/g))
    found.push({ at: m.index, end: m.index + m[0].length, kind: 'expect', words: `+${m[1]}` })
  // what lies inside a quote is not read again (a name or a number inside 「…」)
  const quoted = found.filter((f) => f.kind === 'quote')
  const actions = found.filter((f) => f.kind === 'quote' || !quoted.some((q) => f.at > q.at && f.at < q.end)).sort((a, b) => a.at - b.at)
  let last = 0
  let previous = null
  for (const a of actions) {
    if (a.kind === 'quote') {
      const before = step.slice(last, a.at)
      const verb = VERBS.find(([, re]) => re.test(before))?.[0]
      a.kind = verb ?? (/^[\s，、和与及]*$/.test(before) && previous?.kind === 'expect' ? 'expect' : 'tap')
    }
    last = a.end
    previous = a
  }
  return actions
}

const ROLES = ['button', 'tab', 'radio', 'link', 'checkbox', 'switch']

/**
 * Tap what is named `words`: exact names and texts first (for a few seconds: the screen may still be
 * changing from the last tap), then partial ones; waits for it to appear.
 */
async function tapWords(actor, words) {
  const page = actor.page
  const tries = (exact) => [...ROLES.map((role) => page.getByRole(role, { name: words, exact })), page.getByText(words, { exact })]
  const t0 = Date.now()
  while (Date.now() - t0 < T.step) {
    for (const exact of Date.now() - t0 < 3_000 ? [true] : [true, false]) {
      for (const loc of tries(exact)) {
        const seen = loc.filter({ visible: true })
        if ((await seen.count()) > 0) {
          await seen.first().click({ timeout: T.short })
          return
        }
      }
    }
    await page.waitForTimeout(150)
  }
  throw new Error(`[${actor.label}] nothing on the screen says 「${words}」; it shows:\n${await actor.text()}`)
}

/** A dialog that asks before a change: press its confirm button. */
async function confirmIfAsked(actor) {
  const foot = actor.vis('.taro-modal__foot')
  if (
    await foot
      .first()
      .waitFor({ timeout: 800 })
      .then(() => true)
      .catch(() => false)
  ) {
    await actor.page.locator('.taro-model__confirm').filter({ visible: true }).first().click()
    await foot
      .first()
      .waitFor({ state: 'hidden', timeout: T.short })
      .catch(() => {})
  }
}

const literally = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export default {
  name: 'readme-walk',
  // as a new user meets it: the demo community as seeded, nobody's orders or points yet
  freshGateway: true,
  title: "README.md's 演示一遍, word for word: order → dispatch → claim and complete → confirm with 5 stars → points",
  async run(j) {
    const steps = readmeSteps(j.root)
    assert.equal(steps.length, 5, 'the walk has five steps')
    const phone = await j.actor('phone')
    for (const [i, step] of steps.entries()) {
      const actions = actionsOf(step)
      console.log(
        `    step ${i + 1}: ${actions.map((a) => `${a.kind}${a.words ? ` 「${a.words}」` : a.name ? ` ${a.name}` : a.n ? ` ${a.n}` : ''}`).join(' → ')}`,
      )
      for (const a of actions) {
        if (a.kind === 'open') {
          // as a person opens it: a new load of the address (without a '#' part, so not a jump inside the page)
          await phone.page.goto(`${j.baseUrl}/`, { waitUntil: 'domcontentloaded' })
          await phone.vis('.screen').first().waitFor()
          await phone.settle()
        } else if (a.kind === 'sign-in') {
          await phone.onRoute('/pages/login/index')
          await tapWords(phone, a.name)
          await phone.onRoute('/pages/index/index')
          await phone.waitText(`您好，${a.name}`)
          await phone.toastGone()
        } else if (a.kind === 'tap') {
          await tapWords(phone, a.words)
          await confirmIfAsked(phone)
          await phone.settle()
        } else if (a.kind === 'fill') {
          const field = phone.page.locator('input, textarea').filter({ visible: true })
          const n = await field.count()
          let done = false
          for (let k = 0; k < n && !done; k++) {
            if ((await field.nth(k).inputValue()) === '') {
              await field.nth(k).fill(a.words)
              done = true
            }
          }
          assert.ok(done, `step ${i + 1}: an empty field to write 「${a.words}」 in`)
        } else if (a.kind === 'expect') {
          await phone.expectText(new RegExp(literally(a.words)), T.step)
        } else if (a.kind === 'photo') {
          await phone.addPhotos('.btn-add-photo', [photo('walk.png', [46, 154, 91])])
          await phone.vis('.photo-picker__cell--done').first().waitFor()
        } else if (a.kind === 'stars') {
          await phone.page
            .getByRole('radio', { name: `${a.n} 星`, exact: true })
            .filter({ visible: true })
            .first()
            .click()
        } else if (a.kind === 'points') {
          const box = phone.vis('.input-points input').first()
          await box.waitFor()
          assert.equal(await box.inputValue(), a.n, `step ${i + 1}: the points box holds the rules' ${a.n}`)
        }
      }
      await phone.page.waitForTimeout(600) // the last tap's page change slides in
      await j.shot(phone, `step-${i + 1}`)
    }
  },
}
