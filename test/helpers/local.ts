// Test fixtures on the real parts: a SQLite data folder in a temp dir, the composed app, and the
// gateway on a free port. No fakes stand in for the database.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { ActionOf, Fn, InputOf, OutputOf } from '@shared/api'
import type { Envelope } from '@shared/envelope'
import { composeLocal, type LocalApp } from '../../cloudfunctions/compose'
import type { Clock } from '../../cloudfunctions/core/ports'
import { type GatewayOptions, createGateway } from '../../local/gateway'
import { scryptPasswords } from '../../cloudfunctions/adapters/scrypt-passwords'
import { localBackend } from '../../local/local-backend'
import { seedDemo } from '../../local/seed'

export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

let counter = 0
/** A fresh requestId per call site unless the test passes its own. */
export const rid = () => `req-${process.pid}-${Date.now()}-${++counter}`

export interface Harness {
  app: LocalApp
  dataDir: string
  /** Calls a function in-process through the same edge the gateway uses, typed by the wire map. */
  call<F extends Fn, A extends ActionOf<F>>(
    userId: string | null,
    fn: F,
    action: A,
    input?: InputOf<F, A>,
    requestId?: string,
  ): Promise<Envelope<OutputOf<F, A>>>
  /** The same with anything as input: for what the edge must refuse (wrong fields, wrong actions). */
  raw(userId: string | null, fn: string, action: string, input?: unknown, requestId?: string): Promise<Envelope<unknown>>
  /** Calls and insists on ok: returns data. */
  ok<F extends Fn, A extends ActionOf<F>>(
    userId: string,
    fn: F,
    action: A,
    input?: InputOf<F, A>,
    requestId?: string,
  ): Promise<OutputOf<F, A>>
  /** Stores a photo uploaded by `userId`, returning its file id. */
  upload(userId: string): Promise<string>
  close(): void
}

/** scrypt at a test's cost: the same code and encoding as production, 2^10 instead of 2^16 (scrypt-passwords.ts). */
export const TEST_PASSWORDS = scryptPasswords({ N: 2 ** 10, r: 8, p: 1 })

export interface HarnessOptions {
  clock?: Clock
  demo?: boolean
  /** Seed the demo communities (default: yes, with or without demo mode's test clock). */
  seed?: boolean
  log?: (message: string, error?: unknown) => void
  /** Pretends the data folder's disk has this much free space. */
  freeBytes?: () => number
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'redgrid-test-'))
  const demo = options.demo ?? true
  const app = composeLocal({
    dataDir,
    demo,
    clock: options.clock,
    log: options.log,
    freeBytes: options.freeBytes,
    passwords: TEST_PASSWORDS,
  })
  if (options.seed ?? true) await seedDemo(app)
  const raw: Harness['raw'] = (userId, fn, action, input, requestId) =>
    app.handlers[fn]({ action, input, requestId: requestId ?? rid() }, userId ? { userId } : null)
  const call = (async (userId, fn, action, input, requestId) => raw(userId, fn, action, input, requestId)) as Harness['call']
  return {
    app,
    dataDir,
    call,
    raw,
    async ok(userId, fn, action, input, requestId) {
      const res = await call(userId, fn, action, input, requestId)
      if (!res.ok) throw new Error(`${fn}.${action} as ${userId} failed: ${JSON.stringify(res.error)}`)
      return res.data
    },
    async upload(userId) {
      return (await app.files.save(userId, 'image/png', TINY_PNG)).fileId
    },
    close() {
      app.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Every table's rows, in a stable order: equal dumps mean nothing was written. */
export function dumpDb(db: Database.Database, skip: string[] = ['sessions']): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  return JSON.stringify(
    tables.filter((t) => !skip.includes(t.name)).map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]),
  )
}

/** Adds `n` party members to a community, for races that need more people than the demo has. */
export async function addMembers(app: LocalApp, communityId: string, n: number, prefix = 'u_extra'): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`)
  await app.store.writeRaw((db) => {
    const grid = db.prepare('SELECT id FROM grids WHERE community_id = ? LIMIT 1').get(communityId) as { id: string }
    const insert = db.prepare(
      'INSERT INTO users (id, community_id, name, phone, roles, grid_id, building_id, room, member, created_at) VALUES (?, ?, ?, NULL, \'["member"]\', ?, NULL, NULL, ?, 0)',
    )
    const profile = JSON.stringify({ branch: null, workUnit: null, posts: [], skills: [] })
    ids.forEach((id, i) => {
      insert.run(id, communityId, `党员${i + 1}`, grid.id, profile)
    })
  })
  return ids
}

export interface HttpHarness extends Harness {
  url: string
  token(userId: string): Promise<string>
  post(fn: string, body: unknown, token?: string): Promise<{ status: number; body: any }>
}

/** The harness plus the real HTTP gateway listening on a free port. */
export async function openHttpHarness(options: HarnessOptions & Omit<Partial<GatewayOptions>, 'demo'> = {}): Promise<HttpHarness> {
  const h = await openHarness(options)
  const server = createGateway(localBackend(h.app), { ...options, demo: options.demo ?? true })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const tokens = new Map<string, string>()
  const post = async (fn: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }
  return {
    ...h,
    url,
    post,
    async token(userId) {
      const known = tokens.get(userId)
      if (known) return known
      const res = await post('auth/demo-login', { userId })
      if (!res.body.ok) throw new Error(`demo-login ${userId}: ${JSON.stringify(res.body)}`)
      tokens.set(userId, res.body.data.token)
      return res.body.data.token
    },
    close() {
      server.closeAllConnections()
      server.close()
      h.close()
    },
  }
}
