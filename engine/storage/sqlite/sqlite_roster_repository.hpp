#pragma once
/// @file sqlite_roster_repository.hpp
/// @brief ports::RosterRepository over SQLite (table rosters, migration 0011).

#include "engine/ports/roster_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteRosterRepository final : public ports::RosterRepository {
public:
    explicit SqliteRosterRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add(ports::RosterVersion const& roster) override;
    std::optional<ports::RosterVersion> latest() override;
    std::optional<ports::RosterVersion> version(std::int64_t version) override;

private:
    std::optional<ports::RosterVersion> one(SQLite::Statement& q);
    StatementCache& st_;
};

}  // namespace hazeguard::storage
