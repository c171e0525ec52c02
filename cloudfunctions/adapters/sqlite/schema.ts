// The embedded database's schema. One version number; each step is applied once, in order.
import type Database from 'better-sqlite3'

/**
 * The migration that gives each order a `first_<action>` column per timed action: the first time (by seq)
 * its timeline holds that action — filled now, kept by a trigger as timelines grow — and the covering
 * index the dashboard reads its period's facts from.
 */
function firstTimes(actions: string[]): string {
  const first = (action: string, order: string) =>
    `(SELECT e.at FROM order_events e WHERE e.order_id = ${order} AND e.action = '${action}' ORDER BY e.seq LIMIT 1)`
  return [
    ...actions.map((a) => `ALTER TABLE orders ADD COLUMN first_${a} INTEGER;`),
    `UPDATE orders SET ${actions.map((a) => `first_${a} = ${first(a, 'orders.id')}`).join(', ')};`,
    ...actions.map(
      (a) => `CREATE TRIGGER order_events_first_${a} AFTER INSERT ON order_events WHEN NEW.action = '${a}' BEGIN
    UPDATE orders SET first_${a} = ${first(a, 'NEW.order_id')} WHERE id = NEW.order_id;
  END;`,
    ),
    `CREATE INDEX orders_community_facts ON orders(community_id, created_at, id, status, category, grid_id, claimer_id, rating,
    dispute_count, escalations, ${actions.map((a) => `first_${a}`).join(', ')});`,
  ].join('\n')
}

const STEPS: string[] = [
  `
  CREATE TABLE communities (id TEXT PRIMARY KEY, name TEXT NOT NULL, rules TEXT);
  CREATE TABLE grids (id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id), name TEXT NOT NULL);
  CREATE TABLE buildings (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id),
    grid_id TEXT NOT NULL REFERENCES grids(id), name TEXT NOT NULL
  );
  CREATE TABLE users (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id),
    name TEXT NOT NULL, phone TEXT, roles TEXT NOT NULL,
    grid_id TEXT, building_id TEXT, room TEXT, member TEXT, created_at INTEGER NOT NULL
  );
  CREATE INDEX users_community ON users(community_id);
  CREATE TABLE sessions (token TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), created_at INTEGER NOT NULL);
  CREATE TABLE orders (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL, resident_id TEXT NOT NULL,
    kind TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,
    urgency TEXT NOT NULL, photos TEXT NOT NULL, preferred_time TEXT,
    status TEXT NOT NULL, points INTEGER, assignee_id TEXT, claimer_id TEXT,
    grid_id TEXT, building_id TEXT, summary TEXT, completion_photos TEXT NOT NULL,
    rating INTEGER, comment TEXT, reject_reason TEXT,
    release_count INTEGER NOT NULL, dispute_count INTEGER NOT NULL, awarded_points INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL
  );
  CREATE INDEX orders_community_status ON orders(community_id, status, created_at DESC, id DESC);
  CREATE INDEX orders_resident ON orders(resident_id, created_at DESC, id DESC);
  CREATE INDEX orders_claimer ON orders(claimer_id, created_at DESC, id DESC);
  CREATE INDEX orders_assignee ON orders(assignee_id, created_at DESC, id DESC);
  CREATE INDEX orders_status_updated ON orders(status, updated_at);
  CREATE TABLE order_events (
    order_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, actor_id TEXT,
    action TEXT NOT NULL, from_status TEXT, to_status TEXT NOT NULL, note TEXT,
    PRIMARY KEY (order_id, seq)
  );
  CREATE TABLE point_accounts (
    member_id TEXT PRIMARY KEY, community_id TEXT NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0), earned INTEGER NOT NULL, spent INTEGER NOT NULL,
    version INTEGER NOT NULL
  );
  CREATE TABLE ledger (
    source_key TEXT PRIMARY KEY, member_id TEXT NOT NULL, community_id TEXT NOT NULL,
    delta INTEGER NOT NULL, reason TEXT NOT NULL, note TEXT NOT NULL,
    balance_after INTEGER NOT NULL CHECK (balance_after >= 0), at INTEGER NOT NULL
  );
  CREATE INDEX ledger_member ON ledger(member_id);
  CREATE TABLE idempotency (key TEXT PRIMARY KEY, hash TEXT NOT NULL, response TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE TABLE files (
    id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // points rules audit, lots and yearly figures on accounts, ranking opt-in, the points mall
  `
  ALTER TABLE users ADD COLUMN ranking_opt_in INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE point_accounts ADD COLUMN lots TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE point_accounts ADD COLUMN years TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE point_accounts ADD COLUMN day TEXT;
  ALTER TABLE point_accounts ADD COLUMN oldest_lot_year INTEGER;
  CREATE INDEX point_accounts_community ON point_accounts(community_id);
  CREATE INDEX point_accounts_oldest_lot ON point_accounts(oldest_lot_year);
  CREATE TABLE rules_audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, community_id TEXT NOT NULL, by_user TEXT NOT NULL, at INTEGER NOT NULL,
    before TEXT, after TEXT NOT NULL
  );
  CREATE INDEX rules_audit_community ON rules_audit(community_id, seq DESC);
  CREATE TABLE goods (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL, name TEXT NOT NULL, image TEXT, description TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price > 0), stock INTEGER NOT NULL CHECK (stock >= 0),
    limit_per_member INTEGER NOT NULL, on_shelf INTEGER NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL
  );
  CREATE INDEX goods_community ON goods(community_id, on_shelf);
  CREATE TABLE holdings (
    goods_id TEXT NOT NULL, member_id TEXT NOT NULL, count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (goods_id, member_id)
  );
  CREATE TABLE redemptions (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL, member_id TEXT NOT NULL, goods_id TEXT NOT NULL,
    goods_name TEXT NOT NULL, goods_image TEXT, price INTEGER NOT NULL, code TEXT NOT NULL, status TEXT NOT NULL,
    consumed TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, picked_at INTEGER,
    verified_by TEXT, version INTEGER NOT NULL
  );
  CREATE INDEX redemptions_member ON redemptions(member_id, created_at DESC, id DESC);
  CREATE INDEX redemptions_pending ON redemptions(status, expires_at);
  CREATE TABLE pickup_codes (
    community_id TEXT NOT NULL, code TEXT NOT NULL, redemption_id TEXT NOT NULL, PRIMARY KEY (community_id, code)
  );
  `,
  // the escalation ladder on orders (分级响应) and the indexes routing and the overdue queue read
  `
  ALTER TABLE orders ADD COLUMN level TEXT NOT NULL DEFAULT 'grid';
  ALTER TABLE orders ADD COLUMN escalations TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE orders ADD COLUMN due_at INTEGER;
  DROP INDEX orders_status_updated;
  CREATE INDEX orders_due ON orders(status, due_at);
  CREATE INDEX orders_community_due ON orders(community_id, due_at);
  CREATE INDEX order_events_actor ON order_events(actor_id, action, at);
  `,
  // weekend activities with their sign-ups (接龙), and the in-app inbox (消息)
  `
  CREATE TABLE activities (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL, series_id TEXT, title TEXT NOT NULL, description TEXT NOT NULL,
    category TEXT NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL, signup_deadline INTEGER NOT NULL,
    place TEXT NOT NULL, quota INTEGER NOT NULL CHECK (quota BETWEEN 1 AND 500), points INTEGER NOT NULL CHECK (points >= 0),
    cover TEXT, status TEXT NOT NULL, cancel_reason TEXT,
    signed_count INTEGER NOT NULL CHECK (signed_count >= 0 AND signed_count <= quota),
    waiting_count INTEGER NOT NULL CHECK (waiting_count >= 0), next_seq INTEGER NOT NULL,
    checkin_secret TEXT NOT NULL, remind_at INTEGER NOT NULL, reminded_at INTEGER, created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER, version INTEGER NOT NULL
  );
  CREATE INDEX activities_community_start ON activities(community_id, start_at, id);
  CREATE INDEX activities_reminder ON activities(status, reminded_at, remind_at);
  CREATE TABLE activity_signups (
    activity_id TEXT NOT NULL, member_id TEXT NOT NULL, community_id TEXT NOT NULL, status TEXT NOT NULL,
    seq INTEGER NOT NULL, signed_up_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    checked_in_at INTEGER, checkin_method TEXT, attendance TEXT, awarded_points INTEGER, version INTEGER NOT NULL,
    PRIMARY KEY (activity_id, member_id)
  );
  CREATE UNIQUE INDEX activity_signups_seq ON activity_signups(activity_id, seq);
  CREATE INDEX activity_signups_status ON activity_signups(activity_id, status, seq);
  CREATE INDEX activity_signups_member ON activity_signups(member_id, signed_up_at DESC, activity_id DESC);
  CREATE TABLE notifications (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, community_id TEXT NOT NULL, kind TEXT NOT NULL,
    title TEXT NOT NULL, body TEXT NOT NULL, link TEXT NOT NULL, at INTEGER NOT NULL, read_at INTEGER
  );
  CREATE INDEX notifications_user ON notifications(user_id, at DESC, id DESC);
  CREATE INDEX notifications_unread ON notifications(user_id, read_at, at DESC);
  `,
  // account deletion (PIPL) finds a person's sessions and uploaded photos
  `
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE INDEX files_owner ON files(owner_id);
  `,
  // the people and the workbench: registrations (双报到), staff cards (三亮), 三评 with its branch links,
  // 晒服务 consent; and the period reads of the dashboard and the 工作台账
  `
  CREATE TABLE registrations (
    user_id TEXT NOT NULL, kind TEXT NOT NULL, community_id TEXT NOT NULL, status TEXT NOT NULL,
    name TEXT NOT NULL, phone TEXT, building_id TEXT, grid_id TEXT, room TEXT, member TEXT,
    submitted_at INTEGER NOT NULL, decided_at INTEGER, decided_by TEXT, reason TEXT, version INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind)
  );
  CREATE INDEX registrations_pending ON registrations(community_id, status, submitted_at);
  CREATE TABLE staff_cards (
    user_id TEXT PRIMARY KEY, community_id TEXT NOT NULL, grid_id TEXT NOT NULL, title TEXT NOT NULL,
    duties TEXT NOT NULL, pledge TEXT NOT NULL, photo TEXT, updated_at INTEGER NOT NULL
  );
  CREATE INDEX staff_cards_grid ON staff_cards(grid_id, user_id);
  CREATE TABLE evaluations (
    member_id TEXT NOT NULL, year INTEGER NOT NULL, community_id TEXT NOT NULL,
    self TEXT, community TEXT, branch TEXT, version INTEGER NOT NULL,
    PRIMARY KEY (member_id, year)
  );
  CREATE INDEX evaluations_community ON evaluations(community_id, year);
  CREATE TABLE evaluation_links (
    token_hash TEXT PRIMARY KEY, member_id TEXT NOT NULL, community_id TEXT NOT NULL, year INTEGER NOT NULL,
    created_by TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER
  );
  CREATE TABLE showcase_consents (
    order_id TEXT PRIMARY KEY, community_id TEXT NOT NULL, grid_id TEXT, consent INTEGER NOT NULL, at INTEGER NOT NULL
  );
  CREATE INDEX showcase_consents_grid ON showcase_consents(grid_id, consent, at DESC);
  CREATE INDEX orders_community_created ON orders(community_id, created_at, id);
  CREATE INDEX ledger_community_at ON ledger(community_id, at);
  CREATE INDEX grids_community ON grids(community_id);
  CREATE INDEX buildings_community ON buildings(community_id);
  `,
  // sign-in behind one port on both adapters: a session's last use (idle expiry reads it), and the
  // WeChat OPENIDs bound to people (CloudBase's identities collection)
  `
  ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
  UPDATE sessions SET last_seen_at = created_at;
  CREATE TABLE identities (open_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id));
  CREATE INDEX identities_user ON identities(user_id);
  `,
  // an order's award, part by part (助老扶幼 20 + 五星 5): JSON, null on other entries
  `
  ALTER TABLE ledger ADD COLUMN parts TEXT;
  `,
  // the self-hosted door (issue 16): sessions kept by their token's hash, never the token (everyone signs
  // in again once), idle ones found by last use; invitations, passwords, passkeys and their challenges;
  // stored replies lapse by age and name the people in them, for account deletion to scrub
  `
  DROP TABLE sessions;
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE INDEX sessions_last_seen ON sessions(last_seen_at);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY, user_id TEXT, community_id TEXT, created_by TEXT, created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL, used_at INTEGER
  );
  CREATE INDEX invitations_user ON invitations(user_id);
  CREATE TABLE credentials (
    login TEXT PRIMARY KEY, user_id TEXT NOT NULL UNIQUE REFERENCES users(id), hash TEXT NOT NULL, updated_at INTEGER NOT NULL
  );
  CREATE TABLE passkeys (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), public_key TEXT NOT NULL, counter INTEGER NOT NULL,
    transports TEXT NOT NULL, created_at INTEGER NOT NULL, last_used_at INTEGER
  );
  CREATE INDEX passkeys_user ON passkeys(user_id);
  CREATE TABLE passkey_challenges (id TEXT PRIMARY KEY, challenge TEXT NOT NULL, user_id TEXT, expires_at INTEGER NOT NULL);
  ALTER TABLE idempotency ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
  CREATE INDEX idempotency_at ON idempotency(at);
  `,
  // uploads: when a record took each (one none took is removed after a day), and each person's recent
  // uploads (the rate and the daily quota)
  `
  ALTER TABLE files ADD COLUMN attached_at INTEGER;
  UPDATE files SET attached_at = created_at;
  CREATE INDEX files_owner_created ON files(owner_id, created_at);
  CREATE INDEX files_unattached ON files(attached_at, created_at);
  `,
  // the grid and the street: streets owning communities and their accounts, whose tenant is the street
  // (so users.community_id stops referencing communities: the table is rebuilt, rowids kept); 网格员 and
  // 楼栋长 on people; on orders 代办, severity, referral (转办) and the 回访 flag; the units directory
  `
  PRAGMA defer_foreign_keys = ON;
  CREATE TABLE streets (id TEXT PRIMARY KEY, name TEXT NOT NULL);
  ALTER TABLE communities ADD COLUMN street_id TEXT REFERENCES streets(id);
  CREATE INDEX communities_street ON communities(street_id);
  CREATE TABLE users_next (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL,
    name TEXT NOT NULL, phone TEXT, roles TEXT NOT NULL,
    grid_id TEXT, building_id TEXT, room TEXT, member TEXT, created_at INTEGER NOT NULL,
    ranking_opt_in INTEGER NOT NULL DEFAULT 0,
    work_grids TEXT NOT NULL DEFAULT '[]', grid_lead INTEGER NOT NULL DEFAULT 0, head_of TEXT
  );
  INSERT INTO users_next (rowid, id, community_id, name, phone, roles, grid_id, building_id, room, member, created_at, ranking_opt_in)
    SELECT rowid, id, community_id, name, phone, roles, grid_id, building_id, room, member, created_at, ranking_opt_in FROM users;
  DROP TABLE users;
  ALTER TABLE users_next RENAME TO users;
  CREATE INDEX users_community ON users(community_id);
  ALTER TABLE orders ADD COLUMN severity TEXT NOT NULL DEFAULT 'general';
  ALTER TABLE orders ADD COLUMN agent_id TEXT;
  ALTER TABLE orders ADD COLUMN channel TEXT;
  ALTER TABLE orders ADD COLUMN referral_id TEXT;
  ALTER TABLE orders ADD COLUMN revisit_due INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE orders ADD COLUMN award_note TEXT;
  CREATE INDEX orders_agent ON orders(agent_id, created_at DESC, id DESC);
  CREATE INDEX orders_revisit ON orders(community_id, revisit_due, created_at DESC, id DESC);
  CREATE INDEX orders_level_due ON orders(level, due_at);
  CREATE TABLE units (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id), name TEXT NOT NULL, kind TEXT NOT NULL,
    contact TEXT, phone TEXT, active INTEGER NOT NULL, updated_at INTEGER NOT NULL
  );
  CREATE INDEX units_community ON units(community_id, name);
  CREATE TABLE referrals (
    id TEXT PRIMARY KEY, order_id TEXT NOT NULL, community_id TEXT NOT NULL, unit_id TEXT NOT NULL, unit_name TEXT NOT NULL,
    status TEXT NOT NULL, note TEXT, deadline INTEGER NOT NULL, referred_by TEXT NOT NULL, referred_at INTEGER NOT NULL,
    answer TEXT, answered_by TEXT, answered_at INTEGER, version INTEGER NOT NULL
  );
  CREATE INDEX referrals_order ON referrals(order_id, referred_at);
  `,
  // WeChat day one: 订阅消息 grants per person and template, the photos sent to WeChat's asynchronous
  // check (a contract the local adapter keeps too), and a redemption's pickup reminder
  `
  CREATE TABLE subscriptions (
    user_id TEXT NOT NULL, template TEXT NOT NULL, left_count INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, template)
  );
  CREATE TABLE photo_checks (
    trace_id TEXT PRIMARY KEY, file_id TEXT NOT NULL, owner_id TEXT NOT NULL, community_id TEXT NOT NULL, place TEXT NOT NULL,
    verdict TEXT NOT NULL, label INTEGER, submitted_at INTEGER NOT NULL, decided_at INTEGER
  );
  CREATE INDEX photo_checks_owner ON photo_checks(owner_id, submitted_at DESC);
  ALTER TABLE redemptions ADD COLUMN reminded_at INTEGER;
  `,
  // 一户一档 and 四必访 (issue 18): households of a building with their people, tags and consent as
  // JSON, the next visit's due time kept on the row (the 该走访了 list), and the visits
  `
  CREATE TABLE households (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id), grid_id TEXT NOT NULL,
    building_id TEXT NOT NULL, room TEXT NOT NULL, members TEXT NOT NULL, tags TEXT NOT NULL, consent TEXT NOT NULL,
    note TEXT NOT NULL, last_visit_at INTEGER, visit_due_at INTEGER NOT NULL, created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL
  );
  CREATE INDEX households_community ON households(community_id, building_id, room);
  CREATE INDEX households_due ON households(community_id, visit_due_at);
  CREATE TABLE visits (
    id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES households(id), community_id TEXT NOT NULL,
    visitor_id TEXT NOT NULL, at INTEGER NOT NULL, found TEXT NOT NULL, photos TEXT NOT NULL, order_id TEXT
  );
  CREATE INDEX visits_household ON visits(household_id, at DESC);
  `,
  // orders for the people of a household (issue 18, part 1 finished): the household and its member, the
  // member being the order's resident when they have no account
  `
  ALTER TABLE orders ADD COLUMN household_id TEXT;
  ALTER TABLE orders ADD COLUMN household_member_id TEXT;
  CREATE INDEX orders_household ON orders(household_id, created_at DESC, id DESC);
  `,
  // 结对帮扶 (issue 18, part 2): pairs of one or two members with a household, the next care task's due
  // time kept on the row, and the care tasks done
  `
  CREATE TABLE care_pairs (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id),
    household_id TEXT NOT NULL REFERENCES households(id), grid_id TEXT NOT NULL, member_ids TEXT NOT NULL,
    kind TEXT NOT NULL, cadence TEXT NOT NULL, next_due_at INTEGER NOT NULL, last_care_at INTEGER,
    tasks_done INTEGER NOT NULL, status TEXT NOT NULL, paired_by TEXT NOT NULL, paired_at INTEGER NOT NULL,
    ended_by TEXT, ended_at INTEGER, version INTEGER NOT NULL
  );
  CREATE INDEX care_pairs_household ON care_pairs(household_id, paired_at DESC);
  CREATE INDEX care_pairs_community ON care_pairs(community_id, status, next_due_at);
  CREATE TABLE care_records (
    id TEXT PRIMARY KEY, pair_id TEXT NOT NULL REFERENCES care_pairs(id), household_id TEXT NOT NULL,
    community_id TEXT NOT NULL, member_id TEXT NOT NULL, due_at INTEGER NOT NULL, at INTEGER NOT NULL,
    report TEXT NOT NULL, photos TEXT NOT NULL, points INTEGER NOT NULL
  );
  CREATE INDEX care_records_household ON care_records(household_id, at DESC);
  `,
  // 网格台账 (issue 18): tasks published to a grid's 网格员, their progress reports as JSON, confirmed by staff
  `
  CREATE TABLE grid_tasks (
    id TEXT PRIMARY KEY, community_id TEXT NOT NULL REFERENCES communities(id), grid_id TEXT NOT NULL,
    worker_id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, due_at INTEGER NOT NULL, status TEXT NOT NULL,
    progress TEXT NOT NULL, published_by TEXT NOT NULL, published_at INTEGER NOT NULL, submitted_at INTEGER,
    returned_reason TEXT, confirmed_by TEXT, confirmed_at INTEGER, points INTEGER,
    updated_at INTEGER NOT NULL, version INTEGER NOT NULL
  );
  CREATE INDEX grid_tasks_community ON grid_tasks(community_id, status, published_at DESC);
  CREATE INDEX grid_tasks_worker ON grid_tasks(worker_id, due_at);
  `,
  // a street's year (issue 19): each order keeps the first time (by seq) of each step the dashboard times,
  // filled from its timeline now and by a trigger as the timeline grows; the dashboard reads its period's
  // orders from one covering index (orders.dashboardFacts), not whole rows and timelines
  firstTimes(['dispatch', 'claim', 'complete', 'confirm', 'refer', 'answer']),
  // a member's own care tasks done, for their data export (accounts.exportMyData)
  'CREATE INDEX care_records_member ON care_records(member_id, at DESC);',
  // the hall sorts every open order of the community nearest first (the member's building, then grid):
  // the same index, now carrying what that sort and its filters read, so no order's row is read but the
  // page's (5,000 open orders: 14 ms, mostly reading rows)
  `DROP INDEX orders_community_status;
  CREATE INDEX orders_community_status ON orders(community_id, status, created_at DESC, id DESC,
    building_id, grid_id, resident_id, assignee_id, category, kind);`,
]

export function migrate(db: Database.Database) {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let v = current; v < STEPS.length; v++) {
    db.transaction(() => {
      db.exec(STEPS[v])
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
}
