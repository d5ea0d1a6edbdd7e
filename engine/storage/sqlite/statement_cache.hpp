#pragma once
/// @file statement_cache.hpp
/// @brief Prepared statements of one connection, kept for reuse. One user at a time: the writer
/// thread, or a reader holding the read lock.

#include <memory>
#include <string>
#include <unordered_map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace hazeguard::storage {

class StatementCache {
public:
    explicit StatementCache(SQLite::Database& db) : db_(db) {}
    /// @brief The statement for `sql`, reset and with its bindings cleared.
    SQLite::Statement& get(std::string const& sql) {
        auto& slot = statements_[sql];
        if (!slot) {
            slot = std::make_unique<SQLite::Statement>(db_, sql);
        } else {
            slot->reset();
            slot->clearBindings();
        }
        return *slot;
    }
    /// @brief A stepped statement pins its connection's snapshot (and the WAL): reset them all
    /// when a job or a query ends.
    void reset_all() {
        for (auto& [sql, st] : statements_) st->reset();
    }
    SQLite::Database& db() { return db_; }

private:
    SQLite::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace hazeguard::storage
