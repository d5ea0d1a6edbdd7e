#pragma once
/// @file database.hpp
/// @brief Opening the SQLite file (WAL, synchronous=FULL: a committed transaction is on disk)
/// and applying the numbered migrations tracked by PRAGMA user_version.

#include <memory>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

namespace hazeguard::storage {

/// @brief The schema version this build expects (the number of migrations).
int schema_version();

/// @brief Opens (creating if needed) the database at `path` and migrates it. Creates the parent
/// directory. Throws std::runtime_error with a readable message on failure.
std::unique_ptr<SQLite::Database> open_database(std::string const& path);

}  // namespace hazeguard::storage
