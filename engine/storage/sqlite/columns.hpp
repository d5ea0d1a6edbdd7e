#pragma once
/// @file columns.hpp
/// @brief NULL-aware column reads and parameter binds shared by the SQLite repositories.

#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

namespace hazeguard::storage {

inline std::optional<std::int64_t> optional_int(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<std::int64_t>(c.getInt64());
}

inline std::optional<std::string> optional_text(SQLite::Column const& c) {
    return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}

/// @brief Binds `v` to parameter `i`, or leaves it NULL (the statement cache clears bindings).
template <class T>
void bind_optional(SQLite::Statement& q, int i, std::optional<T> const& v) {
    if (v) q.bind(i, *v);
}

}  // namespace hazeguard::storage
