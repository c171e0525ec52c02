// Local exports: the workbook in the data folder's exports/, fetched through the gateway at a signed
// /exports/<id>?exp=…&sig=… (like a cloud temporary URL: an hour), kept a day, then removed.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Clock, Exports, Ids } from '../../core/ports'
import { XLSX_MIME, renderXlsx } from '../xlsx/render'
import type { UrlSigner } from './signed-urls'

export const EXPORT_TTL_MS = 24 * 3600_000
/** How long the download link handed out with an export works. */
export const EXPORT_URL_TTL_MS = 3600_000

export interface LocalExports extends Exports {
  /** The file behind an id, its download name and type, or null when unknown or expired. */
  locate(id: string): { file: string; name: string; mime: string } | null
}

interface Meta {
  name: string
  ownerId: string
  expiresAt: number
}

export function localExports(dir: string, ids: Ids, clock: Clock, signer: UrlSigner): LocalExports {
  mkdirSync(dir, { recursive: true })
  const metaOf = (id: string) => path.join(dir, `${id}.json`)
  const fileOf = (id: string) => path.join(dir, `${id}.xlsx`)
  const readMeta = (id: string): Meta | null => {
    try {
      return JSON.parse(readFileSync(metaOf(id), 'utf8')) as Meta
    } catch {
      return null
    }
  }
  /** Drops expired exports; runs on each save, so the folder never grows without bound. */
  const sweep = () => {
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.json')) continue
      const id = f.slice(0, -5)
      const meta = readMeta(id)
      if (!meta || meta.expiresAt <= clock.now()) {
        rmSync(metaOf(id), { force: true })
        rmSync(fileOf(id), { force: true })
      }
    }
  }

  return {
    async saveWorkbook(book, ownerId) {
      sweep()
      const id = ids.next('x')
      const bytes = await renderXlsx(book, new Date(clock.now()))
      const name = `${book.name}.xlsx`
      const expiresAt = clock.now() + EXPORT_TTL_MS
      writeFileSync(fileOf(id), bytes)
      writeFileSync(metaOf(id), JSON.stringify({ name, ownerId, expiresAt } satisfies Meta))
      const url = signer.sign(`/exports/${id}`, EXPORT_URL_TTL_MS)
      return { name, url, expiresAt: Math.min(expiresAt, signer.expiresAt(new URL(url, 'http://x').searchParams)) }
    },
    locate(id) {
      if (!/^[A-Za-z0-9_-]{1,80}$/.test(id)) return null
      const meta = readMeta(id)
      if (!meta || meta.expiresAt <= clock.now() || !existsSync(fileOf(id))) return null
      return { file: fileOf(id), name: meta.name, mime: XLSX_MIME }
    },
  }
}
