// npm run build:functions — bundles each cloud function (cloudfunctions/<fn>/index.ts) with esbuild
// into build/functions/<fn>/index.js beside its package.json and config.json, ready for the
// CloudBase CLI or WeChat DevTools (cloudfunctionRoot = build/functions/). The SDKs stay external:
// CloudBase installs them from each function's package.json.
//
// Fails (exit 1) when a bundle pulls in better-sqlite3 or local-mode code, when it exceeds
// MAX_BYTES, or when it does not load with `require` and export `main`.
//
// Options: --out <dir> (default build/functions), --only <fn,fn>.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import ts from 'typescript'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const opt = (name) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const outRoot = path.resolve(root, opt('--out') ?? 'build/functions')
const only = opt('--only')?.split(',')

// The budget: 200 KB until the second wave; `accounts` carries all three doors (WeChat, invitations and
// passwords, the passkey actions' answers) and a person's export and deletion across every record, and
// stood at 202.7 KB after cutting what other functions' code it carried (the scheduler's tick, provisioning's
// indexes, zod's second locale). 210 KB then; 220 KB since the third wave's records (households, 结对帮扶,
// 网格台账) joined every function's repositories and accounts' export and deletion (211.6 KB). Splitting per
// action does not shrink it: esbuild no longer tree-shakes a require()d module (bench/README.md, cold start).
// Cold start is what people feel: require times are in `npm run bench:sizes`.
export const MAX_BYTES = 220 * 1024
// exceljs (≈ 1 MB) renders the workbench's exports: loaded lazily, installed from workbench/package.json
export const EXTERNAL = ['@cloudbase/node-sdk', 'wx-server-sdk', 'exceljs']
/** What must never reach a cloud bundle: the embedded database and local mode. */
const FORBIDDEN = [/(^|\/)node_modules\/better-sqlite3\//, /^local\//, /^cloudfunctions\/adapters\/(sqlite|local)\//]

const srcRoot = path.join(root, 'cloudfunctions')
const functions = readdirSync(srcRoot, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(srcRoot, d.name, 'index.ts')))
  .map((d) => d.name)
  .filter((fn) => !only || only.includes(fn))
  .sort()

/**
 * The adapter reads only the collections' names from collections.json; the indexes and comments are
 * scripts/provision.mjs's (≈ 5 KB a bundle). Bundle the names alone.
 */
const collectionNames = {
  name: 'collection-names',
  setup(b) {
    b.onLoad({ filter: /[\\/]adapters[\\/]cloudbase[\\/]collections\.json$/ }, (a) => {
      const { collections } = JSON.parse(readFileSync(a.path, 'utf8'))
      return { contents: JSON.stringify({ collections: Object.fromEntries(Object.keys(collections).map((c) => [c, {}])) }), loader: 'json' }
    })
  },
}

/**
 * zod's classic API is imported as one namespace (`z`), so the bundler keeps all of it. The server
 * uses only the zh-CN messages and never the JSON-Schema or compile features: replace those modules
 * (≈ 330 KB minified) with the Chinese locale and stubs that throw if ever called.
 */
const zodTrim = {
  name: 'zod-trim',
  setup(b) {
    const stubbed = /\/(json-schema-processors|to-json-schema|json-schema-generator|from-json-schema|compile)\.js$/
    b.onResolve({ filter: /\.js$/ }, (a) => {
      if (!a.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)) return undefined
      const full = path.resolve(a.resolveDir, a.path)
      if (/[\\/]locales[\\/]index\.js$/.test(full) || stubbed.test(full.replaceAll('\\', '/'))) return { path: full, namespace: 'zod-trim' }
      // the default locale zod installs before ours (edge.ts: z.config(zhCN), which wins): the same Chinese one
      if (/[\\/]locales[\\/]en\.js$/.test(full)) return { path: path.join(path.dirname(full), 'zh-CN.js') }
      return undefined
    })
    b.onLoad({ filter: /.*/, namespace: 'zod-trim' }, (a) => {
      const dir = path.dirname(a.path)
      if (a.path.endsWith(`locales${path.sep}index.js`)) {
        return { contents: "export { default as zhCN } from './zh-CN.js'\nexport { default as en } from './en.js'\n", resolveDir: dir }
      }
      const source = readFileSync(a.path, 'utf8')
      const lines = [
        "const unavailable = (name) => function () { throw new Error('zod ' + name + ' is not bundled in cloud functions (scripts/build-functions.mjs)') }",
      ]
      const seen = new Set()
      const add = (name, line) => {
        if (!seen.has(name)) lines.push(line)
        seen.add(name)
      }
      for (const m of source.matchAll(/^export const (\w+) = (Symbol\.for\("[^"]*"\));/gm)) add(m[1], `export const ${m[1]} = ${m[2]}`)
      for (const m of source.matchAll(/^export class (\w+)/gm)) add(m[1], `export class ${m[1]} extends Error {}`)
      for (const m of source.matchAll(/^export (?:async )?(?:function\*?|const|let|var) (\w+)/gm))
        add(m[1], `export const ${m[1]} = unavailable('${m[1]}')`)
      for (const m of source.matchAll(/^export \{([^}]*)\}(?! from)/gm)) {
        for (const part of m[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const name = part.split(/\s+as\s+/).pop()
          add(name, `export const ${name} = unavailable('${name}')`)
        }
      }
      return { contents: lines.join('\n'), resolveDir: dir }
    })
  },
}

/**
 * `import { z } from 'zod'` is zod's `import * as z from './v4/classic/external.js'` re-exported as
 * one binding, which esbuild cannot tree-shake; imported directly as a namespace it can (only the
 * `z.*` members used are kept). Same module, same semantics: this rewrites that one import line in
 * our own sources (cloudfunctions/, types/) and nothing else.
 */
const zodNamespace = {
  name: 'zod-namespace',
  setup(b) {
    const external = path.join(root, 'node_modules', 'zod', 'v4', 'classic', 'external.js')
    const ours = ['cloudfunctions', 'types'].map((d) => path.join(root, d) + path.sep)
    const contract = path.join(root, 'types') + path.sep
    b.onLoad({ filter: /\.ts$/ }, (a) => {
      if (!ours.some((d) => a.path.startsWith(d))) return undefined
      const source = readFileSync(a.path, 'utf8')
      if (!/^import \{ z \} from 'zod'$/m.test(source)) return undefined
      const namespaced = source.replace(/^import \{ z \} from 'zod'$/gm, `import * as z from ${JSON.stringify(external)}`)
      return { contents: a.path.startsWith(contract) ? pureSchemas(namespaced, a.path) : namespaced, loader: 'ts' }
    })
  },
}

/**
 * The wire contract (types/*.ts) builds its schemas at the top level, and to a bundler a call is a side
 * effect: every schema of a file was kept, and built at `require`, in every function that used one of
 * them (the orders bundle built all of accounts' schemas). Each top-level initializer that calls
 * something becomes a pure IIFE — `/* @__PURE__ *\/ (() => z.strictObject(…))()`, evaluated at the same
 * moment as before — so the schemas a function never reaches are dropped. types/ holds declarations
 * only (no top-level statement is there for its effect), which is what makes this safe there.
 */
export function pureSchemas(source, file) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const calls = (node) => ts.isCallExpression(node) || ts.isNewExpression(node) || ts.forEachChild(node, calls) === true
  const spans = []
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue
    for (const { initializer: init } of statement.declarationList.declarations) {
      if (!init || ts.isArrowFunction(init) || ts.isFunctionExpression(init) || !calls(init)) continue
      spans.push([init.getStart(sf), init.end])
    }
  }
  let out = source
  for (const [start, end] of spans.reverse())
    out = `${out.slice(0, start)}/* @__PURE__ */ (() => (${out.slice(start, end)}))()${out.slice(end)}`
  return out
}

/**
 * Each bundle carries its own function's actions only. The registry's calls to query() and mutation() are marked
 * pure and its REGISTRY names this function's table alone, so esbuild drops the other tables and the
 * use cases only they import (a function never dispatches another function's actions anyway).
 */
const onlyFunction = (fn) => ({
  name: 'only-function',
  setup(b) {
    const registry = path.join(root, 'cloudfunctions', 'core', 'registry.ts')
    b.onLoad({ filter: /registry\.ts$/ }, (a) => {
      if (path.resolve(a.path) !== registry) return undefined
      let source = readFileSync(a.path, 'utf8').replace(
        /^import \{ z \} from 'zod'$/gm,
        `import * as z from ${JSON.stringify(path.join(root, 'node_modules', 'zod', 'v4', 'classic', 'external.js'))}`,
      )
      source = source.replace(/\b(query|mutation)\(/g, '/* @__PURE__ */ $1(')
      const table = /^export const REGISTRY\b[^=]*=\s*\{([^}]*)\}/m
      const names =
        table
          .exec(source)?.[1]
          .split(',')
          .map((n) => n.trim()) ?? []
      if (names.length === 0) throw new Error('scripts/build-functions.mjs: no REGISTRY in cloudfunctions/core/registry.ts')
      source = source.replace(table, `export const REGISTRY: Record<string, ActionTable> = { ${names.includes(fn) ? fn : ''} }`)
      return { contents: source, loader: 'ts' }
    })
  },
})

/** Refuses the embedded database at resolve time, with the importer named. */
const noSqlite = {
  name: 'no-sqlite',
  setup(b) {
    b.onResolve({ filter: /^better-sqlite3$/ }, (a) => ({
      errors: [{ text: `better-sqlite3 must not reach a cloud bundle (imported by ${path.relative(root, a.importer)})` }],
    }))
  },
}

/** Loads a bundle in a fresh node with the SDKs made unresolvable: proves requires are lazy and cheap. */
function probe(file) {
  const script = `
    const Module = require('module')
    const resolve = Module._resolveFilename
    const external = ${JSON.stringify(EXTERNAL)}
    Module._resolveFilename = function (request, ...rest) {
      if (external.includes(request)) throw new Error('SDK required at load time: ' + request)
      return resolve.call(this, request, ...rest)
    }
    const t = process.hrtime.bigint()
    const m = require(${JSON.stringify(file)})
    const ms = Number(process.hrtime.bigint() - t) / 1e6
    process.stdout.write(JSON.stringify({ ms, main: typeof m.main }))
  `
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`

async function main() {
  if (functions.length === 0) throw new Error('no cloud functions found under cloudfunctions/*/index.ts')
  const failures = []
  const report = []
  for (const fn of functions) {
    const src = path.join(srcRoot, fn)
    const out = path.join(outRoot, fn)
    rmSync(out, { recursive: true, force: true })
    mkdirSync(out, { recursive: true })
    const result = await build({
      entryPoints: [path.join(src, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      tsconfig: path.join(root, 'tsconfig.json'),
      external: EXTERNAL,
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      metafile: true,
      logLevel: 'warning',
      plugins: [noSqlite, onlyFunction(fn), zodNamespace, zodTrim, collectionNames],
    })
    const inputs = Object.keys(result.metafile.inputs).map((p) => p.replaceAll('\\', '/'))
    const bad = inputs.filter((p) => FORBIDDEN.some((re) => re.test(p)))
    if (bad.length) failures.push(`${fn}: pulls in local-only code: ${bad.join(', ')}`)
    for (const name of ['package.json', 'config.json']) {
      if (!existsSync(path.join(src, name))) failures.push(`${fn}: missing cloudfunctions/${fn}/${name}`)
      else copyFileSync(path.join(src, name), path.join(out, name))
    }
    const bytes = statSync(path.join(out, 'index.js')).size
    if (bytes > MAX_BYTES) failures.push(`${fn}: bundle is ${kb(bytes)}, over the ${kb(MAX_BYTES)} limit`)
    let loaded
    try {
      loaded = probe(path.join(out, 'index.js'))
      if (loaded.main !== 'function') failures.push(`${fn}: the bundle does not export main`)
    } catch (e) {
      failures.push(
        `${fn}: the bundle does not load: ${
          String(e.stderr || e.message)
            .trim()
            .split('\n')[0]
        }`,
      )
    }
    report.push({ fn, bytes, ms: loaded?.ms })
  }
  for (const r of report) {
    console.log(
      `${r.fn.padEnd(10)} ${kb(r.bytes).padStart(9)}  require ${r.ms === undefined ? 'failed' : `${r.ms.toFixed(1)} ms`}  → ${path.relative(root, path.join(outRoot, r.fn))}/`,
    )
  }
  if (failures.length) {
    console.error(`\nbuild:functions FAILED\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`)
    process.exit(1)
  }
  console.log(`built ${report.length} cloud functions (limit ${kb(MAX_BYTES)} each, SDKs external: ${EXTERNAL.join(', ')})`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
