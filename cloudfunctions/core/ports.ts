// What the use cases need from the world. Shaped so a document database with single-document
// transactions (CloudBase) can implement it: every write addresses one record by a known id.
import type { GridTaskStatus, OrderKind, OrderStatus, PostType } from '@shared/enums'
import type { Photo } from '@shared/orders'
import type { Actor } from './domain/access'
import type { PointsRules } from './domain/rules'
import type { MemberStats } from './domain/routing'
import type { LedgerSum, OrderFacts } from './domain/dashboard'
import type {
  Building,
  Community,
  Goods,
  Grid,
  LedgerRecord,
  Order,
  OrderEventRecord,
  PointAccount,
  Redemption,
  RulesChange,
  Street,
  User,
} from './domain/model'
import type { GridTask, Household, Referral, Unit, Visit } from './domain/model'
import type { CareRecord, Pair } from './domain/model'
import type { Activity, NotificationRecord, Signup } from './domain/model'
import type { Evaluation, EvaluationLink, Registration, ShowcaseConsent, StaffCard } from './domain/model'
import type { PhotoCheck, PhotoPlace, SubscriptionGrant } from './domain/model'
import type { TemplateKey } from '@shared/subscribe'
import type { ActivityStatus } from '@shared/activities'
import type { NoticeKind } from '@shared/inbox'

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
  /** The community's staff and admins, by name then id: who hears of escalations. */
  listStaff(communityId: string): Promise<User[]>
  /** The 网格员 serving a grid, by name then id: the grid level's people. */
  listGridWorkers(communityId: string, gridId: string): Promise<User[]>
  /** A street's accounts, by name then id: who hears what reaches 街道. */
  listStreetAccounts(streetId: string): Promise<User[]>
  /** Saves the user's own settings (ranking opt-in); identity, roles and community never change here. */
  saveSettings(user: User): Promise<void>
  /** Everyone of a community (staff pick people to manage), by name then id. */
  listCommunity(communityId: string): Promise<User[]>
  /** A new person (first contact in WeChat); an existing id throws WriteConflict. */
  insert(user: User): Promise<void>
  /**
   * What staff decide about a person: roles, name, phone, home, member profile, the grids they serve and
   * the building they head. The community never changes.
   */
  saveProfile(user: User): Promise<void>
  /**
   * Account deletion (PIPL): overwrites the personal fields — name, phone, grid, building, room, member
   * profile, roles, ranking opt-in — with `user`'s. Id, community and creation time stay.
   */
  erasePersonal(user: User): Promise<void>
  /**
   * Everyone holding a role (nobody deleted or still unverified): the people one may sign in as in demo
   * mode. Community by community, each in the order its people were added.
   */
  everyoneWithRoles(): Promise<User[]>
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
  /** The community's grids, by name then id. */
  grids(communityId: string): Promise<Grid[]>
  /** The community's buildings, by name then id. */
  buildings(communityId: string): Promise<Building[]>
  /** Creates or renames a community; its points rules and its street (saveStreet) stay. */
  saveCommunity(community: Pick<Community, 'id' | 'name'>): Promise<void>
  /** Creates or renames a grid (admin). */
  saveGrid(grid: Grid): Promise<void>
  /** Every community, by name then id (one in a self-hosted community; the setup tool lists them). */
  communities(): Promise<Community[]>
  street(id: string): Promise<Street | null>
  /** The communities a street owns, by name then id. */
  streetCommunities(streetId: string): Promise<Community[]>
  /** Creates or renames a street and makes it the owner of these communities (the deployment's admin). */
  saveStreet(street: Street, communityIds: string[]): Promise<void>
  /** Creates a building, or renames it and moves it to another grid of its community. */
  saveBuilding(building: Building): Promise<void>
}

export interface OrderQuery {
  communityId: string
  statuses?: OrderStatus[]
  residentId?: string
  /** Orders this member holds (claimer) or was directed to (assignee). */
  memberId?: string
  category?: PostType
  kind?: OrderKind
  gridId?: string
  /** Only orders of these grids (a 网格员's queue); an empty list matches none. */
  gridIds?: string[]
  /** Orders this person placed for residents (代办). */
  agentId?: string
  /** Orders placed for the people of this household (一户一档). */
  householdId?: string
  /** Only orders flagged (true) for a 回访. */
  revisitDue?: boolean
  cursor?: string
  limit: number
}

export interface OverdueQuery {
  communityId: string
  /** Only orders of these grids (a 网格员's queue). */
  gridIds?: string[]
  now: number
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
  /** Ids of completed orders whose confirm deadline (`dueAt`) is at or before `now`, oldest first: the 72-hour auto-confirm. */
  dueForAutoConfirm(now: number, limit: number): Promise<string[]>
  /** Ids of open or claimed orders at or past their deadline and below the top level: the escalation job. */
  dueForEscalation(now: number, limit: number): Promise<string[]>
  /** A member's hall: open orders they may take, nearest first (same building, same grid, the rest), newest next. */
  hall(query: HallQuery): Promise<{ items: Order[]; nextCursor?: string }>
  /** Open orders they may take that fit their posts or lie in their grid, newest first: candidates for 为你推荐. */
  fitting(query: HallQuery & { posts: PostType[] }): Promise<Order[]>
  /** The 逾期/升级 queue: open, claimed or referred orders past due or above 网格, most overdue first. */
  overdue(query: OverdueQuery): Promise<{ items: Order[]; nextCursor?: string }>
  /** What stands at 街道 in these communities and waits on someone (open, claimed, referred), most overdue first. */
  atStreet(communityIds: string[], cursor: string | undefined, limit: number): Promise<{ items: Order[]; nextCursor?: string }>
  /** Per member of the community (or one member): held orders, recent ratings and releases since `since`. */
  memberStats(communityId: string, since: number, memberId?: string): Promise<Record<string, MemberStats>>
  /** Every order of the community submitted in [from, to), oldest first (the dashboard's period). */
  createdBetween(communityId: string, from: number, to: number): Promise<Order[]>
  /** Closed orders a member served whose closing (their last update) falls in [from, to), oldest first. */
  closedBy(memberId: string, from: number, to: number): Promise<Order[]>
  /** The timelines of these orders, by order then seq. */
  eventsFor(orderIds: string[]): Promise<OrderEventRecord[]>
  /** What the dashboard reads of each order of the community submitted in [from, to), oldest first. */
  dashboardFacts(communityId: string, from: number, to: number): Promise<OrderFacts[]>
}

export interface HallQuery {
  communityId: string
  memberId: string
  buildingId: string | null
  gridId: string | null
  category?: PostType
  kind?: OrderKind
  cursor?: string
  limit: number
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
  /** Entries of a community (or of one member of it) posted in [from, to), oldest first. */
  entriesBetween(communityId: string, from: number, to: number, memberId?: string): Promise<LedgerRecord[]>
  /** The community's entries posted in [from, to) summed by reason and sign (what the dashboard counts), in no set order. */
  sumsBetween(communityId: string, from: number, to: number): Promise<LedgerSum[]>
}

export interface MallRepo {
  goods(id: string): Promise<Goods | null>
  listGoods(communityId: string, includeOffShelf: boolean): Promise<Goods[]>
  insertGoods(goods: Goods): Promise<void>
  /** Version-checked like orders: a concurrent redemption makes a stale stock write fail. */
  updateGoods(goods: Goods): Promise<void>
  /**
   * Takes one unit of a good on the shelf with stock left (stock −1, version +1), atomically against
   * every other redemption; false when none is left or it is off the shelf. On CloudBase the take
   * lands at once, outside the unit of work — one conditional update the database applies in turn —
   * and is given back if the unit of work then fails (bench/README.md, the Saturday burst); in
   * SQLite it is part of the transaction.
   */
  takeUnit(goodsId: string): Promise<boolean>
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
  /** Pending redemptions not yet reminded whose pickup window closes at or before `until`, soonest first. */
  dueForPickupReminder(until: number, limit: number): Promise<string[]>
  /** Pending redemptions whose pickup window closed before `now`, oldest first. */
  dueForExpiry(now: number, limit: number): Promise<string[]>
}

export interface ActivityQuery {
  communityId: string
  statuses?: ActivityStatus[]
  /** Only activities still running at this instant or ahead of it (endAt > endsAfter). */
  endsAfter?: number
  /** Only activities over by this instant (endAt <= endedBy). */
  endedBy?: number
  /** Only activities starting in [from, to). */
  startsFrom?: number
  startsBefore?: number
  /** By start time, then id. */
  order: 'asc' | 'desc'
  cursor?: string
  limit: number
}

/**
 * Weekend activities and their sign-ups. The activity document carries the counters (signedCount,
 * waitingCount, nextSeq) and a version: every change to a sign-up's status also saves its activity,
 * so concurrent sign-ups serialize on that one document. Each sign-up lives at the known id
 * `${activityId}:${memberId}`. Queries (roster, waiting, lists) may read committed data outside the
 * transaction; a use case re-reads what it changes by id.
 */
export interface ActivityRepo {
  get(id: string): Promise<Activity | null>
  /** A second activity with the same id throws WriteConflict. */
  insert(activity: Activity): Promise<void>
  /** Saves `activity` if the stored version is `activity.version - 1`; otherwise throws WriteConflict. */
  update(activity: Activity): Promise<void>
  /** Keyset-paged by (startAt, id) in `order`; the cursor is opaque. */
  list(query: ActivityQuery): Promise<{ items: Activity[]; nextCursor?: string }>
  /** Ids of published activities whose reminder is due at `now`, not yet sent, not yet started. */
  dueForReminder(now: number, limit: number): Promise<string[]>
  signup(activityId: string, memberId: string): Promise<Signup | null>
  /**
   * Takes `memberId`'s place in line, atomically against every other sign-up: a place while fewer
   * than `activity.quota` are signed, else the waitlist, and the next arrival number (`nextSeq`
   * moves on, `version` too). Null when the activity is no longer published with that quota. Asked
   * again for a member who holds a place (a retry, a second tap), it answers that place, never a
   * second one. On CloudBase the take lands at once, outside the unit of work — one conditional
   * update the database applies in turn, so a burst of sign-ups never conflicts on the activity
   * (bench/README.md, the Saturday burst); in SQLite it is part of the transaction.
   */
  takePlace(activity: Activity, memberId: string): Promise<TakenPlace | null>
  /** A withdrawn member holds no place any more (they may sign up again). Part of the unit of work. */
  releasePlace(activityId: string, memberId: string): Promise<void>
  /** Creates the sign-up at its known id; one that exists throws WriteConflict. */
  insertSignup(signup: Signup): Promise<void>
  /** Version-checked like `update`. */
  updateSignup(signup: Signup): Promise<void>
  /** An activity's sign-ups with these statuses (all but withdrawn when absent), in arrival (seq) order. */
  signups(activityId: string, statuses?: Signup['status'][]): Promise<Signup[]>
  /** The sign-ups (all but withdrawn) of these activities, by activity then arrival (seq). */
  signupsFor(activityIds: string[]): Promise<Signup[]>
  /** The first `limit` waiting sign-ups, in arrival order. */
  waiting(activityId: string, limit: number): Promise<Signup[]>
  /** How many waiting sign-ups arrived before `seq`: a waiting member's position is this plus one. */
  waitingBefore(activityId: string, seq: number): Promise<number>
  /** A member's sign-ups that are not withdrawn, latest sign-up first. */
  signupsOf(memberId: string, cursor: string | undefined, limit: number): Promise<{ items: Signup[]; nextCursor?: string }>
}

/** A place `takePlace` took: its status, its arrival number, and how many wait after the take. */
export interface TakenPlace {
  status: 'signed' | 'waitlisted'
  seq: number
  waitingCount: number
}

/**
 * 转办: each community's directory of units, and the referrals of orders to them. A referral is a
 * versioned record at its id; an order names its latest one.
 */
export interface ReferralRepo {
  unit(id: string): Promise<Unit | null>
  /** The community's units, by name then id. */
  units(communityId: string): Promise<Unit[]>
  /** Creates or updates a unit. */
  saveUnit(unit: Unit): Promise<void>
  referral(id: string): Promise<Referral | null>
  /** Version 1 creates (an existing id throws WriteConflict); later versions check `version - 1`. */
  saveReferral(referral: Referral): Promise<void>
  /** An order's referrals, oldest first. */
  referralsOf(orderId: string): Promise<Referral[]>
}

/** The in-app inbox (消息): one record per user and notice, written in the use case's transaction. */
export interface InboxRepo {
  add(notification: NotificationRecord): Promise<void>
  get(id: string): Promise<NotificationRecord | null>
  /** Newest first; the cursor is opaque. */
  list(userId: string, cursor: string | undefined, limit: number): Promise<{ items: NotificationRecord[]; nextCursor?: string }>
  unreadCount(userId: string): Promise<number>
  /** Ids of up to `limit` unread notices, newest first. */
  unreadIds(userId: string, limit: number): Promise<string[]>
  /** Marks one notice read (a notice already read keeps its first time). */
  markRead(id: string, at: number): Promise<void>
  /** Deletes one notice (account deletion). */
  remove(id: string): Promise<void>
}

/**
 * The people and the workbench: registrations waiting for staff (双报到), staff cards (三亮), the
 * 三评 records with their one-time branch links, and residents' consent to 晒服务. Every write names
 * one record by a known id.
 */
export interface WorkbenchRepo {
  registration(userId: string, kind: Registration['kind']): Promise<Registration | null>
  /** Stored at `${userId}:${kind}`; version 1 creates, later versions check `version - 1` like orders. */
  saveRegistration(registration: Registration): Promise<void>
  /** Pending registrations of a community (of one kind), oldest first. */
  pendingRegistrations(communityId: string, kind?: Registration['kind']): Promise<Registration[]>
  staffCard(userId: string): Promise<StaffCard | null>
  saveStaffCard(card: StaffCard): Promise<void>
  /** The cards of a grid, by user id. */
  staffCards(gridId: string): Promise<StaffCard[]>
  evaluation(memberId: string, year: number): Promise<Evaluation | null>
  /** Stored at `${memberId}:${year}`; version-checked like registrations. */
  saveEvaluation(evaluation: Evaluation): Promise<void>
  evaluations(communityId: string, year: number): Promise<Evaluation[]>
  evaluationLink(tokenHash: string): Promise<EvaluationLink | null>
  /** Creates or updates (marks used) a link, stored at its hash. */
  saveEvaluationLink(link: EvaluationLink): Promise<void>
  consent(orderId: string): Promise<ShowcaseConsent | null>
  saveConsent(consent: ShowcaseConsent): Promise<void>
  /** Orders of a grid whose residents consented, latest consent first. */
  consented(gridId: string, limit: number): Promise<ShowcaseConsent[]>
}

export interface IdempotencyRecord {
  key: string
  /** Hash of fn, action and input: the same requestId with another payload is refused. */
  hash: string
  response: unknown
  at: number
  /** The people the stored reply names (ids of the `u_…` shape found in it): account deletion scrubs them out. */
  mentions: string[]
}

/** Stored replies of mutating requests, kept for a day (REPLY_TTL_MS in core/edge.ts) so a retry runs once. */
export interface IdempotencyRepo {
  get(key: string): Promise<IdempotencyRecord | null>
  /** Stores a reply; a second at the same key throws WriteConflict. */
  put(record: IdempotencyRecord): Promise<void>
  /** Replaces a stored reply in place (account deletion's scrub). */
  replace(record: IdempotencyRecord): Promise<void>
  remove(key: string): Promise<void>
  /** Keys of up to `limit` replies stored before `before`, oldest first: the scheduler removes them. */
  storedBefore(before: number, limit: number): Promise<string[]>
  /** Replies to other people's requests that name the person. */
  mentioning(userId: string): Promise<IdempotencyRecord[]>
  /** Account deletion: drops every stored response of the user's requests (they may hold contact details). */
  forget(userId: string): Promise<void>
}

/** A signed-in session: whose it is and when it was used. The client holds a bearer token; only its hash is kept. */
export interface Session {
  /** The hash of the bearer token (core/usecases/accounts/sessions.ts `sessionIdOf`): a stolen table signs nobody in. */
  id: string
  userId: string
  createdAt: number
  /** When the token was last presented (kept coarse: refreshed at most every so often, not on every call). */
  lastSeenAt: number
}

/**
 * A one-time link into the self-hosted door: for a registered person to set (or reset) their password,
 * or — with no person — for the first admin to set up a new community. The link carries a token; only its
 * hash is kept.
 */
export interface Invitation {
  /** The hash of the link's token. */
  id: string
  /** Whom it lets in; null: the setup link of a community that does not exist yet. */
  userId: string | null
  communityId: string | null
  createdBy: string | null
  createdAt: number
  expiresAt: number
  usedAt: number | null
}

/** A password, for the self-hosted door: what one signs in with (the phone number) and the KDF's output. */
export interface PasswordCredential {
  userId: string
  /** Unique among everyone with a password. */
  login: string
  /** The Passwords port's encoding: the KDF, its parameters, the salt and the hash. */
  hash: string
  updatedAt: number
}

/** A WebAuthn credential (passkey) registered to a person. */
export interface Passkey {
  /** The credential id, base64url. */
  id: string
  userId: string
  /** The COSE public key, base64url. */
  publicKey: string
  counter: number
  transports: string[]
  createdAt: number
  lastUsedAt: number | null
}

/** A WebAuthn challenge handed to a browser, answered once within a few minutes. */
export interface PasskeyChallenge {
  id: string
  challenge: string
  /** Registering a passkey: whose; signing in: null (whoever answers). */
  userId: string | null
  expiresAt: number
}

/**
 * Sign-in (DESIGN.md §10: three doors, one session). Sessions behind bearer tokens; the self-hosted
 * door's invitations, passwords and passkeys; and the WeChat OPENIDs bound to people. Every write names
 * one record by a known key: the token's hash, the login, the credential id, the OPENID.
 */
export interface IdentityRepo {
  session(id: string): Promise<Session | null>
  /** A second session with the same id throws WriteConflict. */
  createSession(session: Session): Promise<void>
  /** Records that the session was used at `at`; a session that is gone stays gone. */
  touchSession(id: string, at: number): Promise<void>
  /** Signs one session out (one already gone is no error). */
  endSession(id: string): Promise<void>
  /** Signs a person out everywhere: every session of theirs ends. */
  endSessionsOf(userId: string): Promise<void>
  /** Ids of up to `limit` sessions last seen before `before`: the scheduler ends them. */
  idleSessions(before: number, limit: number): Promise<string[]>

  invitation(id: string): Promise<Invitation | null>
  /** Creates an invitation, or marks it used; a new one at an existing id throws WriteConflict. */
  saveInvitation(invitation: Invitation, isNew: boolean): Promise<void>

  credentialOf(userId: string): Promise<PasswordCredential | null>
  credentialByLogin(login: string): Promise<PasswordCredential | null>
  /** Sets the person's password (and login, replacing an old one); a login another person holds throws WriteConflict. */
  saveCredential(credential: PasswordCredential): Promise<void>

  passkey(id: string): Promise<Passkey | null>
  passkeysOf(userId: string): Promise<Passkey[]>
  /** Creates or updates (counter, last use); a new one at an existing id throws WriteConflict. */
  savePasskey(passkey: Passkey, isNew: boolean): Promise<void>
  /** Removes one passkey (one already gone is no error). */
  removePasskey(id: string): Promise<void>
  saveChallenge(challenge: PasskeyChallenge): Promise<void>
  /** The challenge, removed as it is read: a challenge answers once. */
  takeChallenge(id: string): Promise<PasskeyChallenge | null>

  /** The person an OPENID is bound to, or null. */
  userForOpenId(openId: string): Promise<string | null>
  /** An OPENID bound to the person (to push them subscribe messages), or null. */
  openIdOf(userId: string): Promise<string | null>
  /** Binds an OPENID to a person; an OPENID bound already (to anyone) throws WriteConflict. */
  bindOpenId(openId: string, userId: string): Promise<void>
  /** Account deletion: every way of signing in as the person goes — sessions, OPENIDs, password, passkeys, invitations. */
  forget(userId: string): Promise<void>
}

/** 订阅消息 grants, one record per person and template at `${userId}:${template}`. */
export interface SubscriptionRepo {
  grant(userId: string, template: TemplateKey): Promise<SubscriptionGrant | null>
  /** Creates or replaces the record (a count of 0 is kept: the person was asked before). */
  saveGrant(grant: SubscriptionGrant): Promise<void>
  /** Every template the person holds a record of, in template order. */
  grantsOf(userId: string): Promise<SubscriptionGrant[]>
  /** Account deletion: every grant of the person goes. */
  forget(userId: string): Promise<void>
}

/** Photos sent to WeChat's asynchronous check, at their trace id. */
export interface PhotoCheckRepo {
  get(traceId: string): Promise<PhotoCheck | null>
  /** Creates or replaces the record at its trace id. */
  save(check: PhotoCheck): Promise<void>
  /** A person's checks that came back `review` or `risky`, newest first (the export shows them). */
  flaggedOf(ownerId: string): Promise<PhotoCheck[]>
  /** Account deletion: the checks of the person's photos go (the photos went already). */
  forget(ownerId: string): Promise<void>
}

/** 一户一档 and 四必访: households (versioned, like orders) and their visits. */
export interface HouseholdRepo {
  get(id: string): Promise<Household | null>
  /** Version 1 inserts (an existing id is a WriteConflict); later versions replace `version - 1`. */
  save(household: Household): Promise<void>
  /** A community's households, by building then room then id. */
  ofCommunity(communityId: string): Promise<Household[]>
  /** A community's households whose visit is due at `at` (visitDueAt ≤ at), longest overdue first. */
  dueBy(communityId: string, at: number): Promise<Household[]>
  /** Adds a visit (an existing id is a WriteConflict). */
  addVisit(visit: Visit): Promise<void>
  /** A household's visits, newest first. */
  visitsOf(householdId: string): Promise<Visit[]>
  /** Rewrites what a visit found (the only change a visit ever takes: a deleted person's traces leave it). */
  redactVisit(visitId: string, found: string): Promise<void>
}

/** 结对帮扶: pairs (versioned, like orders) and the care tasks done. */
export interface CareRepo {
  pair(id: string): Promise<Pair | null>
  /** Version 1 inserts (an existing id is a WriteConflict); later versions replace `version - 1`. */
  savePair(pair: Pair): Promise<void>
  /** A household's pairs, active and ended, newest first. */
  pairsOfHousehold(householdId: string): Promise<Pair[]>
  /** The active pairs a member of the community stands in, soonest due first. */
  pairsOfMember(communityId: string, memberId: string): Promise<Pair[]>
  /** A community's pairs, active and ended (coverage: when each household was last cared for). */
  pairsOfCommunity(communityId: string): Promise<Pair[]>
  /** Adds a care task done (an existing id is a WriteConflict). */
  addRecord(record: CareRecord): Promise<void>
  record(id: string): Promise<CareRecord | null>
  /** Replaces a record's photos (one that failed the photo check leaves it). */
  setRecordPhotos(id: string, photos: string[]): Promise<void>
  /** A household's care tasks done, newest first. */
  recordsOfHousehold(householdId: string): Promise<CareRecord[]>
  /** The care tasks a member closed in a community, newest first (their data export). */
  recordsOfMember(communityId: string, memberId: string): Promise<CareRecord[]>
}

/** 网格台账: grid workers' tasks, versioned at their ids (progress reports inside the task). */
export interface GridTaskRepo {
  get(id: string): Promise<GridTask | null>
  /** Version 1 inserts (an existing id is a WriteConflict); later versions replace `version - 1`. */
  save(task: GridTask): Promise<void>
  /** A community's tasks (of one status, if given), newest published first. */
  ofCommunity(communityId: string, status?: GridTaskStatus): Promise<GridTask[]>
  /** A worker's tasks, soonest due first. */
  ofWorker(workerId: string): Promise<GridTask[]>
}

export interface Repos {
  users: UserRepo
  places: PlaceRepo
  orders: OrderRepo
  points: PointsRepo
  mall: MallRepo
  activities: ActivityRepo
  inbox: InboxRepo
  referrals: ReferralRepo
  households: HouseholdRepo
  care: CareRepo
  gridTasks: GridTaskRepo
  workbench: WorkbenchRepo
  idempotency: IdempotencyRepo
  identity: IdentityRepo
  subscriptions: SubscriptionRepo
  photoChecks: PhotoCheckRepo
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
  /**
   * Account deletion: deletes the photos `ownerId` uploaded — every one the store can list, and at least
   * those of `known` that are theirs. Not transactional: call it after the commit (`Ctx.after`).
   */
  removeAllOf(ownerId: string, known: string[]): Promise<void>
  /** Deletes these stored photos (one that failed a check). Not transactional: call it after the commit. */
  remove(fileIds: string[]): Promise<void>
}

/** A photo just attached to a record others see, and where. */
export interface PlacedPhoto {
  fileId: string
  ownerId: string
  communityId: string
  place: PhotoPlace
}

/**
 * The content check of photos others will see: in WeChat each goes to mediaCheckAsync and the verdict
 * arrives later (usecases/photos/verdict.ts); locally every upload was checked as it arrived (type,
 * size, dimensions), so there is nothing more to do. Runs after the commit (`Ctx.after`).
 */
export interface PhotoScreen {
  submit(photos: PlacedPhoto[]): Promise<void>
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

/**
 * Failed sign-ins, counted per account (a password guessed at) and per client address (guessing across
 * accounts) apart: one address cannot lock a person out who signs in from elsewhere, and one account's
 * guesses do not lock out the neighbours who share its address.
 */
export interface SignInLimits {
  account: RateLimiter
  address: RateLimiter
}

/** The password KDF (self-hosted door): a memory-hard hash, its parameters kept in its output. */
export interface Passwords {
  hash(password: string): Promise<string>
  /** Compares in constant time; a malformed `encoded` is simply no match. */
  verify(password: string, encoded: string): Promise<boolean>
  /** Whether `encoded` was made with weaker parameters than today's: rehash it at the next sign-in. */
  outdated(encoded: string): boolean
}

/** A passkey as a browser registered it, verified. */
export interface RegisteredPasskey {
  id: string
  publicKey: string
  counter: number
  transports: string[]
}

/**
 * WebAuthn (passkeys) for one relying party — the site's origin. A browser offers passkeys only over
 * https or on localhost, so the password always stays as the other way in.
 */
export interface PasskeyVerifier {
  /** The options `navigator.credentials.create` takes, for `challenge`, excluding the person's passkeys. */
  registrationOptions(user: { id: string; name: string }, existing: string[], challenge: string): Promise<Record<string, unknown>>
  /** The new credential, or null when the browser's answer does not verify against `challenge`. */
  verifyRegistration(response: unknown, challenge: string): Promise<RegisteredPasskey | null>
  /** The options `navigator.credentials.get` takes, for `challenge` (any of the site's passkeys). */
  authenticationOptions(challenge: string): Promise<Record<string, unknown>>
  /** The credential id a sign-in answer names, or null when it names none. */
  credentialIdOf(response: unknown): string | null
  /** The passkey's new counter, or null when the answer does not verify. */
  verifyAuthentication(response: unknown, challenge: string, passkey: Passkey): Promise<{ counter: number } | null>
}

/** A notice to people: the use case writes it to their inbox (repos.inbox) in its transaction. */
export interface Notice {
  kind: NoticeKind
  title: string
  body: string
  /** The app page it opens. */
  link: string
}

/**
 * Pushes a notice beyond the in-app inbox (WeChat subscribe messages in the cloud). Runs after the
 * commit, through `Ctx.after`; a failure is logged and loses nothing, since the inbox holds the notice.
 */
export interface Notifier {
  notify(userIds: string[], notice: Notice): Promise<void>
}

/** A generated workbook: sheets of rows under Chinese headers, rendered by the Exports port. */
export interface WorkbookSpec {
  /** The file name without extension, e.g. "工作台账-周志强-2026-01-01至2026-06-30". */
  name: string
  sheets: Array<{
    name: string
    columns: Array<{ header: string; width?: number }>
    rows: Array<Array<string | number | null>>
  }>
}

/**
 * Generated files (工作台账, 三评): rendered as XLSX and stored where the person can fetch them for
 * a while — the data folder behind the gateway locally, cloud storage with a temporary URL in the
 * cloud. Called outside any transaction (exports are reads).
 */
export interface Exports {
  saveWorkbook(book: WorkbookSpec, ownerId: string): Promise<{ name: string; url: string; expiresAt: number }>
}

/** WeChat's getPhoneNumber: the button's one-time code for the verified number (cloud only). */
export interface PhoneVerifier {
  fromCode(code: string): Promise<string>
}

/** Everything a use case receives besides the actor and the input. */
export interface Deps {
  clock: Clock
  ids: Ids
  files: Files
  guard: ContentGuard
  limiter: RateLimiter
  signIns: SignInLimits
  passwords: Passwords
  /** Absent where no site origin is set (WeChat has no passkeys). */
  passkeys?: PasskeyVerifier
  notifier: Notifier
  exports: Exports
  photos: PhotoScreen
  /** Absent locally, where the phone number is typed. */
  phones?: PhoneVerifier
}

export interface Ctx extends Deps {
  repos: Repos
  /** Queues an effect (a push message, say) to run once after the transaction commits. */
  after(effect: () => Promise<void>): void
}
