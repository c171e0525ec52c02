// Runs the built bundles in a plain node process against the fake SDK modules (see bundles.test.ts).
// argv[2]: the folder holding functions/, node_modules/ and fixtures.json.
const path = require('node:path')
const dir = process.argv[2]
const sdk = require(path.join(dir, 'node_modules/@cloudbase/node-sdk'))
const wx = require(path.join(dir, 'node_modules/wx-server-sdk'))
const fixtures = require(path.join(dir, 'fixtures.json'))
const { db, state } = sdk.__fake
const fn = (name) => require(path.join(dir, 'functions', name, 'index.js'))

async function seed() {
  for (const [coll, items] of [
    ['communities', fixtures.communities],
    ['grids', fixtures.grids],
    ['buildings', fixtures.buildings],
    ['users', fixtures.users],
  ]) {
    for (const { id, ...rest } of items) await db.collection(coll).doc(id).set(rest)
  }
  for (const u of fixtures.users) await db.collection('identities').doc(`openid-${u.id}`).set({ userId: u.id })
}

async function run() {
  await seed()
  const out = { sdkInitsAtLoad: null }
  const accounts = fn('accounts')
  const orders = fn('orders')
  const scheduler = fn('scheduler')
  out.sdkInitsAtLoad = state.inits
  state.openId = 'openid-u_res'
  out.me = await accounts.main({ action: 'me', input: {}, userInfo: { openId: 'openid-u_staff' } }, {})
  out.wxInitsAfterRead = wx.__fake.inits
  const photo = `cloud://${state.envId}.7265-bucket-1300000000/uploads/u_res/abc123.jpg`
  out.create = await orders.main(
    {
      action: 'create',
      input: { kind: 'hazard', category: 'environment', title: '楼道灯坏了', description: '三楼不亮', photos: [photo] },
      requestId: 'req-bundle-0001',
    },
    {},
  )
  out.risky = await orders.main(
    {
      action: 'create',
      input: { kind: 'service', category: 'care', title: '违禁内容', description: '正常' },
      requestId: 'req-bundle-0002',
    },
    {},
  )
  out.invalid = await orders.main(
    { action: 'create', input: { kind: 'service', category: 'care', title: '', description: '正常' }, requestId: 'req-bundle-0003' },
    {},
  )
  out.wxInits = wx.__fake.inits
  out.checks = wx.__fake.checks.map((c) => c.openid)
  out.schedulerAsUser = await scheduler.main({ Type: 'Timer' }, {})
  state.openId = ''
  out.noOpenId = await orders.main({ action: 'list', input: { scope: 'mine' } }, {})
  out.tick = await scheduler.main({ Type: 'Timer', TriggerName: 'tick', Time: new Date().toISOString() }, {})
  out.orders = db.docs('orders').length
  process.stdout.write(JSON.stringify(out))
}

run().catch((e) => {
  console.error(e)
  process.exit(1)
})
