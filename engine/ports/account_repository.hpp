#pragma once
/// @file account_repository.hpp
/// @brief Port: staff accounts that sign in to the console with a password (stored as an argon2id
/// string, never in clear) and their cookie sessions (stored as the SHA-256 of the session id).
/// An account stands for the same principal a bearer token does: role, name, authority.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/service/principal.hpp"
#include "engine/time/timestamp.hpp"

namespace hazeguard::ports {

/// @brief A staff account as stored.
struct StaffAccount {
    std::int64_t id = 0;
    std::string login;
    std::string password_hash;   ///< crypto_pwhash_str's argon2id string
    service::Principal principal;
    int failures = 0;            ///< failed sign-ins in a row
    std::optional<engine::Instant> locked_until;
};

/// @brief A session that was not ended, with its account's principal.
struct StoredSession {
    std::int64_t account_id = 0;
    service::Principal principal;
    std::string csrf;            ///< the token every form of this session carries
    engine::Instant last_seen = 0;
};

class AccountRepository {
public:
    virtual ~AccountRepository() = default;
    /// @brief Stores a new account; returns its id. The login must be free (find_by_login first).
    virtual std::int64_t add(std::string const& login, std::string const& password_hash, service::Principal const& who,
                             engine::Instant created_at) = 0;
    virtual std::optional<StaffAccount> find_by_login(std::string const& login) = 0;
    /// @brief True once any account was stored.
    virtual bool any() = 0;
    /// @brief Replaces the count of failed sign-ins in a row and the lock (none: unlocked).
    virtual void set_failures(std::int64_t account, int failures, std::optional<engine::Instant> locked_until) = 0;
    /// @brief Opens a session under the SHA-256 of its id.
    virtual void open_session(std::string const& hash, std::int64_t account, std::string const& csrf,
                              engine::Instant now) = 0;
    /// @brief The session with this hash unless it was ended.
    virtual std::optional<StoredSession> find_session(std::string const& hash) = 0;
    /// @brief Records that the session was used at `now` (its idle expiry counts from there).
    virtual void touch_session(std::string const& hash, engine::Instant now) = 0;
    /// @brief Ends the session (sign-out); false when there was none open.
    virtual bool end_session(std::string const& hash, engine::Instant now) = 0;
};

}  // namespace hazeguard::ports
