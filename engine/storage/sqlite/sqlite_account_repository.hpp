#pragma once
/// @file sqlite_account_repository.hpp
/// @brief ports::AccountRepository over SQLite (tables accounts and sessions, migration 0013).

#include "engine/ports/account_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteAccountRepository final : public ports::AccountRepository {
public:
    explicit SqliteAccountRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add(std::string const& login, std::string const& password_hash, service::Principal const& who,
                     engine::Instant created_at) override;
    std::optional<ports::StaffAccount> find_by_login(std::string const& login) override;
    bool any() override;
    void set_failures(std::int64_t account, int failures, std::optional<engine::Instant> locked_until) override;
    void open_session(std::string const& hash, std::int64_t account, std::string const& csrf, engine::Instant now) override;
    std::optional<ports::StoredSession> find_session(std::string const& hash) override;
    void touch_session(std::string const& hash, engine::Instant now) override;
    bool end_session(std::string const& hash, engine::Instant now) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
