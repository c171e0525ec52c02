// The data folder's disk: uploads stop while free space is below the reserve the database keeps for
// itself, and a full disk is the person's "存储空间不足" (507) and the operator's log line — never a
// bare 500. The reserve is REDGRID_DISK_RESERVE_MB (64 MB by default).
import { statfsSync } from 'node:fs'
import { AppError } from '../../core/domain/errors'

export const STORAGE_FULL = '存储空间不足，请联系社区管理员'
export const DEFAULT_RESERVE_BYTES = 64 * 1024 * 1024

export interface DiskGuard {
  /** Free bytes where the data folder lives. */
  freeBytes(): number
  reserveBytes: number
  /** Refuses (STORAGE_FULL) an upload of `bytes` that would leave less than the reserve. */
  assertRoomFor(bytes: number): void
  /** The error for a write the disk refused; the operator hears of it (at most once a minute). */
  full(cause: unknown): AppError
}

export function diskGuard(
  dataDir: string,
  options: { reserveBytes?: number; freeBytes?: () => number; log?: (message: string, error?: unknown) => void; now: () => number },
): DiskGuard {
  const freeBytes =
    options.freeBytes ??
    (() => {
      const s = statfsSync(dataDir)
      return Number(s.bavail) * Number(s.bsize)
    })
  const reserveBytes = options.reserveBytes ?? DEFAULT_RESERVE_BYTES
  let lastLogged = Number.NEGATIVE_INFINITY
  const tell = (message: string, cause?: unknown) => {
    if (options.now() - lastLogged < 60_000) return
    lastLogged = options.now()
    options.log?.(message, cause)
  }
  return {
    freeBytes,
    reserveBytes,
    assertRoomFor(bytes) {
      const free = freeBytes()
      if (free - bytes >= reserveBytes) return
      tell(
        `disk low / 磁盘空间不足: ${mb(free)} free in ${dataDir}, below the ${mb(reserveBytes)} kept for the database — uploads refused until space is freed`,
      )
      throw new AppError('STORAGE_FULL', STORAGE_FULL)
    },
    full(cause) {
      tell(`disk full / 磁盘已满: a write to ${dataDir} failed for lack of space — free some space; nothing acknowledged was lost`, cause)
      return new AppError('STORAGE_FULL', STORAGE_FULL)
    },
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
