#pragma once
/// @file sqlite_batch_repository.hpp
/// @brief ports::BatchRepository over SQLite (order_batches, orders, order_counts, escalations).

#include "engine/ports/batch_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class OrderCountTally;

class SqliteBatchRepository final : public ports::BatchRepository {
public:
    explicit SqliteBatchRepository(StatementCache& statements) : st_(statements) {}
    std::optional<std::int64_t> episode_list_version(std::int64_t episode) override;
    ports::IssuedBatch issue(ports::NewBatch const& batch, std::string const& plan_version) override;
    void close(std::int64_t batch, ports::BatchTotals const& totals, std::optional<engine::Instant> ack_due,
               std::optional<engine::Instant> execution_due) override;
    std::optional<ports::BatchState> state(std::int64_t batch) override;
    std::optional<std::string> cause(std::int64_t batch) override;
    std::optional<ports::AdvanceBatch> advance(std::string const& cause) override;
    std::vector<ports::OverduePlant> overdue_plants(std::int64_t batch, std::string const& district, bool ack,
                                                    int limit) override;
    std::int64_t remind(std::int64_t batch, engine::Instant at) override;
    std::map<std::string, std::int64_t> escalate(std::int64_t batch, bool ack, engine::Instant at) override;

private:
    void insert_orders(std::int64_t batch, std::int64_t prev, ports::NewBatch const& spec, std::string const& plan_version);
    void tally_orders(OrderCountTally& tally, ports::BatchTotals& totals, ports::NewBatch const& spec,
                      std::string const& plan_version);
    std::int64_t insert_terminations(OrderCountTally& tally, std::int64_t batch, std::int64_t prev);

    StatementCache& st_;
};

}  // namespace hazeguard::storage
