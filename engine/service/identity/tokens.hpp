#pragma once
/// @file tokens.hpp
/// @brief Bearer tokens and their lifecycle: random, shown once, stored as SHA-256, with an expiry
/// and a revocation. Shared by the identity service (HTTP) and the CLI (which may run as another
/// process on the same database file); storage is behind ports::TokenRepository.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/ports/token_repository.hpp"
#include "engine/service/error.hpp"
#include "engine/service/identity/token_record.hpp"
#include "engine/service/principal.hpp"
#include "engine/time/timestamp.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

/// @brief Default lifetimes (docs/operations.md, "Tokens and access"): staff tokens live this many
/// days; enterprise tokens until the end of the list year (31 Dec 23:59:59 in the plan's local time).
constexpr int kStaffTokenDays = 90;
/// @brief The longest lifetime `--expires-in` / `expires_in_days` may ask for.
constexpr int kMaxTokenDays = 3650;

/// @brief When a token issued at `now` expires: after `expires_in_days` when given, else the role's default.
engine::Instant token_expiry(std::string const& role, engine::Instant now, int offset_minutes,
                             std::optional<int> expires_in_days);

/// @brief What is wrong with a principal a token would stand for; pointers name the fields
/// "/role", "/name", "/authority", "/enterprise_id". Empty when it may be issued.
std::vector<FieldError> principal_problems(plans::Plan const& plan, Principal const& who);

/// @brief A fresh random token, "hg_" and 40 hex digits.
std::string new_token();

/// @brief Creates a bearer token for `who` issued at `now` (the real clock) and returns it in
/// clear; only its SHA-256 is stored. It expires after `expires_in_days`, else after its role's
/// default. Throws std::invalid_argument for an unknown role, a missing name, authority or
/// enterprise (principal_problems()).
std::string create_token(ports::TokenRepository& tokens, plans::Plan const& plan, Principal const& who,
                         std::optional<int> expires_in_days, engine::Instant now);

/// @brief Revokes token `id` by `by` at `now` (a revoked token keeps its first revocation; a
/// revocation bumps 'tokens_epoch', so a server on the same file drops its cached tokens). Returns
/// the record, or nullopt when there is no such token.
std::optional<TokenRecord> revoke_token(ports::TokenRepository& tokens, std::int64_t id, std::string const& by,
                                        engine::Instant now);

}  // namespace hazeguard::service
