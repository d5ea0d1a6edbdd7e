#pragma once
/// @file timeline_store.hpp
/// @brief The timeline's hash chain in SQLite: appending a chained row, sealing the rows written
/// before the chain existed, and walking the chain (engine/audit/timeline_chain.* does the hashing).

#include <cstdint>
#include <optional>
#include <string>


#include "engine/audit/timeline_chain.hpp"

namespace SQLite {
class Database;
}

namespace hazeguard::storage {

/// @brief Inserts `row` (its id is assigned here: the last id + 1) with its prev_hash and hash.
/// Must run inside the caller's write transaction: the previous hash is read from the last row of
/// that same transaction, never cached, so a rolled-back savepoint cannot leave a stale link.
void append_timeline(SQLite::Database& db, engine::TimelineRecord row);

/// @brief True when the timeline has its hash columns (the tamper-evident migration has run).
bool timeline_is_chained(SQLite::Database& db);

/// @brief Computes the chain over every row, in id order. Run once, by the migration that adds
/// the hash column, inside its transaction; never at start-up (it would seal rows forged while
/// the server was down).
void seal_timeline(SQLite::Database& db);

/// @brief The walk's result: rows verified, the head hash, the first fault.
struct ChainReport {
    std::int64_t rows = 0;
    std::string head;
    std::optional<engine::ChainFinding> finding;
    std::optional<std::string> expected_head;   ///< as given
    std::optional<std::int64_t> expected_head_at;  ///< the row carrying it, if found
    bool ok() const { return !finding && (!expected_head || expected_head_at); }
};

/// @brief Walks the whole chain; stops at the first fault. Throws std::runtime_error when the
/// database has no chain yet.
ChainReport verify_timeline(SQLite::Database& db, std::optional<std::string> expected_head = std::nullopt);

/// @brief verify_timeline() on the database file at `path`, opened read-only (nothing is migrated
/// or written). Throws std::runtime_error when there is no database there.
ChainReport verify_timeline_file(std::string const& path, std::optional<std::string> expected_head = std::nullopt);

/// @brief The number of timeline rows and the last row's hash (empty when there are none), read
/// without verifying.
std::pair<std::int64_t, std::string> timeline_head(SQLite::Database& db);

}  // namespace hazeguard::storage
