#pragma once
/// @file columns.hpp
/// @brief NULL-aware column reads shared by the SQLite repositories.

#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/Column.h>

namespace hazeguard::storage {

inline std::optional<std::int64_t> optional_int(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<std::int64_t>(c.getInt64());
}

inline std::optional<std::string> optional_text(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

}  // namespace hazeguard::storage
