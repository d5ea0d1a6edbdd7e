#pragma once
/// @file sqlite_store.hpp
/// @brief ports::Store for one SQLite connection: its repositories share its statement cache.

#include <memory>

#include "engine/ports/store.hpp"
#include "engine/storage/sqlite/sqlite_batch_repository.hpp"
#include "engine/storage/sqlite/sqlite_order_repository.hpp"
#include "engine/storage/sqlite/sqlite_small_repositories.hpp"
#include "engine/storage/sqlite/sqlite_workflow_repositories.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteStore final : public ports::Store {
public:
    explicit SqliteStore(SQLite::Database& db)
        : statements_(db), orders_(statements_), forecasts_(statements_), warning_(statements_),
          idempotency_(statements_), batches_(statements_), proposals_(statements_), directives_(statements_),
          episodes_(statements_), timers_(statements_) {}
    ports::OrderRepository& orders() override { return orders_; }
    ports::ForecastRepository& forecasts() override { return forecasts_; }
    ports::WarningRepository& warning() override { return warning_; }
    ports::IdempotencyRepository& idempotency() override { return idempotency_; }
    ports::BatchRepository& batches() override { return batches_; }
    ports::ProposalRepository& proposals() override { return proposals_; }
    ports::DirectiveRepository& directives() override { return directives_; }
    ports::EpisodeRepository& episodes() override { return episodes_; }
    ports::TimerRepository& timers() override { return timers_; }
    /// @brief Called when a job or query ends (statement_cache.hpp).
    void release() { statements_.reset_all(); }

private:
    StatementCache statements_;
    SqliteOrderRepository orders_;
    SqliteForecastRepository forecasts_;
    SqliteWarningRepository warning_;
    SqliteIdempotencyRepository idempotency_;
    SqliteBatchRepository batches_;
    SqliteProposalRepository proposals_;
    SqliteDirectiveRepository directives_;
    SqliteEpisodeRepository episodes_;
    SqliteTimerRepository timers_;
};

}  // namespace hazeguard::storage
