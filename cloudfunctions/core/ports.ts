// What the use cases need from the world. Shaped so a document database with single-document
// transactions (CloudBase) can implement it: every write addresses one record by a known id.
import type { OrderStatus, PostType } from '@shared/enums'
import type { Photo } from '@shared/orders'
import type { Actor } from './domain/access'
import type { PointsRules } from './domain/rules'
import type { Building, Community, Goods, Grid, LedgerRecord, Order, OrderEventRecord, PointAccount, Redemption, RulesChange, User } from './domain/model'

export interface Clock {
  /** Epoch milliseconds. */
  now(): number
}

export interface Ids {
  /** A new unique, unguessable id with a readable prefix, e.g. `o_…` for orders. */
  next(prefix: string): string
  /** Cryptographically random bytes (pickup codes, check-in tokens). */
  randomBytes(n: number): Uint8Array
}

/** Thrown by repositories when a write loses a race (stale version, duplicate id). */
export class WriteConflict extends Error {
  constructor(what: string) {
    super(`write conflict: ${what}`)
    this.name = 'WriteConflict'
  }
}

export interface UserRepo {
  get(id: string): Promise<User | null>
  getMany(ids: string[]): Promise<User[]>
  listMembers(communityId: string): Promise<User[]>
  /** Saves the user's own settings (ranking opt-in); identity, roles and community never change here. */
  saveSettings(user: User): Promise<void>
}

export interface PlaceRepo {
  community(id: string): Promise<Community | null>
  grid(id: string): Promise<Grid | null>
  building(id: string): Promise<Building | null>
  /** The community's points rules, or null for the shipped defaults. */
  rules(communityId: string): Promise<PointsRules | null>
  /** The last change to the rules, if any. */
  lastRulesChange(communityId: string): Promise<RulesChange | null>
  /** Stores new rules and appends the audit record (who, when, before, after). */
  saveRules(change: RulesChange): Promise<void>
}

export interface OrderQuery {
  communityId: string
  statuses?: OrderStatus[]
  residentId?: string
  /** Orders this member holds (claimer) or was directed to (assignee). */
  memberId?: string
  /** Hall: leave out orders directed to someone else and the member's own orders. */
  takeableBy?: string
  category?: PostType
  gridId?: string
  cursor?: string
  limit: number
}

export interface OrderRepo {
  get(id: string): Promise<Order | null>
  insert(order: Order): Promise<void>
  /** Saves `order` if the stored version is `order.version - 1`; otherwise throws WriteConflict. */
  update(order: Order): Promise<void>
  appendEvent(event: OrderEventRecord): Promise<void>
  events(orderId: string): Promise<OrderEventRecord[]>
  /** Newest first; the cursor is opaque. */
  list(query: OrderQuery): Promise<{ items: Order[]; nextCursor?: string }>
  /** Ids of completed orders last changed before `before`, oldest first: the 72-hour auto-confirm. */
  dueForAutoConfirm(before: number, limit: number): Promise<string[]>
}

export interface PointsRepo {
  account(memberId: string): Promise<PointAccount | null>
  /** Creates or updates, checking `version - 1` like orders. */
  saveAccount(account: PointAccount): Promise<void>
  entry(sourceKey: string): Promise<LedgerRecord | null>
  /** Appends; a second entry with the same source key throws WriteConflict. */
  append(record: LedgerRecord): Promise<void>
  ledger(memberId: string, cursor: string | undefined, limit: number): Promise<{ items: LedgerRecord[]; nextCursor?: string }>
  /** Every account of a community (for rankings). */
  accounts(communityId: string): Promise<PointAccount[]>
  /** Members whose oldest unspent points were earned in `year` or before: the yearly expiry sweep. */
  withLotsFrom(year: number, limit: number): Promise<string[]>
}

export interface MallRepo {
  goods(id: string): Promise<Goods | null>
  listGoods(communityId: string, includeOffShelf: boolean): Promise<Goods[]>
  insertGoods(goods: Goods): Promise<void>
  /** Version-checked like orders: a concurrent redemption makes a stale stock write fail. */
  updateGoods(goods: Goods): Promise<void>
  /** How many active redemptions a member holds of one good (the per-member limit). */
  holding(goodsId: string, memberId: string): Promise<number>
  setHolding(goodsId: string, memberId: string, count: number): Promise<void>
  redemption(id: string): Promise<Redemption | null>
  insertRedemption(r: Redemption): Promise<void>
  updateRedemption(r: Redemption): Promise<void>
  /** A member's redemptions, newest first. */
  redemptions(memberId: string, cursor: string | undefined, limit: number): Promise<{ items: Redemption[]; nextCursor?: string }>
  /** The pickup code index: code → redemption, unique per community. */
  redemptionByCode(communityId: string, code: string): Promise<string | null>
  claimCode(communityId: string, code: string, redemptionId: string): Promise<void>
  /** Pending redemptions whose pickup window closed before `now`, oldest first. */
  dueForExpiry(now: number, limit: number): Promise<string[]>
}

export interface IdempotencyRecord {
  key: string
  /** Hash of fn, action and input: the same requestId with another payload is refused. */
  hash: string
  response: unknown
  at: number
}

export interface IdempotencyRepo {
  get(key: string): Promise<IdempotencyRecord | null>
  put(record: IdempotencyRecord): Promise<void>
}

export interface SessionRepo {
  /** The user a session token belongs to. */
  userFor(token: string): Promise<string | null>
}

export interface Repos {
  users: UserRepo
  places: PlaceRepo
  orders: OrderRepo
  points: PointsRepo
  mall: MallRepo
  idempotency: IdempotencyRepo
}

export interface UnitOfWork {
  /**
   * Runs `fn` as one transaction. An adapter may run `fn` again after a write conflict, so `fn`
   * must have no effects outside the repositories (queue those with `Ctx.after`).
   */
  write<T>(fn: (repos: Repos) => Promise<T>): Promise<T>
  /** Runs `fn` against committed data, without a transaction. */
  read<T>(fn: (repos: Repos) => Promise<T>): Promise<T>
}

export interface Files {
  /** Refuses (INVALID_INPUT on `field`) any file id that does not exist or was not uploaded by `ownerId`. */
  assertOwned(fileIds: string[], ownerId: string, field: string): Promise<void>
  /** Display URLs, in the same order. */
  urls(fileIds: string[]): Promise<Photo[]>
}

export interface ContentGuard {
  /** Refuses (INVALID_INPUT on `field`) text that must not be shown to others. */
  check(text: string, field: string, actor: Actor): Promise<void>
}

/**
 * Counts failed attempts (wrong pickup codes, failed sign-ins), never successful calls. It keeps its
 * own state outside the use case's transaction, so a refused attempt is still counted.
 */
export interface RateLimiter {
  /** Throws RATE_LIMITED while `key` has too many recent failures. */
  assertAllowed(key: string): Promise<void>
  recordFailure(key: string): Promise<void>
}

/** Everything a use case receives besides the actor and the input. */
export interface Deps {
  clock: Clock
  ids: Ids
  files: Files
  guard: ContentGuard
  limiter: RateLimiter
}

export interface Ctx extends Deps {
  repos: Repos
  /** Queues an effect (a push message, say) to run once after the transaction commits. */
  after(effect: () => Promise<void>): void
}
