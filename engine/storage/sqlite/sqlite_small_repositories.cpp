#include "engine/storage/sqlite/sqlite_small_repositories.hpp"

#include "engine/storage/sqlite/columns.hpp"
#include "engine/storage/timeline_store.hpp"
#include "engine/workflow/warning_json.hpp"

namespace hazeguard::storage {

std::int64_t SqliteForecastRepository::add(ports::ForecastRecord const& f) {
    auto& q = st_.get("INSERT INTO forecasts(issued_at, issuer, consulted_at, body, assessment, rule_set, "
                      "plan_version, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, f.issued_at);
    q.bind(2, f.issuer);
    q.bind(3, f.consulted_at);
    q.bind(4, f.body);
    q.bind(5, f.assessment);
    q.bind(6, f.rule_set);
    q.bind(7, f.plan_version);
    q.bind(8, f.created_by);
    q.bind(9, f.created_at);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::optional<ports::ForecastRecord> SqliteForecastRepository::find(std::int64_t id) {
    auto& q = st_.get("SELECT issued_at, issuer, consulted_at, body, assessment, rule_set, plan_version, created_by, "
                      "created_at FROM forecasts WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    ports::ForecastRecord f{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                            q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                            q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getInt64()};
    q.reset();
    return f;
}

std::optional<std::int64_t> SqliteForecastRepository::latest() {
    auto& q = st_.get("SELECT id FROM forecasts ORDER BY issued_at DESC, id DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
}

engine::WarningState SqliteWarningRepository::state() {
    auto& q = st_.get("SELECT state FROM machine WHERE id = 1");
    q.executeStep();
    auto state = engine::warning_state_from_json(nlohmann::json::parse(q.getColumn(0).getString()));
    q.reset();
    return state;
}

void SqliteWarningRepository::save(engine::WarningState const& state) {
    auto& q = st_.get("UPDATE machine SET state = ?, revision = revision + 1 WHERE id = 1");
    q.bind(1, engine::to_json(state).dump());
    q.exec();
}

void SqliteWarningRepository::append_timeline(engine::TimelineRecord row) {
    storage::append_timeline(st_.db(), std::move(row));
}

std::optional<ports::StoredAnswer> SqliteIdempotencyRepository::find(std::string const& principal,
                                                                     std::string const& key) {
    auto& q = st_.get("SELECT fingerprint, status, body, location FROM idempotency WHERE principal = ? AND key = ?");
    q.bind(1, principal);
    q.bind(2, key);
    if (!q.executeStep()) return std::nullopt;
    ports::StoredAnswer a{q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString(),
                          optional_text(q.getColumn(3)).value_or("")};
    q.reset();
    return a;
}

void SqliteIdempotencyRepository::remember(std::string const& principal, std::string const& key,
                                           ports::StoredAnswer const& answer, engine::Instant at) {
    auto& q = st_.get("INSERT INTO idempotency(principal, key, fingerprint, status, body, location, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, principal);
    q.bind(2, key);
    q.bind(3, answer.fingerprint);
    q.bind(4, answer.status);
    q.bind(5, answer.body);
    q.bind(6, answer.location);
    q.bind(7, at);
    q.exec();
}

}  // namespace hazeguard::storage
