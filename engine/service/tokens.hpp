#pragma once
/// @file tokens.hpp
/// @brief Bearer tokens and their lifecycle: random, shown once, stored as SHA-256, with an expiry
/// and a revocation. Free functions on a connection, shared by the Service (HTTP) and the CLI (which
/// may run as another process on the same database file).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/service/principal.hpp"
#include "engine/service/error.hpp"
#include "engine/time/timestamp.hpp"
#include "plans/plan.hpp"

namespace SQLite {
class Database;
}

namespace hazeguard::service {

/// @brief Default lifetimes (docs/operations.md, "Tokens and access"): staff tokens live this many
/// days; enterprise tokens until the end of the list year (31 Dec 23:59:59 in the plan's local time).
constexpr int kStaffTokenDays = 90;
/// @brief The longest lifetime `--expires-in` / `expires_in_days` may ask for.
constexpr int kMaxTokenDays = 3650;

/// @brief When a token issued at `now` expires: after `expires_in_days` when given, else the role's default.
engine::Instant token_expiry(std::string const& role, engine::Instant now, int offset_minutes,
                             std::optional<int> expires_in_days);

/// @brief A token is refused once the real clock is past its expiry (none: it never expires).
inline bool token_expired(std::optional<engine::Instant> expires_at, engine::Instant now) {
    return expires_at && now > *expires_at;
}

/// @brief What is wrong with a principal a token would stand for; pointers name the fields
/// "/role", "/name", "/authority", "/enterprise_id". Empty when it may be issued.
std::vector<FieldError> principal_problems(plans::Plan const& plan, Principal const& who);

/// @brief A fresh random token, "hg_" and 40 hex digits.
std::string new_token();

/// @brief Stores `token`'s hash for `who` (checked beforehand); returns the new token id.
std::int64_t insert_token(SQLite::Database& db, std::string const& token, Principal const& who,
                          engine::Instant created_at, engine::Instant expires_at);

/// @brief One stored token, as listed: never the token, only a short prefix of its hash.
struct TokenRecord {
    std::int64_t id = 0;
    Principal principal;
    std::string hash_prefix;
    engine::Instant created_at = 0;
    std::optional<engine::Instant> expires_at, revoked_at;
    std::string revoked_by;
    /// @brief "active", "expired" or "revoked" at `now`.
    std::string status(engine::Instant now) const;
};

/// @brief Tokens by id; without `all` only those still active at `now`.
std::vector<TokenRecord> list_tokens(SQLite::Database& db, bool all, engine::Instant now);
std::optional<TokenRecord> find_token(SQLite::Database& db, std::int64_t id);

/// @brief Revokes token `id` by `by` at `now` (a revoked token keeps its first revocation) and bumps
/// the settings row 'tokens_epoch', so a server on the same file drops its cached tokens. Call it
/// inside a transaction. Returns the record, or nullopt when there is no such token.
std::optional<TokenRecord> revoke_token(SQLite::Database& db, std::int64_t id, std::string const& by,
                                        engine::Instant now);

/// @brief The counter revoke_token() bumps; 0 before the first revocation.
std::int64_t tokens_epoch(SQLite::Database& db);

/// @brief The JSON view of GET /v1/tokens (times in the given offset).
nlohmann::json to_json(TokenRecord const& t, int offset_minutes, engine::Instant now);

}  // namespace hazeguard::service
