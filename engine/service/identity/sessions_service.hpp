#pragma once
/// @file sessions_service.hpp
/// @brief The console's staff sign-in: a login and password checked against the account's argon2id
/// string (off the I/O threads), a lock after repeated failures, and cookie sessions with an idle
/// expiry and a CSRF token each (docs/console.md). A session stands for the account's principal,
/// so the roles and authorities of bearer tokens apply unchanged.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "engine/ports/transactions.hpp"
#include "engine/service/command.hpp"
#include "engine/service/command_runner.hpp"
#include "engine/service/principal.hpp"
#include "plans/plan.hpp"

namespace hazeguard::service {

struct SessionSettings {
    engine::Instant idle_seconds = 30 * 60;   ///< serve --session-idle-minutes
    int lock_after = 5;                       ///< failed sign-ins in a row that lock an account
    engine::Instant lock_seconds = 15 * 60;   ///< how long the lock lasts
    int max_verifying = 4;                    ///< password checks running at once; more are told to retry
};

enum class SignInOutcome {
    signed_in,  ///< a new session: `session_id` goes into the cookie
    refused,    ///< no such login or a wrong password (the two are not told apart)
    locked,     ///< too many failures: refused until `locked_until`, whatever the password
    busy,       ///< too many sign-ins being checked at once: retry shortly
};

struct SignInResult {
    SignInOutcome outcome = SignInOutcome::refused;
    std::string session_id;   ///< in clear, only here: storage keeps its SHA-256
    std::optional<engine::Instant> locked_until;
};

using SignInDone = std::function<void(std::exception_ptr error, SignInResult result)>;

/// @brief A session that is open and not idle too long.
struct ConsoleSession {
    Principal principal;
    std::string csrf;
};

/// @brief Creates the account `login` for `who` with `password` (hashed here). Throws
/// std::invalid_argument when the login is taken or malformed, the password too short or too
/// long, or the principal could not be a token's either (principal_problems()).
std::int64_t create_account(ports::AccountRepository& accounts, plans::Plan const& plan, std::string const& login,
                            Principal const& who, std::string const& password, engine::Instant now);

class SessionsService {
public:
    SessionsService(CommandRunner& runner, ports::Transactions& transactions)
        : runner_(runner), transactions_(transactions) {}
    ~SessionsService() { drain(); }

    /// @brief Returns at once; the password is checked on a thread of its own and `done` called
    /// from the group-commit writer once the outcome (a session, or the failure count) is on disk.
    void sign_in(std::string login, std::string password, SignInDone done);
    /// @brief The session of cookie value `id`, or nullopt when there is none, it was ended, or it
    /// was idle longer than the setting. Records its use (at most every minute).
    std::optional<ConsoleSession> session(std::string const& id);
    /// @brief Ends the session of `id`; `done` once that is on disk.
    void sign_out(std::string const& id, Completion done);
    /// @brief True once any account was stored (serve --demo-accounts writes some otherwise).
    bool has_accounts();
    /// @brief create_account() in a transaction of its own, now (start-up only: it blocks).
    std::int64_t create_account_now(plans::Plan const& plan, std::string const& login, Principal const& who,
                                    std::string const& password);
    /// @brief Waits for the password checks still running (the Service calls it before storage stops).
    void drain();

    SessionSettings const& settings() const { return settings_; }
    /// @brief Replaces the settings; only before serving (serve --session-idle-minutes).
    void configure(SessionSettings settings) { settings_ = settings; }

private:
    SignInResult settle(Tx& tx, std::string const& login, bool matches, std::string const& session_hash, std::string const& csrf);

    CommandRunner& runner_;
    ports::Transactions& transactions_;
    SessionSettings settings_;
    std::mutex mutex_;
    std::condition_variable idle_;
    int verifying_ = 0;   ///< password checks running, under mutex_
};

}  // namespace hazeguard::service
