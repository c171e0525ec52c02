// POST /api/roster?commit=0|1&requestId=…: an admin uploads the community's 社区设置表 (.xlsx) from
// the workbench; the gateway reads the sheets and hands them to workbench.importRoster, as
// `npm run setup -- file.xlsx` does — a dry run first, then the commit.
import type { LocalApp } from '../cloudfunctions/compose'
import { readSheets } from '../cloudfunctions/adapters/xlsx/read'
import type { Client, Identity } from '../cloudfunctions/core/edge'
import { AppError } from '../cloudfunctions/core/domain/errors'

const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream']

export async function importUpload(
  app: LocalApp,
  { bytes, contentType, url }: { bytes: Buffer; contentType: string; url: URL },
  identity: Identity,
  client: Client,
) {
  if (!identity) throw new AppError('UNAUTHENTICATED', '请先登录')
  if (!XLSX_TYPES.includes(contentType)) throw new AppError('INVALID_INPUT', '请上传 .xlsx 格式的社区设置表', 'contentType')
  const sheets = await readSheets(bytes)
  const request = {
    action: 'importRoster',
    input: { sheets, commit: url.searchParams.get('commit') === '1' },
    requestId: url.searchParams.get('requestId') ?? undefined,
  }
  return app.handlers.workbench(request, identity, client)
}
