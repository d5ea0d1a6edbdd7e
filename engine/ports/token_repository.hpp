#pragma once
/// @file token_repository.hpp
/// @brief Port: bearer tokens as stored — only their SHA-256, the principal they stand for, their
/// expiry and revocation — and the 'tokens_epoch' counter a revocation bumps, so every process on
/// the same database learns of it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/service/identity/token_record.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

/// @brief What authentication needs of a token that is not revoked.
struct ValidToken {
    service::Principal principal;
    std::optional<engine::Instant> expires_at;
};

class TokenRepository {
public:
    virtual ~TokenRepository() = default;
    /// @brief Stores a token by its hash for `who` (checked beforehand); returns the new token id.
    virtual std::int64_t add(std::string const& hash, service::Principal const& who, engine::Instant created_at,
                             engine::Instant expires_at) = 0;
    virtual std::optional<service::TokenRecord> find(std::int64_t id) = 0;
    /// @brief The token with this hash unless it is revoked (expired or not).
    virtual std::optional<ValidToken> find_unrevoked(std::string const& hash) = 0;
    /// @brief Tokens by id; without `all` only those neither revoked nor expired at `now`.
    virtual std::vector<service::TokenRecord> list(bool all, engine::Instant now) = 0;
    /// @brief Revokes token `id` by `by` at `now` unless it already is (a token keeps its first
    /// revocation); a revocation bumps the epoch. False when nothing changed.
    virtual bool revoke(std::int64_t id, std::string const& by, engine::Instant now) = 0;
    /// @brief The counter revoke() bumps; 0 before the first revocation.
    virtual std::int64_t epoch() = 0;
    /// @brief True once any token was ever stored.
    virtual bool any() = 0;
    /// @brief The key that signs orders' one-time links: `candidate` is stored on first use, the
    /// stored key returned ever after.
    virtual std::string link_key(std::string const& candidate) = 0;
};

}  // namespace hazeguard::ports
