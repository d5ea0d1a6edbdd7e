#pragma once
/// @file sqlite_token_repository.hpp
/// @brief ports::TokenRepository over SQLite (table tokens; the epoch in settings 'tokens_epoch').

#include "engine/ports/token_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteTokenRepository final : public ports::TokenRepository {
public:
    explicit SqliteTokenRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add(std::string const& hash, service::Principal const& who, engine::Instant created_at,
                     engine::Instant expires_at) override;
    std::optional<service::TokenRecord> find(std::int64_t id) override;
    std::optional<ports::ValidToken> find_unrevoked(std::string const& hash) override;
    std::vector<service::TokenRecord> list(bool all, engine::Instant now) override;
    bool revoke(std::int64_t id, std::string const& by, engine::Instant now) override;
    std::int64_t epoch() override;
    bool any() override;
    std::string link_key(std::string const& candidate) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
