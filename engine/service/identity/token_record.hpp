#pragma once
/// @file token_record.hpp
/// @brief One stored bearer token as listed: never the token, only a short prefix of its hash.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/service/principal.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::service {

/// @brief A token is refused once the real clock is past its expiry (none: it never expires).
inline bool token_expired(std::optional<engine::Instant> expires_at, engine::Instant now) {
    return expires_at && now > *expires_at;
}

/// @brief A stored token with its principal, expiry and revocation.
struct TokenRecord {
    std::int64_t id = 0;
    Principal principal;
    std::string hash_prefix;
    engine::Instant created_at = 0;
    std::optional<engine::Instant> expires_at, revoked_at;
    std::string revoked_by;
    /// @brief "active", "expired" or "revoked" at `now`.
    std::string status(engine::Instant now) const {
        if (revoked_at) return "revoked";
        return token_expired(expires_at, now) ? "expired" : "active";
    }
};

}  // namespace hazeguard::service
