// Text hygiene at the edge, before any schema: characters that change how text looks to the next
// person without being seen themselves — bidi overrides, zero-width marks — are stripped; control
// characters (NUL and the like; tab and line breaks are text) and broken UTF-16 are refused, naming
// the field. Every string of every input passes here, so no use case stores them.
import { invalid } from './domain/errors'

/** Bidi embeddings, overrides, isolates and marks; zero-width spaces, joiners and the byte-order mark. */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g
/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
/** Half a surrogate pair: not a character at all. */
const BROKEN = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Deeper than any schema goes: refused before walking further (a hostile body nests thousands deep). */
const MAX_DEPTH = 32

export function cleanInput(value: unknown, path: string[] = []): unknown {
  if (path.length > MAX_DEPTH) throw invalid(path.slice(0, 1).join('.') || 'input', '内容层次太深')
  if (typeof value === 'string') {
    if (CONTROL.test(value) || BROKEN.test(value)) throw invalid(path.join('.') || 'input', '内容里有无法显示的控制字符，请删除后重试')
    return value.replace(INVISIBLE, '')
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanInput(v, [...path, String(i)]))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    // defined, not assigned: a key named __proto__ stays a key (for the schema to refuse), never a prototype
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, { value: cleanInput(v, [...path, k]), enumerable: true, writable: true, configurable: true })
    return out
  }
  return value
}
