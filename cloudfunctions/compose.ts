// The one place where adapters are chosen (DESIGN.md §9).
import path from 'node:path'
import { readFileSync, existsSync } from 'node:fs'
import { wordGuard, DEFAULT_BLOCKED_WORDS } from './adapters/local/word-guard'
import { localFiles, type LocalFiles, UNATTACHED_TTL_MS } from './adapters/local/files'
import { localExports, type LocalExports } from './adapters/local/exports'
import { randomIds } from './adapters/local/ids'
import { memoryRateLimiter } from './adapters/local/rate-limiter'
import { systemClock } from './adapters/clock'
import { TestClock } from './adapters/local/clock'
import { inboxOnlyNotifier } from './adapters/local/notifier'
import { checkedOnUpload } from './adapters/local/photo-screen'
import { isDatabaseFull, openStore, type SqliteStore } from './adapters/sqlite/store'
import { sweepChallenges } from './adapters/sqlite/identity'
import { createHandler, type Handler, type Runtime } from './core/edge'
import type { Clock, Deps, Ids, Notifier, Passwords } from './core/ports'
import { scryptPasswords } from './adapters/scrypt-passwords'
import { relyingPartyOf, webAuthnVerifier } from './adapters/local/webauthn'
import { REGISTRY } from './core/registry'
import { type TickReport, tick } from './core/usecases/scheduler/tick'
import { type DiskGuard, diskGuard } from './adapters/local/disk'
import { type UrlSigner, folderSecret, urlSigner } from './adapters/local/signed-urls'
import { SIGN_IN_LIMITS } from './core/usecases/accounts/sign-in-limits'
import { createSetupLink } from './core/usecases/accounts/sign-in'
import { runWrite } from './core/runner'

export interface LocalOptions {
  /** Folder for the database and uploaded photos. */
  dataDir: string
  /** Demo mode: test clock and demo sign-in. */
  demo: boolean
  clock?: Clock
  ids?: Ids
  /** Push channel beyond the in-app inbox (none locally; tests may record). */
  notifier?: Notifier
  log?: Runtime['log']
  /** The password KDF; default scrypt at production cost (tests pass a cheaper one). */
  passwords?: Passwords
  /** Free bytes on the data folder's disk (default: statfs; tests pretend). */
  freeBytes?: () => number
  /** Space uploads leave free for the database (default 64 MB; REDGRID_DISK_RESERVE_MB). */
  reserveBytes?: number
  /**
   * The site's origin as browsers see it (`https://redgrid.example.org`, `http://localhost:8080`): the
   * relying party passkeys are bound to, read when one is used. Absent: no passkeys.
   */
  siteOrigin?: () => string
}

export interface LocalApp {
  store: SqliteStore
  files: LocalFiles
  /** Generated workbooks (工作台账, 三评), served by the gateway at /exports/<id>. */
  exports: LocalExports
  clock: Clock
  /** Present in demo mode only. */
  testClock: TestClock | null
  /** What the use cases receive besides repositories (benchmarks call use cases with it directly). */
  deps: Deps
  handlers: Record<string, Handler>
  /** Signs the gateway's /files and /exports URLs, and checks them. */
  signer: UrlSigner
  /** The data folder's free space and the reserve uploads leave to the database. */
  disk: DiskGuard
  /** When the scheduler last ran through (and last failed), for GET /api/health. */
  scheduler: { lastRunAt: number | null; lastError: number | null }
  /** One scheduler run and the local housekeeping after it (uploads no record took, a day on; passkey challenges expired unanswered). */
  tick: () => Promise<TickReport & { unattachedPhotos: number; expiredChallenges: number }>
  /** A one-time setup link for a new community's first admin (printed while no community exists). */
  setupLink: (communityId?: string) => ReturnType<typeof createSetupLink>
  close(): void
}

export function composeLocal(options: LocalOptions): LocalApp {
  const testClock = options.demo ? new TestClock(options.clock ?? systemClock) : null
  const clock = testClock ?? options.clock ?? systemClock
  const disk = diskGuard(options.dataDir, {
    freeBytes: options.freeBytes,
    reserveBytes: options.reserveBytes,
    log: options.log,
    now: () => clock.now(),
  })
  const store = openStore(path.join(options.dataDir, 'redgrid.db'), { translate: (e) => (isDatabaseFull(e) ? disk.full(e) : e) })
  const ids = options.ids ?? randomIds
  const signer = urlSigner(folderSecret(options.dataDir), clock)
  const files = localFiles(store, path.join(options.dataDir, 'files'), ids, () => clock.now(), signer, disk)
  const wordsFile = path.join(options.dataDir, 'words.txt')
  const extraWords = existsSync(wordsFile) ? readFileSync(wordsFile, 'utf8').split('\n') : []
  const guard = wordGuard([...DEFAULT_BLOCKED_WORDS, ...extraWords])
  const limiter = memoryRateLimiter(clock, { maxFailures: 5, windowMs: 10 * 60_000 })
  const signIns = { account: memoryRateLimiter(clock, SIGN_IN_LIMITS.account), address: memoryRateLimiter(clock, SIGN_IN_LIMITS.address) }
  const passwords = options.passwords ?? scryptPasswords()
  const exports = localExports(path.join(options.dataDir, 'exports'), ids, clock, signer)
  const deps: Deps = {
    clock,
    ids,
    files,
    guard,
    limiter,
    signIns,
    passwords,
    notifier: options.notifier ?? inboxOnlyNotifier,
    exports,
    photos: checkedOnUpload,
  }
  const siteOrigin = options.siteOrigin
  if (siteOrigin) deps.passkeys = webAuthnVerifier(() => relyingPartyOf(siteOrigin()))
  const runtime: Runtime = { uow: store, deps, log: options.log }
  const scheduler: LocalApp['scheduler'] = { lastRunAt: null, lastError: null }
  const handlers = Object.fromEntries(Object.entries(REGISTRY).map(([fn, actions]) => [fn, createHandler(fn, actions, runtime)]))
  return {
    store,
    files,
    exports,
    clock,
    testClock,
    deps,
    handlers,
    signer,
    disk,
    scheduler,
    async tick() {
      // the scheduler's steps, then local housekeeping: uploads no record took
      try {
        const report = await tick(runtime)
        const unattachedPhotos = await files.sweepUnattached(clock.now() - UNATTACHED_TTL_MS)
        const expiredChallenges = await store.writeRaw((db) => sweepChallenges(db, clock.now()))
        scheduler.lastRunAt = clock.now()
        scheduler.lastError = null
        return { ...report, unattachedPhotos, expiredChallenges }
      } catch (e) {
        scheduler.lastError = clock.now()
        throw e
      }
    },
    setupLink: (communityId) => runWrite(runtime, (ctx) => createSetupLink(ctx, communityId)),
    close: () => store.close(),
  }
}
