// node scripts/provision.mjs [--dry-run] [--prefix <p>] — declares the CloudBase database as code:
// creates every collection in cloudfunctions/adapters/cloudbase/collections.json, the indexes the
// queries need (unique where idempotency depends on it), and a security rule that makes each
// collection function-only (clients can neither read nor write; functions bypass rules).
// Reads TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY from the environment or .env. Safe to re-run:
// existing collections and indexes are left as they are. --dry-run prints the plan, no credentials.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const prefixAt = args.indexOf('--prefix')
const prefix = prefixAt >= 0 ? args[prefixAt + 1] : ''

function loadDotEnv() {
  const file = path.join(root, '.env')
  if (!existsSync(file)) return
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line)
    if (m && process.env[m[1]] === undefined) process.env[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2')
  }
}

/** Clients get nothing: every read and write goes through the functions. */
export const FUNCTION_ONLY_RULE = JSON.stringify({ read: false, write: false })

/** The steps, in order: one collection at a time, its indexes, its rule. */
export function plan(collections, envId = '<TCB_ENV_ID>') {
  const steps = []
  for (const [name, spec] of Object.entries(collections)) {
    const full = prefix + name
    steps.push({ kind: 'collection', collection: full, describe: `create collection ${full} (if missing)` })
    for (const index of spec.indexes) {
      const keys = index.keys.map(([field, dir]) => `${field} ${dir === 1 ? 'asc' : 'desc'}`).join(', ')
      steps.push({
        kind: 'index',
        collection: full,
        index: {
          IndexName: index.name,
          MgoKeySchema: {
            MgoIsUnique: Boolean(index.unique),
            MgoIndexKeys: index.keys.map(([Name, dir]) => ({ Name, Direction: String(dir) })),
          },
        },
        describe: `index ${full}.${index.name} (${keys})${index.unique ? ' UNIQUE' : ''}`,
      })
    }
    steps.push({
      kind: 'rule',
      collection: full,
      param: { EnvId: envId, CollectionName: full, AclTag: 'CUSTOM', Rule: FUNCTION_ONLY_RULE },
      describe: `security rule ${full}: ${FUNCTION_ONLY_RULE} (function-only)`,
    })
  }
  return steps
}

async function main() {
  loadDotEnv()
  const { collections } = JSON.parse(readFileSync(path.join(root, 'cloudfunctions/adapters/cloudbase/collections.json'), 'utf8'))
  const { TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY } = process.env
  const steps = plan(collections, TCB_ENV_ID || '<TCB_ENV_ID>')
  if (dryRun) {
    console.log(`provision plan for ${TCB_ENV_ID || '<TCB_ENV_ID>'} (dry run, nothing sent):`)
    for (const s of steps) console.log(`  - ${s.describe}`)
    console.log(`${Object.keys(collections).length} collections, ${steps.filter((s) => s.kind === 'index').length} indexes`)
    return
  }
  if (!TCB_ENV_ID || !TCB_SECRET_ID || !TCB_SECRET_KEY) {
    console.error('Set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY (environment or .env), or use --dry-run to see the plan.')
    process.exit(1)
  }
  const { default: CloudBase } = await import('@cloudbase/manager-node')
  const manager = new CloudBase({ envId: TCB_ENV_ID, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY })
  const db = manager.database
  for (const s of steps) {
    process.stdout.write(`${s.describe} … `)
    if (s.kind === 'collection') {
      const res = await db.createCollectionIfNotExists(s.collection)
      console.log(res.IsCreated ? 'created' : 'exists')
    } else if (s.kind === 'index') {
      const { Exists } = await db.checkIndexExists(s.collection, s.index.IndexName)
      if (Exists) console.log('exists')
      else {
        await db.updateCollection(s.collection, { CreateIndexes: [s.index] })
        console.log('created')
      }
    } else {
      await manager.commonService().call({ Action: 'ModifySafeRule', Param: s.param })
      console.log('set')
    }
  }
  console.log('done: the database is ready for the functions')
}

main().catch((e) => {
  console.error(`\nprovision failed: ${e?.message ?? e}`)
  process.exit(1)
})
