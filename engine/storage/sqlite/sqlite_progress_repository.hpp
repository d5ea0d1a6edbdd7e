#pragma once
/// @file sqlite_progress_repository.hpp
/// @brief ports::ProgressRepository and ports::OperationsRepository over SQLite (order_batches,
/// order_counts, escalations; timers, the schema version, the timeline's head): a few reads each.

#include "engine/ports/operations_repository.hpp"
#include "engine/ports/progress_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteProgressRepository final : public ports::ProgressRepository {
public:
    explicit SqliteProgressRepository(StatementCache& statements) : st_(statements) {}
    std::vector<ports::BatchRecord> batches(std::int64_t episode) override;
    std::vector<ports::OrderCount> counts(std::int64_t batch) override;
    std::vector<ports::Escalation> escalations(std::int64_t batch) override;
    std::int64_t reached(std::int64_t batch) override;

private:
    StatementCache& st_;
};

class SqliteOperationsRepository final : public ports::OperationsRepository {
public:
    explicit SqliteOperationsRepository(StatementCache& statements) : st_(statements) {}
    bool schema_current() override;
    std::int64_t timers_pending() override;
    ports::OpenBatchTally open_batch_tally() override;
    std::pair<std::int64_t, std::string> timeline_head() override;

private:
    StatementCache& st_;
};

}  // namespace hazeguard::storage
