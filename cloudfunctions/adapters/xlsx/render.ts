// Renders a WorkbookSpec as XLSX with exceljs: a bold, frozen header row, column widths, one sheet per
// section. exceljs is loaded on first use only (it stays external to the cloud bundles, installed from
// the function's package.json), so functions that never export pay nothing for it.
import type { WorkbookSpec } from '../../core/ports'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type ExcelJs = typeof import('exceljs')
let loaded: ExcelJs | null = null
async function excel(): Promise<ExcelJs> {
  if (!loaded) {
    const mod = (await import('exceljs')) as ExcelJs & { default?: ExcelJs }
    loaded = mod.Workbook ? mod : (mod.default as ExcelJs)
  }
  return loaded
}

export async function renderXlsx(spec: WorkbookSpec, now: Date = new Date()): Promise<Buffer> {
  const { Workbook } = await excel()
  const wb = new Workbook()
  wb.creator = '红网邻里'
  wb.created = now
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }))
    ws.getRow(1).font = { bold: true }
    for (const row of s.rows) ws.addRow(row.map((v) => (v === null ? '' : v)))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
