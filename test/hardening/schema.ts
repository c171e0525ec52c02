// Reads the action schemas (zod 4) as data: every leaf field with its kind and limits, so the suites can
// find every text field, every id and every bound without a hand-kept list that drifts.
import type { z } from 'zod'
import { REGISTRY } from '../../cloudfunctions/core/registry'

export type LeafKind =
  /** Trimmed text a person writes (titles, reasons, names): others read it. */
  | 'text'
  /** A string held to a pattern (ids, pickup codes, tokens) or a format (instants). */
  | 'pattern'
  /** An opaque string (file ids, cursors). */
  | 'opaque'
  | 'enum'
  | 'literal'
  | 'number'
  | 'boolean'
  | 'other'

export interface Leaf {
  /** Dotted path; array elements as `photos.0`. */
  path: string
  kind: LeafKind
  optional: boolean
  /** Inside an array (the path names its first element). */
  inArray: boolean
  minLength?: number
  maxLength?: number
  min?: number
  max?: number
  int?: boolean
  values?: unknown[]
  /** Array bounds, on the array's own path. */
  minItems?: number
  maxItems?: number
}

type Any = { _zod: { def: any } }

const checksOf = (s: Any) => ((s._zod.def.checks ?? []) as Array<{ _zod: { def: any } }>).map((c) => c._zod.def)

export function leaves(schema: z.ZodType): Leaf[] {
  const out: Leaf[] = []
  const walk = (s: Any, path: string, optional: boolean, inArray: boolean) => {
    const d = s._zod.def
    switch (d.type) {
      case 'object':
        for (const [k, v] of Object.entries(d.shape as Record<string, Any>)) walk(v, path ? `${path}.${k}` : k, false, inArray)
        return
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
        return walk(d.innerType, path, optional || d.type !== 'nullable', inArray)
      case 'pipe':
        return walk(d.in, path, optional, inArray)
      case 'array': {
        const checks = checksOf(s)
        const minItems = checks.find((c) => c.check === 'min_length')?.minimum
        const maxItems = checks.find((c) => c.check === 'max_length')?.maximum
        out.push({ path, kind: 'other', optional, inArray, minItems, maxItems })
        return walk(d.element, `${path}.0`, false, true)
      }
      case 'string': {
        const checks = checksOf(s)
        const minLength = checks.find((c) => c.check === 'min_length')?.minimum
        const maxLength = checks.find((c) => c.check === 'max_length')?.maximum
        const patterned = d.format !== undefined || checks.some((c) => c.check === 'string_format')
        const trimmed = checks.some((c) => c.check === 'overwrite')
        out.push({ path, kind: patterned ? 'pattern' : trimmed ? 'text' : 'opaque', optional, inArray, minLength, maxLength })
        return
      }
      case 'number': {
        const checks = checksOf(s)
        const min = checks.find((c) => c.check === 'greater_than')
        const max = checks.find((c) => c.check === 'less_than')
        out.push({
          path,
          kind: 'number',
          optional,
          inArray,
          min: min?.value,
          max: max?.value,
          int: checks.some((c) => c.check === 'number_format' && /int/.test(c.format)),
        })
        return
      }
      case 'enum':
        out.push({ path, kind: 'enum', optional, inArray, values: Object.values(d.entries) })
        return
      case 'literal':
        out.push({ path, kind: 'literal', optional, inArray, values: d.values })
        return
      case 'boolean':
        out.push({ path, kind: 'boolean', optional, inArray })
        return
      default:
        out.push({ path, kind: 'other', optional, inArray })
    }
  }
  walk(schema as unknown as Any, '', false, false)
  return out
}

export interface RegisteredAction {
  key: string
  fn: string
  action: string
  mutating: boolean
  public: boolean
  /** Nothing of the request is stored (core/edge.ts `secret`): a repeat runs again. */
  secret: boolean
  schema: z.ZodType
  leaves: Leaf[]
}

export const ACTIONS: RegisteredAction[] = Object.entries(REGISTRY).flatMap(([fn, actions]) =>
  Object.entries(actions).map(([action, def]) => ({
    key: `${fn}.${action}`,
    fn,
    action,
    mutating: def.mutating,
    public: (def as { public?: boolean }).public === true,
    secret: (def as { secret?: boolean }).secret === true,
    schema: def.input,
    leaves: leaves(def.input),
  })),
)

/** Sets `value` at a dotted path of a copy of `input` (array indexes as numbers). */
export function setPath(input: unknown, path: string, value: unknown): unknown {
  const root: any = structuredClone(input ?? {})
  const parts = path.split('.')
  let at = root
  for (const [i, p] of parts.entries()) {
    const last = i === parts.length - 1
    const key: string | number = /^\d+$/.test(p) ? Number(p) : p
    if (last) at[key] = value
    else {
      if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') at[key] = /^\d+$/.test(parts[i + 1]) ? [] : {}
      at = at[key]
    }
  }
  return root
}
