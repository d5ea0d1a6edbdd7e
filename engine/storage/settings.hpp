#pragma once
/// @file settings.hpp
/// @brief The service's settings rows (table settings: live vs drill, the drill clock's anchor, the
/// tokens epoch) as a command-line tool reads them before it starts a service on the database.

#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace hazeguard::storage {

/// @brief The value stored under `key`, if any.
std::optional<std::string> read_setting(SQLite::Database& db, std::string const& key);

}  // namespace hazeguard::storage
