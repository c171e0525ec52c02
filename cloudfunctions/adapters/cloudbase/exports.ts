// Exports on cloud storage: the workbook is uploaded to `exports/<userId>/<id>.xlsx` (a path the photo
// checks never accept) and handed out as a temporary URL, which WeChat's downloadFile can fetch.
import { AppError } from '../../core/domain/errors'
import type { Clock, Exports, Ids } from '../../core/ports'
import { renderXlsx } from '../xlsx/render'
import type { GetTempFileUrl } from '../wechat/files'

/** node-sdk's `app.uploadFile({ cloudPath, fileContent })`. */
export type UploadFile = (req: { cloudPath: string; fileContent: Buffer }) => Promise<{ fileID?: string }>

export const EXPORT_URL_SECONDS = 3600

export function cloudExports(options: {
  uploadFile?: () => UploadFile
  getTempFileURL: () => GetTempFileUrl
  ids: Ids
  clock: Clock
}): Exports {
  return {
    async saveWorkbook(book, ownerId) {
      if (!options.uploadFile) throw new AppError('INTERNAL', '导出暂时不可用，请稍后再试')
      const bytes = await renderXlsx(book, new Date(options.clock.now()))
      const cloudPath = `exports/${ownerId}/${options.ids.next('x')}.xlsx`
      const uploaded = await options.uploadFile()({ cloudPath, fileContent: bytes })
      if (!uploaded.fileID) throw new AppError('INTERNAL', '导出文件保存失败，请稍后再试')
      const res = await options.getTempFileURL()({ fileList: [{ fileID: uploaded.fileID, maxAge: EXPORT_URL_SECONDS }] })
      const url = res.fileList?.[0]?.tempFileURL
      if (!url) throw new AppError('INTERNAL', '导出文件保存失败，请稍后再试')
      return { name: `${book.name}.xlsx`, url, expiresAt: options.clock.now() + EXPORT_URL_SECONDS * 1000 }
    },
  }
}
