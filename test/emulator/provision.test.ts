// `npm run provision` (scripts/provision.mjs on @cloudbase/manager-node) run unchanged against the
// emulator: it creates the collections, indexes and function-only rules, and running it again changes nothing.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { emulatorForFile, nodeSdk } from './helpers'

const emulator = emulatorForFile({ plan: null })
const run = promisify(execFile)
const ROOT = path.resolve(__dirname, '..', '..')

it('creates what collections.json declares, idempotently, and the unique indexes hold', async () => {
  const env = { ...process.env, ...emulator().provisionEnv() }
  const first = await run(process.execPath, ['scripts/provision.mjs', '--prefix', 'prov_'], { cwd: ROOT, env })
  expect(first.stdout).toContain('done: the database is ready')
  const plan = require('../../cloudfunctions/adapters/cloudbase/collections.json').collections
  const collections = await emulator().control.collections()
  expect(collections.map((c) => c.name).sort()).toEqual(
    Object.keys(plan)
      .map((n) => `prov_${n}`)
      .sort(),
  )
  const events = collections.find((c) => c.name === 'prov_order_events')
  expect(events?.indexes).toContainEqual({
    name: 'order_seq',
    keys: [
      ['orderId', 1],
      ['seq', 1],
    ],
    unique: true,
  })
  expect(events?.rule).toEqual({ aclTag: 'CUSTOM', rule: { read: false, write: false } })

  const again = await run(process.execPath, ['scripts/provision.mjs', '--prefix', 'prov_'], { cwd: ROOT, env })
  expect(again.stdout).not.toMatch(/… created$/m)
  expect(again.stdout).toContain('… exists')

  const db = nodeSdk(emulator()).database()
  await db.collection('prov_order_events').add({ orderId: 'o', seq: 1 })
  await expect(db.collection('prov_order_events').add({ orderId: 'o', seq: 1 })).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
}, 60_000)
