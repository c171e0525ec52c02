// The pages src/app.config.ts lists, as routes ('/resident/order-detail/index'): read from the source, so
// the jest test of every page's way back and the browser journey that visits every page share one list.
const { readFileSync } = require('node:fs')
const path = require('node:path')

/** @param {string} root the repository's root @returns {string[]} */
function appPages(root) {
  const config = readFileSync(path.join(root, 'src', 'app.config.ts'), 'utf8')
  const main = /pages: \[([^\]]*)\],\s*\/\/ one subpackage/.exec(config)?.[1] ?? ''
  const out = [...main.matchAll(/'([^']+)'/g)].map((m) => `/${m[1]}`)
  for (const sub of config.matchAll(/root: '([^']+)',\s*pages: \[([^\]]*)\]/g)) {
    for (const p of sub[2].matchAll(/'([^']+)'/g)) out.push(`/${sub[1]}/${p[1]}`)
  }
  return out
}

/** A page that only forwards to where it lives now (components/moved). */
function forwards(root, route) {
  return readFileSync(path.join(root, 'src', `${route.replace(/^\//, '')}.tsx`), 'utf8').includes('components/moved')
}

module.exports = { appPages, forwards }
