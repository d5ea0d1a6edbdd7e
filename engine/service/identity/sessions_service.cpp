// Staff sign-in for the console: passwords checked off the I/O threads, failures counted and
// accounts locked in storage (so a restart forgets nothing), sessions stored by hash.
#include "engine/service/identity/sessions_service.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <thread>

#include "engine/service/identity/passwords.hpp"
#include "engine/service/identity/tokens.hpp"
#include "engine/util/sha256.hpp"

namespace hazeguard::service {
namespace {

bool valid_login(std::string const& login) {
    return !login.empty() && login.size() <= 64 && std::all_of(login.begin(), login.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

// Checked when the login does not exist, so that a wrong login costs as long as a wrong password.
std::string const& decoy_hash() {
    static std::string const hash = hash_password(random_secret(16));
    return hash;
}

Command sign_in_command(std::string const& login) { return {{"console:" + login, "console", "", ""}, std::nullopt, ""}; }

}  // namespace

std::int64_t create_account(ports::AccountRepository& accounts, plans::Plan const& plan, std::string const& login,
                            Principal const& who, std::string const& password, engine::Instant now) {
    if (!valid_login(login))
        throw std::invalid_argument("--login: 1 to 64 letters, digits, '.', '_' or '-'");
    if (who.role == "enterprise")
        throw std::invalid_argument("--role: staff accounts only; plants open their orders from the one-time link");
    auto const problems = principal_problems(plan, who);
    if (!problems.empty()) throw std::invalid_argument("--" + problems.front().pointer.substr(1) + ": " + problems.front().message);
    if (auto const problem = password_problem(password)) throw std::invalid_argument("password: " + *problem);
    if (accounts.find_by_login(login)) throw std::invalid_argument("--login: '" + login + "' is taken");
    return accounts.add(login, hash_password(password), who, now);
}

void SessionsService::sign_in(std::string login, std::string password, SignInDone done) {
    std::optional<ports::StaffAccount> account;
    if (valid_login(login)) transactions_.read([&](ports::Store& store) { account = store.accounts().find_by_login(login); });
    auto const now = real_now();
    if (account && account->locked_until && *account->locked_until > now)
        return done(nullptr, {SignInOutcome::locked, "", account->locked_until});
    {
        std::lock_guard lock(mutex_);
        if (verifying_ >= settings_.max_verifying) return done(nullptr, {SignInOutcome::busy, "", std::nullopt});
        ++verifying_;
    }
    std::string const stored = account ? account->password_hash : std::string();
    std::thread([this, login = std::move(login), password = std::move(password), stored, done = std::move(done)] {
        try {
            bool const matches = password_matches(stored.empty() ? decoy_hash() : stored, password) && !stored.empty();
            auto const id = matches ? random_secret() : std::string();
            auto const csrf = matches ? random_secret() : std::string();
            // The outcome is settled in the transaction (another sign-in may have locked the
            // account meanwhile) and answered once it is on disk.
            auto const settled = std::make_shared<SignInResult>();
            runner_.run(
                sign_in_command(login),
                [this, login, matches, hash = matches ? engine::sha256_hex(id) : "", csrf, settled](Tx& tx) {
                    *settled = settle(tx, login, matches, hash, csrf);
                    return Reply{};
                },
                [id, done, settled](std::exception_ptr error, Reply) {
                    if (error) return done(error, {});
                    SignInResult r = *settled;
                    if (r.outcome == SignInOutcome::signed_in) r.session_id = id;
                    done(nullptr, std::move(r));
                });
        } catch (...) {
            done(std::current_exception(), {});
        }
        std::lock_guard lock(mutex_);
        --verifying_;
        idle_.notify_all();
    }).detach();
}

// In the transaction: the account as it is now (another sign-in may have locked it meanwhile).
SignInResult SessionsService::settle(Tx& tx, std::string const& login, bool matches, std::string const& session_hash,
                                     std::string const& csrf) {
    auto const account = tx.store.accounts().find_by_login(login);
    if (!account) return {SignInOutcome::refused, "", std::nullopt};
    if (account->locked_until && *account->locked_until > tx.real_now)
        return {SignInOutcome::locked, "", account->locked_until};
    if (matches) {
        tx.store.accounts().set_failures(account->id, 0, std::nullopt);
        tx.store.accounts().open_session(session_hash, account->id, csrf, tx.real_now);
        return {SignInOutcome::signed_in, "", std::nullopt};
    }
    int const failures = account->failures + 1;
    if (failures >= settings_.lock_after) {
        engine::Instant const until = tx.real_now + settings_.lock_seconds;
        tx.store.accounts().set_failures(account->id, 0, until);
        return {SignInOutcome::locked, "", until};
    }
    tx.store.accounts().set_failures(account->id, failures, std::nullopt);
    return {SignInOutcome::refused, "", std::nullopt};
}

std::optional<ConsoleSession> SessionsService::session(std::string const& id) {
    if (id.empty() || id.size() > 128) return std::nullopt;
    auto const hash = engine::sha256_hex(id);
    std::optional<ports::StoredSession> found;
    transactions_.read([&](ports::Store& store) { found = store.accounts().find_session(hash); });
    auto const now = real_now();
    if (!found || now - found->last_seen > settings_.idle_seconds) return std::nullopt;
    // The idle expiry counts from the last use; recorded at most every minute (or every tenth of
    // the idle time when that is shorter), without waiting for it.
    if (now - found->last_seen >= std::min<engine::Instant>(60, settings_.idle_seconds / 10))
        runner_.run(
            {found->principal, std::nullopt, ""},
            [hash](Tx& tx) {
                tx.store.accounts().touch_session(hash, tx.real_now);
                return Reply{};
            },
            [](std::exception_ptr, Reply) {});
    return ConsoleSession{found->principal, found->csrf};
}

void SessionsService::sign_out(std::string const& id, Completion done) {
    runner_.run(
        {{"console", "console", "", ""}, std::nullopt, ""},
        [hash = engine::sha256_hex(id)](Tx& tx) {
            tx.store.accounts().end_session(hash, tx.real_now);
            return Reply{};
        },
        std::move(done));
}

bool SessionsService::has_accounts() {
    bool any = false;
    transactions_.read([&](ports::Store& store) { any = store.accounts().any(); });
    return any;
}

std::int64_t SessionsService::create_account_now(plans::Plan const& plan, std::string const& login, Principal const& who,
                                                 std::string const& password) {
    std::int64_t id = 0;
    transactions_.write([&](ports::Store& store) { id = create_account(store.accounts(), plan, login, who, password, real_now()); });
    return id;
}

void SessionsService::drain() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return verifying_ == 0; });
}

}  // namespace hazeguard::service
