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
    };
    return kMigrations;
}

}  // namespace hazeguard::storage
