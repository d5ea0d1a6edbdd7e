#pragma once
/// @file sqlite_small_repositories.hpp
/// @brief The forecast, warning and idempotency ports over SQLite: a few statements each.

#include "engine/ports/forecast_repository.hpp"
#include "engine/ports/idempotency_repository.hpp"
#include "engine/ports/warning_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteForecastRepository final : public ports::ForecastRepository {
public:
    explicit SqliteForecastRepository(StatementCache& statements) : st_(statements) {}
    std::int64_t add(ports::ForecastRecord const& f) override;
    std::optional<ports::ForecastRecord> find(std::int64_t id) override;
    std::optional<std::int64_t> latest() override;

private:
    StatementCache& st_;
};

/// @brief The machine's one row (table machine) and the hash-chained timeline.
class SqliteWarningRepository final : public ports::WarningRepository {
public:
    explicit SqliteWarningRepository(StatementCache& statements) : st_(statements) {}
    engine::WarningState state() override;
    void save(engine::WarningState const& state) override;
    void append_timeline(engine::TimelineRecord row) override;

private:
    StatementCache& st_;
};

class SqliteIdempotencyRepository final : public ports::IdempotencyRepository {
public:
    explicit SqliteIdempotencyRepository(StatementCache& statements) : st_(statements) {}
    std::optional<ports::StoredAnswer> find(std::string const& principal, std::string const& key) override;
    void remember(std::string const& principal, std::string const& key, ports::StoredAnswer const& answer,
                  engine::Instant at) override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
