#include "engine/storage/sqlite/sqlite_workflow_repositories.hpp"

#include "engine/storage/sqlite/columns.hpp"

namespace hazeguard::storage {
using engine::Instant;

namespace {
std::vector<std::int64_t> column_ids(SQLite::Statement& q) {
    std::vector<std::int64_t> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
    return ids;
}

ports::TimerRecord timer_at(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getInt64()};
}

ports::EpisodeRecord episode_at(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(),     q.getColumn(1).getInt64(),  optional_int(q.getColumn(2)),
            q.getColumn(3).getString(),    q.getColumn(4).getString(), q.getColumn(5).getInt() == 1,
            q.getColumn(6).getString(),    optional_int(q.getColumn(7))};
}
constexpr char const* kEpisodeColumns =
    "SELECT id, opened_at, closed_at, plan_version, rule_set, drill, peak_level, list_version FROM episodes ";
}  // namespace

// --- proposals ---------------------------------------------------------------------------------

std::int64_t SqliteProposalRepository::add(ports::ProposalRecord const& p) {
    auto& q = st_.get("INSERT INTO proposals(action, level, start_at, end_at, open_ended, note, consulted_at, "
                      "forecast_id, directive_id, proposer, created_at, form_due_at, approval_due_at, checks, status) "
                      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    q.bind(1, p.action);
    bind_optional(q, 2, p.level);
    q.bind(3, p.start_at);
    bind_optional(q, 4, p.end_at);
    q.bind(5, p.open_ended ? 1 : 0);
    q.bind(6, p.note);
    q.bind(7, p.consulted_at);
    bind_optional(q, 8, p.forecast_id);
    bind_optional(q, 9, p.directive_id);
    q.bind(10, p.proposer);
    q.bind(11, p.created_at);
    q.bind(12, p.form_due_at);
    q.bind(13, p.approval_due_at);
    q.bind(14, p.checks);
    q.bind(15, p.status);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::optional<ports::ProposalRecord> SqliteProposalRepository::find(std::int64_t id) {
    auto& q = st_.get("SELECT action, level, start_at, end_at, open_ended, note, consulted_at, forecast_id, "
                      "directive_id, proposer, created_at, form_due_at, approval_due_at, checks, status, decided_by, "
                      "decided_authority, decided_at, decision_note, approval_late, distribution_due_at, notice, "
                      "episode_id FROM proposals WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    ports::ProposalRecord p;
    p.id = id;
    p.action = q.getColumn(0).getString();
    p.level = optional_text(q.getColumn(1));
    p.start_at = q.getColumn(2).getInt64();
    p.end_at = optional_int(q.getColumn(3));
    p.open_ended = q.getColumn(4).getInt() == 1;
    p.note = q.getColumn(5).getString();
    p.consulted_at = q.getColumn(6).getInt64();
    p.forecast_id = optional_int(q.getColumn(7));
    p.directive_id = optional_int(q.getColumn(8));
    p.proposer = q.getColumn(9).getString();
    p.created_at = q.getColumn(10).getInt64();
    p.form_due_at = q.getColumn(11).getInt64();
    p.approval_due_at = q.getColumn(12).getInt64();
    p.checks = q.getColumn(13).getString();
    p.status = q.getColumn(14).getString();
    p.decided_by = optional_text(q.getColumn(15));
    p.decided_authority = optional_text(q.getColumn(16));
    p.decided_at = optional_int(q.getColumn(17));
    p.decision_note = optional_text(q.getColumn(18));
    if (auto const late = optional_int(q.getColumn(19))) p.approval_late = *late == 1;
    p.distribution_due_at = optional_int(q.getColumn(20));
    p.notice = optional_text(q.getColumn(21));
    p.episode_id = optional_int(q.getColumn(22));
    q.reset();
    return p;
}

std::vector<std::int64_t> SqliteProposalRepository::ids(std::optional<std::string> const& status, int limit) {
    auto& q = st_.get(status ? "SELECT id FROM proposals WHERE status = ? ORDER BY id DESC LIMIT ?"
                             : "SELECT id FROM proposals ORDER BY id DESC LIMIT ?");
    int i = 1;
    if (status) q.bind(i++, *status);
    q.bind(i, limit);
    return column_ids(q);
}

std::int64_t SqliteProposalRepository::count_pending() {
    auto& q = st_.get("SELECT count(*) FROM proposals WHERE status = 'pending'");
    q.executeStep();
    auto const n = q.getColumn(0).getInt64();
    q.reset();
    return n;
}

void SqliteProposalRepository::decide(std::int64_t id, ports::ProposalDecision const& d) {
    auto& u = st_.get("UPDATE proposals SET status = ?, decided_by = ?, decided_authority = ?, decided_at = ?, "
                      "decision_note = ?, approval_late = ?, distribution_due_at = ?, notice = ? WHERE id = ?");
    u.bind(1, d.status);
    u.bind(2, d.by);
    u.bind(3, d.authority);
    u.bind(4, d.at);
    u.bind(5, d.note);
    if (d.late) u.bind(6, *d.late ? 1 : 0);
    bind_optional(u, 7, d.distribution_due_at);
    bind_optional(u, 8, d.notice);
    u.bind(9, id);
    u.exec();
}

void SqliteProposalRepository::join_episode(std::int64_t id, std::int64_t episode) {
    auto& u = st_.get("UPDATE proposals SET episode_id = ? WHERE id = ? AND episode_id IS NULL");
    u.bind(1, episode);
    u.bind(2, id);
    u.exec();
}

// --- directives --------------------------------------------------------------------------------

std::int64_t SqliteDirectiveRepository::add(ports::DirectiveRecord const& d) {
    auto& q = st_.get("INSERT INTO directives(issuer, level, start_at, end_at, reference, note, recorded_by, "
                      "created_at, status) VALUES (?,?,?,?,?,?,?,?,?)");
    q.bind(1, d.issuer);
    q.bind(2, d.level);
    q.bind(3, d.start_at);
    bind_optional(q, 4, d.end_at);
    q.bind(5, d.reference);
    q.bind(6, d.note);
    q.bind(7, d.recorded_by);
    q.bind(8, d.created_at);
    q.bind(9, d.status);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::optional<ports::DirectiveRecord> SqliteDirectiveRepository::find(std::int64_t id) {
    auto& q = st_.get("SELECT issuer, level, start_at, end_at, reference, note, recorded_by, created_at, status, "
                      "started_at, ended_at FROM directives WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    ports::DirectiveRecord d{id,
                             q.getColumn(0).getString(),
                             q.getColumn(1).getString(),
                             q.getColumn(2).getInt64(),
                             optional_int(q.getColumn(3)),
                             q.getColumn(4).getString(),
                             q.getColumn(5).getString(),
                             q.getColumn(6).getString(),
                             q.getColumn(7).getInt64(),
                             q.getColumn(8).getString(),
                             optional_int(q.getColumn(9)),
                             optional_int(q.getColumn(10))};
    q.reset();
    return d;
}

std::vector<std::int64_t> SqliteDirectiveRepository::ids(int limit) {
    auto& q = st_.get("SELECT id FROM directives ORDER BY id DESC LIMIT ?");
    q.bind(1, limit);
    return column_ids(q);
}

void SqliteDirectiveRepository::started(std::int64_t id, Instant at) {
    auto& u = st_.get("UPDATE directives SET status = 'in_force', started_at = ? WHERE id = ?");
    u.bind(1, at);
    u.bind(2, id);
    u.exec();
}

void SqliteDirectiveRepository::ended(std::int64_t id, Instant at) {
    auto& u = st_.get("UPDATE directives SET status = 'ended', ended_at = ? WHERE id = ?");
    u.bind(1, at);
    u.bind(2, id);
    u.exec();
}

void SqliteDirectiveRepository::cancelled(std::int64_t id) {
    auto& u = st_.get("UPDATE directives SET status = 'cancelled' WHERE id = ?");
    u.bind(1, id);
    u.exec();
}

void SqliteDirectiveRepository::set_end(std::int64_t id, Instant end_at) {
    auto& u = st_.get("UPDATE directives SET end_at = ? WHERE id = ?");
    u.bind(1, end_at);
    u.bind(2, id);
    u.exec();
}

// --- episodes ----------------------------------------------------------------------------------

void SqliteEpisodeRepository::open(ports::EpisodeRecord const& e) {
    auto& q = st_.get("INSERT INTO episodes(id, opened_at, plan_version, rule_set, drill, peak_level, list_version) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, e.id);
    q.bind(2, e.opened_at);
    q.bind(3, e.plan_version);
    q.bind(4, e.rule_set);
    q.bind(5, e.drill ? 1 : 0);
    q.bind(6, e.peak_level);
    bind_optional(q, 7, e.list_version);
    q.exec();
}

void SqliteEpisodeRepository::reopen(std::int64_t id) {
    auto& u = st_.get("UPDATE episodes SET closed_at = NULL WHERE id = ?");
    u.bind(1, id);
    u.exec();
}

void SqliteEpisodeRepository::close(std::int64_t id, Instant at) {
    auto& u = st_.get("UPDATE episodes SET closed_at = ? WHERE id = ?");
    u.bind(1, at);
    u.bind(2, id);
    u.exec();
}

void SqliteEpisodeRepository::set_peak_level(std::int64_t id, std::string const& level) {
    auto& u = st_.get("UPDATE episodes SET peak_level = ? WHERE id = ?");
    u.bind(1, level);
    u.bind(2, id);
    u.exec();
}

std::optional<ports::EpisodeRecord> SqliteEpisodeRepository::find(std::int64_t id) {
    auto& q = st_.get(std::string(kEpisodeColumns) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    auto e = episode_at(q);
    q.reset();
    return e;
}

std::vector<ports::EpisodeRecord> SqliteEpisodeRepository::recent(int limit) {
    auto& q = st_.get(std::string(kEpisodeColumns) + "ORDER BY id DESC LIMIT ?");
    q.bind(1, limit);
    std::vector<ports::EpisodeRecord> out;
    while (q.executeStep()) out.push_back(episode_at(q));
    return out;
}

std::vector<engine::TimelineRecord> SqliteEpisodeRepository::timeline(std::int64_t id) {
    auto& q = st_.get("SELECT id, ref, at, kind, actor, summary_cn, detail, plan_version FROM episode_timeline "
                      "WHERE episode = ? ORDER BY id");
    q.bind(1, id);
    std::vector<engine::TimelineRecord> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), id, q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                       q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                       q.getColumn(6).getString(), q.getColumn(7).getString()});
    return out;
}

void SqliteEpisodeRepository::adopt(std::int64_t id, std::string const& ref) {
    auto& u = st_.get("INSERT OR IGNORE INTO timeline_links(timeline_id, episode_id) SELECT id, ? FROM timeline "
                      "WHERE ref = ? AND episode_id IS NULL");
    u.bind(1, id);
    u.bind(2, ref);
    u.exec();
}

// --- timers ------------------------------------------------------------------------------------

std::int64_t SqliteTimerRepository::add(std::string const& kind, std::string const& ref, Instant due, Instant created_at) {
    auto& q = st_.get("INSERT INTO timers(kind, ref, due_at, created_at) VALUES (?, ?, ?, ?)");
    q.bind(1, kind);
    q.bind(2, ref);
    q.bind(3, due);
    q.bind(4, created_at);
    q.exec();
    return st_.db().getLastInsertRowid();
}

void SqliteTimerRepository::cancel(std::string const& kind, std::string const& ref, Instant at) {
    auto& q = st_.get("UPDATE timers SET cancelled_at = ? WHERE kind = ? AND ref = ? AND fired_at IS NULL AND "
                      "cancelled_at IS NULL");
    q.bind(1, at);
    q.bind(2, kind);
    q.bind(3, ref);
    q.exec();
}

void SqliteTimerRepository::cancel(std::int64_t id, Instant at) {
    auto& q = st_.get("UPDATE timers SET cancelled_at = ? WHERE id = ?");
    q.bind(1, at);
    q.bind(2, id);
    q.exec();
}

std::vector<ports::TimerRecord> SqliteTimerRepository::pending(std::string const& kind) {
    auto& q = st_.get("SELECT id, kind, ref, due_at FROM timers WHERE kind = ? AND fired_at IS NULL AND "
                      "cancelled_at IS NULL ORDER BY id");
    q.bind(1, kind);
    std::vector<ports::TimerRecord> out;
    while (q.executeStep()) out.push_back(timer_at(q));
    return out;
}

std::vector<ports::TimerRecord> SqliteTimerRepository::next(int limit) {
    auto& q = st_.get("SELECT id, kind, ref, due_at FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL "
                      "ORDER BY due_at, id LIMIT ?");
    q.bind(1, limit);
    std::vector<ports::TimerRecord> out;
    while (q.executeStep()) out.push_back(timer_at(q));
    return out;
}

std::int64_t SqliteTimerRepository::count_pending() {
    auto& q = st_.get("SELECT count(*) FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL");
    q.executeStep();
    auto const n = q.getColumn(0).getInt64();
    q.reset();
    return n;
}

std::optional<ports::TimerRecord> SqliteTimerRepository::first_due(Instant until) {
    auto& q = st_.get("SELECT id, kind, ref, due_at FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL AND "
                      "due_at <= ? ORDER BY due_at, id LIMIT 1");
    q.bind(1, until);
    if (!q.executeStep()) return std::nullopt;
    auto t = timer_at(q);
    q.reset();
    return t;
}

void SqliteTimerRepository::fired(std::int64_t id, Instant at) {
    auto& q = st_.get("UPDATE timers SET fired_at = ? WHERE id = ?");
    q.bind(1, at);
    q.bind(2, id);
    q.exec();
}

}  // namespace hazeguard::storage
