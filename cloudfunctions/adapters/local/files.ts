// Local photo storage: bytes in the data folder, one row per file naming who uploaded it. Uploads are
// held to a per-person rate and a daily quota, stop while the disk is below the reserve the database
// keeps, and one that no record ever took (checked through assertOwned, in the taking transaction) is
// removed after a day. Photos are shown through short-lived signed URLs.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { MAX_PHOTO_BYTES, PHOTO_MIME_TYPES } from '@shared/enums'
import { AppError, invalid } from '../../core/domain/errors'
import type { Files, Ids } from '../../core/ports'
import type { SqliteStore } from '../sqlite/store'
import type { UrlSigner } from './signed-urls'
import type { DiskGuard } from './disk'

export const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

const MINUTE = 60_000
const MB = 1024 * 1024
/** What one person may upload: a burst (a member closing an order with nine photos, twice) and a day. */
export const UPLOAD_LIMITS = [
  { windowMs: 10 * MINUTE, files: 30, bytes: 60 * MB, message: '上传太频繁了，请过几分钟再试' },
  { windowMs: 24 * 60 * MINUTE, files: 300, bytes: 500 * MB, message: '今天上传的照片太多了，请明天再试' },
]
/** A photo's signed URL works this long (at least): a page open longer fetches the order again. */
export const PHOTO_URL_TTL_MS = 60 * MINUTE
/** An upload no record took is removed after this long. */
export const UNATTACHED_TTL_MS = 24 * 60 * MINUTE

/** Checks the bytes really are the image type claimed (magic numbers), not just the header. */
export function sniffImage(bytes: Buffer): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

/** Widest or tallest side a photo may have, and the most pixels: a phone's 48 MP camera stays under both. */
export const MAX_PHOTO_SIDE = 12_000
export const MAX_PHOTO_PIXELS = 60_000_000

/** Width and height from the image's header (PNG IHDR, JPEG SOFn, WebP VP8 / VP8L / VP8X), or null. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  const type = sniffImage(bytes)
  if (type === 'image/png') return bytes.length >= 24 ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null
  if (type === 'image/webp') {
    const chunk = bytes.toString('ascii', 12, 16)
    if (chunk === 'VP8 ' && bytes.length >= 30) return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff }
    if (chunk === 'VP8L' && bytes.length >= 25) {
      const bits = bytes.readUInt32LE(21)
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
    }
    if (chunk === 'VP8X' && bytes.length >= 30) return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 }
    return null
  }
  if (type === 'image/jpeg') {
    // walk the markers to the first start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC)
    let at = 2
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null
      const marker = bytes[at + 1]
      if (marker === 0xff) {
        at += 1
        continue
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) }
      at += 2 + bytes.readUInt16BE(at + 2)
    }
  }
  return null
}

/** Refuses what is not a photo the app may store: the type, an empty or over-large body, bytes of another type, its dimensions. */
export function assertPhoto(mime: string, bytes: Buffer): void {
  if (!(PHOTO_MIME_TYPES as readonly string[]).includes(mime)) throw invalid('contentType', '只能上传 JPG、PNG 或 WebP 图片')
  if (bytes.length === 0) throw invalid('body', '图片是空的')
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '图片不能超过 5 MB')
  if (sniffImage(bytes) !== mime) throw invalid('body', '文件内容不是所选的图片格式')
  const size = imageSize(bytes)
  if (!size || size.width < 1 || size.height < 1) throw invalid('body', '读不出这张图片的尺寸，请换一张')
  if (size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE || size.width * size.height > MAX_PHOTO_PIXELS)
    throw invalid('body', '图片尺寸太大了，请换一张或截图后再传')
}

export interface LocalFiles extends Files {
  /** Stores an upload; returns its id and a signed display URL. */
  save(ownerId: string, mime: string, bytes: Buffer): Promise<{ fileId: string; url: string }>
  /** Where an id's bytes live and their type, or null. */
  locate(fileId: string): { file: string; mime: string } | null
  /** Removes uploads no record took that are older than `before`; returns how many. */
  sweepUnattached(before: number): Promise<number>
}

export function localFiles(store: SqliteStore, dir: string, ids: Ids, now: () => number, signer: UrlSigner, disk: DiskGuard): LocalFiles {
  mkdirSync(dir, { recursive: true })
  const find = store.reader.prepare('SELECT id, owner_id, mime FROM files WHERE id = ?')
  const recent = store.reader.prepare(
    'SELECT COUNT(*) AS files, COALESCE(SUM(size), 0) AS bytes FROM files WHERE owner_id = ? AND created_at > ?',
  )
  const url = (id: string) => signer.sign(`/files/${id}`, PHOTO_URL_TTL_MS)
  const fileOf = (id: string, mime: string) => path.join(dir, `${id}.${EXTENSIONS[mime] ?? 'bin'}`)

  return {
    async save(ownerId, mime, bytes) {
      assertPhoto(mime, bytes)
      for (const limit of UPLOAD_LIMITS) {
        const used = recent.get(ownerId, now() - limit.windowMs) as { files: number; bytes: number }
        if (used.files + 1 > limit.files || used.bytes + bytes.length > limit.bytes) throw new AppError('RATE_LIMITED', limit.message)
      }
      disk.assertRoomFor(bytes.length)
      const fileId = ids.next('f')
      try {
        writeFileSync(fileOf(fileId, mime), bytes)
      } catch (e) {
        rmSync(fileOf(fileId, mime), { force: true })
        if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw disk.full(e)
        throw e
      }
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
      // taken by a record: kept. The use case calls this inside its write transaction, on the writer, so
      // the mark commits (or rolls back) with the record that took the photo.
      const mark = store.db.prepare('UPDATE files SET attached_at = ? WHERE id = ? AND attached_at IS NULL')
      for (const id of fileIds) mark.run(now(), id)
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
    async remove(fileIds) {
      const rows = fileIds.flatMap((id) => {
        const row = find.get(id) as { id: string; mime: string } | undefined
        return row ? [row] : []
      })
      if (rows.length === 0) return
      await store.writeRaw((db) => {
        for (const r of rows) db.prepare('DELETE FROM files WHERE id = ?').run(r.id)
      })
      for (const r of rows) rmSync(fileOf(r.id, r.mime), { force: true })
    },
    async sweepUnattached(before) {
      const rows = await store.writeRaw((db) => {
        const loose = db.prepare('SELECT id, mime FROM files WHERE attached_at IS NULL AND created_at < ?').all(before) as Array<{
          id: string
          mime: string
        }>
        db.prepare('DELETE FROM files WHERE attached_at IS NULL AND created_at < ?').run(before)
        return loose
      })
      for (const r of rows) rmSync(fileOf(r.id, r.mime), { force: true })
      return rows.length
    },
  }
}
