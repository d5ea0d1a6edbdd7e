#include "engine/storage/settings.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace hazeguard::storage {

std::optional<std::string> read_setting(SQLite::Database& db, std::string const& key) {
    SQLite::Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

}  // namespace hazeguard::storage
