// Reads a workbook (社区设置表) into sheets of cell texts, as a person sees them in Excel or WPS: a
// phone number typed as a number is its digits, a formula its result, a date as shown. exceljs is
// loaded on first use.
import type { Sheets } from '../../core/domain/roster'
import { AppError } from '../../core/domain/errors'

const MAX_ROWS = 5001
const MAX_COLUMNS = 40

export async function readSheets(bytes: Buffer): Promise<Sheets> {
  const mod = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') }
  const { Workbook } = mod.Workbook ? mod : (mod.default as typeof import('exceljs'))
  const wb = new Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError('INVALID_INPUT', '文件不是有效的 Excel（.xlsx）表格，请用模板另存为 .xlsx 后再上传', 'body')
  }
  const sheets: Sheets = {}
  wb.eachSheet((ws) => {
    if (ws.rowCount > MAX_ROWS) throw new AppError('INVALID_INPUT', `「${ws.name}」表超过 ${MAX_ROWS - 1} 行，请分批导入`, 'body')
    const rows: string[][] = []
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r)
      const cells: string[] = []
      for (let c = 1; c <= Math.min(MAX_COLUMNS, Math.max(row.cellCount, 1)); c++) cells.push(row.getCell(c).text.trim().slice(0, 200))
      rows.push(cells)
    }
    sheets[ws.name.slice(0, 31)] = rows
  })
  return sheets
}
