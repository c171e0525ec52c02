// The one edge every function shares: parse → actor → (idempotent) transaction → envelope.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Role } from '@shared/enums'
import type { Envelope } from '@shared/envelope'
import { cleanInput } from './clean-input'
import { type Actor, GUEST } from './domain/access'
import { AppError } from './domain/errors'
import type { Ctx, Repos } from './ports'
import { WriteConflict } from './ports'
import { type Runtime, runRead, runWrite } from './runner'

export type { Runtime } from './runner'

z.config(z.locales.zhCN())

export interface ActionDef<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S
  /** Mutating actions run in a write transaction and are idempotent by requestId. */
  mutating: boolean
  /** The caller needs one of these roles (finer checks live in the use case). Absent: any signed-in user. */
  roles?: readonly Role[]
  /** Callable without signing in (the actor is then GUEST); a signed-in caller is still themself. */
  public?: boolean
  /**
   * Its input or its reply holds a secret (a password, a session token): nothing of the request is
   * stored — not even the hash of its input — so a repeat runs again (a sign-in opens another session).
   */
  secret?: boolean
  /**
   * How a repeat answers. Absent: with the stored reply. An action whose reply shows a record as the
   * caller may see it now (an order: its contact while they hold it) stores only `keep(reply)` and
   * answers a repeat by presenting that record again, as it now is, to them.
   */
  replay?: Replay<O>
  run: (ctx: Ctx, actor: Actor, input: z.output<S>) => Promise<O>
}

export interface Replay<O> {
  /** What of the reply is stored. */
  keep(reply: O): unknown
  /** The answer to a repeat, from what was kept. */
  answer(ctx: Ctx, actor: Actor, kept: never): Promise<O>
}

/** Keeps the input type of `run` tied to its schema. */
export const defineAction = <S extends z.ZodType, O>(def: ActionDef<S, O>): ActionDef<S, O> => def

export type ActionTable = Record<string, ActionDef<z.ZodType, unknown>>

/**
 * Who is calling, as the transport established it (a session token locally, the OPENID in WeChat), and
 * the session it came through (bearer-token doors), which signing out ends.
 */
export type Identity = { userId: string; sessionId?: string } | null

/** What the transport saw of the client: its address (the local gateway), for counting failed sign-ins. */
export interface Client {
  address?: string
}

export type Handler = (request: unknown, identity: Identity, client?: Client) => Promise<Envelope<unknown>>

/** How long a mutation's reply is kept for a repeat of its requestId; the scheduler removes older ones. */
export const REPLY_TTL_MS = 24 * 3600_000

const RequestSchema = z.object({
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为 8–64 位字母、数字、- 或 _')
    .optional(),
})

export function createHandler(fn: string, actions: ActionTable, runtime: Runtime): Handler {
  return async (request, identity, client) => {
    try {
      const data = await dispatch(fn, actions, runtime, request, identity, client)
      return { ok: true, data }
    } catch (error) {
      return { ok: false, error: toAppError(error, runtime).toJSON() }
    }
  }
}

async function dispatch(fn: string, actions: ActionTable, runtime: Runtime, request: unknown, identity: Identity, client?: Client) {
  const req = parse(RequestSchema, request, '')
  const def = Object.hasOwn(actions, req.action) ? actions[req.action] : undefined
  if (!def) throw new AppError('INVALID_INPUT', `没有这个操作：${req.action}`, 'action')
  if (!identity && !def.public) throw new AppError('UNAUTHENTICATED', '请先登录')
  const found = identity ? await runtime.uow.read((repos) => loadActor(repos, identity)) : GUEST
  const actor: Actor = client?.address ? { ...found, address: client.address } : found
  if (def.roles && !def.roles.some((r) => actor.roles.includes(r))) throw new AppError('FORBIDDEN', '没有权限做这件事')
  const input = parse(def.input, cleanInput(req.input ?? {}), 'input')

  if (!def.mutating) return runRead(runtime, (ctx) => def.run(ctx, actor, input))
  if (def.secret) return runWrite(runtime, async (ctx) => plainOf(await def.run(ctx, actor, input)))

  if (req.requestId === undefined) throw new AppError('INVALID_INPUT', '缺少请求编号', 'requestId')
  const hash = digest(`${fn}.${req.action}`, input)
  // a guest has no identity to keep requestIds apart: their key carries the payload too, so one
  // guest can neither replay nor block another's call by guessing its requestId
  const key = actor.userId ? `${actor.userId}:${req.requestId}` : `guest:${hash}:${req.requestId}`
  return runWrite(runtime, async (ctx) => {
    const now = ctx.clock.now()
    const prior = await ctx.repos.idempotency.get(key)
    if (prior && prior.at > now - REPLY_TTL_MS) {
      if (prior.hash !== hash) throw new AppError('CONFLICT', '同一请求编号已用于其他内容')
      return def.replay ? plainOf(await def.replay.answer(ctx, actor, prior.response as never)) : prior.response
    }
    // a reply past its day is gone (the scheduler may not have removed it yet): the request runs anew
    if (prior) await ctx.repos.idempotency.remove(key)
    const plain = plainOf(await def.run(ctx, actor, input))
    const kept = def.replay ? plainOf(def.replay.keep(plain)) : plain
    await ctx.repos.idempotency.put({ key, hash, response: kept, at: now, mentions: mentionsOf(kept) })
    return plain
  })
}

/** A reply as it crosses the wire (and is stored): JSON, `undefined` as null. */
const plainOf = (out: unknown) => (out === undefined ? null : JSON.parse(JSON.stringify(out)))

/** People's ids are made with the `u` prefix (`ids.next('u')`, the seeds, the roster import): `u_…`. */
const PERSON_ID = /^u_[A-Za-z0-9_-]+$/

/** The people a stored reply names: every string in it shaped like a person's id. */
export function mentionsOf(value: unknown, found = new Set<string>()): string[] {
  if (typeof value === 'string' && PERSON_ID.test(value)) found.add(value)
  else if (Array.isArray(value)) for (const v of value) mentionsOf(v, found)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) mentionsOf(v, found)
  return [...found]
}

async function loadActor(repos: Repos, identity: NonNullable<Identity>): Promise<Actor> {
  const user = await repos.users.get(identity.userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  const actor: Actor = { userId: user.id, communityId: user.communityId, roles: user.roles, name: user.name }
  if (user.roles.includes('grid_worker')) {
    actor.grids = user.workGrids
    if (user.gridLead) actor.gridLead = true
  }
  // a street account's tenant is its street: the communities it answers for come from the street record
  if (user.roles.includes('street')) actor.streetCommunities = (await repos.places.streetCommunities(user.communityId)).map((c) => c.id)
  return identity.sessionId ? { ...actor, sessionId: identity.sessionId } : actor
}

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  // an unknown key is the field at fault, not its parent object
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : []
  const path = [...issue.path, ...keys].map(String).join('.')
  const field = path || prefix || 'request'
  const named = path ? path : prefix === 'input' ? '输入' : '请求'
  throw new AppError('INVALID_INPUT', `${named}：${issue.message}`, field)
}

/** Stable hash of an action's parsed input, keys sorted. */
function digest(name: string, input: unknown): string {
  return createHash('sha256').update(name).update('\0').update(stableJson(input)).digest('hex')
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function toAppError(error: unknown, runtime: Runtime): AppError {
  if (error instanceof AppError) return error
  if (error instanceof WriteConflict) return new AppError('CONFLICT', '有人同时修改了这条记录，请刷新后重试')
  runtime.log?.('unexpected error', error)
  return new AppError('INTERNAL', '服务暂时出了点问题，请稍后再试')
}
