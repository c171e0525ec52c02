// The database plan `npm run provision` declares (cloudfunctions/adapters/cloudbase/collections.json,
// scripts/provision.mjs): collections, their indexes (unique ones enforced here) and the security
// rule provision sets on each — function-only; server SDKs bypass rules, so it is recorded, not applied.
import { readFileSync } from 'node:fs'
import type { IndexSpec } from './database'

export interface PlannedCollection {
  name: string
  indexes: IndexSpec[]
  /** The rule provision.mjs sets (FUNCTION_ONLY_RULE): clients can neither read nor write. */
  rule: { read: boolean; write: boolean }
}

export function loadPlan(file: string, prefix = ''): PlannedCollection[] {
  const { collections } = JSON.parse(readFileSync(file, 'utf8')) as {
    collections: Record<string, { indexes?: Array<{ name: string; keys: Array<[string, number]>; unique?: boolean }> }>
  }
  return Object.entries(collections).map(([name, spec]) => ({
    name: prefix + name,
    indexes: (spec.indexes ?? []).map((i) => ({ name: i.name, keys: i.keys, unique: Boolean(i.unique) })),
    rule: { read: false, write: false },
  }))
}
