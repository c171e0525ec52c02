// Cloud storage with files on disk. node-sdk's uploadFile (src/storage/index.ts) asks
// `storage.getUploadMetadata` for a URL and token, then PUTs the bytes there (COS's protocol: an
// empty body is success, an XML <Error> is failure); getTempFileURL and deleteFile are batch calls.
import { createHmac, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { TcbError } from './errors'

export interface StoredFile {
  fileID: string
  cloudPath: string
  size: number
}

/** getTempFileURL takes at most this many files per call (CLOUDBASE.md). */
export const URL_BATCH = 50

export class Storage {
  /** Upload token → the path it may write, until used. */
  private readonly pending = new Map<string, { cloudPath: string; expires: number }>()
  private readonly secret = randomBytes(16)
  readonly bucket: string

  constructor(
    private readonly envId: string,
    private readonly root: string,
    /** The emulator's own base URL, for upload links (and download links unless `downloadBase` is given). */
    private readonly baseUrl: () => string,
    /**
     * Where download links point instead, as a CDN domain fronts COS: '' makes them paths
     * (`/__cos/…`) for whoever serves this emulator's storage on its own origin (cloud mode's gateway).
     */
    private readonly downloadBase?: string,
  ) {
    // real buckets read `<4 hex>-<envId>-<appid>`; the harness's example starts 7265 ("re" in hex)
    this.bucket = `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1300000000`
    mkdirSync(root, { recursive: true })
  }

  fileIdOf(cloudPath: string) {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`
  }

  /** The cloud path inside this environment's bucket, or null for another environment's or a malformed id. */
  pathOf(fileId: string): string | null {
    const prefix = `cloud://${this.envId}.${this.bucket}/`
    if (!fileId.startsWith(prefix)) return null
    const p = fileId.slice(prefix.length)
    return safePath(p) ? p : null
  }

  private fileOf(cloudPath: string) {
    return path.join(this.root, ...cloudPath.split('/'))
  }

  /** `storage.getUploadMetadata` → `{ url, token, authorization, fileId, cosFileId }` (node-sdk src/storage/index.ts uploadFile). */
  uploadMetadata(cloudPath: unknown) {
    if (typeof cloudPath !== 'string' || !safePath(cloudPath)) throw new TcbError('INVALID_PARAM', `bad cloudPath ${String(cloudPath)}`)
    const token = randomBytes(16).toString('hex')
    this.pending.set(token, { cloudPath, expires: Date.now() + 10 * 60_000 })
    return {
      url: `${this.baseUrl()}/__cos/${this.bucket}/${cloudPath.split('/').map(encodeURIComponent).join('/')}`,
      token,
      authorization: `q-sign-algorithm=sha1&q-emulator=${token}`,
      fileId: this.fileIdOf(cloudPath),
      cosFileId: randomBytes(8).toString('hex'),
      download_url: '',
    }
  }

  /** The PUT of an upload: COS checks the security token that came with the metadata. */
  receive(
    bucket: string,
    cloudPath: string,
    token: string | undefined,
    bytes: Buffer,
  ): { ok: true } | { ok: false; code: string; message: string } {
    const grant = token ? this.pending.get(token) : undefined
    if (bucket !== this.bucket || !grant || grant.cloudPath !== cloudPath || grant.expires < Date.now())
      return { ok: false, code: 'AccessDenied', message: 'Access Denied: no upload token for this path' }
    this.pending.delete(token as string)
    this.put(cloudPath, bytes)
    return { ok: true }
  }

  /** Stores a file directly (what a mini-program's wx.cloud.uploadFile ends in). */
  put(cloudPath: string, bytes: Buffer): string {
    if (!safePath(cloudPath)) throw new TcbError('INVALID_PARAM', `bad cloudPath ${cloudPath}`)
    const file = this.fileOf(cloudPath)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, bytes)
    return this.fileIdOf(cloudPath)
  }

  read(cloudPath: string): Buffer | null {
    const file = this.fileOf(cloudPath)
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null
  }

  private sign(cloudPath: string, expires: number) {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${expires}`).digest('hex').slice(0, 32)
  }

  /** A download URL's signature, checked by the GET that serves it. */
  verify(cloudPath: string, sign: string | null, t: string | null): boolean {
    const expires = Number(t)
    return !!sign && Number.isFinite(expires) && expires * 1000 >= Date.now() && sign === this.sign(cloudPath, expires)
  }

  /** `storage.batchGetDownloadUrl` → `download_list` items `{ fileID, tempFileURL, code, maxAge }`. */
  downloadUrls(fileList: unknown) {
    if (!Array.isArray(fileList) || fileList.length === 0) throw new TcbError('INVALID_PARAM', 'file_list must be a non-empty array')
    // [U] whether the service refuses more than 50 or serves them
    if (fileList.length > URL_BATCH) throw new TcbError('INVALID_PARAM', `at most ${URL_BATCH} files per call`)
    return fileList.map((item: { fileid?: unknown; max_age?: unknown }) => {
      const fileID = String(item?.fileid ?? '')
      const cloudPath = this.pathOf(fileID)
      const maxAge = Number(item?.max_age) > 0 ? Number(item.max_age) : 86_400
      // [U] the code for a missing file: the one node-sdk's and wx-server-sdk's tables name
      if (!cloudPath || !this.read(cloudPath)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge }
      const expires = Math.floor(Date.now() / 1000) + maxAge
      const url = `${this.downloadBase ?? this.baseUrl()}/__cos/${this.bucket}/${cloudPath.split('/').map(encodeURIComponent).join('/')}?sign=${this.sign(cloudPath, expires)}&t=${expires}`
      return { fileID, tempFileURL: url, code: 'SUCCESS', maxAge }
    })
  }

  /** `storage.batchDeleteFile` → `delete_list` items `{ fileID, code }`. */
  delete(fileList: unknown) {
    if (!Array.isArray(fileList)) throw new TcbError('INVALID_PARAM', 'fileid_list must be an array')
    return fileList.map((fileID: unknown) => {
      const cloudPath = this.pathOf(String(fileID))
      if (!cloudPath || !this.read(cloudPath)) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
      rmSync(this.fileOf(cloudPath))
      return { fileID, code: 'SUCCESS' }
    })
  }

  list(): StoredFile[] {
    const out: StoredFile[] = []
    const walk = (dir: string, prefix: string) => {
      if (!existsSync(dir)) return
      for (const name of readdirSync(dir).sort()) {
        const full = path.join(dir, name)
        const cloudPath = prefix ? `${prefix}/${name}` : name
        if (statSync(full).isDirectory()) walk(full, cloudPath)
        else out.push({ fileID: this.fileIdOf(cloudPath), cloudPath, size: statSync(full).size })
      }
    }
    walk(this.root, '')
    return out
  }

  reset() {
    this.pending.clear()
    rmSync(this.root, { recursive: true, force: true })
    mkdirSync(this.root, { recursive: true })
  }
}

/** A relative path of plain segments: nothing that could climb out of the storage folder. */
function safePath(p: string): boolean {
  if (!p || p.length > 1024 || p.startsWith('/') || p.includes('\\') || p.includes('\u0000')) return false
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..')
}
