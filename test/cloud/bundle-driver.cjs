// Loads built bundles in a fresh node as CloudBase does, their real SDKs pointed at the emulator by
// the environment the test gives this process, and reports which SDK modules each step pulled in.
// argv[2]: the functions folder; argv[3]: JSON { context, photo } (a WeChat caller's invocation context).
const Module = require('node:module')
const path = require('node:path')

const SDKS = ['@cloudbase/node-sdk', 'wx-server-sdk']
const loaded = new Set()
const load = Module._load
Module._load = function (request, ...rest) {
  if (SDKS.includes(request)) loaded.add(request)
  return load.call(this, request, ...rest)
}
const sdks = () => [...loaded].sort()

const dir = process.argv[2]
const { context, photo } = JSON.parse(process.argv[3])
const fn = (name) => require(path.join(dir, name, 'index.js'))

async function run() {
  const accounts = fn('accounts')
  const orders = fn('orders')
  fn('scheduler')
  const out = { atLoad: sdks() }
  out.me = await accounts.main({ action: 'me', input: {} }, context)
  out.afterRead = sdks()
  const input = { kind: 'hazard', category: 'environment', title: '楼道灯坏了', description: '三楼不亮', photos: [photo] }
  out.create = await orders.main({ action: 'create', input, requestId: 'req-driver-0001' }, context)
  out.afterWrite = sdks()
  process.stdout.write(JSON.stringify(out))
}

run().catch((e) => {
  console.error(e)
  process.exit(1)
})
