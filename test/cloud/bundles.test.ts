// The deployable bundles: `npm run build:functions` into a temp folder, then each bundle is loaded
// in a fresh node with the SDKs unresolvable (so nothing touches them at require time), checked for
// size and contents, and finally run end to end against fake SDK modules.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { REGISTRY } from '../../cloudfunctions/core/registry'
import { FIXTURES } from '../contract/repos.contract'

const ROOT = path.resolve(__dirname, '../..')
const MAX_BYTES = 200 * 1024
const SDKS = ['@cloudbase/node-sdk', 'wx-server-sdk']
const FUNCTIONS = [...Object.keys(REGISTRY), 'scheduler'].sort()

let dir: string
const bundle = (fn: string) => path.join(dir, 'functions', fn, 'index.js')

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bundles-'))
  const log = execFileSync(process.execPath, ['scripts/build-functions.mjs', '--out', path.join(dir, 'functions')], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  console.log(`npm run build:functions\n${log}`)
  // the fake SDKs the end-to-end run resolves from functions/<fn>/index.js
  for (const [name, src] of [
    ['@cloudbase/node-sdk', 'fake-node-sdk.ts'],
    ['wx-server-sdk', 'fake-wx-server-sdk.ts'],
  ]) {
    mkdirSync(path.join(dir, 'node_modules', name), { recursive: true })
    buildSync({
      entryPoints: [path.join(__dirname, src)],
      outfile: path.join(dir, 'node_modules', name, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'warning',
    })
  }
  writeFileSync(path.join(dir, 'fixtures.json'), JSON.stringify(FIXTURES))
}, 120_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Requires a bundle in a fresh node where the SDKs cannot be resolved; its time and exports. */
function load(file: string): { ms: number; main: string } {
  const script = `
    const Module = require('module'); const resolve = Module._resolveFilename
    Module._resolveFilename = function (r, ...rest) { if (${JSON.stringify(SDKS)}.includes(r)) throw new Error('SDK at load: ' + r); return resolve.call(this, r, ...rest) }
    const t = process.hrtime.bigint(); const m = require(${JSON.stringify(file)})
    process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - t) / 1e6, main: typeof m.main }))`
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
}

describe('built cloud functions', () => {
  it('has one function per registry entry, plus the scheduler', () => {
    for (const fn of FUNCTIONS) expect(existsSync(bundle(fn))).toBe(true)
  })

  it.each(FUNCTIONS)('%s loads with require, exports main, stays under 200 KB without the SDKs', (fn) => {
    const bytes = statSync(bundle(fn)).size
    const { ms, main } = load(bundle(fn))
    console.log(`${fn}: ${(bytes / 1024).toFixed(1)} KB, require ${ms.toFixed(1)} ms`)
    expect(main).toBe('function')
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES)
    const code = readFileSync(bundle(fn), 'utf8')
    expect(code).not.toMatch(/better-sqlite3|better_sqlite3/)
    for (const sdk of SDKS) expect(code.includes(`require("${sdk}")`) || !code.includes(sdk)).toBe(true)
  })

  it.each(FUNCTIONS)('%s ships its package.json and config.json', (fn) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'functions', fn, 'package.json'), 'utf8'))
    const config = JSON.parse(readFileSync(path.join(dir, 'functions', fn, 'config.json'), 'utf8'))
    expect(pkg).toMatchObject({ main: 'index.js', dependencies: { '@cloudbase/node-sdk': expect.stringMatching(/^3\.18\./) } })
    expect(config.permissions.openapi).toEqual(
      expect.arrayContaining(fn === 'scheduler' ? ['subscribeMessage.send'] : ['security.msgSecCheck', 'subscribeMessage.send']),
    )
    if (fn !== 'scheduler') expect(pkg.dependencies['wx-server-sdk']).toMatch(/^4\.0\./)
  })

  it('gives the scheduler an every-minute timer (7-field cron, UTC+8)', () => {
    const config = JSON.parse(readFileSync(path.join(dir, 'functions', 'scheduler', 'config.json'), 'utf8'))
    expect(config.triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 */1 * * * * *' }])
    expect(config.triggers[0].config.split(' ')).toHaveLength(7)
  })

  it('runs end to end against fake SDK modules: identity from the platform, lazy SDKs, scheduler only without OPENID', () => {
    const out = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'bundle-driver.cjs'), dir], { encoding: 'utf8' }))
    expect(out.sdkInitsAtLoad).toBe(0) // requiring a bundle initialises nothing
    expect(out.me).toMatchObject({ ok: true, data: { id: 'u_res' } }) // the event's userInfo is ignored
    expect(out.wxInitsAfterRead).toBe(0) // a read never loads wx-server-sdk
    expect(out.create).toMatchObject({ ok: true, data: { status: 'submitted', photos: [{ url: 'https://tmp.example/abc123.jpg' }] } })
    expect(out.risky).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'title' } })
    // zod runs in the trimmed bundle, with its Chinese messages
    expect(out.invalid).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'title', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    })
    expect(out.wxInits).toBe(1) // loaded once, on the first content check
    expect(out.checks.every((id: string) => id === 'openid-u_res')).toBe(true)
    expect(out.schedulerAsUser).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(out.noOpenId).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(out.tick).toMatchObject({ ok: true, data: { autoConfirmed: 0 } })
    expect(out.orders).toBe(1)
  })
})
