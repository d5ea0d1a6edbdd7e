#pragma once
/// @file identity_service.hpp
/// @brief Who is calling: bearer tokens checked against storage once and then remembered (a cache
/// that forgets a revoked token at once and compares a cached expiry with the real clock), and the
/// admin commands that issue, list and revoke tokens.

#include <atomic>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/identity/token_record.hpp"
#include "engine/service/principal.hpp"
#include "engine/service/view_context.hpp"

namespace hazeguard::service {

/// @brief A stored token as seen at a moment of the real clock: "active", "expired" or "revoked".
struct TokenSheet {
    TokenRecord token;
    std::string status;
};

/// @brief POST /v1/tokens, read and checked by its caller (principal_problems()): who the token
/// stands for, and its lifetime when not the role's default.
struct TokenRequest {
    Principal principal;
    std::optional<int> expires_in_days;
};

/// @brief A token just issued, with the bearer token in clear: shown once, never stored.
struct IssuedToken {
    TokenSheet sheet;
    std::string bearer_token;
};

class IdentityService {
public:
    /// @param runner, @param transactions and the plan in @param views must outlive the service.
    IdentityService(CommandRunner& runner, ports::Transactions& transactions, ViewContext views)
        : runner_(runner), transactions_(transactions), views_(views) {}

    /// @brief The principal of a token that is neither revoked nor expired (by the real clock).
    std::optional<Principal> authenticate(std::string const& bearer_token);
    /// @brief The principal of a token already found valid (remembered), without a storage read;
    /// nullopt for any other token.
    std::optional<Principal> known_principal(std::string const& bearer_token);
    /// @brief Changes whenever the remembered tokens are dropped (a revocation, here or by another
    /// process): a principal found while it had one value is valid as long as it keeps it.
    std::uint64_t tokens_generation() const { return cache_generation_.load(); }
    /// @brief Drops the cached tokens when another process (`hazeguard token revoke`) revoked one:
    /// one small read; the serve loop calls it every 200 ms.
    void refresh_token_cache();

    /// @brief Creates a token with its role's default lifetime and returns it in clear (stored
    /// hashed), once it is on disk. Throws std::invalid_argument on a bad role/authority.
    std::string create_token(Principal const& who);
    /// @brief True once any token was stored (serve writes demo tokens otherwise).
    bool has_tokens();
    /// @brief Tokens for admins (GET /v1/tokens): the active ones, or with `all` every one.
    std::vector<TokenSheet> tokens(bool all);
    /// @brief One token; Error not_found without it.
    TokenSheet token(std::int64_t id);
    /// @brief Issues a token; the result carries it in clear, which nothing stores (so the answer
    /// an Idempotency-Key remembers must not hold it).
    void issue_token(Command const& c, TokenRequest request, Answer<IssuedToken> answer);
    /// @brief Revokes a token; it is refused from the moment this answers.
    void revoke_token(Command const& c, std::int64_t id, Answer<TokenSheet> answer);

private:
    struct CachedToken {
        Principal principal;
        std::optional<engine::Instant> expires_at;
    };
    void forget_tokens();

    CommandRunner& runner_;
    ports::Transactions& transactions_;
    ViewContext views_;
    std::shared_mutex cache_mutex_;
    std::unordered_map<std::string, CachedToken> cache_;   ///< SHA-256 → valid token
    std::atomic<std::uint64_t> cache_generation_{0};        ///< bumped by forget_tokens(), under the mutex
    std::atomic<std::int64_t> tokens_epoch_{-1};            ///< settings 'tokens_epoch' when last checked
};

}  // namespace hazeguard::service
