// Functions on the emulator: a module loaded as CloudBase loads index.js, an HTTP handler in this
// process, calls with a WeChat caller's OPENID injected per call (two at once, each seeing its own),
// and node-sdk's / wx-server-sdk's callFunction routed to the handler.
import http from 'node:http'
import path from 'node:path'
import { emulatorForFile, nodeSdk, rejection } from './helpers'

const emulator = emulatorForFile()
let server: http.Server
let handlerUrl = ''

beforeAll(async () => {
  await emulator().control.createCollection('calls')
  await emulator().control.registerModule('whoami', path.join(__dirname, 'fixtures', 'whoami', 'index.js'))
  // a handler in this process: node-sdk here reads the identity from the context it is handed
  const tcb = require('@cloudbase/node-sdk')
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (d) => {
      body += d
    })
    req.on('end', async () => {
      const { event, context } = JSON.parse(body)
      if (event.fail) {
        res.end(JSON.stringify({ error: { message: 'handler failed' } }))
        return
      }
      await new Promise((r) => setTimeout(r, event.delayMs ?? 0))
      res.end(JSON.stringify({ result: { openId: tcb.getCloudbaseContext(context).WX_OPENID ?? null, echo: event } }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  handlerUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`
  await emulator().control.registerHttp('echo', handlerUrl)
})

afterAll(() => new Promise((r) => server.close(r)))

beforeEach(() => emulator().control.reset())

describe('a WeChat caller’s identity, per call', () => {
  it('two concurrent callers of different OPENIDs each see their own, before and after awaiting', async () => {
    const control = emulator().control
    const [a, b] = await Promise.all([
      control.invoke<any>('whoami', { tag: 'a', delayMs: 60 }, { caller: { openId: 'o_alice' } }),
      control.invoke<any>('whoami', { tag: 'b', delayMs: 10 }, { caller: { openId: 'o_bob' } }),
    ])
    expect(a).toEqual({ before: 'o_alice', after: 'o_alice', trigger: 'tcb', processWide: null })
    expect(b).toEqual({ before: 'o_bob', after: 'o_bob', trigger: 'tcb', processWide: null })
    const calls = await control.docs('calls')
    expect(calls.map((c) => [c.tag, c.openId]).sort()).toEqual([
      ['a', 'o_alice'],
      ['b', 'o_bob'],
    ])
  })

  it('a timer call carries no identity', async () => {
    const out = await emulator().control.invoke<any>('whoami', { tag: 't' }, { caller: { openId: 'o_ignored' }, trigger: 'timer' })
    expect(out).toMatchObject({ before: null, trigger: 'timer' })
  })

  it('an HTTP handler gets the same context', async () => {
    const [x, y] = await Promise.all([
      emulator().control.invoke<any>('echo', { n: 1, delayMs: 40 }, { caller: { openId: 'o_x' } }),
      emulator().control.invoke<any>('echo', { n: 2 }, { caller: { openId: 'o_y' } }),
    ])
    expect([x.openId, y.openId]).toEqual(['o_x', 'o_y'])
    expect(x.echo).toEqual({ n: 1, delayMs: 40 })
  })
})

describe('callFunction from the server SDKs', () => {
  it('node-sdk app.callFunction reaches the handler, with no WeChat identity (function to function)', async () => {
    const app = nodeSdk(emulator())
    const res = await app.callFunction({ name: 'echo', data: { hello: '你好' } })
    expect(res.result).toEqual({ openId: null, echo: { hello: '你好' } })
    expect(res.requestId).toBeTruthy()
  })

  it('wx-server-sdk cloud.callFunction reaches it too', async () => {
    const cloud = require('wx-server-sdk')
    cloud.init(emulator().sdkConfig())
    const res = await cloud.callFunction({ name: 'whoami', data: { tag: 'wx' } })
    expect(res.result).toMatchObject({ before: null, trigger: 'tcb' })
  })

  it('a failing handler and a missing function are errors with codes', async () => {
    const app = nodeSdk(emulator())
    expect((await rejection(app.callFunction({ name: 'echo', data: { fail: true } }))).code).toBe('FUNCTIONS_EXECUTE_FAIL')
    expect((await rejection(app.callFunction({ name: 'nobody', data: {} }))).code).toBe('FUNCTIONS_REQUEST_FAIL')
    const stats = await emulator().control.stats()
    expect(stats.functions.echo).toEqual({ invocations: 1, failures: 1 })
  })
})
