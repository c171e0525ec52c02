// A string → QR module matrix (true = dark), using qrcode-generator. Digits-only text (pickup codes)
// uses numeric mode for a smaller, easier-to-scan code; anything else is encoded as UTF-8 bytes.
import qrcode from 'qrcode-generator'

/** Modules of white around the code: the QR standard asks for 4. */
export const QUIET_ZONE = 4

export function qrMatrix(text: string): boolean[][] {
  if (!text) return []
  const qr = qrcode(0, 'M')
  qr.addData(text, /^\d+$/.test(text) ? 'Numeric' : 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}

/** One row as runs of equal modules, so a row is a few boxes instead of one per module. */
export function rowRuns(row: boolean[]): Array<{ dark: boolean; length: number }> {
  const runs: Array<{ dark: boolean; length: number }> = []
  for (const dark of row) {
    const last = runs[runs.length - 1]
    if (last && last.dark === dark) last.length += 1
    else runs.push({ dark, length: 1 })
  }
  return runs
}

/** Whole pixels per module for a code about `size` px wide (quiet zone included): crisp edges. */
export function modulePx(moduleCount: number, size: number): number {
  return Math.max(2, Math.floor(size / (moduleCount + 2 * QUIET_ZONE)))
}
