#pragma once
/// @file backup.hpp
/// @brief An online, consistent copy of the database while the server writes to it, and what it
/// holds. Restore is by hand (docs/operations.md): stop the server, copy the file back, start.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace hazeguard::storage {

/// @brief What a verified copy holds.
struct BackupSummary {
    std::uintmax_t bytes = 0;
    int schema_version = 0;
    std::int64_t orders = 0;
    std::int64_t acknowledged_orders = 0;
    std::int64_t timeline_rows = 0;
    std::string timeline_head;  ///< the last timeline row's hash; empty without a chain
};

/// @brief The destination exists already: a backup never overwrites a file.
struct BackupExists : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// @brief Copies the database at `source` to `destination`, which must not exist: the copy is
/// written to a temporary file in the destination's directory, fsynced, checked with
/// PRAGMA integrity_check and only then renamed into place (never over an existing file).
/// Throws BackupExists, or std::runtime_error with a readable message; a failed backup leaves
/// no file behind.
BackupSummary backup_database(std::string const& source, std::string const& destination);

/// @brief What the database file at `path` holds, after PRAGMA integrity_check (read-only).
/// Throws std::runtime_error when the check fails.
BackupSummary inspect_database(std::string const& path);

}  // namespace hazeguard::storage
