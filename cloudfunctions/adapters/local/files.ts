// Local photo storage: bytes in the data folder, one row per file naming who uploaded it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { MAX_PHOTO_BYTES, PHOTO_MIME_TYPES } from '@shared/enums'
import { AppError, invalid } from '../../core/domain/errors'
import type { Files, Ids } from '../../core/ports'
import type { SqliteStore } from '../sqlite/store'

export const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** Checks the bytes really are the image type claimed (magic numbers), not just the header. */
export function sniffImage(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

/** Refuses what is not a photo the app may store: the type, an empty or over-large body, bytes of another type. */
export function assertPhoto(mime: string, bytes: Buffer): void {
  if (!(PHOTO_MIME_TYPES as readonly string[]).includes(mime)) throw invalid('contentType', '只能上传 JPG、PNG 或 WebP 图片')
  if (bytes.length === 0) throw invalid('body', '图片是空的')
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '图片不能超过 5 MB')
  if (sniffImage(bytes) !== mime) throw invalid('body', '文件内容不是所选的图片格式')
}

export interface LocalFiles extends Files {
  /** Stores an upload; returns its id and display URL. */
  save(ownerId: string, mime: string, bytes: Buffer): Promise<{ fileId: string; url: string }>
  /** Where an id's bytes live and their type, or null. */
  locate(fileId: string): { file: string; mime: string } | null
}

export function localFiles(store: SqliteStore, dir: string, ids: Ids, now: () => number): LocalFiles {
  mkdirSync(dir, { recursive: true })
  const find = store.reader.prepare('SELECT id, owner_id, mime FROM files WHERE id = ?')
  const url = (id: string) => `/files/${id}`
  const fileOf = (id: string, mime: string) => path.join(dir, `${id}.${EXTENSIONS[mime] ?? 'bin'}`)

  return {
    async save(ownerId, mime, bytes) {
      assertPhoto(mime, bytes)
      const fileId = ids.next('f')
      writeFileSync(fileOf(fileId, mime), bytes)
      await store.writeRaw((db) =>
        db
          .prepare('INSERT INTO files (id, owner_id, mime, size, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(fileId, ownerId, mime, bytes.length, now()),
      )
      return { fileId, url: url(fileId) }
    },
    locate(fileId) {
      const row = find.get(fileId) as { mime: string } | undefined
      return row ? { file: fileOf(fileId, row.mime), mime: row.mime } : null
    },
    async assertOwned(fileIds, ownerId, field) {
      const seen = new Set<string>()
      fileIds.forEach((id, i) => {
        const row = find.get(id) as { owner_id: string } | undefined
        if (!row || row.owner_id !== ownerId) throw invalid(`${field}.${i}`, '照片不存在或不是你上传的，请重新上传')
        if (seen.has(id)) throw invalid(`${field}.${i}`, '同一张照片只能用一次')
        seen.add(id)
      })
    },
    async urls(fileIds) {
      return fileIds.map((fileId) => ({ fileId, url: url(fileId) }))
    },
    async removeAllOf(ownerId) {
      // the files table lists every upload, referenced or not: `known` adds nothing here
      const rows = store.reader.prepare('SELECT id, mime FROM files WHERE owner_id = ?').all(ownerId) as Array<{ id: string; mime: string }>
      if (rows.length === 0) return
      await store.writeRaw((db) => db.prepare('DELETE FROM files WHERE owner_id = ?').run(ownerId))
      for (const r of rows) rmSync(fileOf(r.id, r.mime), { force: true })
    },
  }
}
