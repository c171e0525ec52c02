// The few Tencent Cloud API actions `npm run provision` makes through @cloudbase/manager-node, so
// provision can run against the emulator: manager-node's CloudService (lib/utils/cloud-api-request.js)
// posts JSON with the action in X-TC-Action to TCB_BASE_URL and reads `{ Response: { … } }`; the calls
// are those of lib/env/index.js getEnvInfo and lib/database/index.js (DescribeTable, CreateTable,
// UpdateTable with CreateIndexes, ListTables, DeleteTable) and commonService ModifySafeRule.
import { randomBytes } from 'node:crypto'
import type { Database, IndexSpec } from './database'

export interface CloudApiContext {
  envId: string
  db: Database
  /** Security rules by collection (recorded: server SDKs bypass them). */
  rules: Map<string, unknown>
}

interface ManagerIndex {
  IndexName: string
  MgoKeySchema: { MgoIsUnique?: boolean; MgoIndexKeys: Array<{ Name: string; Direction: string }> }
}

export function cloudApi(ctx: CloudApiContext, action: string, p: Record<string, any>): Record<string, unknown> {
  const RequestId = randomBytes(8).toString('hex')
  const fail = (Code: string, Message: string) => ({ Response: { RequestId, Error: { Code, Message } } })
  const table = typeof p.TableName === 'string' ? p.TableName : ''
  switch (action) {
    case 'DescribeEnvInfo':
    case 'DescribeEnvs': {
      if (p.EnvId && p.EnvId !== ctx.envId) return fail('ResourceNotFound', `env ${p.EnvId} not found`)
      const base = {
        EnvId: ctx.envId,
        Alias: 'emulator',
        Status: 'NORMAL',
        Source: 'miniapp',
        Region: 'ap-shanghai',
        Databases: [{ InstanceId: 'tnt-emulator', Status: 'RUNNING', Region: 'ap-shanghai' }],
        Storages: [{ Bucket: 'emulator', Region: 'ap-shanghai', CdnDomain: '127.0.0.1' }],
        Functions: [{ Namespace: ctx.envId, Region: 'ap-shanghai' }],
      }
      return action === 'DescribeEnvs'
        ? { Response: { RequestId, EnvList: [base] } }
        : { Response: { RequestId, EnvInfo: { EnvBaseInfo: base } } }
    }
    case 'DescribeTable': {
      if (!ctx.db.hasCollection(table)) return fail('ResourceNotFound', `table ${table} not found`)
      const Indexes = [{ Name: '_id_', Key: [{ Name: '_id', Direction: '1' }], Unique: true }].concat(
        ctx.db.indexesOf(table).map((i) => ({
          Name: i.name,
          Key: i.keys.map(([Name, dir]) => ({ Name, Direction: String(dir) })),
          Unique: Boolean(i.unique),
        })),
      )
      return { Response: { RequestId, Indexes, IndexNum: Indexes.length } }
    }
    case 'CreateTable':
      if (!ctx.db.createCollection(table)) return fail('ResourceInUse', `table ${table} exists`)
      return { Response: { RequestId } }
    case 'UpdateTable': {
      if (!ctx.db.hasCollection(table)) return fail('ResourceNotFound', `table ${table} not found`)
      const indexes: IndexSpec[] = ((p.CreateIndexes ?? []) as ManagerIndex[]).map((i) => ({
        name: i.IndexName,
        keys: i.MgoKeySchema.MgoIndexKeys.map((k) => [k.Name, Number(k.Direction)] as [string, number]),
        unique: Boolean(i.MgoKeySchema.MgoIsUnique),
      }))
      ctx.db.createCollection(table, indexes)
      return { Response: { RequestId } }
    }
    case 'ListTables': {
      const names = ctx.db.collectionNames()
      const offset = Number(p.MgoOffset ?? 0)
      const limit = Number(p.MgoLimit ?? 100)
      return {
        Response: {
          RequestId,
          Tables: names.slice(offset, offset + limit).map((TableName) => ({ TableName, Count: ctx.db.dump(TableName).length })),
          Pager: { Offset: offset, Limit: limit, Total: names.length },
        },
      }
    }
    case 'DeleteTable':
      if (!ctx.db.dropCollection(table)) return fail('ResourceNotFound', `table ${table} not found`)
      ctx.rules.delete(table)
      return { Response: { RequestId } }
    case 'ModifySafeRule':
      if (!ctx.db.hasCollection(String(p.CollectionName))) return fail('ResourceNotFound', `table ${p.CollectionName} not found`)
      ctx.rules.set(String(p.CollectionName), { aclTag: p.AclTag, rule: typeof p.Rule === 'string' ? JSON.parse(p.Rule) : p.Rule })
      return { Response: { RequestId } }
    default:
      return fail('UnsupportedOperation', `${action} is not emulated`)
  }
}
