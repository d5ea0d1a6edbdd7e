#include "engine/storage/migrations.hpp"

namespace hazeguard::storage {

std::vector<std::string_view> const& migrations() {
    static std::vector<std::string_view> const kMigrations = {
        // 0001: the warning lifecycle.
        R"sql(
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE plans (
  version TEXT PRIMARY KEY, plan_id TEXT NOT NULL, body TEXT NOT NULL, loaded_at INTEGER NOT NULL);
CREATE TABLE machine (
  id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL, revision INTEGER NOT NULL);
CREATE TABLE forecasts (
  id INTEGER PRIMARY KEY, issued_at INTEGER NOT NULL, issuer TEXT NOT NULL, consulted_at INTEGER NOT NULL,
  body TEXT NOT NULL, assessment TEXT NOT NULL, rule_set TEXT NOT NULL, plan_version TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE directives (
  id INTEGER PRIMARY KEY, issuer TEXT NOT NULL, level TEXT NOT NULL, start_at INTEGER NOT NULL,
  end_at INTEGER, reference TEXT NOT NULL, note TEXT NOT NULL, recorded_by TEXT NOT NULL,
  created_at INTEGER NOT NULL, status TEXT NOT NULL, started_at INTEGER, ended_at INTEGER);
CREATE TABLE proposals (
  id INTEGER PRIMARY KEY, action TEXT NOT NULL, level TEXT, start_at INTEGER NOT NULL, end_at INTEGER,
  open_ended INTEGER NOT NULL, note TEXT NOT NULL, consulted_at INTEGER NOT NULL,
  forecast_id INTEGER REFERENCES forecasts(id), directive_id INTEGER REFERENCES directives(id),
  proposer TEXT NOT NULL, created_at INTEGER NOT NULL, form_due_at INTEGER NOT NULL,
  approval_due_at INTEGER NOT NULL, checks TEXT NOT NULL, status TEXT NOT NULL,
  decided_by TEXT, decided_authority TEXT, decided_at INTEGER, decision_note TEXT,
  approval_late INTEGER, distribution_due_at INTEGER, notice TEXT, episode_id INTEGER);
CREATE TABLE episodes (
  id INTEGER PRIMARY KEY, opened_at INTEGER NOT NULL, closed_at INTEGER, plan_version TEXT NOT NULL,
  rule_set TEXT NOT NULL, drill INTEGER NOT NULL, peak_level TEXT NOT NULL);
CREATE TABLE timeline (
  id INTEGER PRIMARY KEY, episode_id INTEGER, ref TEXT NOT NULL, at INTEGER NOT NULL,
  kind TEXT NOT NULL, actor TEXT NOT NULL, summary_cn TEXT NOT NULL, detail TEXT NOT NULL,
  plan_version TEXT NOT NULL);
CREATE INDEX timeline_episode ON timeline(episode_id, at, id);
CREATE INDEX timeline_ref ON timeline(ref);
CREATE TABLE timers (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, ref TEXT NOT NULL, due_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL, fired_at INTEGER, cancelled_at INTEGER);
CREATE INDEX timers_due ON timers(due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY, role TEXT NOT NULL, name TEXT NOT NULL, authority TEXT,
  enterprise_id TEXT, created_at INTEGER NOT NULL);
CREATE TABLE idempotency (
  principal TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
  body TEXT NOT NULL, location TEXT, created_at INTEGER NOT NULL, PRIMARY KEY (principal, key));
)sql",
        // 0002: the emission-reduction list, orders (一厂一策) and their acknowledgement.
        R"sql(
CREATE TABLE lists (
  version INTEGER PRIMARY KEY, imported_at INTEGER NOT NULL, imported_by TEXT NOT NULL,
  source TEXT NOT NULL, count INTEGER NOT NULL, sha256 TEXT NOT NULL);
-- Dimensions only (small rows: progress queries join on them); the full entry is in enterprise_bodies.
CREATE TABLE enterprises (
  list_version INTEGER NOT NULL REFERENCES lists(version), id INTEGER NOT NULL,
  credit_code TEXT NOT NULL, name TEXT NOT NULL, district TEXT NOT NULL, industry TEXT NOT NULL,
  grade TEXT NOT NULL, PRIMARY KEY (list_version, id)) WITHOUT ROWID;
CREATE INDEX enterprises_code ON enterprises(credit_code, list_version);
CREATE TABLE enterprise_bodies (
  list_version INTEGER NOT NULL, id INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (list_version, id));
-- What each enterprise must do per level, worked out once per (list version, plan version).
CREATE TABLE enterprise_levels (
  list_version INTEGER NOT NULL, plan_version TEXT NOT NULL, level TEXT NOT NULL,
  enterprise_id INTEGER NOT NULL, source TEXT NOT NULL,
  so2 REAL NOT NULL, nox REAL NOT NULL, pm REAL NOT NULL, vocs REAL NOT NULL,
  PRIMARY KEY (list_version, plan_version, level, enterprise_id)) WITHOUT ROWID;
ALTER TABLE episodes ADD COLUMN list_version INTEGER;
-- One fan-out: every order of one transition, with the batch's deadlines.
CREATE TABLE order_batches (
  id INTEGER PRIMARY KEY, episode_id INTEGER NOT NULL, list_version INTEGER NOT NULL,
  kind TEXT NOT NULL, level TEXT, previous_level TEXT, cause TEXT NOT NULL,
  issued_at INTEGER NOT NULL, effective_from INTEGER NOT NULL, ack_due_at INTEGER,
  execution_due_at INTEGER, count INTEGER NOT NULL, terminations INTEGER NOT NULL,
  so2 REAL NOT NULL, nox REAL NOT NULL, pm REAL NOT NULL, vocs REAL NOT NULL);
-- kind: 0 order, 1 termination notice. status: 0 sent, 1 acknowledged, 2 executed. An order is
-- current while its batch is the episode's latest; a later batch supersedes it (by `supersedes`).
CREATE TABLE orders (
  id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES order_batches(id),
  enterprise_id INTEGER NOT NULL, kind INTEGER NOT NULL, supersedes INTEGER, status INTEGER NOT NULL,
  ack_at INTEGER, ack_by TEXT, ack_phone TEXT, ack_note TEXT,
  executed_at INTEGER, execution TEXT, reminded_at INTEGER, escalated_at INTEGER);
CREATE INDEX orders_batch ON orders(batch_id, enterprise_id);
CREATE INDEX orders_enterprise ON orders(enterprise_id, id);
-- Running counts per batch × district × industry × grade, kept with every ack and report, so
-- progress reads a few hundred rows instead of every order.
CREATE TABLE order_counts (
  batch_id INTEGER NOT NULL, district TEXT NOT NULL, industry TEXT NOT NULL, grade TEXT NOT NULL,
  kind INTEGER NOT NULL, total INTEGER NOT NULL, acknowledged INTEGER NOT NULL, executed INTEGER NOT NULL,
  acknowledged_late INTEGER NOT NULL, PRIMARY KEY (batch_id, district, industry, grade, kind));
CREATE TABLE escalations (
  id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, district TEXT NOT NULL, kind TEXT NOT NULL,
  count INTEGER NOT NULL, at INTEGER NOT NULL);
)sql",
        // 0003: observed air quality for the post-event evaluation. One row per (granularity, start
        // instant); a correction replaces the values, bumps the revision and keeps the old ones.
        R"sql(
CREATE TABLE observations (
  granularity TEXT NOT NULL CHECK (granularity IN ('hour', 'day')), at INTEGER NOT NULL,
  aqi INTEGER NOT NULL, pm25 REAL, primary_pollutant TEXT NOT NULL, source TEXT NOT NULL,
  revision INTEGER NOT NULL, recorded_at INTEGER NOT NULL, recorded_by TEXT NOT NULL,
  PRIMARY KEY (granularity, at)) WITHOUT ROWID;
CREATE TABLE observation_changes (
  id INTEGER PRIMARY KEY, granularity TEXT NOT NULL, at INTEGER NOT NULL, revision INTEGER NOT NULL,
  previous TEXT NOT NULL, changed_at INTEGER NOT NULL, changed_by TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX observation_changes_at ON observation_changes(granularity, at, revision);
)sql",
        // 0004: token lifecycle. Tokens get a stable integer id (to list and revoke them by), an
        // expiry and a revocation. Tokens issued before this migration expire 90 days after it.
        R"sql(
CREATE TABLE tokens_0004 (
  id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL, name TEXT NOT NULL,
  authority TEXT, enterprise_id TEXT, created_at INTEGER NOT NULL, expires_at INTEGER,
  revoked_at INTEGER, revoked_by TEXT);
INSERT INTO tokens_0004(hash, role, name, authority, enterprise_id, created_at, expires_at)
  SELECT hash, role, name, authority, enterprise_id, created_at, CAST(strftime('%s', 'now') AS INTEGER) + 90 * 86400
  FROM tokens ORDER BY rowid;
DROP TABLE tokens;
ALTER TABLE tokens_0004 RENAME TO tokens;
)sql",
        // 0005: tamper-evident timeline. Each row carries the hash of the row before it and its own
        // hash (engine/audit/timeline_chain.hpp); open_database() seals the rows already there, once,
        // in this migration's transaction. Rows are never updated after insert any more: an episode
        // that opens later adopts earlier rows (its proposal, forecast, directive) through
        // timeline_links instead of rewriting their episode_id.
        R"sql(
ALTER TABLE timeline ADD COLUMN prev_hash TEXT;
ALTER TABLE timeline ADD COLUMN hash TEXT;
CREATE TABLE timeline_links (
  timeline_id INTEGER PRIMARY KEY REFERENCES timeline(id), episode_id INTEGER NOT NULL);
CREATE INDEX timeline_links_episode ON timeline_links(episode_id);
-- What an episode's timeline shows: its own rows and the rows it adopted.
CREATE VIEW episode_timeline AS
  SELECT episode_id AS episode, * FROM timeline WHERE episode_id IS NOT NULL
  UNION ALL
  SELECT l.episode_id AS episode, t.* FROM timeline_links l JOIN timeline t ON t.id = l.timeline_id;
)sql",
        // 0006: public warnings as published CAP 1.2 alerts (engine/alerts, docs/cap.md). Rows are
        // never updated: a later alert updates or cancels an earlier one by reference.
        R"sql(
CREATE TABLE public_alerts (
  seq INTEGER PRIMARY KEY, identifier TEXT NOT NULL UNIQUE, sent INTEGER NOT NULL,
  msg_type TEXT NOT NULL, expires INTEGER, closes INTEGER NOT NULL, warning INTEGER NOT NULL,
  headline_cn TEXT NOT NULL, xml TEXT NOT NULL);
CREATE INDEX public_alerts_warning ON public_alerts(warning);
CREATE INDEX public_alerts_sent ON public_alerts(sent);
)sql",
        // 0007: webhook subscriptions and the transactional outbox (docs/delivery.md). A message is
        // written in the transaction of its cause, one delivery per subscriber; the dispatcher
        // records each attempt. next_try/tried_at are wall-clock seconds, delivered_at the service's.
        R"sql(
CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, topic TEXT NOT NULL, url TEXT NOT NULL,
  secret TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL, removed_at INTEGER,
  district TEXT, enterprise TEXT);
CREATE TABLE outbox (
  id TEXT PRIMARY KEY, topic TEXT NOT NULL, ref TEXT NOT NULL, body TEXT NOT NULL,
  created_at INTEGER NOT NULL, due_at INTEGER);
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY, message_id TEXT NOT NULL REFERENCES outbox(id),
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id), state TEXT NOT NULL,
  attempts INTEGER NOT NULL, next_try INTEGER NOT NULL, tried_at INTEGER, last_status INTEGER,
  last_error TEXT NOT NULL, delivered_at INTEGER);
CREATE INDEX deliveries_due ON deliveries(state, next_try);
CREATE INDEX deliveries_message ON deliveries(message_id);
)sql",
        // 0008: how an acknowledgement came in (api: a bearer token; link: an order's one-time link).
        R"sql(
ALTER TABLE orders ADD COLUMN ack_channel TEXT;
)sql",
        // 0009: text messages to the plants' mobile phones and the replies and receipts that come
        // back (docs/delivery.md "SMS"). kind: order, reminder. state: queued, sent, delivered,
        // failed, dead.
        R"sql(
CREATE TABLE sms (
  id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, kind TEXT NOT NULL, phone TEXT NOT NULL,
  contact TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_try INTEGER NOT NULL,
  tried_at INTEGER, last_error TEXT NOT NULL, biz_id TEXT, sent_at INTEGER, delivered_at INTEGER);
CREATE INDEX sms_due ON sms(state, next_try);
CREATE INDEX sms_order ON sms(order_id);
CREATE INDEX sms_phone ON sms(phone, id);
CREATE TABLE sms_replies (
  id INTEGER PRIMARY KEY, phone TEXT NOT NULL, content TEXT NOT NULL, sequence_id TEXT NOT NULL,
  received_at INTEGER NOT NULL, outcome TEXT NOT NULL, order_id INTEGER, UNIQUE (phone, sequence_id));
)sql",
        // 0010: the messages about one thing ("order:12"), found without a scan (order views,
        // the progress view's count of orders that reached their plant).
        R"sql(
CREATE INDEX outbox_ref ON outbox(ref);
)sql",
        // 0011: the roster of notice recipients (docs/roster-format.md), versioned like the list;
        // who of them a notice reached (notice_recipients: one row per recipient, reached_at when
        // any of its channels delivered); a subscription may stand for a roster recipient; and texts
        // to the roster's contacts beside the plants' (sms: order_id empty, the notice's message or
        // the escalation's ref, the recipient, the template's variables composed when queued).
        R"sql(
CREATE TABLE rosters (
  version INTEGER PRIMARY KEY, imported_at INTEGER NOT NULL, imported_by TEXT NOT NULL,
  source TEXT NOT NULL, sha256 TEXT NOT NULL, body TEXT NOT NULL);
ALTER TABLE subscriptions ADD COLUMN recipient TEXT;
CREATE TABLE notice_recipients (
  message_id TEXT NOT NULL REFERENCES outbox(id), recipient TEXT NOT NULL, name TEXT NOT NULL,
  reached_at INTEGER, PRIMARY KEY (message_id, recipient));
INSERT INTO notice_recipients(message_id, recipient, name, reached_at)
  SELECT d.message_id, 'subscription:' || d.subscription_id, s.name, d.delivered_at
  FROM deliveries d JOIN outbox m ON m.id = d.message_id JOIN subscriptions s ON s.id = d.subscription_id
  WHERE m.topic = 'notices' ORDER BY d.id;
CREATE TABLE sms_0011 (
  id INTEGER PRIMARY KEY, order_id INTEGER, kind TEXT NOT NULL, phone TEXT NOT NULL,
  contact TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, next_try INTEGER NOT NULL,
  tried_at INTEGER, last_error TEXT NOT NULL, biz_id TEXT, sent_at INTEGER, delivered_at INTEGER,
  ref TEXT, recipient TEXT, message_id TEXT, params TEXT);
INSERT INTO sms_0011(id, order_id, kind, phone, contact, state, attempts, next_try, tried_at, last_error,
                     biz_id, sent_at, delivered_at)
  SELECT id, order_id, kind, phone, contact, state, attempts, next_try, tried_at, last_error, biz_id,
         sent_at, delivered_at FROM sms ORDER BY id;
DROP TABLE sms;
ALTER TABLE sms_0011 RENAME TO sms;
CREATE INDEX sms_due ON sms(state, next_try);
CREATE INDEX sms_order ON sms(order_id);
CREATE INDEX sms_phone ON sms(phone, id);
)sql",
        // 0012: the documents (公文) signed proposals are published as, with their numbers: one
        // per (series, period, serial) and one per ref, assigned in the signing transaction.
        R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY, series TEXT NOT NULL, period TEXT NOT NULL, serial INTEGER NOT NULL,
  ref TEXT NOT NULL UNIQUE, number_cn TEXT NOT NULL, issued_at INTEGER NOT NULL, body TEXT NOT NULL,
  UNIQUE (series, period, serial));
)sql",
        // 0013: staff accounts that sign in to the console (argon2id password strings; a run of
        // failed sign-ins locks an account for a while) and their cookie sessions, stored as the
        // SHA-256 of the session id (docs/console.md).
        R"sql(
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, role TEXT NOT NULL,
  name TEXT NOT NULL, authority TEXT, created_at INTEGER NOT NULL, failures INTEGER NOT NULL,
  locked_until INTEGER);
CREATE TABLE sessions (
  hash TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id), csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL, ended_at INTEGER);
)sql",
        // 0014: when an order first reached its plant through a channel (a text about it with a
        // delivered receipt, or a webhook of it answered 2xx; service clock), set in the
        // transaction that settles the delivery, and the running count of such orders beside the
        // batch's other tallies, so progress reads no orders. Backfilled from the deliveries
        // already settled: the earliest delivery of each order.
        R"sql(
ALTER TABLE orders ADD COLUMN reached_at INTEGER;
ALTER TABLE order_counts ADD COLUMN reached INTEGER NOT NULL DEFAULT 0;
UPDATE orders SET reached_at = r.at FROM (
  SELECT order_id, min(at) AS at FROM (
    SELECT order_id, delivered_at AS at FROM sms WHERE order_id IS NOT NULL AND state = 'delivered'
    UNION ALL
    SELECT CAST(substr(m.ref, 7) AS INTEGER), d.delivered_at FROM outbox m
      JOIN deliveries d ON d.message_id = m.id WHERE m.ref GLOB 'order:[1-9]*' AND d.state = 'delivered')
  GROUP BY order_id) AS r
WHERE orders.id = r.order_id;
UPDATE order_counts SET reached = r.n FROM (
  SELECT o.batch_id, e.district, e.industry, e.grade, o.kind, count(*) AS n FROM orders o
    JOIN order_batches b ON b.id = o.batch_id
    JOIN enterprises e ON e.list_version = b.list_version AND e.id = o.enterprise_id
  WHERE o.reached_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5) AS r
WHERE (order_counts.batch_id, order_counts.district, order_counts.industry, order_counts.grade,
       order_counts.kind) = (r.batch_id, r.district, r.industry, r.grade, r.kind);
)sql",
        // 0015: a token check reads one B-tree instead of two. Under a stream of writes the reader
        // starts each check with an empty page cache (WAL), so it read the hash index and then the
        // table, root to leaf each: 6 pages; this index holds what the check needs (4 pages at
        // 100,000 tokens). The UNIQUE constraint on hash stays as it was.
        R"sql(
CREATE INDEX tokens_check ON tokens(hash, revoked_at, name, role, authority, enterprise_id, expires_at);
)sql",
    };
    return kMigrations;
}

}  // namespace hazeguard::storage
