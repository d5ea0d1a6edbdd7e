#pragma once
/// @file statement_cache.hpp
/// @brief Prepared statements of one connection, kept for reuse. One user at a time: the writer
/// thread, or a reader holding the read lock.

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace hazeguard::storage {

class StatementCache {
public:
    explicit StatementCache(SQLite::Database& db) : db_(db) {}
    /// @brief The statement for `sql`, reset and with its bindings cleared.
    SQLite::Statement& get(std::string const& sql) {
        auto& slot = statements_[sql];
        if (!slot.statement) {
            slot.statement = std::make_unique<SQLite::Statement>(db_, sql);
        } else {
            slot.statement->reset();
            slot.statement->clearBindings();
        }
        if (!slot.handed_out) {
            slot.handed_out = true;
            handed_out_.push_back(&slot);
        }
        return *slot.statement;
    }
    /// @brief A stepped statement pins its connection's snapshot (and the WAL): reset them all
    /// when a job or a query ends. Only those handed out since the last call can have been
    /// stepped, so only they are reset (a job uses a few of the connection's many statements).
    void reset_all() {
        for (Slot* slot : handed_out_) {
            slot->statement->reset();
            slot->handed_out = false;
        }
        handed_out_.clear();
    }
    SQLite::Database& db() { return db_; }

private:
    SQLite::Database& db_;
    struct Slot {
        std::unique_ptr<SQLite::Statement> statement;
        bool handed_out = false;  ///< by get() since the last reset_all()
    };
    std::unordered_map<std::string, Slot> statements_;  // nodes stay put: handed_out_ points into them
    std::vector<Slot*> handed_out_;
};

}  // namespace hazeguard::storage
