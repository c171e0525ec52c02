// The deployable bundles: `npm run build:functions` into a temp folder, then each bundle is loaded
// in a fresh node with the SDKs unresolvable (so nothing touches them at require time), checked for
// size and contents, and finally run end to end on the emulator — loaded there as CloudBase loads
// index.js, with the real SDKs — and in a fresh node that watches which SDK each step loads.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store'
import { REGISTRY } from '../../cloudfunctions/core/registry'
import { type RunningEmulator, startEmulator } from '../../tools/tcb-emulator/client'
import { invocationContext } from '../../tools/tcb-emulator/functions'
import { seedCloudbase } from '../contract/cloudbase-fixtures'
import { FIXTURES } from '../contract/repos.contract'
import { nodeSdk } from '../emulator/helpers'

/** The budget scripts/build-functions.mjs enforces (it says why it is what it is). */
const MAX_BYTES = 220 * 1024

const ROOT = path.resolve(__dirname, '../..')
const SDKS = ['@cloudbase/node-sdk', 'wx-server-sdk']
const FUNCTIONS = [...Object.keys(REGISTRY), 'scheduler', 'wxpush'].sort()
/** Functions whose callers write text others read (msgSecCheck), and those that take photos others see (mediaCheckAsync). */
const TAKES_TEXT = Object.keys(REGISTRY)
const TAKES_PHOTOS = ['orders', 'activities', 'mall', 'workbench', 'households']

let dir: string
const bundle = (fn: string) => path.join(dir, 'functions', fn, 'index.js')

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-bundles-'))
  const log = execFileSync(process.execPath, ['scripts/build-functions.mjs', '--out', path.join(dir, 'functions')], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  console.log(`npm run build:functions\n${log}`)
  // the real SDKs, resolved from functions/<fn>/index.js as a function's own node_modules would be
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
}, 120_000)

afterAll(() => {
  // the link first: the repository's node_modules must never be what gets removed
  unlinkSync(path.join(dir, 'node_modules'))
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
  it('has one function per registry entry, plus the scheduler and wxpush', () => {
    for (const fn of FUNCTIONS) expect(existsSync(bundle(fn))).toBe(true)
  })

  it.each(FUNCTIONS)('%s loads with require, exports main, stays within the bundle budget without the SDKs', (fn) => {
    const bytes = statSync(bundle(fn)).size
    const { ms, main } = load(bundle(fn))
    console.log(`${fn}: ${(bytes / 1024).toFixed(1)} KB, require ${ms.toFixed(1)} ms`)
    expect(main).toBe('function')
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES)
    const code = readFileSync(bundle(fn), 'utf8')
    expect(code).not.toMatch(/better-sqlite3|better_sqlite3/)
    for (const sdk of SDKS) expect(code.includes(`require("${sdk}")`) || !code.includes(sdk)).toBe(true)
  })

  it('carries only the wire schemas its own actions reach (types/ is built as pure IIFEs: scripts/build-functions.mjs pureSchemas)', () => {
    // one schema's message each: member registration (accounts; workbench reviews applications) and a report's period (workbench)
    const carriers = (words: string) => FUNCTIONS.filter((fn) => readFileSync(bundle(fn), 'utf8').includes(words))
    expect(carriers('在职党员请填写工作单位')).toEqual(['accounts', 'workbench'])
    expect(carriers('时段最长一年')).toEqual(['workbench'])
  })

  it.each(FUNCTIONS)('%s ships its package.json and config.json', (fn) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'functions', fn, 'package.json'), 'utf8'))
    const config = JSON.parse(readFileSync(path.join(dir, 'functions', fn, 'config.json'), 'utf8'))
    expect(pkg).toMatchObject({ main: 'index.js', dependencies: { '@cloudbase/node-sdk': expect.stringMatching(/^3\.18\./) } })
    // every function may send 订阅消息 (the scheduler's reminders, wxpush's photo notices too)
    const needs = [
      'subscribeMessage.send',
      ...(TAKES_TEXT.includes(fn) ? ['security.msgSecCheck'] : []),
      ...(TAKES_PHOTOS.includes(fn) ? ['security.mediaCheckAsync'] : []),
    ]
    expect(config.permissions.openapi).toEqual(expect.arrayContaining(needs))
    expect(pkg.dependencies['wx-server-sdk']).toMatch(/^4\.0\./)
  })

  it('gives the scheduler an every-minute timer (7-field cron, UTC+8)', () => {
    const config = JSON.parse(readFileSync(path.join(dir, 'functions', 'scheduler', 'config.json'), 'utf8'))
    expect(config.triggers).toEqual([{ name: 'tick', type: 'timer', config: '0 */1 * * * * *' }])
    expect(config.triggers[0].config.split(' ')).toHaveLength(7)
  })

  describe('end to end on the emulator, with the real SDKs', () => {
    let emu: RunningEmulator
    let photo: string
    beforeAll(async () => {
      emu = await startEmulator({ functionsDir: path.join(dir, 'functions') })
      const db = nodeSdk(emu).database()
      await seedCloudbase(db, cloudbaseStore(db), FIXTURES)
      for (const u of FIXTURES.users) await db.collection('identities').doc(`openid-${u.id}`).set({ userId: u.id })
      await emu.control.contentVerdict({ contains: '违禁', suggest: 'risky' })
      photo = await emu.control.putFile('uploads/u_res/abc123.jpg', Buffer.from('jpeg'))
    }, 30_000)
    afterAll(() => emu?.stop())

    const as = (openId: string | null) => ({ caller: openId ? { openId } : null })
    const create = (title: string, requestId: string, photos: string[] = []) =>
      emu.control.invoke<any>(
        'orders',
        { action: 'create', input: { kind: 'service', category: 'care', title, description: '正常', photos }, requestId },
        as('openid-u_res'),
      )

    it('identifies the caller from the platform, checks text as them, refuses a user the scheduler', async () => {
      // the event's userInfo is ignored
      expect(
        await emu.control.invoke('accounts', { action: 'me', input: {}, userInfo: { openId: 'openid-u_staff' } }, as('openid-u_res')),
      ).toMatchObject({ ok: true, data: { id: 'u_res' } })
      const created = await create('楼道灯坏了', 'req-bundle-0001', [photo])
      expect(created).toMatchObject({ ok: true, data: { status: 'submitted', photos: [{ fileId: photo }] } })
      // the photo's URL is storage's temporary one, and serves the bytes
      expect(await (await fetch(created.data.photos[0].url)).text()).toBe('jpeg')
      expect(await create('违禁内容', 'req-bundle-0002')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'title' } })
      // zod runs in the trimmed bundle, with its Chinese messages
      expect(await create('', 'req-bundle-0003')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'title', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
      })
      const checks = await emu.control.openApiCalls('security.msgSecCheck')
      expect(checks.length).toBeGreaterThan(0)
      expect(checks.every((c) => c.params.openid === 'openid-u_res')).toBe(true)

      expect(await emu.control.invoke('scheduler', { Type: 'Timer' }, as('openid-u_staff'))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await emu.control.invoke('orders', { action: 'list', input: { scope: 'mine' } }, as(null))).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
      const tick = { Type: 'Timer', TriggerName: 'tick', Time: new Date().toISOString() }
      expect(await emu.control.invoke('scheduler', tick, { trigger: 'timer' })).toMatchObject({ ok: true, data: { autoConfirmed: 0 } })
      expect(await emu.control.docs('orders')).toHaveLength(1)
    })

    it('loads no SDK at require, node-sdk on the first read, wx-server-sdk only on the first content check', () => {
      const context = invocationContext('accounts', emu, { caller: { openId: 'openid-u_res' } })
      const out = JSON.parse(
        execFileSync(
          process.execPath,
          [path.join(__dirname, 'bundle-driver.cjs'), path.join(dir, 'functions'), JSON.stringify({ context, photo })],
          {
            encoding: 'utf8',
            env: { ...process.env, ...emu.functionEnv() },
          },
        ),
      )
      expect(out.atLoad).toEqual([])
      expect(out.me).toMatchObject({ ok: true, data: { id: 'u_res' } })
      expect(out.afterRead).toEqual(['@cloudbase/node-sdk'])
      expect(out.create).toMatchObject({ ok: true, data: { status: 'submitted' } })
      expect(out.afterWrite).toEqual(['@cloudbase/node-sdk', 'wx-server-sdk'])
    })
  })
})
