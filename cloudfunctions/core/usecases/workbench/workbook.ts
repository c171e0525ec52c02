// Small helpers the workbook-building use cases share.
import type { WorkbookSpec } from '../../ports'

/** Names may not hold / \ ? * [ ] : and are at most 31 characters (Excel's rules). */
export const sheetName = (name: string) => name.replace(/[/\\?*[\]:]/g, ' ').slice(0, 31)

/** A file name safe on every system: no path separators or reserved characters. */
export const fileName = (name: string) => name.replace(/[/\\?*:|"<>\s]+/g, '-').slice(0, 100)

export const book = (name: string, sheets: WorkbookSpec['sheets']): WorkbookSpec => ({
  name: fileName(name),
  sheets: sheets.map((s) => ({ ...s, name: sheetName(s.name) })),
})
