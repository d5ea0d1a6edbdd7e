#include "engine/storage/sqlite/sqlite_observation_repository.hpp"

namespace hazeguard::storage {

namespace {
constexpr char const* kColumns =
    "granularity, at, aqi, pm25, primary_pollutant, source, revision, recorded_at, recorded_by";

ports::ObservationRecord record_of(SQLite::Statement& q) {
    auto const pm25 = q.getColumn(3);
    return {q.getColumn(0).getString(),
            q.getColumn(1).getInt64(),
            {q.getColumn(2).getInt(), pm25.isNull() ? std::nullopt : std::optional<double>(pm25.getDouble()),
             q.getColumn(4).getString()},
            q.getColumn(5).getString(),
            q.getColumn(6).getInt(),
            q.getColumn(7).getInt64(),
            q.getColumn(8).getString()};
}
}  // namespace

std::optional<ports::ObservationRecord> SqliteObservationRepository::find(std::string const& granularity,
                                                                         engine::Instant at) {
    auto& q = st_.get(std::string("SELECT ") + kColumns + " FROM observations WHERE granularity = ? AND at = ?");
    q.bind(1, granularity);
    q.bind(2, at);
    if (!q.executeStep()) return std::nullopt;
    auto record = record_of(q);
    q.reset();
    return record;
}

void SqliteObservationRepository::put(ports::ObservationRecord const& r) {
    auto& q = st_.get(std::string("INSERT OR REPLACE INTO observations(") + kColumns +
                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.granularity);
    q.bind(2, r.at);
    q.bind(3, r.values.aqi);
    if (r.values.pm25) q.bind(4, *r.values.pm25);
    else q.bind(4);
    q.bind(5, r.values.primary);
    q.bind(6, r.source);
    q.bind(7, r.revision);
    q.bind(8, r.recorded_at);
    q.bind(9, r.recorded_by);
    q.exec();
}

void SqliteObservationRepository::add_change(ports::ObservationChange const& c) {
    auto& q = st_.get("INSERT INTO observation_changes(granularity, at, revision, previous, changed_at, changed_by, "
                      "source) VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, c.granularity);
    q.bind(2, c.at);
    q.bind(3, c.revision);
    q.bind(4, c.previous);
    q.bind(5, c.changed_at);
    q.bind(6, c.changed_by);
    q.bind(7, c.source);
    q.exec();
}

std::vector<ports::ObservationRecord> SqliteObservationRepository::between(engine::Instant from, engine::Instant to) {
    auto& q = st_.get(std::string("SELECT ") + kColumns +
                      " FROM observations WHERE at >= ? AND at < ? ORDER BY granularity, at");
    q.bind(1, from);
    q.bind(2, to);
    std::vector<ports::ObservationRecord> out;
    while (q.executeStep()) out.push_back(record_of(q));
    return out;
}

std::vector<ports::ObservationChange> SqliteObservationRepository::changes(std::string const& granularity,
                                                                           engine::Instant at) {
    auto& q = st_.get("SELECT revision, previous, changed_at, changed_by, source FROM observation_changes "
                      "WHERE granularity = ? AND at = ? ORDER BY revision");
    q.bind(1, granularity);
    q.bind(2, at);
    std::vector<ports::ObservationChange> out;
    while (q.executeStep())
        out.push_back({granularity, at, q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getInt64(),
                       q.getColumn(3).getString(), q.getColumn(4).getString()});
    return out;
}

}  // namespace hazeguard::storage
