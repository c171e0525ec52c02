// What `npm run build:weapp` produced (dist/) is a sound mini-program: app.json matches
// src/app.config.ts, every page of the main package and of each subpackage has its files, every
// file a page requires and every webpack chunk it waits for is there (a missing one is a white
// screen in WeChat), and the packages are within their size budgets.
//
// Sizes: bytes on disk of every file in the package; 1 KB = 1024 bytes (WeChat counts package sizes
// in KiB: its 2 MB limit is 2048 KB). Budgets: main ≤ 700 KB, each subpackage ≤ 1024 KB.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { builtApp } from '../helpers/builds'
import { declaredAppConfig, declaredRoutes } from '../helpers/taro-mp'

const KB = 1024
const MAIN_BUDGET = 700 * KB
const SUB_BUDGET = 1024 * KB

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[]; name?: string }>
  subpackages?: Array<{ root: string; pages: string[]; name?: string }>
  tabBar?: { list: Array<{ pagePath: string; iconPath?: string; selectedIconPath?: string }> }
  preloadRule?: Record<string, { packages: string[] }>
}

let dist: string
let app: AppJson
let subs: Array<{ root: string; pages: string[] }>

/** Every file under `dir`, as paths relative to dist/ with forward slashes. */
function files(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...files(p))
    else out.push(path.relative(dist, p).split(path.sep).join('/'))
  }
  return out
}

const size = (rel: string) => statSync(path.join(dist, rel)).size
const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8')
const rootOf = (rel: string) => subs.find((s) => rel.startsWith(`${s.root.replace(/\/$/, '')}/`))?.root ?? null

/** `require("…")` targets of a js file, resolved to dist-relative paths. */
function requiresOf(rel: string): string[] {
  const out: string[] = []
  for (const m of read(rel).matchAll(/require\("([^"]+)"\)/g)) {
    let target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]))
    if (!target.endsWith('.js')) target += '.js'
    out.push(target)
  }
  return out
}

/** webpack chunk ids a js file provides (`webpackJsonp.push([[ids], …`) and the ones it waits for (`e.O(0,[ids]`). */
function chunksOf(rel: string): { provides: number[]; needs: number[] } {
  const text = read(rel)
  const ids = (s: string | undefined) => (s ? s.split(',').map(Number) : [])
  const provides = [...text.matchAll(/\.push\(\[\[([\d,]+)\]/g)].flatMap((m) => ids(m[1]))
  const needs = [...text.matchAll(/\.O\(0,\[([\d,]+)\]/g)].flatMap((m) => ids(m[1]))
  return { provides, needs }
}

/** A js file and everything it requires, transitively. */
function closure(rel: string, seen = new Set<string>()): Set<string> {
  if (seen.has(rel) || !existsSync(path.join(dist, rel))) return seen
  seen.add(rel)
  for (const r of requiresOf(rel)) closure(r, seen)
  return seen
}

beforeAll(() => {
  dist = builtApp('weapp')
  app = JSON.parse(read('app.json'))
  subs = app.subPackages ?? app.subpackages ?? []
})

describe('the weapp build (dist/)', () => {
  it('declares the pages and subpackages that src/app.config.ts lists (else: npm run build:weapp)', () => {
    const src = declaredAppConfig() as AppJson
    const stale = 'dist/ is older than src/app.config.ts: run `npm run build:weapp`'
    expect({ pages: app.pages, msg: stale }).toEqual({ pages: src.pages, msg: stale })
    const norm = (list: AppJson['subPackages']) => (list ?? []).map((s) => ({ root: s.root, pages: s.pages }))
    expect({ subPackages: norm(subs), msg: stale }).toEqual({ subPackages: norm(src.subPackages ?? src.subpackages), msg: stale })
    expect(subs.length).toBeGreaterThan(0)
  })

  it('has the app files and the shared templates the pages import', () => {
    for (const f of [
      'app.js',
      'app.json',
      'app.wxss',
      'base.wxml',
      'utils.wxs',
      'comp.js',
      'comp.json',
      'comp.wxml',
      'runtime.js',
      'taro.js',
      'vendors.js',
      'common.js',
    ]) {
      expect({ file: f, exists: existsSync(path.join(dist, f)) }).toEqual({ file: f, exists: true })
    }
    for (const r of requiresOf('app.js'))
      expect({ from: 'app.js', require: r, exists: existsSync(path.join(dist, r)) }).toEqual({ from: 'app.js', require: r, exists: true })
  })

  it('has .js, .json and .wxml for every page of the main package and of every subpackage', () => {
    const all = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
    expect(new Set(all).size).toBe(all.length)
    const missing: string[] = []
    for (const page of all) {
      for (const ext of ['.js', '.json', '.wxml']) {
        const f = path.join(dist, page + ext)
        if (!existsSync(f) || statSync(f).size === 0) missing.push(page + ext)
      }
      if (!existsSync(path.join(dist, `${page}.wxml`))) continue
      // Taro pages are one template: <import src="…/base.wxml"/> + <template is="taro_tmpl">
      const wxml = read(`${page}.wxml`)
      for (const m of wxml.matchAll(/<import src="([^"]+)"/g)) {
        const target = path.posix.join(path.posix.dirname(page), m[1])
        if (!existsSync(path.join(dist, target))) missing.push(`${target} (imported by ${page}.wxml)`)
      }
      // custom components a page uses (native-qr, Taro's comp) resolve to a component's files
      const json = JSON.parse(read(`${page}.json`))
      for (const [tag, ref] of Object.entries<string>(json.usingComponents ?? {})) {
        const base = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(page), ref)
        for (const ext of ['.js', '.json', '.wxml']) {
          if (!existsSync(path.join(dist, base + ext))) missing.push(`${base}${ext} (<${tag}> of ${page})`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('loads every page: each file it requires exists and each webpack chunk it waits for is loaded', () => {
    const provided = new Map<number, string>()
    for (const f of files(dist).filter((f) => f.endsWith('.js'))) for (const id of chunksOf(f).provides) provided.set(id, f)
    const appFiles = closure('app.js')
    // chunks the webpack runtime starts with as installed ({9121:0,58:0,…}): merged into the main package
    const preinstalled = [...read('runtime.js').matchAll(/\{((?:\d+:0,?)+)\};\w+\.O\.j=/g)].flatMap((m) =>
      m[1].split(',').map((kv) => Number(kv.split(':')[0])),
    )
    expect(preinstalled.length).toBeGreaterThan(0)
    const problems: string[] = []
    const pageFiles = [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))].map((p) => `${p}.js`)
    for (const page of pageFiles) {
      const mine = closure(page)
      for (const r of requiresOf(page)) if (!existsSync(path.join(dist, r))) problems.push(`${page} requires missing ${r}`)
      const loaded = new Set([...preinstalled, ...[...appFiles, ...mine].flatMap((f) => chunksOf(f).provides)])
      for (const id of chunksOf(page).needs) {
        if (!loaded.has(id))
          problems.push(`${page} waits for chunk ${id}${provided.has(id) ? ` (in ${provided.get(id)}, never required)` : ' (in no file)'}`)
      }
      // WeChat: a subpackage may use the main package and itself, never another subpackage
      const own = rootOf(page)
      for (const f of mine) {
        const where = rootOf(f)
        if (where && where !== own) problems.push(`${page} requires ${f} from another package (${where})`)
      }
    }
    expect(problems).toEqual([])
  })

  it('gives every page that shows what the server holds pull-to-refresh; forms keep what is typed', () => {
    // a pull-down reloads the page's data (hooks/useRemote): on a form it would only lose the typing
    const FORMS = [
      'pages/login/index',
      'resident/order-new/index',
      'staff/goods-edit/index',
      'activity/publish/index',
      'account/register/index',
      'account/roster/index',
      'households/visit/index',
      'households/edit/index',
      'households/pair/index',
      'gridtasks/publish/index',
      'workbench/branch-score/index',
      // renews itself every 30 s
      'activity/checkin-code/index',
    ]
    const src = path.resolve(__dirname, '..', '..', 'src')
    const loads = (route: string) => {
      const dir = path.join(src, path.dirname(route))
      return readdirSync(dir)
        .filter((f) => f.endsWith('.tsx'))
        .some((f) => /\buse(Remote|Paged)/.test(readFileSync(path.join(dir, f), 'utf8')))
    }
    const without = declaredRoutes().filter(
      (r) => loads(r) && !FORMS.includes(r) && JSON.parse(read(`${r}.json`)).enablePullDownRefresh !== true,
    )
    expect(without).toEqual([])
  })

  it('tab bar pages are main-package pages with their icons; preload rules name real subpackages', () => {
    for (const item of app.tabBar?.list ?? []) {
      expect(app.pages).toContain(item.pagePath)
      for (const icon of [item.iconPath, item.selectedIconPath].filter(Boolean) as string[]) {
        expect({ icon, exists: existsSync(path.join(dist, icon)) }).toEqual({ icon, exists: true })
        expect(rootOf(icon)).toBeNull()
      }
    }
    const roots = subs.map((s) => s.root)
    for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
      expect(app.pages).toContain(page)
      for (const pkg of rule.packages) expect(roots).toContain(pkg)
    }
  })

  it(`keeps the main package ≤ ${MAIN_BUDGET / KB} KB and each subpackage ≤ ${SUB_BUDGET / KB} KB (1 KB = 1024 bytes)`, () => {
    const all = files(dist)
    const bySub = new Map(subs.map((s) => [s.root, 0]))
    let main = 0
    for (const f of all) {
      const root = rootOf(f)
      if (root) bySub.set(root, (bySub.get(root) ?? 0) + size(f))
      else main += size(f)
    }
    const kb = (n: number) => `${(n / KB).toFixed(1)} KB`.padStart(10)
    const lines = [
      'weapp package sizes (dist/, 1 KB = 1024 bytes):',
      `  main package         ${kb(main)}  (${main} bytes, budget ${MAIN_BUDGET / KB} KB)`,
      ...[...bySub].map(([root, n]) => `  subpackage ${root.padEnd(10)}${kb(n)}  (${n} bytes, budget ${SUB_BUDGET / KB} KB)`),
      `  total                ${kb(main + [...bySub.values()].reduce((a, b) => a + b, 0))}`,
    ]
    console.log(lines.join('\n'))
    expect(main).toBeLessThanOrEqual(MAIN_BUDGET)
    for (const [root, n] of bySub) expect({ root, bytes: n, within: n <= SUB_BUDGET }).toEqual({ root, bytes: n, within: true })
  })
})
