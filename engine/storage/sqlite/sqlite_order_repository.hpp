#pragma once
/// @file sqlite_order_repository.hpp
/// @brief ports::OrderRepository over SQLite (tables orders, order_batches, order_counts,
/// enterprises, enterprise_bodies; engine/storage/migrations.cpp).

#include "engine/ports/order_repository.hpp"
#include "engine/storage/sqlite/statement_cache.hpp"

namespace hazeguard::storage {

class SqliteOrderRepository final : public ports::OrderRepository {
public:
    explicit SqliteOrderRepository(StatementCache& statements) : st_(statements) {}
    std::optional<ports::OrderRecord> find(std::int64_t id) override;
    std::optional<std::int64_t> successor(ports::OrderRecord const& order) override;
    ports::OrderDetails details(std::int64_t id) override;
    std::optional<engine::Instant> ack_due(ports::OrderRecord const& order) override;
    void record_acknowledgement(ports::OrderRecord const& order, ports::Acknowledgement const& ack, bool late) override;
    void record_execution(ports::OrderRecord const& order, engine::Instant at, std::string const& report,
                          bool first) override;
    bool mark_reached(std::int64_t order_id, engine::Instant at) override;
    std::string enterprise_entry(ports::OrderRecord const& order) override;
    std::vector<std::int64_t> ids_for_enterprise(std::string const& credit_code, int limit) override;
    bool episode_exists(std::int64_t episode) override;
    std::optional<std::int64_t> latest_batch(std::int64_t episode) override;
    std::vector<std::int64_t> ids(ports::OrderQuery const& query) override;

private:
    void count(ports::OrderRecord const& order, std::string const& set, bool late);
    StatementCache& st_;
};

}  // namespace hazeguard::storage
