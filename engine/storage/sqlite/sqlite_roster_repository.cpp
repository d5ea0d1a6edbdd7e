#include "engine/storage/sqlite/sqlite_roster_repository.hpp"

namespace hazeguard::storage {

namespace {
constexpr char kRosterColumns[] = "version, imported_at, imported_by, source, sha256, body";
}

std::int64_t SqliteRosterRepository::add(ports::RosterVersion const& r) {
    auto& q = st_.get("INSERT INTO rosters(imported_at, imported_by, source, sha256, body) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, r.imported_at);
    q.bind(2, r.imported_by);
    q.bind(3, r.source);
    q.bind(4, r.sha256);
    q.bind(5, r.body);
    q.exec();
    return st_.db().getLastInsertRowid();
}

std::optional<ports::RosterVersion> SqliteRosterRepository::one(SQLite::Statement& q) {
    if (!q.executeStep()) return std::nullopt;
    ports::RosterVersion r{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()};
    q.reset();
    return r;
}

std::optional<ports::RosterVersion> SqliteRosterRepository::latest() {
    return one(st_.get(std::string("SELECT ") + kRosterColumns + " FROM rosters ORDER BY version DESC LIMIT 1"));
}

std::optional<ports::RosterVersion> SqliteRosterRepository::version(std::int64_t version) {
    auto& q = st_.get(std::string("SELECT ") + kRosterColumns + " FROM rosters WHERE version = ?");
    q.bind(1, version);
    return one(q);
}

}  // namespace hazeguard::storage
