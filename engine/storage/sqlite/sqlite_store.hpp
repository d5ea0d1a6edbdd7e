#pragma once
/// @file sqlite_store.hpp
/// @brief ports::Store for one SQLite connection: its repositories share its statement cache.

#include <memory>

#include "engine/ports/store.hpp"
#include "engine/storage/sqlite/sqlite_list_repository.hpp"
#include "engine/storage/sqlite/sqlite_observation_repository.hpp"
#include "engine/storage/sqlite/sqlite_order_repository.hpp"
#include "engine/storage/sqlite/sqlite_small_repositories.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteStore final : public ports::Store {
public:
    explicit SqliteStore(SQLite::Database& db)
        : statements_(db), orders_(statements_), forecasts_(statements_), warning_(statements_),
          idempotency_(statements_), lists_(statements_), observations_(statements_) {}
    ports::OrderRepository& orders() override { return orders_; }
    ports::ForecastRepository& forecasts() override { return forecasts_; }
    ports::WarningRepository& warning() override { return warning_; }
    ports::IdempotencyRepository& idempotency() override { return idempotency_; }
    ports::ListRepository& lists() override { return lists_; }
    ports::ObservationRepository& observations() override { return observations_; }
    /// @brief Called when a job or query ends (statement_cache.hpp).
    void release() { statements_.reset_all(); }

private:
    StatementCache statements_;
    SqliteOrderRepository orders_;
    SqliteForecastRepository forecasts_;
    SqliteWarningRepository warning_;
    SqliteIdempotencyRepository idempotency_;
    SqliteListRepository lists_;
    SqliteObservationRepository observations_;
};

}  // namespace hazeguard::storage
