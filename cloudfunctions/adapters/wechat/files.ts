// The Files port on cloud storage. The app uploads with wx.cloud.uploadFile to
// `uploads/<userId>/<random>.<ext>`; a file id names its environment and path, so ownership is
// checked from the id itself, and existence by asking storage for a temporary URL.
import { invalid } from '../../core/domain/errors'
import type { Files } from '../../core/ports'

/** getTempFileURL takes at most this many files per call. */
export const URL_BATCH = 50

export interface TempUrlItem {
  fileID: string
  tempFileURL?: string
  /** node-sdk: 'SUCCESS' or an error code. */
  code?: string
  /** wx-server-sdk: 0 for success. */
  status?: number
}

/** `app.getTempFileURL` of node-sdk (or wx-server-sdk's, same shape). */
export type GetTempFileUrl = (req: { fileList: Array<{ fileID: string; maxAge: number }> }) => Promise<{ fileList: TempUrlItem[] }>

/** `app.deleteFile` of node-sdk (or wx-server-sdk's, same shape). */
export type DeleteFile = (req: { fileList: string[] }) => Promise<unknown>

export interface CloudFilesOptions {
  /** This environment's id: file ids of other environments are refused. */
  envId: string
  getTempFileURL: () => GetTempFileUrl
  /** Deletes stored files (account deletion); without it nothing is deleted. */
  deleteFile?: () => DeleteFile
  /** Seconds a display URL stays valid. */
  maxAge?: number
  /** Ask storage whether each file exists (default true). */
  checkExists?: boolean
}

const ID_PART = '[A-Za-z0-9_-]{1,64}'
const FILE_ID = new RegExp(
  `^cloud://([a-z0-9][a-z0-9-]{0,63})\\.([A-Za-z0-9-]{1,128})/uploads/(${ID_PART})/([A-Za-z0-9_-]{1,128})\\.(jpe?g|png|webp)$`,
  'i',
)

export interface ParsedFileId {
  envId: string
  bucket: string
  ownerId: string
  name: string
}

/** The parts of a photo's file id, or null when it is not an upload path this app writes. */
export function parseFileId(fileId: string): ParsedFileId | null {
  const m = FILE_ID.exec(fileId)
  if (!m) return null
  return { envId: m[1], bucket: m[2], ownerId: m[3], name: `${m[4]}.${m[5]}` }
}

const ok = (item: TempUrlItem | undefined) =>
  !!item?.tempFileURL && (item.code === undefined || item.code === 'SUCCESS') && (item.status === undefined || item.status === 0)

export function cloudFiles(options: CloudFilesOptions): Files {
  const maxAge = options.maxAge ?? 2 * 3600

  async function lookup(fileIds: string[]): Promise<Map<string, TempUrlItem>> {
    const found = new Map<string, TempUrlItem>()
    const unique = [...new Set(fileIds)]
    for (let i = 0; i < unique.length; i += URL_BATCH) {
      const batch = unique.slice(i, i + URL_BATCH)
      const res = await options.getTempFileURL()({ fileList: batch.map((fileID) => ({ fileID, maxAge })) })
      for (const item of res.fileList ?? []) found.set(item.fileID, item)
    }
    return found
  }

  return {
    async assertOwned(fileIds, ownerId, field) {
      const seen = new Set<string>()
      fileIds.forEach((id, i) => {
        const parsed = parseFileId(id)
        if (!parsed || parsed.envId !== options.envId || parsed.ownerId !== ownerId)
          throw invalid(`${field}.${i}`, '照片不存在或不是你上传的，请重新上传')
        if (seen.has(id)) throw invalid(`${field}.${i}`, '同一张照片只能用一次')
        seen.add(id)
      })
      if (fileIds.length === 0 || options.checkExists === false) return
      const found = await lookup(fileIds)
      const missing = fileIds.findIndex((id) => !ok(found.get(id)))
      if (missing >= 0) throw invalid(`${field}.${missing}`, '照片不存在或不是你上传的，请重新上传')
    },
    async urls(fileIds) {
      if (fileIds.length === 0) return []
      const found = await lookup(fileIds)
      return fileIds.map((fileId) => {
        const item = found.get(fileId)
        return { fileId, url: ok(item) ? (item?.tempFileURL as string) : '' }
      })
    },
    async removeAllOf(ownerId, known) {
      // storage cannot be listed here: the ids still referenced are the ones we know of; an upload the
      // app never attached to anything stays under uploads/<userId>/ for the bucket's lifecycle rule
      const mine = [...new Set(known)].filter((id) => {
        const parsed = parseFileId(id)
        return parsed !== null && parsed.envId === options.envId && parsed.ownerId === ownerId
      })
      if (mine.length === 0 || !options.deleteFile) return
      for (let i = 0; i < mine.length; i += URL_BATCH) await options.deleteFile()({ fileList: mine.slice(i, i + URL_BATCH) })
    },
    async remove(fileIds) {
      const ours = [...new Set(fileIds)].filter((id) => parseFileId(id)?.envId === options.envId)
      if (ours.length === 0 || !options.deleteFile) return
      for (let i = 0; i < ours.length; i += URL_BATCH) await options.deleteFile()({ fileList: ours.slice(i, i + URL_BATCH) })
    },
  }
}
