// The one place where adapters are chosen (DESIGN.md §9).
import path from 'node:path'
import { readFileSync, existsSync } from 'node:fs'
import { wordGuard, DEFAULT_BLOCKED_WORDS } from './adapters/local/word-guard'
import { localFiles, type LocalFiles } from './adapters/local/files'
import { localExports, type LocalExports } from './adapters/local/exports'
import { randomIds } from './adapters/local/ids'
import { memoryRateLimiter } from './adapters/local/rate-limiter'
import { systemClock } from './adapters/clock'
import { TestClock } from './adapters/local/clock'
import { inboxOnlyNotifier } from './adapters/local/notifier'
import { checkedOnUpload } from './adapters/local/photo-screen'
import { openStore, type SqliteStore } from './adapters/sqlite/store'
import { createHandler, type Handler, type Runtime } from './core/edge'
import type { Clock, Deps, Ids, Notifier } from './core/ports'
import { REGISTRY } from './core/registry'
import { tick } from './core/usecases/scheduler/tick'

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
  tick: () => ReturnType<typeof tick>
  close(): void
}

export function composeLocal(options: LocalOptions): LocalApp {
  const store = openStore(path.join(options.dataDir, 'redgrid.db'))
  const testClock = options.demo ? new TestClock(options.clock ?? systemClock) : null
  const clock = testClock ?? options.clock ?? systemClock
  const ids = options.ids ?? randomIds
  const files = localFiles(store, path.join(options.dataDir, 'files'), ids, () => clock.now())
  const wordsFile = path.join(options.dataDir, 'words.txt')
  const extraWords = existsSync(wordsFile) ? readFileSync(wordsFile, 'utf8').split('\n') : []
  const guard = wordGuard([...DEFAULT_BLOCKED_WORDS, ...extraWords])
  const limiter = memoryRateLimiter(clock, { maxFailures: 5, windowMs: 10 * 60_000 })
  const exports = localExports(path.join(options.dataDir, 'exports'), ids, clock)
  const deps: Deps = {
    clock,
    ids,
    files,
    guard,
    limiter,
    notifier: options.notifier ?? inboxOnlyNotifier,
    exports,
    photos: checkedOnUpload,
  }
  const runtime: Runtime = { uow: store, deps, log: options.log }
  const handlers = Object.fromEntries(Object.entries(REGISTRY).map(([fn, actions]) => [fn, createHandler(fn, actions, runtime)]))
  return {
    store,
    files,
    exports,
    clock,
    testClock,
    deps,
    handlers,
    tick: () => tick(runtime),
    close: () => store.close(),
  }
}
